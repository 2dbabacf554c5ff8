"""When a page's clinical review is overdue: from the start of the day after its next review date, in the
site's time zone. One rule for the readers' notice on the page, how long caches keep the page, and the
review app's report and reminders (``review.due``).
"""

import datetime

from django.utils import timezone


def is_overdue(next_review_due, today=None):
    return next_review_due is not None and next_review_due < (today or timezone.localdate())


def overdue_from(next_review_due):
    """The moment a review due on ``next_review_due`` becomes overdue (an aware datetime)."""
    return timezone.make_aware(datetime.datetime.combine(next_review_due, datetime.time.min)) + datetime.timedelta(
        days=1
    )
