"""Pages in a section restricted by login or password never show to readers through another page."""

import pytest
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
