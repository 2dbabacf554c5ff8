"""The sign-off itself and the rule that an edit during review restarts it.

Both are called from the task (``ClinicalSignOffTask.on_action``) and from the admin's ``after_edit_page`` hook,
so every route into the workflow (edit view, dashboard, workflow action URLs, demo data) obeys the same checks.
"""

import calendar

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, TaskState

SIGN_OFF_ACTION = "review.sign_off"


def add_months(day, months):
    """The same day ``months`` later, or the month's last day when it is shorter (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def default_next_review_due(reviewed_on=None):
    """Today (or ``reviewed_on``) plus the review interval, ``CLINICAL_REVIEW_INTERVAL_MONTHS``."""
    return add_months(reviewed_on or timezone.localdate(), settings.CLINICAL_REVIEW_INTERVAL_MONTHS)


def has_review_dates(content):
    """Whether this content shows its review dates to readers (term and article pages; not disclaimers)."""
    from health_content.models import HealthContentPage

    return isinstance(content, HealthContentPage)


def stamp_revision(revision, *, last_reviewed, next_review_due, reviewed_by):
    """Write the review fields into the revision about to be published, so the live page carries them."""
    revision.content.update(
        last_reviewed=last_reviewed.isoformat(),
        next_review_due=next_review_due.isoformat(),
        reviewed_by=reviewed_by,
    )
    revision.save(update_fields=["content"])


@transaction.atomic
def sign_off(
    task_state,
    user,
    *,
    clinically_accurate,
    sources_checked,
    plain_language,
    next_review_due,
    comment="",
    reviewed_on=None,
):
    """Approve ``task_state`` as ``user``: stamp and publish its revision, store the record, write the audit log.

    Works for pages and for workflow-enabled snippets (disclaimers); only pages get the review dates stamped.

    ``reviewed_on`` defaults to today; demo data passes an earlier date to make a review overdue.
    Raises PermissionDenied or ValidationError, changing nothing, when the sign-off is not allowed.
    """
    from .models import SignOff, reviewer_profile

    # Lock the task state, so two reviewers approving at the same moment cannot both sign it off.
    task_state = TaskState.objects.select_for_update().get(pk=task_state.pk)
    task = task_state.task.specific
    if task_state.status != task_state.STATUS_IN_PROGRESS:
        raise PermissionDenied("This review has already finished or restarted.")
    refusal = task.sign_off_refusal(task_state, user)
    if refusal:
        raise PermissionDenied(refusal)
    if not (clinically_accurate and sources_checked and plain_language):
        raise ValidationError("Every item on the sign-off checklist must be confirmed.")
    reviewed_on = reviewed_on or timezone.localdate()
    if next_review_due <= reviewed_on:
        raise ValidationError("The next review must be due after the review date.")

    profile = reviewer_profile(user)
    revision = task_state.revision
    if has_review_dates(revision.content_object):
        stamp_revision(
            revision, last_reviewed=reviewed_on, next_review_due=next_review_due, reviewed_by=profile.signature
        )
    task_state.approve(user=user, comment=comment)
    content = revision.content_object
    record = SignOff.objects.create(
        page=content if isinstance(content, Page) else None,
        content_object=content,
        page_title=revision.object_str,
        revision=revision,
        reviewer=user,
        reviewer_name=profile.display_name,
        reviewer_credentials=profile.credentials,
        clinically_accurate=clinically_accurate,
        sources_checked=sources_checked,
        plain_language=plain_language,
        comment=comment,
        signed_off_at=_moment_on(reviewed_on),
        last_reviewed=reviewed_on,
        next_review_due=next_review_due,
    )
    log(
        instance=content,
        action=SIGN_OFF_ACTION,
        user=user,
        revision=revision,
        data={
            "sign_off_id": record.pk,
            "reviewed_by": profile.signature,
            "last_reviewed": reviewed_on.isoformat(),
            "next_review_due": next_review_due.isoformat(),
            "comment": comment,
        },
    )
    return record


def _moment_on(day):
    """Now, or this time of day on an earlier ``day`` (for backdated demo history)."""
    now = timezone.localtime()
    return now if day == now.date() else now.replace(year=day.year, month=day.month, day=day.day)


def submit_for_review(page, user):
    """Save the page as a new revision by ``user`` and start its workflow, as "Submit for review" does.

    Returns the task state now awaiting sign-off.
    """
    page.save_revision(user=user, log_action=True)
    return page.get_workflow().start(page, user).current_task_state


def restart_sign_off_if_edited(page, user):
    """If the page changed after its sign-off task started, restart the task on the latest revision.

    Returns whether it restarted. Reviewers are notified again, as on any submission.
    """
    from .models import ClinicalSignOffTask

    task_state = page.current_workflow_task_state
    if task_state is None or not isinstance(task_state.task.specific, ClinicalSignOffTask):
        return False
    latest = page.get_latest_revision()
    if latest.pk == task_state.revision_id:
        return False
    task_state.cancel(user=user, resume=True, comment="Restarted because the page was edited during review.")
    return True
