"""Feedback answers are accepted only from this site's own pages, without a CSRF cookie.

Pages that ask "Was this page helpful?" are served from a shared cache to every reader, so they cannot carry
a per-reader CSRF token or set a cookie. Instead the answer must come from a page of this site: browsers say
where a form post comes from in ``Sec-Fetch-Site`` and ``Origin`` (every current browser sends ``Origin`` with
a form post), and, failing both, in ``Referer``. A post another site makes a reader's browser send carries
that site's origin and is refused. Together with the per-reader limit on answers this protects the form as
Django's CSRF token would, for a form that changes nothing but adds an anonymous answer.
"""

from urllib.parse import urlsplit


def own_origin(request):
    return f"{request.scheme}://{request.get_host()}"


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def comes_from_this_site(request):
    """True when the browser says the request comes from a page of this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin") or origin_of(request.headers.get("Referer", ""))
    return origin == own_origin(request)
