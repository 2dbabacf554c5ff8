"""What a browser and a shared cache (Varnish, a CDN) may keep, by kind of response.

Anonymous readers get the same page as everyone else, with no cookie, so a shared cache may serve it to all
of them. Anyone with a session (editors, reviewers, a reader who entered a page password) gets a private,
always-revalidated response, so they see their own view and never a stale one. A response that sets a cookie
is never shared.

For public responses, ``max-age`` is what a browser keeps and ``s-maxage`` what a shared cache keeps. A
shared cache may also serve a copy up to ``stale-if-error`` seconds old when the site behind it fails, and
refresh a slightly old copy in the background (``stale-while-revalidate``). Publishing purges Varnish
(``delivery/purge.py``); ``s-maxage`` stays short anyway, so a shared cache that is not purged (a CDN, or a
purge lost in a restart) still shows a clinical correction within minutes (``CACHE_SHARED_MAX_AGE``).

A response that changes by itself at a known moment, without anyone publishing (a page whose clinical review
falls due then shows an overdue notice), says so with :func:`changes_at`: no browser, shared cache or the
page cache (``delivery.page_cache``) keeps it past that moment.
"""

import dataclasses
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.cache import patch_cache_control

CACHEABLE_STATUSES = frozenset({200, 203, 301, 404, 410})
SAFE_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Policy:
    browser: int  # max-age, seconds
    shared: int  # s-maxage, seconds

    def capped(self, seconds):
        """This policy, keeping nothing longer than ``seconds`` (None: no limit)."""
        if seconds is None:
            return self
        return dataclasses.replace(self, browser=min(self.browser, seconds), shared=min(self.shared, seconds))


def policies():
    shared = settings.CACHE_SHARED_MAX_AGE
    return {
        "page": Policy(browser=120, shared=shared),
        "api": Policy(browser=120, shared=shared),
        "search": Policy(browser=60, shared=shared),
        "not_found": Policy(browser=60, shared=min(shared, 60)),
    }


def changes_at(request, moment):
    """Record that the response to ``request`` changes by itself at ``moment`` (an aware datetime)."""
    if request is not None and moment > timezone.now():
        earliest = getattr(request, "_changes_at", None)
        request._changes_at = moment if earliest is None else min(earliest, moment)


def seconds_until_change(request):
    """Whole seconds until the response to ``request`` changes by itself (0 at most a second before), or
    None if nothing said it would."""
    moment = getattr(request, "_changes_at", None)
    if moment is None:
        return None
    return max(int((moment - timezone.now()).total_seconds()), 0)


def kind_of(request, response):
    if response.status_code in (404, 410):
        return "not_found"
    if request.path.startswith("/api/"):
        return "api"
    if request.path.startswith("/search/"):
        return "search"
    return "page"


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


class CachePolicyMiddleware:
    """Sets ``Cache-Control`` on responses whose view did not choose its own (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in SAFE_METHODS or response.has_header("Cache-Control"):
            return response
        if has_session(request) or response.cookies:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in CACHEABLE_STATUSES:
            policy = policies()[kind_of(request, response)].capped(seconds_until_change(request))
            patch_cache_control(
                response,
                public=True,
                max_age=policy.browser,
                s_maxage=policy.shared,
                stale_while_revalidate=30,
                stale_if_error=settings.CACHE_STALE_IF_ERROR,
            )
        else:
            patch_cache_control(response, no_store=True)
        return response
