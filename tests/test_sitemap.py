"""sitemap.xml lists every live public page with its last change; robots.txt points crawlers to it."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, TermPageFactory


def localdate(moment):
    """The date a sitemap shows for a moment: the day it was in the site's time zone."""
    return timezone.localtime(moment).date().isoformat()


NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own sitemap, in a test)
    return {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS) for url in root}


@pytest.mark.django_db
def test_sitemap_lists_live_public_pages_with_last_modified_dates(client, home, glossary, article_index):
    term = TermPageFactory(parent=glossary, title="Remission")
    article = ArticlePageFactory(parent=article_index, title="After treatment")
    TermPageFactory(parent=glossary, title="Draft term", live=False)
    private = TermPageFactory(parent=glossary, title="Staff only")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    for page in (home, glossary, article_index, term, article, private):
        page.save_revision().publish()  # as editors do; this records when each page last changed

    entries = sitemap_entries(client)

    assert set(entries) == {
        "http://localhost/",
        "http://localhost/glossary/",
        "http://localhost/articles/",
        "http://localhost/glossary/remission/",
        "http://localhost/articles/after-treatment/",
    }
    term.refresh_from_db()
    article.refresh_from_db()
    assert entries["http://localhost/glossary/remission/"] == localdate(term.last_published_at)
    assert entries["http://localhost/articles/after-treatment/"] == localdate(article.last_published_at)
    assert all(entries.values())


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_admin_and_names_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public pages stay open to search engines
