"""Keeping reviews current: the "Reviews due" and "Sign-off history" reports, the dashboard panel and reminders."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

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
    assert rows[0] == ["Page", "Type", "Next review due", "Last reviewed", "Reviewed by", "Owner"]
    assert [row[:3] for row in rows[1:]] == [
        ["Biopsy", "Glossary term", str(days(-35))],
        ["Living with fatigue", "Article", str(days(10))],
    ]
    assert rows[1][4:] == ["Dr Rahman, MBBS, consultant oncologist", "edna"]
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


def test_notify_reviews_due_with_nothing_due_sends_nothing(db, mailoutbox):
    out = io.StringIO()
    call_command("notify_reviews_due", stdout=out)
    assert mailoutbox == [] and "No emails sent." in out.getvalue()
