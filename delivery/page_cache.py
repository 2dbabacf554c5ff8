"""Whole public pages kept in Django's cache and served before the rest of the middleware runs.

A page that a shared cache (Varnish, a CDN) may store is the same for every anonymous reader, so the app
can keep it too: the second reader of a page gets the stored response without a database query, a
template or a session lookup. Only what the cache policy (``delivery.cache_policy``) marked public is
kept: answers to GET with status 200, no cookie set, and ``Cache-Control: public``. A request with a
session cookie (an editor, a reviewer, a reader who entered a page password) is never served from here
nor stored, so editors always see the page as it is, with the Wagtail userbar, and previews (which need a
session) never reach the cache. A response that sets a cookie, is private, or varies on a request header
other than those in the key is not stored.

Stored pages are keyed by their full address, whether the reader accepts gzip, the ``Origin`` header (API
answers carry CORS headers for it) and ``shared_state.stamp()``: every shared version number, including
``pages``, which a publish, unpublish, move or delete of any page bumps (``pages_changed``), the view
restrictions and the glossary versions. So every process stops serving a stored page within
``shared_state.CHECK_SECONDS`` of a change anywhere, and old entries simply expire.

The middleware sits above GZip and ConditionalGet, so it stores the compressed body with its ETag, and
answers a conditional request for a stored page with 304 itself.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import cc_delim_re, get_conditional_response
from django.utils.http import parse_http_date_safe

from . import shared_state
from .cache_policy import SAFE_METHODS, has_session, seconds_until_change

PAGES = "pages"
# The request headers a stored page may vary on: the key holds the first two; requests with a session
# cookie never use the cache, and other cookies do not change a public page.
KEYED_HEADERS = frozenset({"accept-encoding", "origin", "cookie"})
NOT_SHARED = frozenset({"private", "no-store", "no-cache"})


def pages_changed(**kwargs):
    """Signal receiver: a page was published, unpublished, moved or deleted, so stored pages are old."""
    shared_state.bump(PAGES)


def cache_key(request, kind="page"):
    accepts_gzip = bool(re_accepts_gzip.search(request.headers.get("Accept-Encoding", "")))
    parts = (shared_state.stamp(), accepts_gzip, request.headers.get("Origin", ""), request.build_absolute_uri())
    return f"{kind}-cache:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def keep(key, response, seconds):
    cache.set(key, (response.status_code, dict(response.items()), response.content), seconds)


def header_names(value):
    return {item.strip().lower() for item in cc_delim_re.split(value or "") if item.strip()}


def storable(request, response):
    """Whether ``response`` is a public page, the same for every anonymous reader."""
    directives = {item.split("=", 1)[0] for item in header_names(response.get("Cache-Control"))}
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in directives
        and not directives & NOT_SHARED
        and header_names(response.get("Vary")) <= KEYED_HEADERS
        and not getattr(request, "is_preview", False)
    )


def served(request, stored):
    """The stored page as a response, or 304 when the reader's copy (by ETag or date) is still current."""
    status, headers, content = stored
    response = HttpResponse(content, status=status, headers=headers)
    etag = response.get("ETag")
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if etag or last_modified:
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    return response


class PageCacheMiddleware:
    """Serves stored public pages, and stores new ones (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or request.method not in SAFE_METHODS or has_session(request):
            return self.get_response(request)
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return served(request, stored)
        response = self.get_response(request)
        until_change = seconds_until_change(request)
        if until_change is not None:
            seconds = min(seconds, until_change)  # a page that changes by itself (cache_policy.changes_at)
        if seconds and storable(request, response):
            keep(key, response, seconds)
        return response


def cached_for_everyone(view):
    """Keeps ``view``'s successful answers for ``PAGE_CACHE_SECONDS`` (at least a minute) under the same
    versioned key as pages, whoever asks: for views whose answer does not depend on the reader, such as
    the sitemap, which lists only public pages."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        key = cache_key(request, kind="view")
        stored = cache.get(key)
        if stored is not None:
            return served(request, stored)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            keep(key, response, max(settings.PAGE_CACHE_SECONDS, 60))
        return response

    return cached_view
