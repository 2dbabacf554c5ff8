"""Varnish in front of the site (deploy/varnish/default.vcl): what readers and editors get, purges, grace.

Each test runs varnishd with the repository's VCL in front of Django's live test server; publishing purges
it through ``delivery.purge`` exactly as in production (tasks run immediately in tests).
"""

import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.db import OperationalError, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from wagtail.models import PageViewRestriction

from glossary.models import TermPage
from review.workflow import submit_for_review
from tests.delivery.test_security_headers import directives
from tests.delivery.varnish import VARNISHD, Varnish
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory
from tests.review_helpers import approve, make_editor, make_reviewer

pytestmark = [
    pytest.mark.skipif(not Path(VARNISHD).exists(), reason=f"needs Varnish ({VARNISHD}): apt-get install varnish"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OLD_DEFINITION = "Remission means tests cannot find signs of the cancer."
NEW_DEFINITION = "Remission means the signs of cancer have gone or got smaller."


@pytest.fixture(scope="module")
def varnish_server(live_server):
    host, port = live_server.thread.httpd.server_address[:2]  # "localhost" may be ::1
    server = Varnish(host, port)
    yield server
    server.stop()


@pytest.fixture
def varnish(varnish_server, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "delivery.purge.VarnishBackend", "LOCATION": varnish_server.url}
    }
    varnish_server.forget_everything()
    return varnish_server


@pytest.fixture
def pages(varnish, glossary, article_index):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission", definition=OLD_DEFINITION)
    other = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    article = ArticlePageFactory(
        parent=article_index,
        title="Life after treatment",
        slug="life-after-treatment",
        body=[("paragraph", "<p>Many people hope for remission after treatment.</p>")],
    )
    for page in (term, other, article):
        page.save_revision().publish()
    return {"term": term, "other": other, "article": article, "letter": f"{glossary.url}?letter=r"}


def cached(varnish, path):
    """Fetch ``path`` until Varnish serves it from its cache; returns the cached response."""
    varnish.get(path)
    response = varnish.get(path)
    assert response.getheader("X-Cache") == "HIT", path
    return response


def test_anonymous_readers_get_cached_pages_with_no_cookie(varnish, pages):
    first = varnish.get(pages["term"].url)
    again = varnish.get(pages["term"].url)
    assert (first.status, first.getheader("X-Cache")) == (200, "MISS")
    assert (again.status, again.getheader("X-Cache")) == (200, "HIT")
    assert again.text == first.text and "<h1>Remission</h1>" in again.text
    for response in (first, again):
        assert response.getheader("Set-Cookie") is None
        assert response.getheader("X-Cache-Tags") is None
        # The security headers are kept with the cached copy.
        assert directives(response.getheader("Content-Security-Policy"))["script-src"] == ["'self'"]
        assert "camera=()" in response.getheader("Permissions-Policy")


def test_a_correction_signed_off_in_the_workflow_reaches_every_page_showing_it_within_a_second(varnish, pages):
    term, article, letter = pages["term"], pages["article"], pages["letter"]
    for path in (term.url, letter, article.url):
        assert OLD_DEFINITION in cached(varnish, path).text, path

    editor, reviewer = make_editor(), make_reviewer("rhea")
    draft = TermPage.objects.get(pk=term.pk)
    draft.definition = NEW_DEFINITION
    with transaction.atomic():
        task_state = submit_for_review(draft, editor)
    # Submitted, not signed off: readers still get the published version.
    assert OLD_DEFINITION in varnish.get(term.url).text

    with transaction.atomic():
        approve(task_state, reviewer, next_review_due=date.today() + timedelta(days=365))
    deadline = time.monotonic() + 1
    stale = {term.url, letter, article.url}
    while stale and time.monotonic() < deadline:
        stale = {path for path in stale if NEW_DEFINITION not in varnish.get(path).text}
    assert not stale, f"still showing the old definition after 1 s: {sorted(stale)}"
    # The article's pop-up definition of the auto-linked term changed too, and is cached again.
    assert NEW_DEFINITION in cached(varnish, article.url).text


def test_a_restricted_page_is_never_cached_for_readers(varnish, pages):
    term = pages["term"]
    cached(varnish, term.url)
    PageViewRestriction.objects.create(page=term, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        response = varnish.get(term.url)
        assert response.status == 302 and "/login/" in response.getheader("Location")
        assert response.getheader("X-Cache") == "MISS"
        assert "Remission" not in response.text


def test_editors_get_fresh_pages_with_the_userbar(varnish, pages, client):
    term = pages["term"]
    cached(varnish, term.url)
    client.force_login(UserFactory(groups=["Clinical editors"]))
    session = {"Cookie": f"csrftoken=x; sessionid={client.cookies['sessionid'].value}"}
    for _ in range(2):
        response = varnish.get(term.url, session)
        assert (response.status, response.getheader("X-Cache")) == (200, "MISS")
        assert response.getheader("Cache-Control") == "private, no-cache"
        assert "wagtail-userbar" in response.text
    assert "wagtail-userbar" not in varnish.get(term.url).text


def failing_cursor(*args, **kwargs):
    raise OperationalError("the database is unavailable (test)")


def test_readers_get_cached_pages_while_the_database_is_down(varnish, pages, settings, monkeypatch):
    settings.CACHE_SHARED_MAX_AGE = 1  # expired copies, so Varnish must ask the site and fall back to grace
    paths = [pages["term"].url, pages["letter"], pages["article"].url, "/"]
    copies = {path: cached(varnish, path).text for path in paths}

    with monkeypatch.context() as patch:
        patch.setattr(BaseDatabaseWrapper, "_cursor", failing_cursor)
        outage_ends = time.monotonic() + 3  # long enough for the health probe to mark the site sick
        answers = []
        while time.monotonic() < outage_ends:
            answers += [(path, varnish.get(path)) for path in paths]
            time.sleep(0.05)
        never_cached = varnish.get("/glossary/?letter=z")

    assert len(answers) > 20
    assert [(path, response.status) for path, response in answers if response.status != 200] == []
    assert all(response.text == copies[path] for path, response in answers)
    assert never_cached.status == 503
    assert never_cached.getheader("Content-Type") == "text/plain; charset=utf-8"
    assert "Health Words is not available right now" in never_cached.text
