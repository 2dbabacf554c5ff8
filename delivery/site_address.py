"""The default Wagtail Site takes its host name and port from ``PUBLIC_SITE_URL`` on every ``migrate``.

Canonical links, the sitemap, robots.txt and e-mails build addresses from the Site, so in production they
must never say ``localhost``. Setting the address in the environment and migrating on deploy keeps it right
without anyone editing the Site in the admin.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

DEFAULT_PORTS = {"http": 80, "https": 443}


def host_and_port(url):
    """``("health.example", 443)`` for ``https://health.example``; a clear error for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        raise ImproperlyConfigured(
            "PUBLIC_SITE_URL must be an http(s) address with no path, such as https://health.example; "
            f"got {url!r}."
        )
    return parts.hostname, parts.port or DEFAULT_PORTS[parts.scheme]


def apply_public_site_url(**kwargs):
    if not settings.PUBLIC_SITE_URL:
        return
    from wagtail.models import Site

    from .shared_state import bump
    from .site_root_paths import SITES

    hostname, port = host_and_port(settings.PUBLIC_SITE_URL)
    if (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    ):
        # An update sends no signal: running processes learn of the new address through the version.
        bump(SITES)
