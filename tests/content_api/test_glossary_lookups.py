"""Glossary lookups under /api/v2/glossary/: one term, search with synonyms, A-Z and counts."""

import pytest

from tests.factories import TermPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [item["term"] for item in response.json()["items"]]


def test_term_by_slug_gives_sections_and_review_fields(client, remission, article):
    response = client.get("/api/v2/glossary/terms/remission/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "id": remission.pk,
        "slug": "remission",
        "term": "Remission",
        "initial": "R",
        "pronunciation": "ree-MISH-un",
        "also_called": ["Complete response", "Cancer-free"],
        "definition": "A time when the signs of cancer have gone or got smaller.",
        "url": "http://localhost/glossary/remission/",
        "api_url": f"http://testserver/api/v2/pages/{remission.pk}/",
        "translations": [],
        "what_is_title": "What is remission?",
        "what_is": '<p>See <a href="/articles/living-with-cancer/">living with cancer</a>.</p>',
        "why_it_matters": "<p>It tells you how treatment is <b>working</b>.</p>",
        "last_reviewed": "2026-03-01",
        "next_review_due": "2027-03-01",
        "reviewed_by": "Dr Asha Patel, MRCP",
    }


def test_unknown_or_draft_slug_is_404(client, terms):
    for slug in ["no-such-term", "rare-draft"]:
        response = client.get(f"/api/v2/glossary/terms/{slug}/")
        assert response.status_code == 404
        assert response.json() == {"message": "No live term has this slug."}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "re"}, ["Relapse", "Remission"]),
        ({"q": "RE", "match": "begins"}, ["Relapse", "Remission"]),
        ({"q": "complete"}, ["Remission"]),  # found through its other name "Complete response"
        ({"q": "sample", "match": "contains"}, ["Biopsy"]),
        ({"q": "the", "match": "contains"}, ["Chemotherapy", "Radiotherapy"]),
        ({"q": "biopsy", "match": "exact"}, ["Biopsy"]),
        ({"q": "cancer-free", "match": "exact"}, ["Remission"]),
        ({"q": "bio", "match": "exact"}, []),
        ({"q": "r", "letter": "r"}, ["Relapse", "Remission", "Radiotherapy"]),  # shorter names first
    ],
)
def test_search_matches_titles_and_other_names(client, terms, params, expected):
    response = client.get("/api/v2/glossary/terms/", params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_search_result_lists_each_term_once_even_when_several_names_match(client, terms):
    response = client.get("/api/v2/glossary/terms/", {"q": "c", "match": "contains"})
    assert titles(response).count("Remission") == 1


def test_letter_lists_live_terms_a_to_z_without_drafts(client, terms):
    assert titles(client.get("/api/v2/glossary/terms/", {"letter": "r"})) == [
        "Radiotherapy",
        "Relapse",
        "Remission",
    ]
    assert titles(client.get("/api/v2/glossary/terms/", {"letter": "#"})) == ["5-FU"]


def test_list_items_have_the_documented_fields(client, remission):
    item = client.get("/api/v2/glossary/terms/").json()["items"][0]
    assert list(item) == [
        "id",
        "slug",
        "term",
        "initial",
        "pronunciation",
        "also_called",
        "definition",
        "url",
        "api_url",
        "translations",
    ]


def test_pagination_with_limit_and_offset(client, terms):
    first = client.get("/api/v2/glossary/terms/", {"limit": 3}).json()
    assert first["meta"] == {"total_count": 7, "limit": 3, "offset": 0}
    assert [item["term"] for item in first["items"]] == ["5-FU", "Benign", "Biopsy"]
    rest = client.get("/api/v2/glossary/terms/", {"limit": 3, "offset": 6}).json()
    assert [item["term"] for item in rest["items"]] == ["Remission"]
    assert client.get("/api/v2/glossary/terms/", {"offset": 50}).json()["items"] == []


def test_count_gives_totals_per_letter_in_one_query(client, terms, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # the view-restriction check, then one aggregate
        data = client.get("/api/v2/glossary/terms/count/").json()
    counts = {row["letter"]: row["count"] for row in data["letters"]}
    assert list(counts)[:3] == ["A", "B", "C"] and list(counts)[-1] == "#"
    assert counts["R"] == 3 and counts["B"] == 2 and counts["C"] == 1 and counts["#"] == 1 and counts["Z"] == 0
    assert data["meta"]["total_count"] == 7


def test_list_query_count_does_not_grow_with_results(client, terms, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):  # one of them for the translations of the whole list
        response = client.get("/api/v2/glossary/terms/", {"limit": 100})
    assert len(response.json()["items"]) == 7


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "re", "match": "fuzzy"}, "match must be one of best, begins, exact, contains; got 'fuzzy'."),
        ({"match": "exact"}, "match needs a search text in q."),
        ({"q": "  "}, "q must not be empty."),
        ({"q": "x" * 101}, "q must be at most 100 characters."),
        ({"limit": "-1"}, "limit must be 0 or more, got -1."),
        ({"limit": "1000"}, "limit must be at most 100, got 1000."),
        ({"limit": "ten"}, "limit must be a whole number, got 'ten'."),
        ({"offset": "-5"}, "offset must be 0 or more, got -5."),
        ({"offset": "9" * 25}, f"offset must be at most 1000000, got {'9' * 25}."),
        ({"letter": "1"}, "letter must be one letter from A to Z, or # for other characters."),
        ({"letter": "ab"}, "letter must be one letter from A to Z, or # for other characters."),
        ({"page": "2"}, "Unknown parameter(s): page."),
    ],
)
def test_bad_parameters_get_a_400_that_says_what_to_fix(client, remission, params, message):
    response = client.get("/api/v2/glossary/terms/", params)
    assert response.status_code == 400
    assert response.json() == {"message": message}


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/api/v2/glossary/terms/", {"letters": "R"}, "Unknown parameter(s): letters."),
        ("/api/v2/glossary/terms/remission/", {"fields": "*"}, "Unknown parameter(s): fields."),
        ("/api/v2/glossary/terms/count/", {"letter": "R", "q": "r"}, "Unknown parameter(s): letter, q."),
    ],
)
def test_every_lookup_refuses_parameters_it_does_not_know_rather_than_ignoring_them(
    client, remission, url, params, message
):
    """A misspelt or unsupported filter would otherwise return everything as if it had been applied."""
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_pages_endpoint_refuses_an_absurd_offset_with_a_400(client, remission):
    response = client.get("/api/v2/pages/", {"offset": "9" * 25})
    assert response.status_code == 400
    assert response.json() == {"message": "offset must be at most 1000000"}


