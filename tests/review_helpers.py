"""Shared set-up for the clinical review tests: the three roles, real admin edits and workflow actions."""

from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from review.workflow import add_months, sign_off, submit_for_review
from tests.factories import ReviewerProfileFactory, UserFactory

EDITORS, REVIEWERS = "Clinical editors", "Clinical reviewers"
CHECKLIST = {"clinically_accurate": "on", "sources_checked": "on", "plain_language": "on"}


def make_editor(username="edna"):
    return UserFactory(username=username, groups=[EDITORS])


def make_reviewer(username, credentials="MBBS, consultant oncologist"):
    user = UserFactory(username=username, groups=[REVIEWERS])
    ReviewerProfileFactory(user=user, display_name=f"Dr {username.title()}", credentials=credentials)
    return user


def edit_page(client, page, action=None, **changes):
    """Load the real edit view, change some fields and post the form back, as a browser would."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    for field in page.specific._meta.fields:
        # StreamFields are drawn by JavaScript, so the HTML holds no values for them; these tests leave them empty.
        if isinstance(field, StreamField):
            assert not getattr(page.specific, field.name), "edit_page() only handles empty StreamFields"
            form[f"{field.name}-count"] = "0"
    for name, value in changes.items():
        form[name] = value
    if action:
        form[action] = action
    return client.post(url, form)


def current_task_state(page):
    return Page.objects.get(pk=page.pk).specific.current_workflow_task_state


def workflow_action_url(page, action, task_state):
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def signed_off(page, editor, reviewer, reviewed_on, next_review_due, comment=""):
    """Put a page through a complete sign-off dated ``reviewed_on``, through the same code path as the admin."""
    return approve(submit_for_review(page, editor), reviewer, next_review_due, comment, reviewed_on)


def english_reviewer():
    """A reviewer of English content, made the first time a test asks for one."""
    user = UserFactory(username="okafor", groups=[REVIEWERS])
    if not hasattr(user, "reviewer_profile"):
        ReviewerProfileFactory(user=user, display_name="Dr Okafor", credentials="MBBS, consultant oncologist")
    return user


def sign_off_published(content, reviewed_on=None):
    """Sign ``content`` (a page or a disclaimer) off through the workflow, as its wording must be before anyone
    may translate it; returns it fresh from the database."""
    reviewed_on = reviewed_on or timezone.localdate()
    signed_off(content, make_editor(), english_reviewer(), reviewed_on, add_months(reviewed_on, 12))
    return type(content).objects.get(pk=content.pk)


def approve(task_state, reviewer, next_review_due, comment="", reviewed_on=None):
    """Sign off a submitted revision, every checklist item confirmed, through the same code path as the admin."""
    return sign_off(
        task_state,
        reviewer,
        clinically_accurate=True,
        sources_checked=True,
        plain_language=True,
        next_review_due=next_review_due,
        comment=comment,
        reviewed_on=reviewed_on,
    )
