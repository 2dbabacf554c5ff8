"""Go-live and expiry dates through the clinical review: a signed-off revision with a go-live date in the
future is scheduled, not published, and the scheduled job publishes (or unpublishes) it when its time comes."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision, TaskState

from glossary.models import TermPage
from review.workflow import add_months
from tests import review_helpers as review
from tests.factories import TermPageFactory


@pytest.fixture
def people(db):
    """An editor who submits, and a clinical reviewer who signs off."""
    return review.make_editor(), review.make_reviewer("rahman")


def admin_time(moment):
    """A date and time as the admin's date-time picker sends it."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def submit_and_sign_off(client, page, people, **changes):
    editor, reviewer = people
    client.force_login(editor)
    review.edit_page(client, page, "action-submit", **changes)
    task_state = review.current_task_state(page)
    client.force_login(reviewer)
    due = add_months(timezone.localdate(), 12).isoformat()
    response = client.post(
        review.workflow_action_url(page, "approve", task_state), {**review.CHECKLIST, "next_review_due": due}
    )
    assert response.status_code == 302
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    return task_state


def published_term(glossary):
    """A live term published as the admin publishes, with a live revision."""
    term = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    term.save_revision().publish()
    return TermPage.objects.get(pk=term.pk)


def run_scheduled_publishing_at(moment):
    """What the task worker's minutely ``publish_scheduled`` job does, when the clock reads ``moment``."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("publish_scheduled")


def test_signed_off_change_with_a_future_go_live_date_waits_for_it(client, glossary, people):
    term = published_term(glossary)
    go_live = timezone.now() + datetime.timedelta(days=2)

    task_state = submit_and_sign_off(
        client,
        term,
        people,
        definition="Remission means signs of cancer have gone.",
        go_live_at=admin_time(go_live),
    )

    page = TermPage.objects.get(pk=term.pk)
    assert page.definition == "Remission means the cancer is smaller.", "published before its go-live date"
    scheduled = Revision.objects.get(pk=task_state.revision_id)
    assert scheduled.approved_go_live_at is not None
    assert page.status_string == "live + scheduled"
    assert client.get(page.url).content.decode().count("signs of cancer have gone") == 0

    run_scheduled_publishing_at(go_live - datetime.timedelta(minutes=5))
    assert TermPage.objects.get(pk=term.pk).definition == "Remission means the cancer is smaller."

    run_scheduled_publishing_at(go_live + datetime.timedelta(minutes=1))
    page = TermPage.objects.get(pk=term.pk)
    assert page.definition == "Remission means signs of cancer have gone."
    assert page.live_revision_id == task_state.revision_id
    assert page.reviewed_by == "Dr Rahman, MBBS, consultant oncologist"


def test_new_term_signed_off_with_a_go_live_date_is_not_live_until_then(client, glossary, people):
    term = TermPageFactory(parent=glossary, title="Biopsy", live=False)
    go_live = timezone.now() + datetime.timedelta(hours=3)

    submit_and_sign_off(client, term, people, go_live_at=admin_time(go_live))

    assert not TermPage.objects.get(pk=term.pk).live
    client.logout()
    assert client.get("/glossary/biopsy/").status_code == 404

    run_scheduled_publishing_at(go_live + datetime.timedelta(minutes=1))
    assert TermPage.objects.get(pk=term.pk).live
    assert client.get("/glossary/biopsy/").status_code == 200


def test_signed_off_expiry_date_unpublishes_the_term_when_it_comes(client, glossary, people):
    term = published_term(glossary)
    expire = timezone.now() + datetime.timedelta(days=30)

    submit_and_sign_off(client, term, people, expire_at=admin_time(expire))

    page = TermPage.objects.get(pk=term.pk)
    assert page.live and page.expire_at is not None

    run_scheduled_publishing_at(expire + datetime.timedelta(minutes=1))
    page = TermPage.objects.get(pk=term.pk)
    assert not page.live and page.expired
    client.logout()
    assert client.get(reverse("wagtail_serve", args=[page.url_path.removeprefix("/home/")])).status_code == 404
