"""Stylesheets are collected with content hashes in their names and served by WhiteNoise, compressed
and cached for a year, as in production."""

import gzip
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected_static(tmp_path):
    """collectstatic of the project's own files into a temporary STATIC_ROOT, with production storage."""
    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES=PRODUCTION_STORAGES,
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


@pytest.mark.django_db
def test_pages_link_hashed_stylesheets_that_whitenoise_serves_compressed_for_a_year(collected_static, home):
    client = Client()  # a fresh client, so WhiteNoise starts up with the collected files
    html = client.get("/").content.decode()
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert len(hrefs) == 2
    for href in hrefs:
        assert re.fullmatch(r"/static/css/(site|print)\.[0-9a-f]{12}\.css", href), href
        response = client.get(href, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]


# A phone on a slow connection should get all the site's CSS in one or two round trips.
CSS_BUDGET_GZIPPED_BYTES = 6_000


@pytest.mark.benchmark
def test_stylesheets_stay_small():
    total = 0
    for name in ("site.css", "print.css"):
        raw = (settings.BASE_DIR / "static" / "css" / name).read_bytes()
        size = len(gzip.compress(raw))
        print(f"{name}: {len(raw)} bytes, {size} gzipped")
        total += size
    assert total <= CSS_BUDGET_GZIPPED_BYTES


def contrast(first, second):
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour):
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.django_db
def test_every_page_links_a_favicon_that_is_served_so_browsers_log_no_404(collected_static, home):
    client = Client()
    html = client.get("/").content.decode()
    linked = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
    assert linked[0] == "/favicon.ico"  # where browsers and crawlers look without a link, too
    assert re.fullmatch(r"/static/icons/favicon\.[0-9a-f]{12}\.svg", linked[1])
    assert re.fullmatch(r"/static/icons/apple-touch-icon\.[0-9a-f]{12}\.png", linked[2])
    types = {
        ".ico": ("image/x-icon", "image/vnd.microsoft.icon"),
        ".svg": ("image/svg+xml",),
        ".png": ("image/png",),
    }
    for href in linked:
        response = client.get(href)
        assert response.status_code == 200, href
        assert response["Content-Type"] in types[href[href.rindex(".") :]], href


def test_the_favicon_has_a_name_and_contrasting_colours():
    svg = (settings.BASE_DIR / "static" / "icons" / "favicon.svg").read_text()
    assert "<title>Health Words</title>" in svg
    background, letter = re.findall(r'fill="(#[0-9a-f]{6})"', svg)
    assert contrast(background, letter) >= 4.5
