"""Which pages readers may see: live, and outside any section restricted by login, password or group.

Wagtail's ``PageQuerySet.public()`` reads every view restriction from the database each time it is used.
Restrictions change rarely, so each process keeps their paths in memory (``delivery.shared_state``): every
process drops them within a second of a restriction being saved or deleted, or a page moving, letting page
views stay within their query budget without ever showing a newly restricted page.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction

from delivery.shared_state import SharedValue, bump

RESTRICTIONS = "restricted-paths"


def _load_restricted_paths(key):
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


_restricted_paths = SharedValue(RESTRICTIONS, _load_restricted_paths)


def restricted_paths():
    """The tree paths of every page with a view restriction; pages below them are restricted too."""
    return _restricted_paths.get()


def restricted_q(prefix=""):
    """Matches pages in a restricted section; ``prefix`` reaches the page through a relation ("page__")."""
    q = Q()
    for path in restricted_paths():
        q |= Q(**{f"{prefix}path__startswith": path})
    return q


def visible(queryset, prefix=""):
    """``queryset`` (of pages, or of rows whose page is reached through ``prefix``) limited to what
    readers may see."""
    queryset = queryset.filter(**{f"{prefix}live": True})
    q = restricted_q(prefix)
    return queryset.exclude(q) if q else queryset


def forget_restricted_paths(**kwargs):
    bump(RESTRICTIONS)
