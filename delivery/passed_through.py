"""Pages that routing only passes through (the home page, an index), read from each process's memory.

Serving ``/glossary/remission/``, Wagtail reads the home page and the glossary index from the database on
every view only to find the next page down (and, later, their titles and addresses for breadcrumbs). Those
rows change only when a page is published, unpublished, moved or deleted, which bumps the ``pages`` shared
version (``delivery.page_cache``). So each process keeps the field values of each page passed through, and
of a missing child (None), per version of ``pages``, and builds a new page object from them for each
request. Stored pages in the page cache follow the same version, so this is never staler than they are.

The page a request is for is always read afresh: only pages above it in the address come from here.
"""

import copy
import datetime
import decimal
import uuid

from wagtail.models import Page

from .page_cache import PAGES
from .shared_state import SharedValue


def _load(key):
    """The specific model and field values of the page ``key`` names (``("page", id)`` or ``("child",
    parent path, slug)``), or None when there is no such page."""
    kind, *lookup = key
    if kind == "page":
        pages = Page.objects.filter(pk=lookup[0])
    else:
        parent_path, slug = lookup
        pages = Page.objects.filter(
            path__startswith=parent_path, depth=len(parent_path) // Page.steplen + 1, slug=slug
        )
    page = pages.first()
    if page is None:
        return None
    page = page.specific
    attnames = tuple(field.attname for field in type(page)._meta.concrete_fields)
    return type(page), attnames, tuple(getattr(page, name) for name in attnames)


_rows = SharedValue(PAGES, _load)

# Values shared by every request as they are; others (a StreamField's value, JSON) are copied for each.
IMMUTABLE = (str, int, float, type(None), datetime.date, datetime.timedelta, decimal.Decimal, uuid.UUID)


def _page(key):
    row = _rows.get(key)
    if row is None:
        return None
    model, attnames, values = row
    values = [value if isinstance(value, IMMUTABLE) else copy.deepcopy(value) for value in values]
    return model.from_db(Page.objects.db, list(attnames), values)


def passed_through_page(page_id):
    """A new object of the page ``page_id`` as its own type (None if it has gone), for routing past it."""
    return _page(("page", page_id))


def passed_through_child(parent, slug):
    """A new object of ``parent``'s child with ``slug`` as its own type (None if there is none), for
    routing past it."""
    return _page(("child", parent.path, slug))
