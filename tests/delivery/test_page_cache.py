"""Django's cache serves public pages to anonymous readers, and never anything personal, private or old."""

import gzip
import itertools

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail.models import PageViewRestriction

from delivery import shared_state
from delivery.page_cache import PageCacheMiddleware
from tests.factories import TermPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    shared_state.versions.recheck()  # the first request reads the versions the fixtures left


# A stored page needs no query, except reading the shared version numbers when a second has passed.
AT_MOST_THE_VERSIONS = 1


@pytest.fixture
def term(client, glossary):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    client.get(term.url)  # the first page view creates the site's publishing settings (a change)
    return term


def test_a_second_anonymous_reader_gets_the_stored_page_without_a_query(
    client, term, django_assert_max_num_queries
):
    first = client.get(term.url)
    with django_assert_max_num_queries(AT_MOST_THE_VERSIONS):
        again = client.get(term.url)
        head = client.head(term.url)
    assert again.content == first.content
    assert again["Cache-Control"] == first["Cache-Control"]
    assert again["X-Request-ID"] != first["X-Request-ID"]  # still one per request
    assert head.status_code == 200


def test_a_publish_anywhere_is_seen_on_the_next_request(client, glossary, term):
    assert "Relapse" not in client.get(glossary.url).content.decode()
    relapse = TermPageFactory(parent=glossary, title="Relapse", slug="relapse", live=False)
    relapse.save_revision().publish()

    assert "Relapse" in client.get(glossary.url).content.decode()
    relapse.refresh_from_db()
    relapse.unpublish()
    assert "Relapse" not in client.get(glossary.url).content.decode()


def test_stored_pages_keep_compression_and_answer_conditional_requests(
    client, term, django_assert_max_num_queries
):
    client.get(term.url, headers={"Accept-Encoding": "gzip"})
    client.get(term.url)
    with django_assert_max_num_queries(AT_MOST_THE_VERSIONS):
        compressed = client.get(term.url, headers={"Accept-Encoding": "gzip"})
        plain = client.get(term.url)
        not_modified = client.get(
            term.url, headers={"Accept-Encoding": "gzip", "If-None-Match": compressed["ETag"]}
        )

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Content-Encoding" not in plain
    assert b"<h1>Remission</h1>" in plain.content
    assert (not_modified.status_code, not_modified.content) == (304, b"")


def test_editors_never_get_or_leave_a_stored_page(client, term):
    client.force_login(UserFactory(groups=["Clinical editors"]))
    assert b"wagtail-userbar" in client.get(term.url).content
    client.logout()
    client.cookies.clear()

    anonymous = client.get(term.url)
    assert b"wagtail-userbar" not in anonymous.content
    client.force_login(UserFactory(groups=["Clinical editors"]))
    editor = client.get(term.url)
    assert b"wagtail-userbar" in editor.content
    assert editor["Cache-Control"] == "private, no-cache"


def test_a_password_protected_page_is_never_stored(client, glossary, django_assert_max_num_queries):
    secret = TermPageFactory(parent=glossary, title="Secret", slug="secret")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="pw")
    client.get(secret.url)
    response = client.get(secret.url)

    assert b"Secret" not in response.content or b"password" in response.content.lower()
    assert "public" not in response.get("Cache-Control", "")
    form = client.get(secret.url)
    client.post(form.context["action_url"], {"password": "pw", "return_url": secret.url})
    assert b"<h1>Secret</h1>" in client.get(secret.url).content
    client.cookies.clear()
    assert b"<h1>Secret</h1>" not in client.get(secret.url).content


PATHS = itertools.count()


def responses_stored(make_response, request=None):
    """How many times the view ran for three identical anonymous GETs through the middleware."""
    calls = []

    path = f"/page-{next(PATHS)}/"

    def view(request):
        calls.append(request)
        return make_response()

    middleware = PageCacheMiddleware(view)
    for _ in range(3):
        middleware(request or RequestFactory().get(path))
    return 3 - len(calls)


def public(response):
    patch_cache_control(response, public=True, max_age=120)
    return response


def test_only_public_cookie_free_successful_answers_are_stored():
    def with_cookie():
        response = public(HttpResponse("hello"))
        response.set_cookie("csrftoken", "x")
        return response

    def varies_on_language():
        response = public(HttpResponse("hello"))
        patch_vary_headers(response, ["Accept-Language"])
        return response

    def private():
        response = HttpResponse("hello")
        patch_cache_control(response, private=True)
        return response

    assert responses_stored(lambda: public(HttpResponse("hello"))) == 2
    assert responses_stored(with_cookie) == 0
    assert responses_stored(varies_on_language) == 0
    assert responses_stored(private) == 0
    assert responses_stored(lambda: HttpResponse("no policy")) == 0
    assert responses_stored(lambda: public(HttpResponse("gone", status=404))) == 0
    preview = RequestFactory().get("/glossary/")
    preview.is_preview = True
    assert responses_stored(lambda: public(HttpResponse("draft")), preview) == 0
    with_session = RequestFactory().get("/glossary/", headers={"Cookie": "sessionid=abc"})
    assert responses_stored(lambda: public(HttpResponse("hello")), with_session) == 0
