"""Which pages readers may see: live, and outside any section restricted by login, password or group.

Wagtail's ``PageQuerySet.public()`` reads every view restriction from the database each time it is used.
Restrictions change rarely, so their paths are cached here (and forgotten whenever a restriction is saved
or deleted, or a page moves), letting page views stay within their query budget.
"""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction

CACHE_KEY = "health_content:restricted-paths"


def restricted_paths():
    """The tree paths of every page with a view restriction; pages below them are restricted too."""
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, timeout=None)
    return paths


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
    cache.delete(CACHE_KEY)
