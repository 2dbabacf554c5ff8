"""Keeping reviews current: the "Reviews due" and "Sign-off history" reports, the dashboard panel and reminders."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.models import PageFeedback
from review.models import ReviewReminder
from review.workflow import submit_for_review
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory
from tests.review_helpers import make_editor, make_reviewer, signed_off

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def staff(db):
    return {"editor": make_editor(), "rahman": make_reviewer("rahman"), "okafor": make_reviewer("okafor")}


@pytest.fixture
def pages(glossary, article_index, staff):
    """One page in each review state, owned by the editor and signed off by Dr Rahman."""
    editor, reviewer = staff["editor"], staff["rahman"]
    overdue = TermPageFactory(parent=glossary, title="Biopsy", owner=editor)
    signed_off(overdue, editor, reviewer, reviewed_on=days(-400), next_review_due=days(-35))
    due_soon = ArticlePageFactory(parent=article_index, title="Living with fatigue", owner=editor)
    signed_off(due_soon, editor, reviewer, reviewed_on=days(-350), next_review_due=days(10), comment="Fine.")
    current = TermPageFactory(parent=glossary, title="Chemotherapy", owner=editor)
    signed_off(current, editor, reviewer, reviewed_on=days(-10), next_review_due=days(300))
    never = TermPageFactory(parent=glossary, title="Dialysis", owner=editor)
    return {"overdue": overdue, "due_soon": due_soon, "current": current, "never": never}


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_reviews_due_lists_overdue_and_due_soon_pages_soonest_first(client, pages, staff):
    client.force_login(staff["editor"])
    url = reverse("review_reports:reviews_due")
    html = client.get(url).content.decode()
    assert html.index("Biopsy") < html.index("Living with fatigue")
    assert "Chemotherapy" not in html and "Dialysis" not in html
    assert "Dr Rahman, MBBS, consultant oncologist" in html
    rows = [" ".join(row.get_text(" ").split()) for row in BeautifulSoup(html, "html.parser").select("tbody tr")]
    assert [("Biopsy" in row, "Overdue" in row, "Due within 30 days" in row) for row in rows] == [
        (True, True, False),
        (False, False, True),
    ]

    overdue_only = client.get(url, {"status": "overdue"}).content.decode()
    assert "Biopsy" in overdue_only and "Living with fatigue" not in overdue_only
    articles_only = client.get(url, {"content_type": pages["due_soon"].content_type_id}).content.decode()
    assert "Living with fatigue" in articles_only and "Biopsy" not in articles_only
    latest_first = client.get(url, {"ordering": "-next_review_due"}).content.decode()
    assert latest_first.index("Living with fatigue") < latest_first.index("Biopsy")


def test_reviews_due_exports_csv_and_xlsx(client, pages, staff):
    client.force_login(staff["editor"])
    url = reverse("review_reports:reviews_due")
    rows = csv_rows(client.get(url, {"export": "csv"}))
    assert rows[0] == [
        "Page",
        "Type",
        "Status",
        "Next review due",
        "Last reviewed",
        "Reviewed by",
        "Not helpful since last review",
        "Owner",
    ]
    assert [row[:4] for row in rows[1:]] == [
        ["Biopsy", "Glossary term", "Overdue", str(days(-35))],
        ["Living with fatigue", "Article", "Due within 30 days", str(days(10))],
    ]
    assert rows[1][5:] == ["Dr Rahman, MBBS, consultant oncologist", "0", "edna"]
    xlsx = client.get(url, {"export": "xlsx"})
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_sign_off_history_is_the_audit_trail(client, pages, staff):
    client.force_login(staff["okafor"])
    url = reverse("review_reports:sign_off_history")
    html = client.get(url).content.decode()
    for title in ("Biopsy", "Living with fatigue", "Chemotherapy"):
        assert title in html
    assert "Dialysis" not in html

    rows = csv_rows(client.get(url, {"export": "csv"}))
    header = rows[0]
    assert header[:5] == ["Page", "Page ID", "Revision ID", "Reviewer name", "Reviewer credentials"]
    by_title = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    fatigue = by_title["Living with fatigue"]
    assert fatigue["Revision ID"] == str(pages["due_soon"].get_latest_revision().pk)
    assert (fatigue["Reviewer name"], fatigue["Comment"]) == ("Dr Rahman", "Fine.")
    assert fatigue["Clinically accurate"] == "True"


def test_reports_are_refused_to_people_without_page_permissions(client, pages):
    client.force_login(UserFactory(username="visitor"))
    response = client.get(reverse("review_reports:reviews_due"))
    assert response.status_code == 302 and "Biopsy" not in response.content.decode()


def test_dashboard_panel_counts_overdue_due_soon_and_awaiting_my_review(client, pages, staff):
    submit_for_review(pages["never"], staff["editor"])
    client.force_login(staff["okafor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>1</strong> overdue" in html
    assert "<strong>1</strong> due in the next 30 days" in html
    assert "<strong>1</strong> awaiting my review" in html

    client.force_login(staff["editor"])  # the editor submitted it, so it is not awaiting their review
    assert "<strong>0</strong> awaiting my review" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_dashboard_tells_reviewers_without_credentials_whom_to_ask(client, staff):
    warning = "ask a content administrator to add your name and credentials"
    client.force_login(staff["okafor"])
    assert warning not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(UserFactory(username="newreviewer", groups=["Clinical reviewers"]))  # no profile yet
    assert warning in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff["editor"])  # editors do not sign off, so they are not asked
    assert warning not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_notify_reviews_due_emails_owner_and_reviewers(pages, staff, mailoutbox, django_user_model):
    django_user_model.objects.create_superuser("root", "root@healthwords.example", "password")
    mailoutbox.clear()  # the workflow's own notifications while setting up
    out = io.StringIO()
    call_command("notify_reviews_due", stdout=out)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "edna@healthwords.example",
        "okafor@healthwords.example",
        "rahman@healthwords.example",
    ]
    message = mailoutbox[0]
    assert message.subject == "2 page(s) due for clinical review, 1 overdue"
    assert "Biopsy: OVERDUE" in message.body and "Living with fatigue: due" in message.body
    assert f"/admin/pages/{pages['overdue'].pk}/edit/" in message.body
    assert "Chemotherapy" not in message.body
    assert out.getvalue().startswith("Sent 3 email(s) about 2 page(s)")


def test_notify_reviews_due_respects_days_and_dry_run(pages, mailoutbox):
    mailoutbox.clear()
    out = io.StringIO()
    call_command("notify_reviews_due", "--days", "0", "--dry-run", stdout=out)
    assert mailoutbox == []
    assert "Would send 3 email(s) about 1 page(s)" in out.getvalue()
    assert "Living with fatigue" not in out.getvalue()
    assert not ReviewReminder.objects.exists()


def reminders():
    return sorted(ReviewReminder.objects.values_list("page__title", "recipient__username", "stage"))


def run_reminders():
    out = io.StringIO()
    call_command("notify_reviews_due", stdout=out)
    return out.getvalue()


def test_each_person_is_reminded_once_per_page_and_stage_not_every_day(pages, staff, mailoutbox, monkeypatch):
    mailoutbox.clear()
    run_reminders()
    assert len(mailoutbox) == 3
    assert reminders() == [
        ("Biopsy", "edna", "overdue"),
        ("Biopsy", "okafor", "overdue"),
        ("Biopsy", "rahman", "overdue"),
        ("Living with fatigue", "edna", "due_soon"),
        ("Living with fatigue", "okafor", "due_soon"),
        ("Living with fatigue", "rahman", "due_soon"),
    ]
    mailoutbox.clear()

    assert "No emails sent." in run_reminders()  # the next day: nothing new
    assert mailoutbox == []

    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + datetime.timedelta(days=11))
    run_reminders()  # 11 days on, "Living with fatigue" is overdue too: one more email each, about it only
    assert len(mailoutbox) == 3
    assert all(message.subject == "1 page(s) due for clinical review, 1 overdue" for message in mailoutbox)
    assert all("Living with fatigue: OVERDUE" in message.body for message in mailoutbox)
    assert not any("Biopsy" in message.body for message in mailoutbox)
    assert ReviewReminder.objects.count() == 9
    mailoutbox.clear()

    run_reminders()
    assert mailoutbox == []


def test_a_new_review_date_starts_new_reminders(pages, staff, mailoutbox):
    run_reminders()
    signed_off(pages["overdue"], staff["editor"], staff["okafor"], reviewed_on=TODAY, next_review_due=days(20))
    mailoutbox.clear()

    run_reminders()

    assert sorted(message.to[0] for message in mailoutbox) == [
        "edna@healthwords.example",
        "okafor@healthwords.example",
        "rahman@healthwords.example",
    ]
    assert all("Biopsy: due" in message.body for message in mailoutbox)
    assert (
        ReviewReminder.objects.filter(page=pages["overdue"], stage="due_soon", next_review_due=days(20)).count()
        == 3
    )


def test_staff_see_which_reminders_were_sent(client, pages, staff, mailoutbox):
    run_reminders()
    client.force_login(staff["editor"])
    url = reverse("review_reports:review_reminders")

    html = client.get(url).content.decode()

    assert html.count("okafor@healthwords.example") == 2
    assert "Biopsy" in html and "Overdue" in html and "Due within 30 days" in html
    rows = csv_rows(client.get(url, {"export": "csv"}))
    assert rows[0] == ["Page", "Sent to", "Stage", "Review due", "Sent"]
    assert ["Biopsy", "okafor@healthwords.example", "Overdue", str(days(-35))] in [row[:4] for row in rows]
    client.force_login(UserFactory(username="visitor"))
    assert client.get(url).status_code == 302


def test_notify_reviews_due_with_nothing_due_sends_nothing(db, mailoutbox):
    out = io.StringIO()
    call_command("notify_reviews_due", stdout=out)
    assert mailoutbox == [] and "No emails sent." in out.getvalue()


def give_feedback(page, helpful, days_ago=0, count=1):
    for _ in range(count):
        feedback = PageFeedback.objects.create(page=page, helpful=helpful)
        PageFeedback.objects.filter(pk=feedback.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )


def test_page_with_several_no_answers_since_review_is_flagged_even_when_not_due(client, pages, staff):
    give_feedback(pages["current"], False, days_ago=5, count=4)  # reviewed 10 days ago: all four count
    give_feedback(pages["due_soon"], False, days_ago=400, count=5)  # before its review 350 days ago: dealt with
    give_feedback(pages["due_soon"], True, count=5)  # "Yes" answers never flag a page
    give_feedback(pages["overdue"], False, count=2)  # below the threshold of 3
    client.force_login(staff["editor"])
    url = reverse("review_reports:reviews_due")

    html = client.get(url).content.decode()
    assert "Chemotherapy" in html
    assert "Readers said not helpful: 4 since last review" in html
    assert html.count("Readers said not helpful") == 1
    assert "3 or more readers marked “not helpful” since the page was last reviewed" in html

    flagged_only = client.get(url, {"status": "flagged"}).content.decode()
    assert "Chemotherapy" in flagged_only
    assert "Biopsy" not in flagged_only and "Living with fatigue" not in flagged_only
    due_soon_only = client.get(url, {"status": "due_soon"}).content.decode()
    assert "Living with fatigue" in due_soon_only and "Chemotherapy" not in due_soon_only

    rows = {row[0]: row[6] for row in csv_rows(client.get(url, {"export": "csv"}))[1:]}
    assert rows == {"Biopsy": "2", "Living with fatigue": "0", "Chemotherapy": "4"}

    client.force_login(staff["okafor"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>1</strong> flagged by reader feedback" in dashboard


@override_settings(FEEDBACK_FLAG_MIN_NO=2)
def test_flag_threshold_is_a_setting(client, pages, staff):
    give_feedback(pages["overdue"], False, count=2)
    client.force_login(staff["editor"])
    html = client.get(reverse("review_reports:reviews_due"), {"status": "flagged"}).content.decode()
    assert "Biopsy" in html and "Readers said not helpful: 2 since last review" in html


def test_reviews_due_query_count_does_not_grow_with_rows(
    client, pages, staff, glossary, django_assert_num_queries
):
    client.force_login(staff["editor"])
    url = reverse("review_reports:reviews_due")
    give_feedback(pages["current"], False, count=3)
    client.get(url)  # warm per-process caches (content types, site)
    with CaptureQueriesContext(connection) as few_rows:
        assert client.get(url).content.decode().count("Readers said not helpful") == 1

    for index in range(6):
        term = TermPageFactory(
            parent=glossary, title=f"Term {index}", owner=staff["editor"], next_review_due=days(1)
        )
        give_feedback(term, False, count=3)
    with django_assert_num_queries(len(few_rows)):
        assert client.get(url).content.decode().count("Readers said not helpful") == 7
