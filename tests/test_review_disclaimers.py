"""Disclaimers go through the clinical review too: an editor's change reaches readers only after sign-off."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, TaskState
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from health_content.models import MedicalDisclaimer
from review.models import SignOff
from tests.factories import MedicalDisclaimerFactory, TermPageFactory
from tests.review_helpers import CHECKLIST, make_editor, make_reviewer

OLD = "It is not a substitute for advice from your doctor."
NEW = "Always ask your own doctor or nurse about your care."
SNIPPET_URLS = "wagtailsnippets_health_content_medicaldisclaimer"


@pytest.fixture
def term(glossary, default_disclaimer):
    return TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")


def edit_disclaimer(client, disclaimer, action, body):
    """Post the real snippet edit form with a new body, as the editor's browser would."""
    url = reverse(f"{SNIPPET_URLS}:edit", args=[disclaimer.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="w-editor-form")
    form["body"] = rich_text(f"<p>{body}</p>")
    form[action] = action
    return client.post(url, form)


def public_html(client, page):
    return client.get(page.url).content.decode()


def test_edited_disclaimer_reaches_readers_only_after_sign_off(client, term, default_disclaimer):
    editor, reviewer = make_editor(), make_reviewer("rahman")
    client.force_login(editor)
    edit_url = reverse(f"{SNIPPET_URLS}:edit", args=[default_disclaimer.pk])
    assert 'name="action-publish"' not in client.get(edit_url).content.decode()

    edit_disclaimer(client, default_disclaimer, "action-submit", NEW)
    disclaimer = MedicalDisclaimer.objects.get(pk=default_disclaimer.pk)
    assert disclaimer.has_unpublished_changes and OLD in disclaimer.body
    task_state = disclaimer.current_workflow_task_state
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    html = public_html(client, term)
    assert OLD in html and NEW not in html

    client.force_login(reviewer)
    action_url = reverse(f"{SNIPPET_URLS}:workflow_action", args=[disclaimer.pk, "approve", task_state.pk])
    dialog = client.get(action_url).json()["html"]
    assert "The content is clinically accurate" in dialog and "Flesch-Kincaid" not in dialog
    assert "this exact version of “Medical disclaimer”" in dialog
    assert "published at once, everywhere it appears" in dialog and "foot of the page" not in dialog
    client.post(action_url, {**CHECKLIST, "next_review_due": "2030-06-30"})

    disclaimer.refresh_from_db()
    assert NEW in disclaimer.body and not disclaimer.has_unpublished_changes
    assert disclaimer.live_revision_id == task_state.revision_id
    html = public_html(client, term)
    assert NEW in html and OLD not in html

    record = SignOff.objects.get()
    assert (record.content_object, record.page, record.revision_id) == (disclaimer, None, task_state.revision_id)
    assert ModelLogEntry.objects.filter(action="review.sign_off", object_id=str(disclaimer.pk)).exists()
    history = client.get(reverse("review_reports:sign_off_history")).content.decode()
    assert reverse(f"{SNIPPET_URLS}:history", args=[disclaimer.pk]) in history
    snippet_history = client.get(reverse(f"{SNIPPET_URLS}:history", args=[disclaimer.pk])).content.decode()
    assert "Signed off by Dr Rahman, MBBS, consultant oncologist." in snippet_history


def test_editor_cannot_publish_a_disclaimer_directly(client, term, default_disclaimer):
    client.force_login(make_editor())
    edit_disclaimer(client, default_disclaimer, "action-publish", NEW)
    disclaimer = MedicalDisclaimer.objects.get(pk=default_disclaimer.pk)
    assert OLD in disclaimer.body and disclaimer.has_unpublished_changes
    assert disclaimer.current_workflow_state is None  # a draft, not even in review
    assert NEW not in public_html(client, term)


def test_a_disclaimer_never_published_is_not_shown(client, glossary, default_disclaimer):
    draft = MedicalDisclaimerFactory(title="Chemotherapy disclaimer", body=f"<p>{NEW}</p>", live=False)
    term = TermPageFactory(parent=glossary, title="Chemotherapy", disclaimer=draft)
    html = public_html(client, term)
    assert NEW not in html and OLD in html  # the site's default instead

    default_disclaimer.live = False
    default_disclaimer.save()
    html = public_html(client, term)
    assert NEW not in html and OLD not in html


def test_a_reviewer_editing_a_disclaimer_during_review_restarts_its_sign_off(client, term, default_disclaimer):
    client.force_login(make_editor())
    edit_disclaimer(client, default_disclaimer, "action-submit", NEW)
    first = MedicalDisclaimer.objects.get(pk=default_disclaimer.pk).current_workflow_task_state

    client.force_login(make_reviewer("okafor"))
    response = edit_disclaimer(client, default_disclaimer, "action-save", "Ask your care team about your care.")
    assert (
        "changed during review, so its sign-off has restarted" in client.get(response["Location"]).content.decode()
    )
    first.refresh_from_db()
    restarted = MedicalDisclaimer.objects.get(pk=default_disclaimer.pk).current_workflow_task_state
    assert first.status == TaskState.STATUS_CANCELLED
    assert restarted.status == TaskState.STATUS_IN_PROGRESS and restarted.revision_id != first.revision_id
    assert OLD in public_html(client, term)
