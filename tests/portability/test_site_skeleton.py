"""``migrate`` on an empty page tree makes the site skeleton, so export -> fresh database -> import needs no
other step; it leaves a tree that has pages alone."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from glossary.models import GlossaryIndexPage, TermPage
from tests.factories import home_page
from tests.portability.conftest import empty_the_database

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def skeleton_on(settings):
    settings.SITE_SKELETON_ON_MIGRATE = True


def migrate():
    out = io.StringIO()
    call_command("migrate", verbosity=1, stdout=out)
    return out.getvalue()


def below_home():
    return [(page.specific_class, page.title, page.live) for page in home_page().get_children()]


def test_migrate_on_an_empty_tree_makes_the_listing_pages_once(client):
    home_page()

    output = migrate()

    assert below_home() == [
        (GlossaryIndexPage, "Glossary A to Z", True),
        (ArticleIndexPage, "Articles", True),
    ]
    assert "Created the site skeleton: Glossary A to Z, Articles under the home page." in output
    assert client.get("/glossary/").status_code == 200 and client.get("/articles/").status_code == 200

    assert "site skeleton" not in migrate()
    assert below_home() == [(GlossaryIndexPage, "Glossary A to Z", True), (ArticleIndexPage, "Articles", True)]


def test_migrate_leaves_a_tree_with_pages_alone(glossary):
    migrate()

    assert below_home() == [(GlossaryIndexPage, glossary.title, glossary.live)]


def test_export_then_fresh_database_then_import_needs_no_other_step(content, tmp_path, client):
    path = tmp_path / "export.json"
    call_command("export_content", str(path), stderr=io.StringIO())
    exported = json.loads(path.read_text())
    empty_the_database()
    for page in home_page().get_children():
        page.delete()
    assert Page.objects.filter(depth__gt=2).count() == 0

    migrate()
    get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    out = io.StringIO()
    call_command("import_content", str(path), "--publish", "--user", "admin", stdout=out, stderr=io.StringIO())

    assert out.getvalue().startswith(
        f"Imported {len(exported['terms'])} terms and {len(exported['articles'])} articles"
    )
    assert TermPage.objects.get(slug="remission").live and not TermPage.objects.get(slug="biopsy").live
    assert ArticlePage.objects.get(slug="living-with-cancer").live
    assert client.get("/glossary/remission/").status_code == 200
    assert client.get("/articles/living-with-cancer/").status_code == 200
