"""The clinical review workflow, driven through Wagtail's real admin views as editors and reviewers use it."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from glossary.models import TermPage
from review.models import ClinicalSignOffTask, SignOff
from review.workflow import add_months, submit_for_review
from tests.factories import TermPageFactory, UserFactory
from tests.review_helpers import (
    CHECKLIST,
    current_task_state,
    edit_page,
    make_editor,
    make_reviewer,
    workflow_action_url,
)


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def reviewer(db):
    return make_reviewer("rahman")


@pytest.fixture
def second_reviewer(db):
    return make_reviewer("okafor", credentials="MBChB, FRCP, consultant haematologist")


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")


def approve(client, page, task_state, **data):
    """Post the sign-off dialog as the browser does, with the default next review date it shows."""
    default_due = add_months(timezone.localdate(), 12).isoformat()
    return client.post(
        workflow_action_url(page, "approve", task_state), {**CHECKLIST, "next_review_due": default_due, **data}
    )


def assert_refused(response):
    """Wagtail's admin answers PermissionDenied by sending the user back to the dashboard with an error."""
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def live_term(term):
    return TermPage.objects.get(pk=term.pk)


def test_migration_creates_roles_and_puts_every_page_under_clinical_review(term):
    task = ClinicalSignOffTask.objects.get(name="Clinical sign-off")
    assert list(task.groups.values_list("name", flat=True)) == ["Clinical reviewers"]
    assert term.get_workflow().name == "Clinical review"
    assert list(term.get_workflow().tasks.specific()) == [task]
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Clinical editors",
        "Clinical reviewers",
        "Content administrators",
    }
    for name in ("Clinical editors", "Clinical reviewers"):
        codenames = set(
            Group.objects.get(name=name).page_permissions.values_list("permission__codename", flat=True)
        )
        assert codenames == {"add_page", "change_page"}


def test_no_group_can_publish_around_the_clinical_review(db):
    """Wagtail's stock Moderators (who could publish directly) are retired by a migration."""
    from wagtail.models import GroupPagePermission, Workflow

    publishers = GroupPagePermission.objects.filter(permission__codename="publish_page")
    assert list(publishers.values_list("group__name", flat=True)) == []
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert list(Workflow.objects.filter(active=True).values_list("name", flat=True)) == ["Clinical review"]


def test_editor_submits_and_second_reviewer_signs_off_the_exact_revision(
    client, term, editor, reviewer, mailoutbox, django_user_model
):
    django_user_model.objects.create_superuser("root", "root@healthwords.example", "password")
    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="Remission means signs of cancer have gone.")
    task_state = current_task_state(term)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    assert live_term(term).definition == "Remission means the cancer is smaller."
    assert [message.to for message in mailoutbox] == [[reviewer.email]]  # not the superuser, not the editor

    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Remission" in dashboard and "Sign off and publish" in dashboard
    response = approve(client, term, task_state, comment="Clear and accurate.")
    assert response.status_code == 302

    page = live_term(term)
    today = timezone.localdate()
    assert page.live and page.definition == "Remission means signs of cancer have gone."
    assert page.last_reviewed == today
    assert page.next_review_due == add_months(today, 12)
    assert page.reviewed_by == "Dr Rahman, MBBS, consultant oncologist"
    record = SignOff.objects.get()
    assert record.revision_id == task_state.revision_id == page.live_revision_id
    assert (record.reviewer, record.comment, record.clinically_accurate) == (reviewer, "Clear and accurate.", True)
    assert PageLogEntry.objects.filter(page=term, action="review.sign_off", revision=task_state.revision).exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=[term.pk])).content.decode()
    assert "Signed off by Dr Rahman, MBBS, consultant oncologist." in history
    assert mailoutbox[-1].to == [editor.email] and "signed off" in mailoutbox[-1].subject

    html = client.get(term.url).content.decode()
    assert "Medically reviewed by Dr Rahman, MBBS, consultant oncologist." in html
    assert f'Page last reviewed: <time datetime="{today:%Y-%m-%d}">' in html


def test_reviewer_may_choose_the_next_review_date_but_not_skip_the_checklist(client, term, editor, reviewer):
    task_state = submit_for_review(term, editor)
    client.force_login(reviewer)
    response = client.post(
        workflow_action_url(term, "approve", task_state),
        {"clinically_accurate": "on", "next_review_due": "2030-01-31"},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert "Confirm you have checked the sources." in response.json()["html"]
    assert current_task_state(term).status == TaskState.STATUS_IN_PROGRESS

    approve(client, term, task_state, next_review_due="2030-01-31")
    assert live_term(term).next_review_due == datetime.date(2030, 1, 31)


def test_editor_has_no_publish_button_and_a_forged_publish_only_saves_a_draft(client, term, editor):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[term.pk])
    html = client.get(edit_url).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    edit_page(client, term, "action-publish", definition="Changed without review.")
    page = live_term(term)
    assert page.definition == "Remission means the cancer is smaller."
    assert page.has_unpublished_changes
    assert_refused(client.post(reverse("wagtailadmin_pages:unpublish", args=[term.pk])))
    assert live_term(term).live


def test_reviewer_cannot_approve_their_own_submission(client, term, reviewer, second_reviewer):
    client.force_login(reviewer)
    edit_page(client, term, "action-submit", definition="Written and submitted by a reviewer.")
    task_state = current_task_state(term)
    assert (
        "Sign off and publish"
        not in client.get(reverse("wagtailadmin_pages:edit", args=[term.pk])).content.decode()
    )

    assert_refused(approve(client, term, task_state))
    edit_page(client, term, "action-workflow-action", **{"workflow-action-name": "approve"})
    assert current_task_state(term).status == TaskState.STATUS_IN_PROGRESS
    assert not SignOff.objects.exists()

    client.force_login(second_reviewer)
    approve(client, term, current_task_state(term))
    assert live_term(term).definition == "Written and submitted by a reviewer."


