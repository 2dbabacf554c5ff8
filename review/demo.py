"""Demo people and review history for `make run`: an editor, two reviewers, and pages in every review state.

Called by ``load_demo_content`` after the demo pages exist. Every sign-off goes through the real workflow
(``submit_for_review`` then ``sign_off``), only with earlier review dates. Safe to run again.
"""

import datetime

from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Page

from health_content.models import health_content_page_models
from home.demo_content.logins import DEMO_LOGINS, ensure_user

from .models import ReviewerProfile, SignOff
from .translations import english_locale
from .workflow import default_next_review_due, sign_off, submit_for_review

# Reviewer profiles of the demo reviewers in ``home.demo_content.logins.DEMO_LOGINS``.
REVIEWER_PROFILES = {
    "reviewer": ("Dr Amara Okafor", "MBChB, FRCP, consultant medical oncologist"),
    "reviewer2": ("Dr Sam Rahman", "MBBS, MRCGP, general practitioner"),
}


def create_demo_people():
    """The demo editor and reviewers (with reviewer profiles), keyed by username; no passwords are set."""
    people = {}
    for login in DEMO_LOGINS:
        if login.is_superuser:
            continue
        user = ensure_user(login)
        if login.username in REVIEWER_PROFILES:
            display_name, credentials = REVIEWER_PROFILES[login.username]
            profile, __ = ReviewerProfile.objects.update_or_create(
                user=user, defaults={"display_name": display_name, "credentials": credentials}
            )
            profile.languages.add(english_locale())  # they sign off the English demo pages
        people[login.username] = user
    return people


def _sign_off(page, editor, reviewer, reviewed_on, next_review_due=None):
    task_state = submit_for_review(page, editor)
    sign_off(
        task_state,
        reviewer,
        clinically_accurate=True,
        sources_checked=True,
        plain_language=True,
        next_review_due=next_review_due or default_next_review_due(reviewed_on),
        comment="Checked against current national guidance.",
        reviewed_on=reviewed_on,
    )


@transaction.atomic
@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"
)  # no workflow emails for demo data
def load_review_demo(stdout):
    """Create the demo people, then give the demo pages a review history (once)."""
    people = create_demo_people()
    stdout.write(f"Demo reviewers and editor ready: {', '.join(people)}.")
    if SignOff.objects.exists():
        stdout.write("Review history already loaded; left as it is.")
        return
    pages = list(Page.objects.live().type(*health_content_page_models()).order_by("title").specific())
    if len(pages) < 3:
        stdout.write("Review history needs at least three live term or article pages; none added.")
        return

    editor, reviewers = people["editor"], [people["reviewer"], people["reviewer2"]]
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(owner=editor)
    for page in pages:
        page.owner = editor
    today = timezone.localdate()
    overdue, due_soon, *current, in_review = pages

    _sign_off(
        overdue, editor, reviewers[0], today - datetime.timedelta(days=400), today - datetime.timedelta(days=20)
    )
    _sign_off(due_soon, editor, reviewers[1], today - datetime.timedelta(days=350))
    for index, page in enumerate(current):
        _sign_off(page, editor, reviewers[index % 2], today - datetime.timedelta(days=7 * (index + 1)))
    submit_for_review(in_review, editor)
    stdout.write(
        f"Signed off {len(pages) - 1} pages; overdue: {overdue.title}; due soon: {due_soon.title}; "
        f"awaiting review: {in_review.title}."
    )