@pytest.mark.parametrize(
    "url", ["/api/v2/glossary/terms/", "/api/v2/glossary/terms/remission/", "/api/v2/glossary/terms/count/"]
)
def test_lookups_are_read_only(client, remission, url):
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(url, data={}, content_type="application/json")
        assert response.status_code == 405
    assert client.head(url).status_code == 200
    assert "GET" in client.options(url)["Allow"]


def test_term_slug_ignores_case_like_nci(client, terms):
    for slug in ["Remission", "REMISSION"]:
        response = client.get(f"/api/v2/glossary/terms/{slug}/")
        assert (response.status_code, response.json()["term"]) == (200, "Remission")


def test_accented_initials_file_under_their_base_letter_in_letter_and_count(client, glossary, terms):
    TermPageFactory(parent=glossary, title="ácido fólico", slug="acido-folico")
    TermPageFactory(parent=glossary, title="μL", slug="ul")

    assert titles(client.get("/api/v2/glossary/terms/", {"letter": "a"})) == ["ácido fólico"]
    assert titles(client.get("/api/v2/glossary/terms/", {"letter": "#"})) == ["5-FU", "μL"]
    counts = {row["letter"]: row["count"] for row in client.get("/api/v2/glossary/terms/count/").json()["letters"]}
    assert (counts["A"], counts["#"]) == (1, 2)
    detail = client.get("/api/v2/glossary/terms/acido-folico/").json()
    assert (detail["term"], detail["initial"]) == ("ácido fólico", "A")
