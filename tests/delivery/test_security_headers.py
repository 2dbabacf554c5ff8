"""Every response carries a Content-Security-Policy and a Permissions-Policy: strict on public pages and the
API (cached copies too), looser only in the two admins; uploaded images in object storage stay allowed."""

import pytest
from django.core.files.storage import storages

from delivery import shared_state
from delivery.content_security import files_origin
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory

pytestmark = pytest.mark.django_db

PUBLIC_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self' https://releases.wagtail.org; "
    "object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'self'"
)


def directives(header):
    """A policy as {directive: its sources}, whatever order the header lists them in."""
    parts = (item.split() for item in header.split(";") if item.strip())
    return {name: sources for name, *sources in parts}


def assert_policy(response, expected, url):
    assert directives(response["Content-Security-Policy"]) == directives(expected), url
    assert "Content-Security-Policy-Report-Only" not in response, url


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission", slug="remission")


def test_public_pages_and_the_api_get_the_strict_policy(client, term, glossary, article_index):
    article = ArticlePageFactory(parent=article_index, title="Living with cancer")
    urls = ["/", term.url, article.url, glossary.url, glossary.url + "?letter=r", "/search/?q=remission"]
    urls += ["/search/suggest/?q=rem", "/api/v2/glossary/terms/", "/glossary/no-such-term/", "/sitemap.xml"]
    for url in urls:
        assert_policy(client.get(url), PUBLIC_CSP, url)


def test_public_pages_turn_off_cameras_microphones_location_and_payments(client, term):
    policy = client.get(term.url)["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "serial"):
        assert f"{feature}=()" in policy.split(", "), feature


def test_the_wagtail_admin_and_the_django_admin_get_the_admin_policy(client, term):
    for url in ("/admin/login/", "/django-admin/login/"):
        assert_policy(client.get(url), ADMIN_CSP, url)
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    for url in ("/admin/", f"/admin/pages/{term.pk}/edit/", "/admin/images/", "/django-admin/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_policy(response, ADMIN_CSP, url)
        assert "camera=()" in response["Permissions-Policy"], url


def test_wagtail_may_frame_its_own_page_previews_and_nothing_else_may_frame_pages(client, term):
    client.force_login(UserFactory(username="admin", is_superuser=True))
    preview = client.get(f"/admin/pages/{term.pk}/edit/preview/", {"in_preview_panel": "true"})
    assert directives(preview["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    public = client.get(term.url)
    assert directives(public["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]
    assert public["X-Frame-Options"] == "DENY"


def test_editors_see_public_pages_under_the_public_policy(client, term):
    client.force_login(UserFactory(username="admin", is_superuser=True))
    response = client.get(term.url)
    assert "wagtail-userbar" in response.content.decode()
    assert_policy(response, PUBLIC_CSP, term.url)


def test_a_page_from_the_page_cache_keeps_both_policies(client, term, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE_SECONDS = 600
    shared_state.versions.recheck()
    client.get(term.url)
    first = client.get(term.url)
    with django_assert_max_num_queries(1):  # served from the cache: at most the shared version numbers
        again = client.get(term.url)
    assert again.content == first.content
    assert_policy(again, PUBLIC_CSP, term.url)
    assert again["Permissions-Policy"] == first["Permissions-Policy"]


def test_report_only_sends_the_same_policies_as_a_report(client, term, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    public, admin = client.get(term.url), client.get("/admin/login/")
    assert "Content-Security-Policy" not in public and "Content-Security-Policy" not in admin
    assert directives(public["Content-Security-Policy-Report-Only"]) == directives(PUBLIC_CSP)
    assert directives(admin["Content-Security-Policy-Report-Only"]) == directives(ADMIN_CSP)


def test_images_in_object_storage_are_allowed_from_their_host(client, term, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "health-words", "custom_domain": "images.health.example"},
        },
    }
    assert files_origin(storages["default"]) == "https://images.health.example"
    for url in (term.url, "/admin/login/"):
        img_src = directives(client.get(url)["Content-Security-Policy"])["img-src"]
        assert img_src[0] == "'self'" and img_src[-1] == "https://images.health.example", url
