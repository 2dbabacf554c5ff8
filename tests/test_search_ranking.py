"""The term a patient means comes first, however they wrote it: on the search page, in suggestions and
in the API's glossary lookups, which share one engine."""

import pytest
from bs4 import BeautifulSoup

from glossary.models import TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory

pytestmark = pytest.mark.django_db

# Made-up short definitions, written for these tests.
TERMS = [
    ("Biopsy", "Taking a small piece of tissue to look at.", []),
    ("Biopsy needle", "A thin hollow needle used to take a sample.", []),
    ("Pathologist", "A doctor who looks at each biopsy sample under a microscope.", []),
    ("Leukemia", "A cancer of the cells that become blood cells.", []),
    ("Esophagus", "The tube that takes food from the mouth to the stomach.", ["gullet"]),
    ("Waldenström macroglobulinemia", "A rare blood cancer that grows slowly.", []),
    ("Non-Hodgkin lymphoma", "A cancer that starts in white blood cells.", []),
    ("Hodgkin lymphoma", "A cancer of the lymph system with a typical cell.", []),
    ("Remission", "Tests cannot find signs of the cancer.", ["Complete response"]),
    ("Revision", "A second operation to change the first.", []),
    ("Palliation", "Easing symptoms.", []),
    ("Palliative care", "Care that eases symptoms and stress.", []),
    ("Bone marrow transplant", "Replacing damaged marrow with healthy cells.", []),
    ("Mammogram", "An x-ray picture of the breast.", []),
    ("Radiotherapy", "Treatment with high-energy rays.", ["radiation therapy"]),
    ("Radiation therapy", "Treatment that uses radiation.", []),
    ("Relapse", "The illness comes back after getting better.", []),
]


@pytest.fixture
def terms(glossary):
    made = {}
    for title, definition, others in TERMS:
        term = TermPageFactory(parent=glossary, title=title, definition=definition, what_is="", why_it_matters="")
        for name in others:
            term.synonyms.add(TermSynonym(name=name))
        term.save_revision().publish()
        made[title] = term
    return made


def page_results(client, query):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return [
        (item.select_one(".search-result__type").get_text(strip=True), item.a.get_text(strip=True))
        for item in soup.select(".search-result")
    ]


def page_titles(client, query):
    return [title for _, title in page_results(client, query)]


def did_you_mean(client, query):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    message = soup.select_one(".search-did-you-mean")
    return (message.get_text(" ", strip=True), message.a["href"]) if message else None


def suggested(client, query):
    return [(s["title"], s.get("see")) for s in client.get("/search/suggest/", {"q": query}).json()["suggestions"]]


def api_titles(client, query, **params):
    response = client.get("/api/v2/glossary/terms/", {"q": query, **params})
    assert response.status_code == 200
    return [item["term"] for item in response.json()["items"]]


TOLERANCE = [
    ("biopsies", "Biopsy"),  # plural
    ("relapsed", "Relapse"),  # inflection
    ("bone marrow transplants", "Bone marrow transplant"),  # plural of the last of three words
    ("leukaemia", "Leukemia"),  # UK spelling
    ("oesophagus", "Esophagus"),  # UK spelling
    ("Waldenstrom", "Waldenström macroglobulinemia"),  # no accent, first word only
    ("non hodgkin lymphoma", "Non-Hodgkin lymphoma"),  # a space for a hyphen
    ("hodgkins lymphoma", "Hodgkin lymphoma"),  # possessive without its apostrophe
    ("remision", "Remission"),  # misspelt, one letter short
    ("mamogram", "Mammogram"),  # misspelt
    ("palliative", "Palliative care"),  # first word of a title, before a word derived from its stem
    ("what is remission", "Remission"),  # question wording
    ("What does a biopsy mean?", "Biopsy"),
    ("meaning of leukaemia", "Leukemia"),
    ("define relapse", "Relapse"),
    ("the esophagus", "Esophagus"),
]


