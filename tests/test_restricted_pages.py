"""Pages in a section restricted by login or password never show to readers through another page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from glossary.models import TermRelatedTerm
from tests.factories import ArticlePageFactory, TermPageFactory


@pytest.fixture
def pages(glossary, article_index):
    private = TermPageFactory(parent=glossary, title="Trial protocol", definition="For staff only.")
    remission = TermPageFactory(parent=glossary, title="Remission", what_is="<p>See the trial protocol.</p>")
    TermRelatedTerm.objects.create(page=remission, term=private)
    article = ArticlePageFactory(parent=article_index, body=[("paragraph", "<p>Read the trial protocol.</p>")])
    return private, remission, article


def test_restricted_term_is_hidden_everywhere_until_the_restriction_goes(client, glossary, pages, committed):
    private, remission, article = pages
    with committed():
        restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for url in (remission.url, article.url, glossary.url, "/api/v2/pages/" + str(remission.pk) + "/"):
        assert "/glossary/trial-protocol/" not in client.get(url).content.decode(), url
    assert "Trial protocol" not in client.get(glossary.url).content.decode()

    with committed():
        restriction.delete()
    assert 'href="/glossary/trial-protocol/"' in client.get(remission.url).content.decode()
    assert 'href="/glossary/trial-protocol/"' in client.get(article.url).content.decode()
    assert "Trial protocol" in client.get(glossary.url).content.decode()


def restriction_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, [q["sql"] for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_page_outside_restricted_sections_is_served_without_asking_for_restrictions(client, pages):
    private, remission, article = pages
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    client.get(remission.url)  # the restricted paths are read once per process

    for page in (remission, article):
        response, queries = restriction_queries(client, page.url)
        assert response.status_code == 200
        assert queries == []


def test_a_term_in_a_restricted_section_still_asks_readers_to_log_in(client, glossary, pages):
    private, remission, article = pages
    PageViewRestriction.objects.create(page=glossary, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(remission.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(article.url).status_code == 200


def test_an_alias_of_a_restricted_term_made_after_the_restriction_asks_for_a_password(client, glossary, pages):
    private, remission, article = pages
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="pw")
    client.get(remission.url)  # the restricted paths are known before the alias exists
    alias = private.create_alias(update_slug="trial-protocol-copy")

    response = client.get(alias.url)
    assert response.status_code == 200
    assert "For staff only." not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_page_below_an_alias_of_a_section_restricted_later_asks_readers_to_log_in(client, article_index, pages):
    private, remission, article = pages
    more_articles = article_index.create_alias(update_slug="more-articles")
    newcomer = ArticlePageFactory(parent=more_articles, title="Newcomer")
    assert client.get(newcomer.url).status_code == 200

    PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(newcomer.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
