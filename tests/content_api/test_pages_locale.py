"""The pages endpoint in one language (``?locale=``) and a page's translations (``?translation_of=``)."""

import pytest

from glossary.models import GlossaryIndexPage
from tests.factories import TermPageFactory
from tests.review_helpers import sign_off_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def remision(remission, spanish_home):
    remission = sign_off_published(remission)
    spanish = remission.copy_for_translation(spanish_home.locale)
    spanish.title = spanish.draft_title = "Remisión"
    spanish.slug = "remision"
    spanish.save()
    spanish.save_revision().publish()
    return spanish


def listing(client, **params):
    response = client.get("/api/v2/pages/", {"type": "glossary.TermPage", **params})
    assert response.status_code == 200, response.json()
    return {(item["title"], item["meta"]["locale"]) for item in response.json()["items"]}


def test_locale_lists_one_languages_pages(client, remission, remision):
    assert listing(client) == {("Remission", "en-gb"), ("Remisión", "es")}
    assert listing(client, locale="es") == {("Remisión", "es")}
    assert listing(client, locale="en-gb") == {("Remission", "en-gb")}
    # The glossary lookups' short code for English works here too.
    assert listing(client, locale="en") == {("Remission", "en-gb")}


def test_translation_of_lists_a_pages_translations(client, remission, remision):
    assert listing(client, translation_of=remission.pk) == {("Remisión", "es")}
    assert listing(client, translation_of=remision.pk, locale="en") == {("Remission", "en-gb")}


def test_a_spanish_pages_detail_names_its_language_and_spanish_address(client, remision):
    data = client.get(f"/api/v2/pages/{remision.pk}/").json()
    assert data["meta"]["locale"] == "es"
    assert data["meta"]["html_url"] == "http://localhost/es/glosario/remision/"
    assert data["title"] == "Remisión"


def test_find_takes_a_spanish_address(client, remission, remision):
    response = client.get("/api/v2/pages/find/", {"html_path": "/es/glosario/remision/"})
    assert response.status_code == 302
    assert response["Location"].startswith(f"http://localhost/api/v2/pages/{remision.pk}/")
    english = client.get("/api/v2/pages/find/", {"html_path": "/glossary/remission/"})
    assert english["Location"].startswith(f"http://localhost/api/v2/pages/{remission.pk}/")
    for missing in ("/es/glosario/no-such-term/", "/es/glossary/remission/", "/fr/glossary/remission/"):
        assert client.get("/api/v2/pages/find/", {"html_path": missing}).status_code == 404


def test_a_draft_translation_is_not_listed(client, remission, spanish_home):
    spanish_glossary = GlossaryIndexPage.objects.child_of(spanish_home).get()
    TermPageFactory(parent=spanish_glossary, title="Borrador", slug="borrador", live=False)
    assert listing(client, locale="es") == set()


@pytest.mark.parametrize("locale", ["fr", "EN-GB", "es-es", ""])
def test_any_other_locale_is_a_400_that_says_what_to_fix(client, remission, spanish_home, locale):
    response = client.get("/api/v2/pages/", {"locale": locale})
    assert response.status_code == 400
    assert response.json() == {"message": f"locale must be one of en-gb, es, en; got {locale!r}"}


def test_the_images_endpoint_still_takes_no_locale(client, remission):
    response = client.get("/api/v2/images/", {"locale": "es"})
    assert response.status_code == 400
    assert "locale" in response.json()["message"]
