"""Readers' answers to "Was this page helpful?", and which pages keep getting "No" since their review.

No personal data is kept: no IP address, no account. The rate limit's counts hold only a keyed hash of
the address, deleted after their window. Comments are stored as the plain text the reader typed and are only
ever shown escaped.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="feedback")
    helpful = models.BooleanField()
    comment = models.TextField(max_length=COMMENT_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "page feedback"
        verbose_name_plural = "page feedback"

    def __str__(self):
        return f"{'Yes' if self.helpful else 'No'} on page {self.page_id}"


def flag_threshold():
    """How many "No" answers since the last clinical review make a page due for another look."""
    return settings.FEEDBACK_FLAG_MIN_NO


def no_answers_since_review(last_reviewed="last_reviewed"):
    """An expression for a page queryset: its "No" answers on or after the day of its last clinical review.

    ``last_reviewed`` names the outer queryset's field or annotation holding the review date. A page never
    reviewed counts every "No". A subquery, so it adds no joins or grouping to the outer query.
    """
    since = Coalesce(OuterRef(last_reviewed), Value(datetime.date.min), output_field=models.DateField())
    answers = (
        PageFeedback.objects.filter(page=OuterRef("pk"), helpful=False, created_at__date__gte=since)
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(answers), 0)


def pages_with_feedback():
    """Every page that has feedback, with its yes, no and comment counts and the latest answer's time."""
    return (
        Page.objects.filter(feedback__isnull=False)
        .annotate(
            yes_count=Count("feedback", filter=Q(feedback__helpful=True)),
            no_count=Count("feedback", filter=Q(feedback__helpful=False)),
            comment_count=Count("feedback", filter=~Q(feedback__comment="")),
            latest_feedback_at=models.Max("feedback__created_at"),
        )
        .order_by("-no_count", "title")
    )


class AnswerCount(models.Model):
    """How many answers one client gave in its current window, to every page or to one page (the rate limit).

    ``key`` is a keyed hash of the client's address, plus ``:<page id>`` for the per-page limit: the address
    itself is never stored. Rows past ``expires_at`` are deleted by the next answer (feedback/rate_limit.py).
    """

    key = models.CharField(max_length=64, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.count} until {self.expires_at:%Y-%m-%d %H:%M}"
