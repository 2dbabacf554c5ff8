"""Public pages can be kept by browsers and shared caches; anything personal never is."""

import gzip

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory

pytestmark = pytest.mark.django_db
PUBLIC = "public, max-age=120, s-maxage=300, stale-while-revalidate=30, stale-if-error=86400"


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission", slug="remission")


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(parent=article_index, title="Living with cancer", slug="living-with-cancer")


def cache_control(response):
    return response.get("Cache-Control", "")


def test_anonymous_readers_get_shareable_pages_with_no_cookie(client, term, article, glossary):
    for url in ["/", term.url, article.url, glossary.url, glossary.url + "?letter=r", "/api/v2/glossary/terms/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert cache_control(response) == PUBLIC, url
        assert not response.cookies, url
    assert cache_control(client.get("/search/", {"q": "remission"})).startswith("public, max-age=60, s-maxage=300")
    assert cache_control(client.get("/glossary/no-such-term/")).startswith("public, max-age=60, s-maxage=60")


def test_a_conditional_get_of_an_unchanged_page_is_304(client, term):
    first = client.get(term.url)
    assert first["ETag"]
    again = client.get(term.url, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again.content) == (304, b"")


def test_html_is_compressed_for_browsers_that_accept_it(client, term):
    response = client.get(term.url, headers={"Accept-Encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<h1>Remission</h1>" in gzip.decompress(response.content)


def test_signed_in_editors_always_get_a_fresh_private_page_with_the_userbar(client, term):
    editor = UserFactory(groups=["Clinical editors"])
    client.force_login(editor)
    response = client.get(term.url)
    assert cache_control(response) == "private, no-cache"
    assert b"wagtail-userbar" in response.content


def test_pages_behind_a_login_or_password_are_never_shared(client, glossary):
    members_only = TermPageFactory(parent=glossary, title="Members only", slug="members-only")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    secret = TermPageFactory(parent=glossary, title="Secret", slug="secret")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="pw")
    group_only = TermPageFactory(parent=glossary, title="Group only", slug="group-only")
    restriction = PageViewRestriction.objects.create(page=group_only, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.create(name="Trial team")])

    for page in (members_only, secret, group_only):
        response = client.get(page.url)
        assert "public" not in cache_control(response), page.title

    client.force_login(UserFactory(is_superuser=True))
    response = client.get(members_only.url)
    assert response.status_code == 200
    assert "private" in cache_control(response)
    assert "public" not in cache_control(response)
