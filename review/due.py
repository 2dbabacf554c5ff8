"""Which live term and article pages are due for clinical review, or flagged by readers' "No" answers.

One definition shared by the "Reviews due" report, the dashboard panel and ``notify_reviews_due``. A review
is overdue from the day after its due date (``health_content.review_dates``, which readers' notice uses too).
"""

import datetime

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page

from feedback.models import flag_threshold, no_answers_since_review
from health_content.models import health_content_page_models
from health_content.review_dates import is_overdue

DUE_SOON_DAYS = 30


class Stage(models.TextChoices):
    """How pressing a page's review is; each reviewer is reminded once per page at each stage."""

    DUE_SOON = "due_soon", f"Due within {DUE_SOON_DAYS} days"
    OVERDUE = "overdue", "Overdue"


def _review_field(name):
    """One page's review field, read from whichever concrete page table holds it (one query, no joins per row)."""
    columns = [F(f"{model._meta.model_name}__{name}") for model in health_content_page_models()]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


def pages_with_review_dates(pages=None):
    """Live health content pages annotated with ``last_reviewed``, ``next_review_due`` and ``reviewed_by``,
    and ``no_since_review``: readers' "No" answers since the last review."""
    pages = Page.objects.all() if pages is None else pages
    return (
        pages.live()
        .type(*health_content_page_models())
        .annotate(
            last_reviewed=_review_field("last_reviewed"),
            next_review_due=_review_field("next_review_due"),
            reviewed_by=_review_field("reviewed_by"),
        )
        .annotate(no_since_review=no_answers_since_review())
    )


def due_cutoff(days=DUE_SOON_DAYS, today=None):
    """The last due date that counts as "due within ``days`` days"."""
    return (today or timezone.localdate()) + datetime.timedelta(days=days)


def review_stage(next_review_due, days=DUE_SOON_DAYS, today=None):
    """The :class:`Stage` of a review due on ``next_review_due``, or None if it is not due yet (or never)."""
    if is_overdue(next_review_due, today):
        return Stage.OVERDUE
    if next_review_due is not None and next_review_due <= due_cutoff(days, today):
        return Stage.DUE_SOON
    return None


def pages_due_for_review(days=DUE_SOON_DAYS, today=None, pages=None):
    """Pages whose next review is overdue or falls within ``days`` days, soonest first."""
    return (
        pages_with_review_dates(pages)
        .filter(next_review_due__lte=due_cutoff(days, today))
        .order_by("next_review_due", "title")
    )


def is_flagged():
    """Pages readers flagged: ``FEEDBACK_FLAG_MIN_NO`` or more "No" answers since the last review."""
    return Q(no_since_review__gte=flag_threshold())


def pages_needing_review(days=DUE_SOON_DAYS, today=None, pages=None):
    """Pages due for review (as :func:`pages_due_for_review`) and pages readers flagged, even if not yet due."""
    return (
        pages_with_review_dates(pages)
        .filter(Q(next_review_due__lte=due_cutoff(days, today)) | is_flagged())
        .order_by("next_review_due", "title")
    )


def due_counts(pages=None, today=None):
    """How many pages are overdue, how many more are due within DUE_SOON_DAYS days, how many are flagged:
    one query."""
    today = today or timezone.localdate()
    return pages_with_review_dates(pages).aggregate(
        overdue=Count("pk", filter=Q(next_review_due__lt=today)),
        due_soon=Count("pk", filter=Q(next_review_due__gte=today, next_review_due__lte=due_cutoff(today=today))),
        flagged=Count("pk", filter=is_flagged()),
    )
