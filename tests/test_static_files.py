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
