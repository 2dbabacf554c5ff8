"""The glossary A to Z lists live terms by letter, with their other names as "see" entries."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.models import TERMS_PER_PAGE, GlossaryIndexPage, TermSynonym
from tests.factories import TermPageFactory

pytestmark = pytest.mark.django_db


def add_term(glossary, title, synonyms=(), live=True):
    term = TermPageFactory(parent=glossary, title=title, definition=f"{title} explained simply.", live=live)
    for name in synonyms:
        term.synonyms.add(TermSynonym(name=name))
    term.save()
    return term


def entries(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(item.get_text(" ", strip=True).split()) for item in soup.select(".term-list__item")]


@pytest.fixture
def terms(glossary):
    add_term(glossary, "Remission", synonyms=["Complete response", "No evidence of disease"])
    add_term(glossary, "Radiotherapy", synonyms=["Radiation therapy"])
    add_term(glossary, "Chemotherapy", synonyms=["chemo"])
    add_term(glossary, "Relapse draft", synonyms=["Recurrence"], live=False)
    add_term(glossary, "5-FU", synonyms=["Fluorouracil"])


def test_letter_lists_terms_and_other_names_in_one_a_to_z(client, glossary, terms):
    response = client.get(glossary.url, {"letter": "r"})

    assert entries(response) == [
        "Radiation therapy — see Radiotherapy",
        "Radiotherapy Radiotherapy explained simply.",
        "Remission Remission explained simply.",
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    see = soup.select_one(".term-list__item--see dd a")
    assert (see.get_text(), see["href"]) == ("Radiotherapy", "/glossary/radiotherapy/")
    assert soup.h1.get_text() == "Glossary A to Z: R"


def test_other_names_file_under_their_own_letter_whatever_their_case(client, glossary, terms):
    assert entries(client.get(glossary.url, {"letter": "C"})) == [
        "chemo — see Chemotherapy",
        "Chemotherapy Chemotherapy explained simply.",
        "Complete response — see Remission",
    ]
    assert entries(client.get(glossary.url, {"letter": "#"})) == ["5-FU 5-FU explained simply."]
    assert entries(client.get(glossary.url, {"letter": "f"})) == ["Fluorouracil — see 5-FU"]


def test_letter_strip_counts_other_names_but_not_drafts(client, glossary, terms):
    soup = BeautifulSoup(client.get(glossary.url).content, "html.parser")
    linked = {a.get_text(strip=True) for a in soup.select(".az-strip a")}

    assert {"C", "F", "N", "R"} <= linked
    assert "Numbers and symbols" in " ".join(linked)
    assert "E" not in linked  # "Relapse draft" and its "Recurrence" are not live


def test_unknown_letter_shows_everything(client, glossary, terms):
    assert len(entries(client.get(glossary.url, {"letter": "ab"}))) == 9


def test_long_letters_are_paginated_with_few_queries(client, glossary):
    for number in range(TERMS_PER_PAGE):
        add_term(glossary, f"Scan {number:02}", synonyms=[f"Scanning {number:02}"])
    client.get(glossary.url, {"letter": "s"})

    with CaptureQueriesContext(connection) as queries:
        first = client.get(glossary.url, {"letter": "s"})
    second = client.get(glossary.url, {"letter": "s", "page": 2})

    assert len(entries(first)) == TERMS_PER_PAGE
    assert entries(first)[:2] == ["Scan 00 Scan 00 explained simply.", "Scan 01 Scan 01 explained simply."]
    assert entries(second)[-1] == "Scanning 49 — see Scan 49"
    assert 'href="?letter=S&amp;page=2"' in first.content.decode()
    assert len(queries) <= 8


def test_accented_initials_file_under_their_base_letter_and_symbols_under_hash(client, glossary):
    add_term(glossary, "Ácido fólico", synonyms=["Ökotrophologie"])
    add_term(glossary, "Anemia")
    add_term(glossary, "μL")

    assert entries(client.get(glossary.url, {"letter": "a"})) == [
        "Anemia Anemia explained simply.",
        "Ácido fólico Ácido fólico explained simply.",
    ]
    assert entries(client.get(glossary.url, {"letter": "o"})) == ["Ökotrophologie — see Ácido fólico"]
    assert entries(client.get(glossary.url, {"letter": "#"})) == ["μL μL explained simply."]
    letters = dict(GlossaryIndexPage.objects.get().letters())
    assert (letters["A"], letters["O"], letters["#"], letters["B"]) == (True, True, True, False)


def test_an_other_name_that_is_another_terms_name_is_not_a_circular_see_entry(client, glossary):
    add_term(glossary, "Radiotherapy", synonyms=["radiation therapy", "RADIOTHERAPY"])
    add_term(glossary, "Radiation therapy", synonyms=["Radiothérapy", "X-ray therapy"])
    add_term(glossary, "Scan", synonyms=["Scanning"])

    assert entries(client.get(glossary.url, {"letter": "r"})) == [
        "Radiation therapy Radiation therapy explained simply.",
        "Radiotherapy Radiotherapy explained simply.",
    ]
    assert entries(client.get(glossary.url, {"letter": "x"})) == ["X-ray therapy — see Radiation therapy"]
    assert "Scanning — see Scan" in entries(client.get(glossary.url, {"letter": "s"}))


def test_other_name_and_case_variant_addresses_redirect_to_the_term(client, glossary):
    add_term(glossary, "Chemotherapy", synonyms=["Chemo", "Cytotoxic treatment"])
    add_term(glossary, "Hidden", synonyms=["Secret name"], live=False)

    for address in (
        "/glossary/chemo/",
        "/glossary/Chemotherapy/",
        "/glossary/CHEMOTHERAPY/",
        "/glossary/cytotoxic-treatment/",
    ):
        response = client.get(address)
        assert (response.status_code, response["Location"]) == (301, "/glossary/chemotherapy/"), address
    assert client.get("/glossary/secret-name/").status_code == 404
    assert client.get("/glossary/no-such-term/").status_code == 404
    assert client.get("/glossary/chemo/extra/").status_code == 404


def test_whole_a_to_z_runs_letter_by_letter_and_reads_one_page_of_rows(client, glossary, terms):
    assert entries(client.get(glossary.url)) == [
        "5-FU 5-FU explained simply.",
        "chemo — see Chemotherapy",
        "Chemotherapy Chemotherapy explained simply.",
        "Complete response — see Remission",
        "Fluorouracil — see 5-FU",
        "No evidence of disease — see Remission",
        "Radiation therapy — see Radiotherapy",
        "Radiotherapy Radiotherapy explained simply.",
        "Remission Remission explained simply.",
    ]


def test_a_page_reads_only_its_rows_through_the_initial_and_name_index(glossary):
    for number in range(30):
        add_term(glossary, f"Scan {number:02}", synonyms=[f"Scanning {number:02}"])
    index = GlossaryIndexPage.objects.get()
    index.entries("S")[0:1]  # counts per letter, once per glossary version

    with CaptureQueriesContext(connection) as queries:
        page = index.entries("S")[10:12]

    assert [entry["name"] for entry in page] == ["Scan 10", "Scan 11"]
    assert len(queries) == 2  # terms, then other names, each limited to the end of the page
    assert all("LIMIT 12" in query["sql"] for query in queries.captured_queries)
    if connection.vendor == "sqlite":  # PostgreSQL scans tables this small whatever the indexes
        with connection.cursor() as cursor:
            plans = []
            for query in queries.captured_queries:
                cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
                plans.append(" ".join(str(row) for row in cursor.fetchall()))
        assert "INDEX glossary_term_az (initial=?)" in plans[0]
        assert "INDEX glossary_synonym_az (initial=?)" in plans[1]
