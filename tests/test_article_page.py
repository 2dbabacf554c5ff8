"""What a reader sees on an article page: body blocks, care cards, references, shared foot."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticleReference, ArticleRelatedArticle, ArticleRelatedTerm
from glossary.models import TermRelatedArticle
from tests.factories import ArticlePageFactory, TermPageFactory

QUERY_BUDGET = 12


@pytest.fixture
def article(article_index, default_disclaimer):
    return ArticlePageFactory(
        parent=article_index,
        title="Coping with tiredness",
        summary="Why cancer treatment can make you tired, and what helps.",
        body=[
            ("heading", "Why it happens"),
            ("paragraph", "<p>Treatment uses a lot of energy.</p>"),
            ("key_points", {"heading": "Key points", "points": ["Rest when you need to.", "Short walks help."]}),
            ("callout", {"level": "information", "heading": "Good to know", "body": "<p>It gets better.</p>"}),
            (
                "callout",
                {"level": "urgent", "heading": "Ask for an appointment if", "body": "<p>You feel dizzy.</p>"},
            ),
            ("callout", {"level": "emergency", "heading": "Call 999 if", "body": "<p>You have chest pain.</p>"}),
            ("quote", {"quote": "Naps saved me.", "attribution": "A patient"}),
        ],
    )


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_article_renders_its_blocks_and_care_cards(client, article):
    soup = render(client, article)
    assert [h1.get_text() for h1 in soup.find_all("h1")] == ["Coping with tiredness"]
    assert soup.select_one(".article__summary").get_text() == article.summary
    assert soup.select_one('meta[name="description"]')["content"] == article.summary
    assert [li.get_text() for li in soup.select(".key-points li")] == [
        "Rest when you need to.",
        "Short walks help.",
    ]
    levels = [" ".join(h3.get_text().split()) for h3 in soup.select(".callout h3")]
    assert levels == ["Information: Good to know", "Urgent: Ask for an appointment if", "Emergency: Call 999 if"]
    assert soup.select_one(".quote figcaption").get_text() == "A patient"
    assert soup.select_one(".disclaimer") is not None


def test_references_link_to_doi_then_pubmed_then_url(client, article):
    ArticleReference.objects.create(page=article, title="A trial", source="BMJ", year=2021, doi="10.1136/bmj.n1")
    ArticleReference.objects.create(page=article, title="A review", source="Lancet", year=2020, pubmed_id="123456")
    ArticleReference.objects.create(
        page=article, title="Guide", source="NHS", year=2024, url="https://www.nhs.uk/x"
    )
    links = [a["href"] for a in render(client, article).select(".references a")]
    assert links == [
        "https://doi.org/10.1136/bmj.n1",
        "https://pubmed.ncbi.nlm.nih.gov/123456/",
        "https://www.nhs.uk/x",
    ]


def test_article_lists_terms_that_mention_it(client, article, glossary):
    chosen = TermPageFactory(parent=glossary, title="Fatigue")
    mentioning = TermPageFactory(parent=glossary, title="Anaemia")
    ArticleRelatedTerm.objects.create(page=article, term=chosen)
    TermRelatedArticle.objects.create(page=mentioning, article=article)
    soup = render(client, article)
    assert [a.get_text() for a in soup.select("#related-terms-heading + ul a")] == ["Fatigue", "Anaemia"]


def test_review_dates_show_only_when_reviewed(client, article):
    assert render(client, article).select_one(".review-dates") is None
    article.last_reviewed = datetime.date(2026, 1, 5)
    article.next_review_due = datetime.date(2027, 1, 5)
    article.save_revision().publish()  # as a reviewer's sign-off does
    assert "Page last reviewed: 5 January 2026" in render(client, article).select_one(".review-dates").get_text()


@pytest.mark.parametrize("related_count", [1, 8])
def test_article_query_count_stays_within_budget(client, article, article_index, glossary, related_count):
    for _ in range(related_count):
        ArticleRelatedArticle.objects.create(page=article, article=ArticlePageFactory(parent=article_index))
        ArticleRelatedTerm.objects.create(page=article, term=TermPageFactory(parent=glossary))
        ArticleReference.objects.create(page=article, title="Ref", source="NHS", year=2024)
    client.get(article.url)
    with CaptureQueriesContext(connection) as queries:
        soup = render(client, article)
    assert len(soup.select(".related li")) == 2 * related_count
    assert len(queries) <= QUERY_BUDGET, "\n".join(q["sql"] for q in queries.captured_queries)
