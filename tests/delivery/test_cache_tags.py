"""Cacheable responses name what they show (X-Cache-Tags), and a change purges those tags once, after commit."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction

from delivery.cache_tags import add_cache_tags
from glossary.models import TermRelatedTerm
from home.models import HomeFeaturedArticle
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory


def tags(response):
    return set(response.get("X-Cache-Tags", "").split())


@pytest.fixture
def pages(glossary, article_index, home, committed):
    remission = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    relapse = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    remission.related_term_links.add(TermRelatedTerm(term=relapse))
    article = ArticlePageFactory(
        parent=article_index, body=[("paragraph", "<p>Some people hope for remission.</p>")]
    )
    HomeFeaturedArticle.objects.create(page=home, article=article)
    with committed():
        for page in (remission, relapse, article):
            page.save_revision().publish()
    return {"remission": remission, "relapse": relapse, "article": article}


@pytest.mark.django_db
def test_each_public_response_is_tagged_with_what_it_shows(client, pages, glossary, article_index, home):
    remission, relapse, article = pages["remission"], pages["relapse"], pages["article"]
    assert tags(client.get(remission.url)) >= {f"page-{remission.pk}", f"page-{relapse.pk}", "autolink", "site"}
    assert tags(client.get(article.url)) >= {f"page-{article.pk}", f"page-{remission.pk}", "autolink"}
    assert tags(client.get(glossary.url, {"letter": "r"})) >= {"az", f"page-{glossary.pk}"}
    assert tags(client.get(article_index.url)) >= {f"children-{article_index.pk}"}
    assert tags(client.get("/")) >= {"az", f"page-{home.pk}", f"page-{article.pk}"}
    assert "api-list" in tags(client.get("/api/v2/pages/"))
    assert "search" in tags(client.get("/search/", {"q": "remission"}))
    assert "sitemap" in tags(client.get("/sitemap.xml"))
    assert "not-found" in tags(client.get("/glossary/no-such-term/"))


@pytest.mark.django_db
def test_responses_for_a_signed_in_editor_carry_no_tags(client, pages):
    client.force_login(UserFactory(groups=["Clinical editors"]))
    response = client.get(pages["remission"].url)
    assert response["Cache-Control"] == "private, no-cache"
    assert "X-Cache-Tags" not in response


def test_a_tag_that_is_not_lower_case_letters_digits_and_hyphens_is_refused(rf):
    request = rf.get("/")
    with pytest.raises(ValueError, match="lower-case letters, digits and hyphens; got 'Page 1'"):
        add_cache_tags(request, "page-1", "Page 1")
    assert getattr(request, "_cache_tags", set()) == set()


class BanRecorder(BaseHTTPRequestHandler):
    """A cache that records the BAN and PURGE requests it gets."""

    requests = []

    def do_BAN(self):  # noqa: N802 - the HTTP method's name
        self.requests.append(("BAN", self.headers["X-Purge-Tags"]))
        self.send_response(200)
        self.end_headers()

    def do_PURGE(self):  # noqa: N802
        self.requests.append(("PURGE", self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cache_server(settings):
    BanRecorder.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), BanRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "delivery.purge.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield BanRecorder.requests
    server.shutdown()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publishing_purges_every_tag_showing_the_page_once_after_the_commit(cache_server, glossary):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    other = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    cache_server.clear()
    with transaction.atomic():
        term.save_revision().publish()
        other.save_revision().publish()
        # No ban before the commit (Wagtail's own purge of each address runs at once in tests).
        assert [method for method, _ in cache_server if method == "BAN"] == []
    bans = [pattern for method, pattern in cache_server if method == "BAN"]
    # The new terms are new linkable names: pages with auto-linked text are purged once the matcher is rebuilt.
    assert r"(^|\s)(autolink)(\s|$)" in bans
    [purged] = [pattern for pattern in bans if "autolink" not in pattern]
    assert purged.startswith(r"(^|\s)(") and purged.endswith(r")(\s|$)")
    assert set(purged[7:-7].split("|")) == {
        f"page-{term.pk}",
        f"page-{other.pk}",
        f"children-{glossary.pk}",
        "az",
        "sitemap",
        "api-list",
        "search",
        "not-found",
    }
    # Wagtail's own handler purges each page's address as well.
    assert {("PURGE", term.url), ("PURGE", other.url)} <= set(cache_server)


@pytest.mark.django_db
def test_nothing_is_purged_without_a_configured_cache(glossary, committed, settings):
    assert not hasattr(settings, "WAGTAILFRONTENDCACHE")
    term = TermPageFactory(parent=glossary)
    with committed() as callbacks:
        term.save_revision().publish()
    assert not [callback for callback in callbacks if "PendingPurge" in repr(callback)]
