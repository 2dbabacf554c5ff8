"""Which user names and addresses django-axes has locked out now, and lifting a lockout.

django-axes keeps one ``AccessAttempt`` row per user name, address and browser, with its count of failures in a
row. A user name is locked when its rows within the cool-off period add up to the failure limit, and so is an
address: the same sums django-axes makes at each login (``AxesDatabaseHandler.get_failures``).
"""

from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset
from django.db.models import Max, Sum
from django.utils import timezone

KINDS = {"username": "User name", "ip_address": "Address"}


@dataclass
class Lockout:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def ends(self):
        return self.last_attempt + get_cool_off()


def current_lockouts():
    """Every user name and address locked out now, the most recent first."""
    recent = AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off())
    lockouts = []
    for kind in KINDS:
        rows = (
            recent.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
            .filter(failures__gte=get_failure_limit(None, None))
        )
        lockouts += [Lockout(kind, row[kind], row["failures"], row["last_attempt"]) for row in rows]
    return sorted(lockouts, key=lambda lockout: lockout.last_attempt, reverse=True)


def unlock(kind, value):
    """Forget the failures of one user name or address, so it may log in again; the number of rows removed."""
    if kind == "username":
        return reset(username=value)
    if kind == "ip_address":
        return reset(ip=value)
    raise ValueError(f"Unknown kind of lockout: {kind!r}")
