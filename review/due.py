"""Which live term and article pages are due for clinical review.

One definition shared by the "Reviews due" report, the dashboard panel and ``notify_reviews_due``.
"""

import datetime

from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import Page, get_page_models

from health_content.models import HealthContentPage

DUE_SOON_DAYS = 30


def health_content_models():
    return [model for model in get_page_models() if issubclass(model, HealthContentPage)]


def _review_field(name):
    """One page's review field, read from whichever concrete page table holds it (one query, no joins per row)."""
    columns = [F(f"{model._meta.model_name}__{name}") for model in health_content_models()]
    return Coalesce(*columns) if len(columns) > 1 else columns[0]


def pages_with_review_dates(pages=None):
    """Live health content pages annotated with ``last_reviewed``, ``next_review_due`` and ``reviewed_by``."""
    pages = Page.objects.all() if pages is None else pages
    return (
        pages.live()
        .type(*health_content_models())
        .annotate(
            last_reviewed=_review_field("last_reviewed"),
            next_review_due=_review_field("next_review_due"),
            reviewed_by=_review_field("reviewed_by"),
        )
    )


def due_cutoff(days=DUE_SOON_DAYS, today=None):
    """The last due date that counts as "due within ``days`` days"."""
    return (today or timezone.localdate()) + datetime.timedelta(days=days)


def pages_due_for_review(days=DUE_SOON_DAYS, today=None, pages=None):
    """Pages whose next review is overdue or falls within ``days`` days, soonest first."""
    return (
        pages_with_review_dates(pages)
        .filter(next_review_due__lte=due_cutoff(days, today))
        .order_by("next_review_due", "title")
    )


def due_counts(pages=None, today=None):
    """How many pages are overdue, and how many more are due within DUE_SOON_DAYS days."""
    today = today or timezone.localdate()
    due = pages_due_for_review(today=today, pages=pages)
    overdue = due.filter(next_review_due__lt=today).count()
    return {"overdue": overdue, "due_soon": due.count() - overdue}
