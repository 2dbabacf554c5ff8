"""The glossary A to Z, the article list and the home page."""

import pytest
from bs4 import BeautifulSoup

from glossary.models import TERMS_PER_PAGE
from home.models import HomeFeaturedArticle
from tests.factories import ArticlePageFactory, TermPageFactory


def soup_for(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def terms(glossary):
    return [
        TermPageFactory(parent=glossary, title=title)
        for title in ("Remission", "Relapse", "Biopsy", "5-FU", "Tumour")
    ]


def test_letters_without_terms_are_shown_but_not_linked(client, glossary, terms):
    soup = soup_for(client, glossary.url)
    linked = [a.get_text(strip=True) for a in soup.select(".az-strip a")]
    assert linked == ["B", "R", "T", "#Numbers and symbols"]
    unlinked = soup.select(".az-strip__empty")
    assert len(unlinked) == 26 - 3
    assert "A (no terms)" in unlinked[0].get_text()


def test_glossary_lists_live_terms_a_to_z(client, glossary, terms):
    TermPageFactory(parent=glossary, title="Alpha draft", live=False)
    titles = [dt.get_text(strip=True) for dt in soup_for(client, glossary.url).select(".term-list dt")]
    assert titles == ["5-FU", "Biopsy", "Relapse", "Remission", "Tumour"]


def test_letter_shows_only_its_terms(client, glossary, terms):
    soup = soup_for(client, glossary.url + "?letter=r")
    assert [dt.get_text(strip=True) for dt in soup.select(".term-list dt")] == ["Relapse", "Remission"]
    assert soup.select_one('.az-strip a[aria-current="page"]').get_text() == "R"
    assert soup.h1.get_text() == "Glossary A to Z: R"


def test_symbol_group_and_unknown_letters(client, glossary, terms):
    soup = soup_for(client, glossary.url + "?letter=%23")
    assert [dt.get_text(strip=True) for dt in soup.select(".term-list dt")] == ["5-FU"]
    everything = soup_for(client, glossary.url + "?letter=<script>")
    assert len(everything.select(".term-list dt")) == 5


def test_glossary_paginates(client, glossary):
    for n in range(TERMS_PER_PAGE + 3):
        TermPageFactory(parent=glossary, title=f"Term {n:03d}")
    first = soup_for(client, glossary.url)
    assert len(first.select(".term-list dt")) == TERMS_PER_PAGE
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    second = soup_for(client, glossary.url + "?page=2")
    assert len(second.select(".term-list dt")) == 3
    assert len(soup_for(client, glossary.url + "?page=999").select(".term-list dt")) == 3


def test_home_page_has_search_az_strip_and_featured_articles(client, home, glossary, article_index, terms):
    article = ArticlePageFactory(parent=article_index, title="Starting chemotherapy", summary="What to expect.")
    hidden = ArticlePageFactory(parent=article_index, title="Old draft", live=False)
    HomeFeaturedArticle.objects.create(page=home, article=article, sort_order=0)
    HomeFeaturedArticle.objects.create(page=home, article=hidden, sort_order=1)
    soup = soup_for(client, "/")
    assert soup.select_one('main form[role="search"] input[name="q"]') is not None
    assert soup.select_one('.az-strip a[href="/glossary/?letter=R"]') is not None
    assert [a.get_text() for a in soup.select(".card a")] == ["Starting chemotherapy"]
    assert [a.get_text() for a in soup.select(".site-nav a")] == ["Glossary A to Z", "Articles"]


def test_article_index_lists_live_articles(client, article_index):
    ArticlePageFactory(parent=article_index, title="Live one")
    ArticlePageFactory(parent=article_index, title="Hidden one", live=False)
    soup = soup_for(client, article_index.url)
    assert [a.get_text() for a in soup.select(".card a")] == ["Live one"]


def test_menu_follows_publishing(client, home, glossary, article_index):
    assert [a.get_text() for a in soup_for(client, "/").select(".site-nav a")] == ["Glossary A to Z", "Articles"]
    article_index.unpublish()
    assert [a.get_text() for a in soup_for(client, "/").select(".site-nav a")] == ["Glossary A to Z"]
