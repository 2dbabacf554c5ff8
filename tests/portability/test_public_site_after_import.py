"""After ``import_content --publish`` the public site shows the new content on the next request, no restart."""

import pytest
from bs4 import BeautifulSoup

from glossary.models import TermPage
from portability.synthetic import synthetic_document
from tests.factories import ArticlePageFactory
from tests.portability.test_import_checks import run_import

pytestmark = pytest.mark.django_db


def glossary_links(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("main a.glossary-link")]


@pytest.fixture
def remission_document():
    document = synthetic_document(1)
    document["terms"][0].update(slug="remission", title="Remission", also_called=["Complete response"])
    return document


def test_a_published_term_is_auto_linked_in_an_existing_article(
    tmp_path, glossary, article_index, client, admin_user, remission_document, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=article_index, body=[("paragraph", "<p>Remission can take months.</p>")])
    assert glossary_links(client, article.url) == []  # The glossary version is now cached, without the term.

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        run_import(tmp_path, remission_document, "--publish", "--user", "admin")
        # The caches are cleared once the import is committed, not before.
        assert glossary_links(client, article.url) == []
    assert len(callbacks) >= 1

    assert glossary_links(client, article.url) == [("Remission", "/glossary/remission/")]
    assert "Remission" in client.get("/glossary/").content.decode()


def test_imported_pages_have_a_readability_grade_for_the_report(
    tmp_path, glossary, remission_document, admin_client, settings
):
    settings.READABILITY_TARGET_GRADE = 0  # Every live page with words is listed as harder than the target.
    run_import(tmp_path, remission_document, "--publish", "--user", "admin")

    term = TermPage.objects.get(slug="remission")
    assert term.readability_grade is not None
    assert term.readability_grade == term.readability().grade
    assert "Remission" in admin_client.get("/admin/reports/readability/").content.decode()
