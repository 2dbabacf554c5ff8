"""Patients find terms (also by their other names) and articles on the search page and in suggestions."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from glossary.models import TermSynonym
from search.views import BEST_TERMS, MAX_QUERY_LENGTH, RESULTS_PER_PAGE
from tests.factories import ArticlePageFactory, TermPageFactory

pytestmark = pytest.mark.django_db


def publish_term(glossary, title, definition, synonyms=()):
    term = TermPageFactory(parent=glossary, title=title, definition=definition)
    for name in synonyms:
        term.synonyms.add(TermSynonym(name=name))
    term.save_revision().publish()
    return term


@pytest.fixture
def remission(glossary):
    return publish_term(
        glossary, "Remission", "Remission means tests cannot find signs of the cancer.", ["Complete response"]
    )


@pytest.fixture
def remission_article(article_index):
    return ArticlePageFactory(
        parent=article_index,
        title="Life after remission",
        summary="What check-ups to expect once treatment ends.",
        body=[("paragraph", "<p>Most people have check-ups for several years.</p>")],
    )


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (item.select_one(".search-result__type").get_text(strip=True), item.a.get_text(strip=True), item.a["href"])
        for item in soup.select(".search-result")
    ]


def test_terms_come_before_articles_with_their_type_and_definition(client, remission, remission_article):
    response = client.get("/search/", {"q": "remission"})

    assert response.status_code == 200
    assert results(response) == [
        ("Glossary term", "Remission", "/glossary/remission/"),
        ("Article", "Life after remission", "/articles/life-after-remission/"),
    ]
    assert "Remission means tests cannot find signs of the cancer." in response.content.decode()
    assert "What check-ups to expect once treatment ends." in response.content.decode()


def test_search_ignores_case(client, remission):
    assert results(client.get("/search/", {"q": "REMISSION"})) == [
        ("Glossary term", "Remission", "/glossary/remission/")
    ]


def test_another_name_finds_its_term(client, remission):
    assert results(client.get("/search/", {"q": "complete response"})) == [
        ("Glossary term", "Remission", "/glossary/remission/")
    ]


def test_synonym_added_in_a_later_revision_is_found_once_published(client, remission):
    remission.synonyms.add(TermSynonym(name="No evidence of disease"))
    remission.save_revision().publish()

    assert results(client.get("/search/", {"q": "evidence of disease"})) == [
        ("Glossary term", "Remission", "/glossary/remission/")
    ]


def test_words_in_the_body_of_an_article_are_found(client, remission_article):
    assert [title for _, title, _ in results(client.get("/search/", {"q": "check-ups"}))] == [
        "Life after remission"
    ]


def test_draft_unpublished_and_private_pages_are_not_found(client, glossary, remission):
    draft = TermPageFactory(parent=glossary, title="Remission draft", live=False)
    private = publish_term(glossary, "Remission private", "Only for staff.")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    found = [title for _, title, _ in results(client.get("/search/", {"q": "remission"}))]

    assert found == ["Remission"]
    assert draft.title not in found
    remission.unpublish()
    assert results(client.get("/search/", {"q": "remission"})) == []


def test_results_are_paginated_best_terms_then_articles_then_other_terms(client, glossary, article_index):
    for number in range(RESULTS_PER_PAGE):
        publish_term(glossary, f"Lymph node {number}", "A small gland that is part of the immune system.")
    for number in range(3):
        ArticlePageFactory(parent=article_index, title=f"Swollen lymph nodes {number}")

    first = client.get("/search/", {"q": "lymph"})
    second = client.get("/search/", {"q": "lymph", "page": 2})

    kinds = [kind for kind, _, _ in results(first)]
    assert kinds == ["Glossary term"] * BEST_TERMS + ["Article"] * 3 + ["Glossary term"] * (17 - BEST_TERMS)
    assert [kind for kind, _, _ in results(second)] == ["Glossary term"] * 3
    assert "23 results for" in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()
    assert 'href="?q=lymph&amp;page=2"' in first.content.decode()


def test_a_page_number_past_the_end_shows_the_last_page(client, remission):
    response = client.get("/search/", {"q": "remission", "page": "99"})
    assert results(response) == [("Glossary term", "Remission", "/glossary/remission/")]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Search for a medical word or a health topic."),
        ("   ", "Search for a medical word or a health topic."),
        ("?!?* ... ''", "Type a word to search for"),
        ("cancer " * 100, "That search is too long."),
        ("zzzzqqq", "Nothing matched “zzzzqqq”."),
    ],
)
def test_empty_or_absurd_queries_get_a_friendly_page(client, remission, query, message):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert results(response) == []


def test_search_box_keeps_the_query_and_works_without_javascript(client, remission):
    soup = BeautifulSoup(client.get("/search/", {"q": "remission"}).content, "html.parser")
    form = soup.select_one("main form[role=search]")

    assert form["action"] == "/search/"
    assert form["method"] == "get"
    assert form.select_one("input[name=q]")["value"] == "remission"
    assert form.select_one("input[name=q]")["maxlength"] == str(MAX_QUERY_LENGTH)
    script = soup.select_one('script[src$="js/search-suggest.js"]')
    assert script.has_attr("defer")


def test_suggest_returns_terms_other_names_and_articles_from_first_letters(client, remission, remission_article):
    publish_term(remission.get_parent(), "Radiotherapy", "Treatment that uses high-energy rays.")

    assert client.get("/search/suggest/", {"q": "rem"}).json()["suggestions"] == [
        {"title": "Remission", "url": "/glossary/remission/", "type": "term"},
        {"title": "Life after remission", "url": "/articles/life-after-remission/", "type": "article"},
    ]
    assert client.get("/search/suggest/", {"q": "rad"}).json()["suggestions"] == [
        {"title": "Radiotherapy", "url": "/glossary/radiotherapy/", "type": "term"}
    ]
    assert client.get("/search/suggest/", {"q": "COMPLETE r"}).json()["suggestions"] == [
        {"title": "Complete response", "url": "/glossary/remission/", "type": "term", "see": "Remission"}
    ]
    assert client.get("/search/suggest/", {"q": "resp"}).json()["suggestions"][0]["see"] == "Remission"
    assert client.get("/search/suggest/", {"q": "life"}).json()["suggestions"] == [
        {"title": "Life after remission", "url": "/articles/life-after-remission/", "type": "article"}
    ]


def test_suggest_is_short_cacheable_and_only_lists_live_pages(client, glossary):
    for number in range(12):
        publish_term(glossary, f"Biopsy {number:02}", "Taking a small sample of tissue to look at.")
    TermPageFactory(parent=glossary, title="Biopsy draft", live=False)

    response = client.get("/search/suggest/", {"q": "bio"})

    titles = [suggestion["title"] for suggestion in response.json()["suggestions"]]
    assert titles == [f"Biopsy {number:02}" for number in range(8)]
    assert "max-age=300" in response["Cache-Control"]


@pytest.mark.parametrize("query", ["", "!!!", "x" * (MAX_QUERY_LENGTH + 1)])
def test_suggest_answers_nonsense_with_an_empty_list(client, remission, query):
    response = client.get("/search/suggest/", {"q": query})

    assert response.status_code == 200
    assert response.json()["suggestions"] == []


def test_other_forms_of_a_word_match_in_names_and_in_definitions(client, glossary):
    publish_term(glossary, "Tumour", "A lump made of cells that are growing when they should not.")

    assert results(client.get("/search/", {"q": "tumours"})) == [("Glossary term", "Tumour", "/glossary/tumour/")]
    assert results(client.get("/search/", {"q": "grow"})) == [("Glossary term", "Tumour", "/glossary/tumour/")]
