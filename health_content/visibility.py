"""Which pages readers may see: live, and outside any section restricted by login, password or group.

Wagtail's ``PageQuerySet.public()`` reads every view restriction from the database each time it is used.
Restrictions change rarely, so each process keeps their paths in memory (``delivery.shared_state``): every
process drops them within a second of a restriction being saved or deleted, or a page moving, letting page
views stay within their query budget without ever showing a newly restricted page.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

from delivery.shared_state import SharedValue, bump

RESTRICTIONS = "restricted-paths"


# The key of the paths Wagtail's own check on a page view must look at: restricted pages and their aliases.
SERVING_CHECK = "serving-check"


def _load_restricted_paths(key):
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if key == SERVING_CHECK:
        # Wagtail applies a restricted page's restrictions to its aliases too (``get_view_restrictions``), and
        # copies them onto an alias made later (which saves a restriction, so bumps the version).
        restricted = PageViewRestriction.objects.values("page_id")
        paths += Page.objects.filter(alias_of__in=restricted).values_list("path", flat=True)
    return paths


_restricted_paths = SharedValue(RESTRICTIONS, _load_restricted_paths)


def restricted_paths():
    """The tree paths of every page with a view restriction; pages below them are restricted too."""
    return _restricted_paths.get()


def may_be_restricted(page):
    """Whether Wagtail's check of ``page``'s view restrictions may find any: false when the page is no
    alias and neither it nor any ancestor is restricted or an alias of a restricted page."""
    return page.alias_of_id is not None or any(
        page.path.startswith(path) for path in _restricted_paths.get(SERVING_CHECK)
    )


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
