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
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.cache import patch_cache_control

CACHEABLE_STATUSES = frozenset({200, 203, 301, 404, 410})
SAFE_METHODS = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Policy:
    browser: int  # max-age, seconds
    shared: int  # s-maxage, seconds


def policies():
    shared = settings.CACHE_SHARED_MAX_AGE
    return {
        "page": Policy(browser=120, shared=shared),
        "api": Policy(browser=120, shared=shared),
        "search": Policy(browser=60, shared=shared),
        "not_found": Policy(browser=60, shared=min(shared, 60)),
    }


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
            policy = policies()[kind_of(request, response)]
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
