"""Purging the shared cache (Varnish) when content changes, through ``wagtail.contrib.frontend_cache``.

``WAGTAILFRONTENDCACHE`` names the caches (from ``VARNISH_PURGE_URL``; none configured: no purging). A change
asks :func:`purge_tags` to purge every cached response tagged with what changed (``delivery.cache_tags``):
once per transaction, after it commits, as a task (Wagtail's ``TASKS``: on the worker in production,
immediately in tests), so a reader never re-caches the old version from a transaction still open.

Other processes may render from state read up to a second before the change (the glossary snapshot, shared
state stamps). When the task backend can run a task later, the purge is repeated ``REPEAT_AFTER`` later,
so such a render does not stay cached.

What each change purges (:func:`page_tags` and the receivers below):

- publish, unpublish or delete of a page, including a sign-off that publishes: the page (and every page
  showing a piece of it), its versions in other languages (whose language switcher and ``hreflang`` links
  name it only while it is live), its parent's list of children, the sitemap, API listings, search results
  and 404s, the navigation when it sits under a site root (or a site root's translation), and what the page
  type adds (``cache_purge_tags()`` on the page, e.g. a term's A-Z);
- a move that changes addresses, a view restriction, a published snippet (disclaimer) or a site setting:
  everything (``site``).
"""

import logging
import threading
from datetime import timedelta
from urllib.error import HTTPError, URLError
from urllib.parse import urlunsplit
from urllib.request import Request, urlopen

from django.db import connection, transaction
from django.utils import timezone
from django_tasks import default_task_backend, task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.models import Page, Site

from .cache_tags import NOT_FOUND, SITE, check_tag, children_tag, page_tag

logger = logging.getLogger(__name__)

REPEAT_AFTER = timedelta(seconds=2)
LISTING_TAGS = ("sitemap", "api-list", "search", NOT_FOUND)


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP backend (``PURGE`` of one address), plus ``BAN`` of every cached copy with given tags."""

    def ban_tags(self, tags):
        # Varnish reads a ban up to the first space: \s stands for the spaces between tags.
        pattern = r"(^|\s)(" + "|".join(sorted(check_tag(tag) for tag in tags)) + r")(\s|$)"
        request = BanRequest(
            url=urlunsplit((self.cache_scheme, self.cache_netloc, "/", "", "")),
            headers={"X-Purge-Tags": pattern, "User-Agent": "healthwords-purge"},
        )
        try:
            urlopen(request, timeout=5)  # noqa: S310 - the address comes from settings
        except HTTPError as error:
            logger.error("Varnish at %s refused to purge %s: %s", self.cache_netloc, pattern, error)
        except URLError as error:
            # Not running (yet): it holds nothing to purge, unless it is unreachable from here.
            logger.warning("Could not reach Varnish at %s to purge %s: %s", self.cache_netloc, pattern, error)
        else:
            logger.info("Purged cache tags %s", pattern)


@task()
def purge_cache_tags(tags):
    """Ban the cached responses carrying any of ``tags`` in every configured cache that bans by tag."""
    for backend in get_backends().values():
        ban = getattr(backend, "ban_tags", None)
        if ban is not None:
            ban(tags)


class PendingPurge:
    def __init__(self):
        self.tags = set()

    def send(self):
        tags = sorted(self.tags)
        purge_cache_tags.enqueue(tags)
        if default_task_backend.supports_defer:
            purge_cache_tags.using(run_after=timezone.now() + REPEAT_AFTER).enqueue(tags)


pending = threading.local()


def purge_tags(tags):
    """Purge the cached responses tagged with any of ``tags`` once the current transaction commits."""
    tags = {check_tag(tag) for tag in tags}
    if not tags or not get_backends():
        return
    batch = getattr(pending, "batch", None)
    if batch is None or not any(callback == batch.send for _, callback, _ in connection.run_on_commit):
        batch = pending.batch = PendingPurge()
        batch.tags.update(tags)
        transaction.on_commit(batch.send)
    else:
        batch.tags.update(tags)


def page_tags(page):
    """The tags of every cached response that may show ``page`` (see the module docstring)."""
    tags = {page_tag(page), *LISTING_TAGS}
    tags.update(page_tag(pk) for pk in translations_of(page))
    parent = Page.objects.filter(path=page.path[: -page.steplen]).values("pk", "translation_key").first()
    if parent is not None:
        tags.add(children_tag(parent["pk"]))
        roots = Page.objects.filter(translation_key=parent["translation_key"]).values("pk")
        if Site.objects.filter(root_page__in=roots).exists():
            tags.add(SITE)  # the main navigation lists the site root's children, in each language
    extra = getattr(page, "cache_purge_tags", None)
    if extra is not None:
        tags.update(extra())
    return tags


def translations_of(page):
    """The ids of the page's versions in other languages."""
    key = getattr(page, "translation_key", None)
    if key is None:
        return []
    return Page.objects.filter(translation_key=key).exclude(pk=page.pk).values_list("pk", flat=True)


def page_changed(instance, **kwargs):
    """page_published, page_unpublished, and post_delete of a page."""
    if isinstance(instance, Page):
        purge_tags(page_tags(instance))


def page_moved(instance, url_path_before, url_path_after, **kwargs):
    # A new address changes links to the page and everything below it, anywhere on the site.
    purge_tags({SITE} if url_path_before != url_path_after else page_tags(instance))


def site_wide_change(instance=None, **kwargs):
    """What every page shows changed: a published snippet (disclaimer), a setting, a view restriction."""
    if not isinstance(instance, Page):
        purge_tags({SITE})
