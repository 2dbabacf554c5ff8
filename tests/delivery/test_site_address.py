"""`migrate` gives the default Site the public address from PUBLIC_SITE_URL, so links never say localhost."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from delivery.site_address import host_and_port

pytestmark = pytest.mark.django_db


@override_settings(PUBLIC_SITE_URL="https://health.example")
def test_migrate_gives_the_default_site_its_public_address(client, glossary):
    call_command("migrate", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("health.example", 443, "https://health.example")
    assert "<loc>https://health.example/sitemap-pages.xml</loc>" in client.get("/sitemap.xml").content.decode()
    assert "<loc>https://health.example/glossary/</loc>" in client.get("/sitemap-pages.xml").content.decode()
    assert "Sitemap: https://health.example/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_without_a_public_address_the_site_is_left_alone(glossary):
    before = Site.objects.get(is_default_site=True)
    call_command("migrate", verbosity=0)
    after = Site.objects.get(is_default_site=True)
    assert (after.hostname, after.port) == (before.hostname, before.port)


@pytest.mark.parametrize(
    ("url", "expected"),
    [("http://127.0.0.1:8080", ("127.0.0.1", 8080)), ("https://health.example/", ("health.example", 443))],
)
def test_host_and_port_of_a_public_address(url, expected):
    assert host_and_port(url) == expected


@pytest.mark.parametrize("url", ["health.example", "ftp://health.example", "https://health.example/site/", ""])
def test_a_public_address_that_is_not_a_site_root_is_refused(url):
    with pytest.raises(ImproperlyConfigured, match="PUBLIC_SITE_URL must be an http"):
        host_and_port(url)