def test_reviewer_cannot_approve_a_draft_they_wrote_that_someone_else_submitted(
    client, term, editor, reviewer, second_reviewer
):
    client.force_login(reviewer)
    edit_page(client, term, definition="Drafted by a reviewer, submitted unchanged by the editor.")
    client.force_login(editor)
    edit_page(client, term, "action-submit")
    task_state = current_task_state(term)
    assert task_state.revision.user == editor

    client.force_login(reviewer)
    assert "Sign off and publish" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert_refused(approve(client, term, task_state))
    assert not SignOff.objects.exists()

    client.force_login(second_reviewer)
    approve(client, term, current_task_state(term))
    assert live_term(term).definition == "Drafted by a reviewer, submitted unchanged by the editor."


def test_reviewer_without_credentials_is_not_offered_sign_off(client, term, editor):
    uncredentialled = make_reviewer("newcomer", credentials="")
    task_state = submit_for_review(term, editor)
    client.force_login(uncredentialled)
    assert_refused(approve(client, term, task_state))
    assert not SignOff.objects.exists()
    assert "credentials" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_request_changes_needs_a_comment_then_notifies_editor_who_resubmits(
    client, term, editor, reviewer, mailoutbox
):
    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="A first draft.")
    task_state = current_task_state(term)

    client.force_login(reviewer)
    reject_url = workflow_action_url(term, "reject", task_state)
    response = client.post(reject_url, {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"})
    assert "Say what needs to change." in response.json()["html"]
    assert current_task_state(term).status == TaskState.STATUS_IN_PROGRESS

    mailoutbox.clear()
    client.post(reject_url, {"comment": "Explain what remission means for treatment."})
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert [message.to for message in mailoutbox] == [[editor.email]]
    assert "Explain what remission means for treatment." in mailoutbox[0].body

    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="A second draft that explains treatment.")
    resubmitted = current_task_state(term)
    assert resubmitted.status == TaskState.STATUS_IN_PROGRESS and resubmitted.pk != task_state.pk

    client.force_login(reviewer)
    approve(client, term, resubmitted)
    assert live_term(term).definition == "A second draft that explains treatment."


def test_edit_during_review_restarts_sign_off_on_the_new_revision(client, term, editor, reviewer, second_reviewer):
    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="The editor's wording.")
    first = current_task_state(term)

    client.force_login(second_reviewer)
    edit_page(client, term, definition="The reviewer's corrected wording.")
    restarted = current_task_state(term)
    assert TaskState.objects.get(pk=first.pk).status == TaskState.STATUS_CANCELLED
    assert restarted.status == TaskState.STATUS_IN_PROGRESS
    assert restarted.revision_id == live_term(term).latest_revision_id != first.revision_id
    assert_refused(approve(client, term, restarted))  # they last edited it

    client.force_login(reviewer)
    approve(client, term, first)
    assert not live_term(term).last_reviewed
    approve(client, term, restarted)
    page = live_term(term)
    assert page.definition == "The reviewer's corrected wording."
    assert SignOff.objects.get().revision_id == restarted.revision_id == page.live_revision_id


def test_page_never_reviewed_shows_no_review_line(client, term):
    html = client.get(term.url).content.decode()
    assert "Medically reviewed" not in html
    assert "Page last reviewed" not in html
    assert "Next review due" not in html


def test_content_administrators_manage_reviewer_profiles_users_and_workflows(client, editor):
    administrator = UserFactory(username="ada", groups=["Content administrators"])
    client.force_login(administrator)
    for url in (reverse("wagtailusers_users:index"), reverse("wagtailadmin_workflows:index")):
        assert client.get(url).status_code == 200
    response = client.post(
        reverse("reviewer_profiles:add"),
        {"user": editor.pk, "display_name": "Dr E. Example", "credentials": "MBBS, consultant oncologist"},
    )
    assert response.status_code == 302
    assert editor.reviewer_profile.signature == "Dr E. Example, MBBS, consultant oncologist"
    assert_refused(client.get(reverse("wagtailadmin_pages:edit", args=[Page.objects.get(depth=2).pk])))

    client.force_login(editor)
    assert_refused(client.get(reverse("reviewer_profiles:index")))


def test_reviewer_signs_off_from_the_page_editor(client, term, editor, reviewer):
    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="Submitted through the editor.")
    task_state = current_task_state(term)
    client.force_login(reviewer)
    collect_url = reverse(
        "wagtailadmin_pages:collect_workflow_action_data", args=[term.pk, "approve", task_state.pk]
    )
    dialog = client.get(collect_url).json()["html"]
    assert "The content is clinically accurate" in dialog
    collected = client.post(collect_url, {**CHECKLIST, "next_review_due": "2030-06-30"}).json()
    assert collected["step"] == "success"

    extra_data = json.dumps(collected["cleaned_data"])
    edit_page(
        client,
        term,
        "action-workflow-action",
        **{"workflow-action-name": "approve", "workflow-action-extra-data": extra_data},
    )
    page = live_term(term)
    assert (page.definition, page.next_review_due) == ("Submitted through the editor.", datetime.date(2030, 6, 30))
    assert SignOff.objects.get().revision_id == page.live_revision_id == task_state.revision_id
