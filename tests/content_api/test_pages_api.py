"""The Wagtail API v2 pages and images endpoints show terms' and articles' structured parts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import TermPageFactory

pytestmark = pytest.mark.django_db


def test_term_detail_shows_every_structured_part_with_rendered_rich_text(client, remission, article):
    data = client.get(f"/api/v2/pages/{remission.pk}/").json()

    assert data["meta"]["type"] == "glossary.TermPage"
    assert data["title"] == "Remission"
    assert data["pronunciation"] == "ree-MISH-un"
    assert data["also_called"] == ["Complete response", "Cancer-free"]
    assert data["definition"] == "A time when the signs of cancer have gone or got smaller."
    assert data["what_is_title"] == "What is remission?"
    # Rich text is display HTML: the page link is resolved to the article's URL, no database markup.
    assert data["what_is"] == '<p>See <a href="/articles/living-with-cancer/">living with cancer</a>.</p>'
    assert "linktype" not in data["why_it_matters"]
    section = data["extra_sections"][0]
    assert section["type"] == "section"
    assert section["value"]["heading"] == "After remission"
    assert section["value"]["body"] == '<p><a href="/articles/living-with-cancer/">Life</a></p>'
    assert data["related_articles"] == [
        {"id": article.pk, "title": "Living with cancer", "url": "http://localhost/articles/living-with-cancer/"}
    ]
    assert data["related_terms"] == []
    assert data["references"][0]["url"] == "https://doi.org/10.1000/xyz123"
    assert data["tags"] == ["Cancer", "Treatment"]
    assert data["disclaimer"] == {"title": "Cancer terms", "body": "<p>Ask your care team.</p>"}
    assert data["last_reviewed"] == "2026-03-01"
    assert data["next_review_due"] == "2027-03-01"
    assert data["reviewed_by"] == "Dr Asha Patel, MRCP"
    assert data["image"] is None


def test_related_terms_include_terms_that_link_back(client, terms, remission):
    relapse = terms["live"][1]
    data = client.get(f"/api/v2/pages/{remission.pk}/").json()
    assert data["related_terms"] == [
        {"id": relapse.pk, "title": "Relapse", "url": "http://localhost/glossary/relapse/"}
    ]


def test_page_without_own_disclaimer_shows_the_site_default(client, terms, default_disclaimer):
    data = client.get(f"/api/v2/pages/{terms['live'][1].pk}/").json()
    assert data["disclaimer"]["title"] == default_disclaimer.title
    assert data["disclaimer"]["body"].startswith("<p>This page gives general information.")


def test_article_detail_shows_summary_body_and_review_fields(client, article):
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["meta"]["type"] == "articles.ArticlePage"
    assert data["summary"] == "Help with everyday life during and after treatment."
    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["value"] == "<p>Plan rest into each day.</p>"
    assert {"last_reviewed", "next_review_due", "reviewed_by", "disclaimer", "tags"} <= data.keys()


def test_listing_filters_by_type_paginates_and_hides_drafts(client, terms):
    response = client.get("/api/v2/pages/", {"type": "glossary.TermPage", "limit": 2, "order": "title"})
    data = response.json()
    assert data["meta"]["total_count"] == len(terms["live"])
    assert [item["title"] for item in data["items"]] == ["5-FU", "Benign"]

    second = client.get("/api/v2/pages/", {"type": "glossary.TermPage", "limit": 2, "offset": 2, "order": "title"})
    assert [item["title"] for item in second.json()["items"]] == ["Biopsy", "Chemotherapy"]

    everything = client.get("/api/v2/pages/", {"type": "glossary.TermPage", "limit": 100}).json()
    assert "Rare draft" not in [item["title"] for item in everything["items"]]
    assert client.get(f"/api/v2/pages/{terms['draft'].pk}/").status_code == 404


def test_listing_can_ask_for_structured_fields(client, remission):
    data = client.get("/api/v2/pages/", {"type": "glossary.TermPage", "fields": "definition,also_called"}).json()
    assert data["items"][0]["definition"] == remission.definition
    assert data["items"][0]["also_called"] == ["Complete response", "Cancer-free"]


def test_api_rejects_limits_over_one_hundred(client, remission):
    response = client.get("/api/v2/pages/", {"limit": 101})
    assert response.status_code == 400
    assert response.json() == {"message": "limit cannot be higher than 100"}


def test_pages_api_is_read_only(client, remission):
    for method in (client.post, client.put, client.patch, client.delete):
        assert method(f"/api/v2/pages/{remission.pk}/").status_code == 405


def test_images_endpoint_lists_images_and_terms_give_a_rendition(client, remission):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="Scan", file=get_test_image_file(size=(1600, 900)))
    remission.image = image
    remission.image_alt_text = "A doctor pointing at a scan."
    remission.save()

    images = client.get("/api/v2/images/").json()
    assert [item["title"] for item in images["items"]] == ["Scan"]
    data = client.get(f"/api/v2/pages/{remission.pk}/").json()
    assert data["image"]["id"] == image.pk
    assert data["image_alt_text"] == "A doctor pointing at a scan."
    assert data["image_rendition"]["width"] == 1200
    assert data["image_rendition"]["height"] == 675
    assert data["image_rendition"]["url"].startswith("/media/images/")


def test_listing_all_fields_costs_the_same_queries_however_many_terms(client, terms, glossary):
    def queries_for_listing():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v2/pages/", {"type": "glossary.TermPage", "fields": "*", "limit": 100})
        assert response.status_code == 200
        return len(queries), response.json()["meta"]["total_count"]

    queries_for_listing()  # warm the per-site caches
    before, count_before = queries_for_listing()
    for number in range(10):
        TermPageFactory(parent=glossary, title=f"Extra {number}")
    after, count_after = queries_for_listing()
    assert count_after == count_before + 10
    assert after == before
