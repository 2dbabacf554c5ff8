"""Search quality on real content: each patient query of ``../shared/eval/search-queries.tsv`` through the
search page, scored by whether the expected term comes first. Prints the score and every miss."""

import csv

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.eval.conftest import EVAL_DIR

pytestmark = [pytest.mark.eval, pytest.mark.django_db]
SEARCH_GOAL = 29 / 30


def queries():
    with open(EVAL_DIR / "search-queries.tsv", encoding="utf-8") as file:
        rows = [row for row in csv.reader(file, delimiter="\t") if row and not row[0].startswith("#")]
    return [(query, [name.casefold() for name in expected.split("|")], kind) for query, expected, kind in rows]


def first_result(client, query):
    page = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    title = page.select_one(".search-result__title")
    return title.get_text(strip=True) if title else None


def test_patient_queries_find_the_expected_term_first(client, real_glossary):
    cases = queries()
    misses = []
    for query, expected, kind in cases:
        found = first_result(client, query)
        if (found or "").casefold() not in expected:
            misses.append(f"  {query!r} ({kind}): expected {' or '.join(expected)}, first was {found!r}")
    found_first = len(cases) - len(misses)
    print(
        f"\nSearch on {connection.vendor} with {real_glossary} dictionary terms beside the demo content: "
        f"{found_first} of {len(cases)} queries find the expected term first."
    )
    print("\n".join(misses) if misses else "  No misses.")
    assert found_first >= SEARCH_GOAL * len(cases)
