"""The demo review history that `make run` loads: real sign-offs, one overdue, one in review, working logins."""

import io

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import TaskState

from glossary.models import TermPage
from home.demo_content.logins import DEFAULT_DEMO_PASSWORD, DEMO_LOGINS
from review.demo import create_demo_people, load_review_demo
from review.models import SignOff
from tests.factories import ArticlePageFactory, TermPageFactory


def test_demo_gives_pages_a_review_history_and_logins_work(glossary, article_index, mailoutbox):
    for title in ("Anaemia", "Biopsy", "Chemotherapy"):
        TermPageFactory(parent=glossary, title=title)
    ArticlePageFactory(parent=article_index, title="Understanding your blood test")
    out = io.StringIO()
    load_review_demo(out)

    assert not authenticate(username="reviewer", password=DEFAULT_DEMO_PASSWORD)  # no password until asked
    call_command("create_demo_logins", "--force", stdout=io.StringIO())
    for login in DEMO_LOGINS:
        assert authenticate(username=login.username, password=DEFAULT_DEMO_PASSWORD)
    assert SignOff.objects.count() == 3
    today = timezone.localdate()
    anaemia = TermPage.objects.get(title="Anaemia")
    assert anaemia.next_review_due < today and anaemia.reviewed_by.startswith("Dr Amara Okafor, MBChB")
    # The history is dated as it happened: each record's time falls on its review date.
    assert all(
        timezone.localtime(record.signed_off_at).date() == record.last_reviewed for record in SignOff.objects.all()
    )
    awaiting = TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)
    assert awaiting.revision.object_str == "Understanding your blood test"
    assert mailoutbox == []
    assert "awaiting review: Understanding your blood test" in out.getvalue()

    load_review_demo(out)  # running it again changes nothing
    assert SignOff.objects.count() == 3


def test_demo_reviewers_review_their_languages_and_the_spanish_reviewer_also_english(db):
    people = create_demo_people()

    def languages(username):
        return set(people[username].reviewer_profile.languages.values_list("language_code", flat=True))

    assert languages("reviewer") == languages("reviewer2") == {"en-gb"}
    assert languages("revisora") == {"es", "en-gb"}
    assert people["revisora"].reviewer_profile.signature.startswith("Dra. Lucía Fernández, ")
    assert not people["editor"].groups.filter(name="Clinical reviewers").exists()
