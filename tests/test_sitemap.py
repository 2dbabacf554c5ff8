"""sitemap.xml indexes parts that list every live public page with its last change; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, TermPageFactory


def localdate(moment):
    """The date a sitemap shows for a moment: the day it was in the site's time zone."""
    return timezone.localtime(moment).date().isoformat()


NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own sitemap, in a test)


def part_addresses(client):
    index = xml(client.get("/sitemap.xml"))
    return [item.findtext("sm:loc", namespaces=NS) for item in index.findall("sm:sitemap", NS)]


def sitemap_entries(client):
    entries = {}
    for address in part_addresses(client):
        part = xml(client.get(address.removeprefix("http://localhost")))
        entries.update(
            {url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS) for url in part}
        )
    return entries


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


@pytest.mark.django_db
def test_sitemap_index_names_a_part_per_section_and_page(client, home, glossary, article_index, monkeypatch):
    from home import sitemaps

    monkeypatch.setattr(sitemaps.TermsSitemap, "limit", 2)
    for title in ("Anaemia", "Biopsy", "Cancer"):
        TermPageFactory(parent=glossary, title=title)

    assert part_addresses(client) == [
        "http://localhost/sitemap-pages.xml",
        "http://localhost/sitemap-terms.xml",
        "http://localhost/sitemap-terms.xml?p=2",
        "http://localhost/sitemap-articles.xml",
    ]
    assert client.get("/sitemap-terms.xml?p=3").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.django_db
def test_sitemap_uses_the_public_site_address(client, home, glossary):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="health.example", port=443)
    TermPageFactory(parent=glossary, title="Remission")

    assert part_addresses(client)[0] == "https://health.example/sitemap-pages.xml"
    part = xml(client.get("/sitemap-terms.xml"))
    assert [url.findtext("sm:loc", namespaces=NS) for url in part] == [
        "https://health.example/glossary/remission/"
    ]


@pytest.mark.django_db
def test_a_cached_part_shows_a_newly_published_term_at_once_and_costs_few_queries(
    client, home, glossary, django_assert_max_num_queries
):
    TermPageFactory(parent=glossary, title="Remission")
    client.get("/sitemap-terms.xml")
    with django_assert_max_num_queries(1):  # at most the shared version numbers, once a second
        client.get("/sitemap-terms.xml")
        client.get("/sitemap-terms.xml")

    relapse = TermPageFactory(parent=glossary, title="Relapse", live=False)
    relapse.save_revision().publish()

    assert "http://localhost/glossary/relapse/" in sitemap_entries(client)
    relapse.refresh_from_db()
    relapse.unpublish()
    assert "http://localhost/glossary/relapse/" not in sitemap_entries(client)
