"""Pages that routing finds, read from each process's memory instead of the database on every view.

Serving ``/glossary/remission/``, Wagtail reads the home page, the glossary index and the term from the
database on every view. What readers see of a page changes only when it is published, unpublished, moved
or deleted, which bumps the ``pages`` shared version (``delivery.page_cache``); saving a draft changes only
the draft bookkeeping on the page's row (latest revision, draft title, unpublished changes, lock), which
readers never see. So each process keeps the field values of each page found, per version of ``pages``,
and builds a new page object from them for each request. Stored pages in the page cache follow the same
version, so this is never staler than they are. An address that names no page is not kept.

- A page that routing passes through (the address goes on below it) always comes from here.
- The page served comes from here for readers. A request with a session (an editor, a reviewer, a reader
  who entered a page password) reads it afresh, so the Wagtail userbar sees it as it is now.

Foreign keys (a page's image or disclaimer) are not kept: they load when used, as they are then (a
disclaimer can be unpublished without any page changing).
"""

import copy
import datetime
import decimal
import uuid

from wagtail.models import Page

from .cache_policy import has_session
from .page_cache import PAGES
from .shared_state import SharedValue

# Values shared by every request as they are. Others (a StreamField's blocks, JSON) are kept as the plain data
# the database holds, copied for each request and turned into values again as a page read from it would be.
IMMUTABLE = (str, int, float, type(None), datetime.date, datetime.timedelta, decimal.Decimal, uuid.UUID)


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
    fields = type(page)._meta.concrete_fields
    values = []
    for field in fields:
        value = getattr(page, field.attname)
        values.append(value if isinstance(value, IMMUTABLE) else field.get_prep_value(value))
    return type(page), tuple(field.attname for field in fields), tuple(values)


_rows = SharedValue(PAGES, _load, keep_none=False)


def _page(key):
    row = _rows.get(key)
    if row is None:
        return None
    model, attnames, values = row
    values = [value if isinstance(value, IMMUTABLE) else copy.deepcopy(value) for value in values]
    return model.from_db(Page.objects.db, list(attnames), values)


def from_memory(request, passing_through):
    """Whether routing may take a page from memory: one it passes through, or the page served to a reader."""
    return passing_through or not has_session(request)


def remembered_page(page_id):
    """A new object of the page ``page_id`` as its own type, or None if it has gone."""
    return _page(("page", page_id))


def remembered_child(parent, slug):
    """A new object of ``parent``'s child with ``slug`` as its own type, or None if there is none."""
    return _page(("child", parent.path, slug))