@pytest.mark.parametrize(("query", "expected"), TOLERANCE)
def test_the_term_meant_comes_first_on_the_search_page(client, terms, query, expected):
    assert page_results(client, query)[0] == ("Glossary term", expected)


@pytest.mark.parametrize(("query", "expected"), TOLERANCE)
def test_the_term_meant_is_the_first_suggestion(client, terms, query, expected):
    assert suggested(client, query)[0] == (expected, None)


@pytest.mark.parametrize(("query", "expected"), TOLERANCE)
def test_the_term_meant_comes_first_in_the_api(client, terms, query, expected):
    assert api_titles(client, query)[0] == expected


def test_exact_name_then_names_starting_with_it_then_definitions_that_mention_it(client, terms):
    assert page_titles(client, "biopsy") == ["Biopsy", "Biopsy needle", "Pathologist"]


def test_a_title_comes_before_the_same_words_as_another_terms_other_name(client, terms):
    assert page_titles(client, "radiation therapy")[:2] == ["Radiation therapy", "Radiotherapy"]
    assert api_titles(client, "radiation therapy")[:2] == ["Radiation therapy", "Radiotherapy"]


def test_an_other_name_finds_its_term_in_every_tolerant_form(client, terms):
    assert page_titles(client, "gullets") == ["Esophagus"]
    assert suggested(client, "gullet") == [("gullet", "Esophagus")]


def test_each_term_is_listed_once_at_its_best_match(client, terms):
    titles = page_titles(client, "remission")
    assert titles[0] == "Remission"
    assert titles.count("Remission") == 1


def test_articles_come_before_terms_that_only_mention_the_words(client, terms, article_index):
    ArticlePageFactory(
        parent=article_index,
        title="Having a sample taken",
        summary="What happens when a doctor takes some tissue.",
        body=[("paragraph", "<p>The tissue goes to a laboratory.</p>")],
    )

    assert page_results(client, "tissue") == [("Article", "Having a sample taken"), ("Glossary term", "Biopsy")]


def test_a_misspelling_shows_did_you_mean_with_a_link(client, terms):
    assert did_you_mean(client, "remision") == ("Did you mean Remission ?", "/glossary/remission/")
    assert did_you_mean(client, "chemotheraphy") is None  # nothing near enough: no guess
    assert did_you_mean(client, "remission") is None


def test_a_misspelt_other_name_names_its_term(client, terms):
    message, href = did_you_mean(client, "complete responce")
    assert message == "Did you mean Complete response (Remission)?"
    assert href == "/glossary/remission/"


@pytest.mark.parametrize("query", ["lukmia", "bioxyz", "rmsn"])
def test_no_term_is_offered_for_a_query_too_far_from_any_name(client, terms, query):
    titles = page_titles(client, query)
    assert did_you_mean(client, query) is None
    assert not {"Leukemia", "Biopsy", "Biopsy needle", "Remission"} & set(titles[:1])


def test_of_two_names_one_edit_away_the_one_sharing_more_letters_wins(client, terms):
    assert page_titles(client, "remision")[0] == "Remission"
    assert page_titles(client, "revison")[0] == "Revision"


def test_api_match_modes_use_the_same_tiers(client, terms):
    assert api_titles(client, "biopsies", match="exact") == ["Biopsy"]
    assert api_titles(client, "biopsy", match="begins") == ["Biopsy", "Biopsy needle"]
    assert api_titles(client, "remision", match="begins") == []
    assert api_titles(client, "remision", match="best") == ["Remission"]
    assert api_titles(client, "lymphoma", match="contains") == ["Hodgkin lymphoma", "Non-Hodgkin lymphoma"]


def test_drafts_are_not_found_by_name_or_spelling(client, glossary):
    TermPageFactory(parent=glossary, title="Remission", live=False)

    assert page_titles(client, "remission") == []
    assert page_titles(client, "remision") == []
    assert suggested(client, "remision") == []
    assert api_titles(client, "remision") == []
