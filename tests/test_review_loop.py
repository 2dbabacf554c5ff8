"""The review loop between editor and reviewers: the request for changes where the editor works, what changed
since the last sign-off in the reviewer's dialog, a confirmation after every review action, review actions in
the dashboard row."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from tests.factories import TermPageFactory
from tests.review_helpers import (
    CHECKLIST,
    current_task_state,
    edit_page,
    make_editor,
    make_reviewer,
    signed_off,
    workflow_action_url,
)

XHR = {"x-requested-with": "XMLHttpRequest"}
COMMENT = "Say what remission means for treatment: does it stop?"


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def reviewer(db):
    return make_reviewer("okafor", credentials="MBChB, FRCP, consultant oncologist")


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")


def next_year():
    return (timezone.localdate() + datetime.timedelta(days=365)).isoformat()


def submit(client, editor, term, definition):
    client.force_login(editor)
    edit_page(client, term, "action-submit", definition=definition)
    return current_task_state(term)


def request_changes(client, reviewer, term, task_state, comment=COMMENT):
    """Request changes from the dashboard's dialog; returns the JSON answer the dialog gets."""
    client.force_login(reviewer)
    return client.post(workflow_action_url(term, "reject", task_state), {"comment": comment}, headers=XHR).json()


def texts(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def section(html, element_id):
    """The HTML of the element with this id, up to the end of the section or panel it opens."""
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</section>", start)]


def test_the_editor_finds_who_requested_changes_and_why_on_the_edit_view_and_the_dashboard(
    client, term, editor, reviewer
):
    task_state = submit(client, editor, term, "A first draft.")
    request_changes(client, reviewer, term, task_state)

    client.force_login(editor)
    edit_view = client.get(reverse("wagtailadmin_pages:edit", args=[term.pk])).content.decode()
    banner = section(edit_view, "change-request-heading")
    assert "Changes requested by Dr Okafor" in banner
    assert "MBChB, FRCP, consultant oncologist" in banner
    assert "Say what remission means for treatment: does it stop?" in banner
    # The status panel's details name the reviewer who asked, not the editor who submitted.
    heading = re.search(r'class="w-dialog__message-heading">([^<]*)<', edit_view).group(1)
    assert heading.endswith("by Dr Okafor, MBChB, FRCP, consultant oncologist")

    panel = section(client.get(reverse("wagtailadmin_home")).content.decode(), "clinical-review-changes-heading")
    assert "changes requested by <strong>Dr Okafor, MBChB, FRCP, consultant oncologist</strong>" in panel
    assert "does it stop?" in panel
    assert reverse("wagtailadmin_pages:edit", args=[term.pk]) in panel

    client.force_login(make_editor("eli"))  # another editor's dashboard is not about this page
    assert "clinical-review-changes-heading" not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(editor)
    response = edit_page(client, term, "action-submit", definition="A second draft that explains treatment.")
    assert texts(response)[0].startswith("“Remission” has been sent for clinical review.")
    edit_view = client.get(reverse("wagtailadmin_pages:edit", args=[term.pk])).content.decode()
    assert "change-request-heading" not in edit_view
    assert "clinical-review-changes-heading" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_sign_off_dialog_compares_with_the_last_signed_off_version_and_names_the_changed_fields(
    client, term, editor, reviewer
):
    first = submit(client, editor, term, "A first draft.")
    client.force_login(reviewer)
    dialog = client.get(workflow_action_url(term, "approve", first)).json()["html"]
    assert "This is the first review: there is no earlier signed-off version to compare with." in dialog
    assert "revisions/compare" not in dialog
    client.post(workflow_action_url(term, "approve", first), {**CHECKLIST, "next_review_due": next_year()})

    second = submit(client, editor, term, "Remission means tests find fewer signs of the cancer.")
    client.force_login(reviewer)
    dialog = client.get(workflow_action_url(term, "approve", second)).json()["html"]
    compare_url = reverse(
        "wagtailadmin_pages:revisions_compare", args=[term.pk, first.revision_id, second.revision_id]
    )
    assert f'href="{compare_url}"' in dialog
    assert "Last signed off by Dr Okafor, MBChB, FRCP, consultant oncologist" in dialog
    changed = re.search(r'<ul class="sign-off-changed-fields">(.*?)</ul>', dialog, re.S).group(1)
    assert re.findall(r"<li>(.*?)</li>", changed) == ["Definition"]

    comparison = client.get(compare_url).content.decode()
    assert "Remission means tests find fewer signs of the cancer." in comparison


def test_unchanged_resubmission_says_nothing_changed_since_the_last_sign_off(client, term, editor, reviewer):
    first = submit(client, editor, term, "A first draft.")
    client.force_login(reviewer)
    client.post(workflow_action_url(term, "approve", first), {**CHECKLIST, "next_review_due": next_year()})
    again = submit(client, editor, term, "A first draft.")
    client.force_login(reviewer)
    dialog = client.get(workflow_action_url(term, "approve", again)).json()["html"]
    assert "No field has changed since then." in dialog
    assert "Compare with the last signed-off version" in dialog


def test_every_review_action_confirms_what_happened_from_the_dashboard_and_the_edit_view(
    client, term, editor, reviewer
):
    task_state = submit(client, editor, term, "A first draft.")
    answer = request_changes(client, reviewer, term, task_state)
    assert answer["step"] == "success"
    response = client.get(answer["redirect"])
    assert response["Location"] == reverse("wagtailadmin_home")
    assert (
        "You requested changes to “Remission”. The editor will see your comment on the page and on their "
        "dashboard, and by e-mail."
    ) in texts(response)

    client.cookies.pop("messages", None)  # as a browser does once it has shown them
    client.force_login(editor)  # someone else's action is not confirmed to them
    assert not any(text.startswith("You") for text in texts(client.get(answer["redirect"])))

    resubmitted = submit(client, editor, term, "A second draft.")
    client.force_login(reviewer)
    answer = client.post(
        workflow_action_url(term, "approve", resubmitted),
        {**CHECKLIST, "next_review_due": next_year()},
        headers=XHR,
    ).json()
    assert (
        "You signed off “Remission”. It is now published, with your name and credentials at the foot of the page."
    ) in texts(client.get(answer["redirect"]))

    # From the edit view's own review actions too.
    submit(client, editor, term, "A third draft.")
    client.force_login(reviewer)
    response = edit_page(
        client,
        term,
        "action-workflow-action",
        **{"workflow-action-name": "reject", "workflow-action-extra-data": '{"comment": "Shorter, please."}'},
    )
    assert "You requested changes to “Remission”." in " ".join(texts(response))


def test_dashboard_rows_offer_sign_off_and_request_changes_as_buttons(client, term, editor, reviewer):
    task_state = submit(client, editor, term, "A first draft.")
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    start = html.index('class="actions review-row-actions')
    row_actions = html[start : html.index('data-controller="w-dropdown"', start)]  # before the "⋯" menu
    for action, label in (("approve", "Sign off and publish"), ("reject", "Request changes")):
        url = workflow_action_url(term, action, task_state)
        assert re.search(
            rf'<button type="button" class="button button-small[^"]*" data-workflow-action-url="{url}"',
            row_actions,
        )
        assert f">{label}</button>" in row_actions


def test_signed_off_history_is_not_compared_for_another_page(client, glossary, editor, reviewer):
    """The last sign-off is looked up for the page under review only."""
    other = TermPageFactory(parent=glossary, title="Relapse", definition="Relapse means the cancer came back.")
    today = timezone.localdate()
    signed_off(other, editor, reviewer, today - datetime.timedelta(days=3), today + datetime.timedelta(days=300))
    term = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    task_state = submit(client, editor, Page.objects.get(pk=term.pk), "A first draft.")
    client.force_login(reviewer)
    dialog = client.get(workflow_action_url(term, "approve", task_state)).json()["html"]
    assert "This is the first review" in dialog
