"""Which Content-Security-Policy a response gets: the strict public one, or the admin's looser one.

django-csp writes ``CONTENT_SECURITY_POLICY`` (or its report-only twin) on every response. Public pages
run no inline script or style, so their policy allows only this site's own files, and one header without
a nonce fits every reader and every copy Varnish or the page cache keeps. The Wagtail admin and the Django
admin write inline scripts and styles of their own, so under their addresses the directives in
``CONTENT_SECURITY_POLICY_ADMIN`` replace the public ones. Uploaded images may live in object storage on
another host (``AWS_STORAGE_BUCKET_NAME``): that host is added to ``img-src`` everywhere.

The middleware sits above the page cache, so stored pages get the header as they are served, and a
response that already has one (Wagtail's image and document views send ``default-src 'none'``) keeps it.
"""

import functools
from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.files.storage import storages

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


@functools.lru_cache(maxsize=4)
def files_origin(storage):
    """The scheme and host uploaded files are served from, or None when they are on this site."""
    address = urlsplit(storage.url("images/example.png"))
    return f"{address.scheme}://{address.netloc}" if address.netloc else None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.replace = {**settings.CONTENT_SECURITY_POLICY_ADMIN, **(parts.replace or {})}
        origin = files_origin(storages["default"])
        if origin:
            update = dict(parts.update or {})
            update["img-src"] = [*update.get("img-src", ()), origin]
            parts.update = update
        return parts
