"""JSON-LD, canonical URLs and Open Graph tags, read back from rendered pages as a crawler would."""

import datetime
import json
import math
import re

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from glossary.models import TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory

# Canonical addresses use the Wagtail site's own host name, whatever host the request came in on.
SITE = "http://localhost"


def head_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def json_ld(response):
    """The page's one JSON-LD graph, as a dict of nodes keyed by type."""
    scripts = head_of(response).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    nodes = {}
    for node in data["@graph"]:
        types = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        for node_type in types:
            nodes[node_type] = node
    return nodes


@pytest.fixture
def remission(glossary):
    term = TermPageFactory(
        parent=glossary,
        title="Remission",
        definition="Remission means tests cannot find signs of the cancer.",
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
        reviewed_by="Dr Asha Patel, consultant oncologist",
    )
    TermSynonym.objects.create(page=term, name="Complete response", sort_order=0)
    return term


@pytest.mark.django_db
def test_term_page_describes_a_reviewed_defined_term_in_the_glossary(client, glossary, remission):
    nodes = json_ld(client.get(remission.url))
    url = f"{SITE}/glossary/remission/"

    page = nodes["MedicalWebPage"]
    assert page["url"] == url
    assert page["lastReviewed"] == "2026-03-01"
    assert page["reviewedBy"] == {"@type": "Person", "name": "Dr Asha Patel, consultant oncologist"}
    assert page["description"] == "Remission means tests cannot find signs of the cancer."

    term = nodes["DefinedTerm"]
    assert page["about"] == {"@id": term["@id"]}
    assert term["name"] == "Remission"
    assert term["alternateName"] == ["Complete response"]
    assert term["inDefinedTermSet"] == {"@id": nodes["DefinedTermSet"]["@id"]}
    assert nodes["DefinedTermSet"]["url"] == f"{SITE}/glossary/"

    crumbs = nodes["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Health Words", f"{SITE}/"),
        (2, "Glossary A to Z", f"{SITE}/glossary/"),
        (3, "Remission", url),
    ]


@pytest.mark.django_db
def test_unreviewed_page_claims_no_review(client, glossary):
    term = TermPageFactory(parent=glossary, title="Biopsy")
    page = json_ld(client.get(term.url))["MedicalWebPage"]
    assert "lastReviewed" not in page
    assert "reviewedBy" not in page


@pytest.mark.django_db
def test_review_date_without_reviewer_name_gives_no_reviewer(client, glossary):
    term = TermPageFactory(parent=glossary, title="Biopsy", last_reviewed=datetime.date(2026, 1, 5))
    page = json_ld(client.get(term.url))["MedicalWebPage"]
    assert page["lastReviewed"] == "2026-01-05"
    assert "reviewedBy" not in page


@pytest.mark.django_db
def test_article_is_about_its_related_terms_and_topics(client, article_index, glossary, remission):
    article = ArticlePageFactory(parent=article_index, title="After treatment", summary="What happens next.")
    article.related_term_links.create(term=remission, sort_order=0)
    article.tags.add("Cancer")
    article.save_revision().publish()

    nodes = json_ld(client.get(article.url))
    about = nodes["MedicalWebPage"]["about"]
    assert {"@type": "Thing", "name": "Cancer"} in about
    term = next(item for item in about if item["@type"] == "DefinedTerm")
    assert term["name"] == "Remission"
    assert term["url"] == f"{SITE}/glossary/remission/"
    assert [c["name"] for c in nodes["BreadcrumbList"]["itemListElement"]] == [
        "Health Words",
        "Articles",
        "After treatment",
    ]


@pytest.mark.django_db
def test_glossary_index_is_the_defined_term_set(client, glossary, remission):
    nodes = json_ld(client.get(glossary.url))
    term_set = nodes["CollectionPage"]["about"]
    assert term_set["@type"] == "DefinedTermSet"
    assert term_set["@id"] == f"{SITE}/glossary/#termset"
    assert [term["name"] for term in term_set["hasDefinedTerm"]] == ["Remission"]


