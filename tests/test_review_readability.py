"""Reviewers see how easy the exact version under review is to read, in the sign-off dialog."""

import pytest
from django.urls import reverse

from glossary.models import TermPage
from tests.factories import TermPageFactory
from tests.review_helpers import current_task_state, edit_page, make_editor, make_reviewer, workflow_action_url

PLAIN = "Remission means the cancer is smaller."
HARD = (
    "Remission signifies diminution or disappearance of detectable malignant manifestations following "
    "multimodality therapeutic intervention, notwithstanding microscopic residual disease."
)


@pytest.fixture
def submitted(client, glossary):
    """A live term with plain wording; the editor submits much harder wording for review."""
    term = TermPageFactory(parent=glossary, title="Remission", definition=PLAIN)
    client.force_login(make_editor())
    edit_page(client, term, "action-submit", definition=HARD)
    client.force_login(make_reviewer("rahman"))
    return term, current_task_state(term)


def test_sign_off_dialog_shows_readability_of_the_revision_under_review(client, submitted):
    term, task_state = submitted
    under_review = task_state.revision.as_object().readability()
    live = TermPage.objects.get(pk=term.pk).readability()
    assert under_review.above_target and under_review.grade != live.grade

    dialog = client.get(workflow_action_url(term, "approve", task_state)).json()["html"]
    assert "How easy this version is to read" in dialog
    assert f"<dd>{under_review.grade}</dd>" in dialog
    assert f"<dd>{live.grade}</dd>" not in dialog
    assert "Above target." in dialog
    assert "of the version you are signing off." in dialog
    assert "The content is clinically accurate" in dialog  # the checklist is still there
    assert "with your name and credentials at the foot of the page" in dialog


def test_sign_off_from_the_page_editor_shows_it_too(client, submitted):
    term, task_state = submitted
    collect_url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[term.pk, "approve", task_state.pk]
    )
    dialog = client.get(collect_url).json()["html"]
    assert f"<dd>{task_state.revision.as_object().readability().grade}</dd>" in dialog
