"""Glossary lookups in one language at a time (``?lang=en|es``), each term listing its live translations."""

import pytest
from wagtail.models import Locale

from delivery.purge import page_tags
from glossary.models import GlossaryIndexPage
from tests.factories import TermPageFactory
from tests.review_helpers import sign_off_published

pytestmark = pytest.mark.django_db


def translate(term, spanish_home, title, slug, *, publish=True):
    """The Spanish version of ``term`` (its English live revision recorded), published unless asked not to."""
    term = sign_off_published(term)
    spanish = term.copy_for_translation(spanish_home.locale)
    spanish.title, spanish.draft_title, spanish.slug = title, title, slug
    spanish.definition = f"{title}: una palabra que usan los médicos."
    spanish.save()
    if publish:
        spanish.save_revision().publish()
    return spanish


@pytest.fixture
def spanish(terms, spanish_home):
    """Remisión (Remission's translation, live), Biopsia (Biopsy's, a draft) and Quimio (no English)."""
    english = {term.title: term for term in terms["live"]}
    remision = translate(english["Remission"], spanish_home, "Remisión", "remision")
    biopsia = translate(english["Biopsy"], spanish_home, "Biopsia", "biopsia", publish=False)
    spanish_glossary = GlossaryIndexPage.objects.child_of(spanish_home).get()
    quimio = TermPageFactory(parent=spanish_glossary, title="Quimioterapia", slug="quimioterapia")
    return {"remision": remision, "biopsia": biopsia, "quimio": quimio, "english": english}


def titles(response):
    return [item["term"] for item in response.json()["items"]]


def test_english_is_the_default_and_lists_only_english_terms(client, spanish):
    default = client.get("/api/v2/glossary/terms/", {"limit": 100})
    assert titles(default) == titles(client.get("/api/v2/glossary/terms/", {"lang": "en", "limit": 100}))
    assert titles(default) == ["5-FU", "Benign", "Biopsy", "Chemotherapy", "Radiotherapy", "Relapse", "Remission"]


def test_spanish_lists_only_live_spanish_terms(client, spanish):
    response = client.get("/api/v2/glossary/terms/", {"lang": "es"})
    assert response.status_code == 200
    assert titles(response) == ["Quimioterapia", "Remisión"]  # Biopsia is a draft
    assert response.json()["meta"]["total_count"] == 2


def test_each_term_lists_its_live_translations_with_full_urls(client, spanish):
    remision, remission = spanish["remision"], spanish["english"]["Remission"]
    items = {item["term"]: item for item in client.get("/api/v2/glossary/terms/", {"limit": 100}).json()["items"]}
    assert items["Remission"]["translations"] == [
        {"lang": "es", "id": remision.pk, "url": "http://localhost/es/glosario/remision/"}
    ]
    assert items["Biopsy"]["translations"] == []  # its Spanish version is not live yet
    assert items["Relapse"]["translations"] == []

    detail = client.get("/api/v2/glossary/terms/remision/", {"lang": "es"}).json()
    assert (detail["term"], detail["url"]) == ("Remisión", "http://localhost/es/glosario/remision/")
    assert detail["translations"] == [
        {"lang": "en", "id": remission.pk, "url": "http://localhost/glossary/remission/"}
    ]
    assert client.get("/api/v2/glossary/terms/quimioterapia/", {"lang": "es"}).json()["translations"] == []


def test_a_slug_is_looked_up_in_the_asked_language_only(client, spanish):
    assert client.get("/api/v2/glossary/terms/remision/").status_code == 404
    assert client.get("/api/v2/glossary/terms/remission/", {"lang": "es"}).status_code == 404
    assert client.get("/api/v2/glossary/terms/Remision/", {"lang": "es"}).json()["term"] == "Remisión"


def test_search_letters_and_counts_keep_to_the_language(client, spanish):
    assert titles(client.get("/api/v2/glossary/terms/", {"lang": "es", "q": "rem"})) == ["Remisión"]
    assert titles(client.get("/api/v2/glossary/terms/", {"q": "rem"})) == ["Remission"]
    assert titles(client.get("/api/v2/glossary/terms/", {"lang": "es", "letter": "q"})) == ["Quimioterapia"]
    counts = client.get("/api/v2/glossary/terms/count/", {"lang": "es"}).json()
    assert counts["meta"]["total_count"] == 2
    assert client.get("/api/v2/glossary/terms/count/").json()["meta"]["total_count"] == 7


@pytest.mark.parametrize(
    "url", ["/api/v2/glossary/terms/", "/api/v2/glossary/terms/remission/", "/api/v2/glossary/terms/count/"]
)
@pytest.mark.parametrize("lang", ["fr", "es-es", "EN", "en-gb", ""])
def test_any_other_language_is_a_400_that_says_what_to_fix(client, spanish, url, lang):
    response = client.get(url, {"lang": lang})
    assert response.status_code == 400
    assert response.json() == {"message": f"lang must be one of en, es; got {lang!r}."}


def test_translations_cost_one_query_for_a_whole_list(client, spanish, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        response = client.get("/api/v2/glossary/terms/", {"limit": 100})
    assert len(response.json()["items"]) == 7


def test_publishing_a_spanish_term_purges_the_lookups_in_both_languages(client, spanish, settings):
    """Every lookup answer carries the api-list tag, which publishing any page (a Spanish one too) purges:
    the Spanish lists that now hold the term, and the English answers that now list it as a translation."""
    settings.WAGTAILFRONTENDCACHE = {}
    for params in ({"lang": "es"}, {"lang": "en"}):
        tags = set(client.get("/api/v2/glossary/terms/", params).get("X-Cache-Tags", "").split())
        assert "api-list" in tags
    assert "api-list" in page_tags(spanish["biopsia"])
    assert spanish["biopsia"].locale == Locale.objects.get(language_code="es")


def test_spanish_letters_include_n_with_tilde(client, spanish, spanish_home):
    spanish_glossary = GlossaryIndexPage.objects.child_of(spanish_home).get()
    TermPageFactory(parent=spanish_glossary, title="Ñame", slug="name", locale=spanish_home.locale)

    counts = client.get("/api/v2/glossary/terms/count/", {"lang": "es"}).json()["letters"]
    assert [row["letter"] for row in counts][13:16] == ["N", "Ñ", "O"]
    assert {"letter": "Ñ", "count": 1} in counts
    assert titles(client.get("/api/v2/glossary/terms/", {"lang": "es", "letter": "ñ"})) == ["Ñame"]
    refused = client.get("/api/v2/glossary/terms/", {"lang": "es", "letter": "1"})
    assert refused.status_code == 400
    assert "A to Z or Ñ" in refused.json()["message"]