@pytest.mark.django_db
def test_article_list_is_a_collection_page_with_breadcrumbs(client, article_index):
    nodes = json_ld(client.get(article_index.url))
    assert nodes["CollectionPage"]["url"] == f"{SITE}/articles/"
    assert [c["name"] for c in nodes["BreadcrumbList"]["itemListElement"]] == ["Health Words", "Articles"]


@pytest.mark.django_db
def test_home_page_describes_the_website_and_its_search(client, home):
    nodes = json_ld(client.get("/"))
    assert nodes["WebSite"]["url"] == f"{SITE}/"
    assert nodes["WebSite"]["potentialAction"]["target"] == f"{SITE}/search/?q={{search_term_string}}"
    assert "BreadcrumbList" not in nodes


@pytest.mark.django_db
def test_content_cannot_close_the_script_element(client, glossary):
    term = TermPageFactory(
        parent=glossary, title="Scan", definition='A picture </script><script>alert("x")</script> & more.'
    )
    response = client.get(term.url)
    html = response.content.decode()
    assert "</script><script>alert" not in html
    assert json_ld(response)["DefinedTerm"]["description"] == term.definition


@pytest.mark.django_db
def test_canonical_description_and_open_graph(client, glossary, remission):
    head = head_of(client.get(remission.url + "?utm_source=leaflet"))
    url = f"{SITE}/glossary/remission/"
    assert head.find("link", rel="canonical")["href"] == url
    assert head.find("meta", attrs={"name": "description"})["content"] == remission.definition
    og = {tag["property"]: tag["content"] for tag in head.find_all("meta", property=True)}
    assert og["og:url"] == url
    assert og["og:title"] == "Remission"
    assert og["og:type"] == "article"
    assert og["og:description"] == remission.definition
    assert og["og:site_name"] == "Health Words"


@pytest.mark.django_db
def test_letter_pages_are_canonical_in_their_own_right(client, glossary, remission):
    head = head_of(client.get(glossary.url + "?letter=r&utm_campaign=x"))
    assert head.find("link", rel="canonical")["href"] == f"{SITE}/glossary/?letter=R"


@pytest.mark.django_db
def test_link_previews_get_the_page_image_with_its_alt_text(client, remission):
    remission.image = wagtail_factories.ImageFactory()
    remission.image_alt_text = "A nurse talks with a patient."
    remission.save()
    og = {
        tag["property"]: tag["content"]
        for tag in head_of(client.get(remission.url)).find_all("meta", property=True)
    }
    assert re.fullmatch(rf"{SITE}/media/images/.+\.width-1200\.format-jpeg\.jpg", og["og:image"])
    assert og["og:image:alt"] == "A nurse talks with a patient."


@pytest.mark.django_db
def test_search_page_has_no_page_metadata(client, home):
    head = head_of(client.get("/search/?q=x"))
    assert head.find("script", type="application/ld+json") is None
    assert head.find("link", rel="canonical") is None


@pytest.mark.django_db
def test_term_page_with_structured_data_stays_within_query_budget(
    client, glossary, remission, article_index, default_disclaimer, django_assert_max_num_queries, monkeypatch
):
    # The once-a-second look for a newer auto-link snapshot is no part of a page's cost (a slow run meets it).
    monkeypatch.setattr("glossary.linking.store.CHECK_SECONDS", math.inf)
    other = TermPageFactory(parent=glossary, title="Relapse")
    remission.related_term_links.create(term=other, sort_order=0)
    article = ArticlePageFactory(parent=article_index, title="After treatment")
    remission.related_article_links.create(article=article, sort_order=0)
    remission.tags.add("Cancer")
    remission.image = wagtail_factories.ImageFactory()
    remission.image_alt_text = "A nurse talks with a patient."
    remission.save_revision().publish()
    client.get(remission.url)  # warm the per-site caches, as any earlier visitor would

    with django_assert_max_num_queries(10):
        response = client.get(remission.url)
    assert json_ld(response)["DefinedTerm"]["name"] == "Remission"
