"""Spanish pages live under /es/ in a tree of their own, chosen by the address alone, under the same review."""

from datetime import date, timedelta

import pytest
from wagtail.models import GroupPagePermission, Locale

from glossary.models import GlossaryIndexPage
from tests.factories import TermPageFactory
from tests.review_helpers import make_editor, make_reviewer, signed_off


@pytest.fixture
def spanish_glossary(spanish_home):
    return GlossaryIndexPage.objects.child_of(spanish_home).get()


def test_the_spanish_home_page_is_served_under_es(client, spanish_home):
    response = client.get("/es/")
    assert response.status_code == 200
    assert response.context["page"] == spanish_home
    assert response["Content-Language"] == "es"
    assert spanish_home.url == "/es/"


def test_the_english_pages_keep_their_addresses(client, home, spanish_home):
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["page"] == home
    assert response["Content-Language"] == "en-gb"


def test_the_browser_language_never_changes_the_page(client, home, spanish_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.context["page"] == home
    assert "Accept-Language" not in response.get("Vary", "")


def test_a_spanish_listing_page_has_a_spanish_address(client, spanish_glossary):
    assert spanish_glossary.url == "/es/glosario/"
    assert client.get("/es/glosario/").status_code == 200


def test_an_english_page_is_not_served_under_es(client, glossary, spanish_home):
    TermPageFactory(parent=glossary, title="Remission", slug="remission")
    assert client.get("/glossary/remission/").status_code == 200
    assert client.get("/es/glossary/remission/").status_code == 404


def test_the_spanish_tree_has_the_english_review_workflow_and_permissions(home, spanish_home):
    assert spanish_home.locale == Locale.objects.get(language_code="es")
    assert spanish_home.get_workflow() == home.get_workflow()
    english = set(GroupPagePermission.objects.filter(page=home).values_list("group", "permission"))
    assert english
    assert set(GroupPagePermission.objects.filter(page=spanish_home).values_list("group", "permission")) == english


def test_a_translation_remembers_the_english_revision_it_was_made_from(glossary, spanish_home):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    signed_off(term, make_editor(), make_reviewer("rahman"), date.today(), date.today() + timedelta(days=365))
    term.refresh_from_db()
    spanish = term.copy_for_translation(spanish_home.locale)
    spanish.refresh_from_db()
    assert spanish.translated_from_revision_id == term.live_revision_id is not None
    draft = spanish.get_latest_revision_as_object()
    assert draft.translated_from_revision_id == term.live_revision_id
    assert not spanish.live
