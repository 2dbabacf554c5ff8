"""Export and import carry translations: each page's and disclaimer's language and translation group, the
English revision each translation was made from, and the Spanish pages under the Spanish listing pages."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page

from articles.models import ArticlePage
from glossary.models import GlossaryIndexPage, TermPage
from health_content.models import MedicalDisclaimer
from review.models import SignOff
from tests.factories import ReviewerProfileFactory, TermPageFactory, UserFactory
from tests.portability.conftest import empty_the_database
from tests.review_helpers import REVIEWERS, make_editor, sign_off_published, signed_off

pytestmark = pytest.mark.django_db


def translate(page, spanish_home, **changes):
    """The Spanish copy of ``page`` with ``changes`` (Wagtail's "Translate"), saved as a draft revision."""
    copy = type(page).objects.get(pk=page.pk).copy_for_translation(spanish_home.locale)
    spanish = type(copy).objects.get(pk=copy.pk)  # with the source revision the copy recorded
    for name, value in changes.items():
        setattr(spanish, name, value)
    spanish.draft_title = spanish.title
    spanish.save()
    spanish.save_revision()
    return spanish


@pytest.fixture
def translations(content, spanish_home):
    """Remisión, signed off by a Spanish-speaking reviewer, from Remission's signed-off version; Recaída, a
    draft with no known source (Relapse's); "Vivir con cáncer", made before the English article changed; and
    the Spanish disclaimer, live."""
    remission, article = sign_off_published(content["remission"]), sign_off_published(content["article"])
    english_disclaimer = sign_off_published(remission.disclaimer)
    spanish_disclaimer = english_disclaimer.copy_for_translation(spanish_home.locale)
    spanish_disclaimer.title, spanish_disclaimer.body = "Términos de cáncer", "<p>Pregunte a su equipo.</p>"
    spanish_disclaimer.save()
    spanish_disclaimer.save_revision().publish()

    remision = translate(
        remission,
        spanish_home,
        title="Remisión",
        slug="remision",
        definition="Un tiempo en el que los signos del cáncer se han ido o son menores.",
        disclaimer=spanish_disclaimer,
    )
    reviewer = UserFactory(username="garcia", groups=[REVIEWERS])
    ReviewerProfileFactory(user=reviewer, display_name="Dra. Lucía García", credentials="MIR", languages=["es"])
    signed_off(remision, make_editor("elena"), reviewer, datetime.date(2026, 4, 1), datetime.date(2027, 4, 1))
    # A Spanish draft with no known source, as an import of a translation made elsewhere may leave one.
    recaida = TermPageFactory(
        parent=GlossaryIndexPage.objects.child_of(spanish_home).get(),
        title="Recaída",
        slug="recaida",
        locale=spanish_home.locale,
        translation_key=content["relapse"].translation_key,
        live=False,
    )
    recaida.save_revision()
    vivir = translate(article, spanish_home, title="Vivir con cáncer", slug="vivir-con-cancer")
    vivir.save_revision().publish()
    article.summary = "Help with everyday life, updated."
    article.save_revision().publish()
    return {
        "remision": TermPage.objects.get(pk=remision.pk),
        "recaida": recaida,
        "vivir": ArticlePage.objects.get(pk=vivir.pk),
        "disclaimer": spanish_disclaimer,
    }


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


def export(tmp_path, name):
    path = tmp_path / name
    call_command("export_content", str(path), stderr=io.StringIO())
    return json.loads(path.read_text())


def import_file(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_content", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def by_slug(items):
    return {(item["slug"], item["locale"]): item for item in items}


def test_export_gives_each_items_language_translation_group_and_source_version(tmp_path, translations, content):
    document = export(tmp_path, "out.json")
    terms = by_slug(document["terms"])
    remission, remision = terms[("remission", "en-gb")], terms[("remision", "es")]
    assert remision["translation_key"] == remission["translation_key"] == str(content["remission"].translation_key)
    assert remission["translated_from_exported_version"] is None  # English is no translation
    assert remision["translated_from_exported_version"] is True  # made from the exported (live) Remission
    assert remision["disclaimer"] == "Términos de cáncer"  # a disclaimer in its own language: by title
    # A Spanish page linking an English one names it with its language.
    assert remision["related_articles"] == [{"slug": "living-with-cancer", "locale": "en-gb"}]
    assert terms[("recaida", "es")]["translated_from_exported_version"] is None  # Relapse was never published
    article = by_slug(document["articles"])[("vivir-con-cancer", "es")]
    assert article["translated_from_exported_version"] is False  # the English article changed since
    disclaimers = {(item["title"], item["locale"]): item for item in document["disclaimers"]}
    assert disclaimers[("Términos de cáncer", "es")]["translated_from_exported_version"] is True
    spanish_sign_off = [item for item in document["sign_offs"] if item["locale"] == "es"]
    assert [(item["page"], item["reviewer"]) for item in spanish_sign_off] == [("remision", "garcia")]
    # Links in rich text to Spanish pages carry the Spanish address's prefix.
    assert Page.objects.get(pk=translations["remision"].pk).url == "/es/glosario/remision/"


def test_round_trip_recreates_the_translations_and_their_source_revisions(tmp_path, translations, admin, client):
    before = export(tmp_path, "before.json")
    empty_the_database()
    assert not TermPage.objects.exists() and not MedicalDisclaimer.objects.exists()

    out, err = import_file(tmp_path / "before.json", "--publish", "--user", "admin")

    assert "Imported 5 terms and 2 articles" in out
    # The article translated from an earlier English version keeps no link to it, and says so.
    assert "articles[1].translated_from_exported_version: translated from an earlier English revision" in err
    spanish = Locale.objects.get(language_code="es")
    remission, remision = TermPage.objects.get(slug="remission"), TermPage.objects.get(slug="remision")
    assert remision.locale == spanish and remision.get_parent().url == "/es/glosario/"
    assert remision.get_translation(remission.locale) == remission
    assert remision.translated_from_revision == remission.live_revision
    assert remision.live_revision.as_object().translated_from_revision_id == remission.live_revision_id
    assert ArticlePage.objects.get(slug="vivir-con-cancer").translated_from_revision is None
    disclaimer = MedicalDisclaimer.objects.get(locale=spanish)
    english_disclaimer = disclaimer.get_translation(remission.locale)
    assert disclaimer.translated_from_revision == english_disclaimer.live_revision
    assert remision.disclaimer == disclaimer
    [sign_off] = SignOff.objects.filter(page=remision)
    assert (sign_off.revision, sign_off.reviewer_name) == (remision.live_revision, "Dra. Lucía García")
    assert not TermPage.objects.get(slug="recaida").live

    response = client.get("/es/glosario/remision/")
    assert response.status_code == 200 and "Remisión" in response.content.decode()
    # The same file again, but for the article's link to an English revision the file did not hold.
    before["articles"][1]["translated_from_exported_version"] = None
    assert export(tmp_path, "after.json") == before


def test_import_into_a_fresh_database_recreates_the_spanish_tree(tmp_path, translations, admin, client, settings):
    path = tmp_path / "export.json"
    call_command("export_content", str(path), stderr=io.StringIO())
    empty_the_database()
    home = Page.objects.get(depth=2, locale__language_code="en-gb")
    for page in Page.objects.filter(depth__gt=2):
        page.delete()
    Page.objects.get(depth=2, locale__language_code="es").delete()
    assert not Page.objects.filter(locale__language_code="es").exists()

    settings.SITE_SKELETON_ON_MIGRATE = True
    call_command("migrate", verbosity=0)
    import_file(path, "--publish", "--user", "admin")

    spanish_home = home.get_translation(Locale.objects.get(language_code="es"))
    assert spanish_home.url == "/es/"
    remision = TermPage.objects.get(slug="remision")
    assert remision.get_parent().get_parent() == spanish_home
    assert remision.get_translation(home.locale).slug == "remission"
    assert client.get("/es/glosario/remision/").status_code == 200
    assert client.get("/es/articulos/vivir-con-cancer/").status_code == 200


def test_a_translation_whose_english_page_is_missing_imports_nothing(tmp_path, translations):
    document = export(tmp_path, "before.json")
    empty_the_database()
    document["terms"] = [term for term in document["terms"] if term["slug"] != "remission"]
    document["sign_offs"] = [item for item in document["sign_offs"] if item["page"] != "remission"]
    for term in document["terms"]:
        term["related_terms"] = []
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document))

    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    assert not TermPage.objects.exists() and not MedicalDisclaimer.objects.exists()
    index = [term["slug"] for term in document["terms"]].index("remision")
    key = document["terms"][index]["translation_key"]
    assert (
        f"terms[{index}].translated_from_exported_version: the English term this was translated from "
        f"(translation key {key}) is in neither the file nor the database: import the English term with it"
    ) in err.getvalue()


def test_the_same_translation_twice_is_refused(tmp_path, translations):
    document = export(tmp_path, "before.json")
    empty_the_database()
    remision = by_slug(document["terms"])[("remision", "es")]
    document["terms"].append({**remision, "slug": "remision-2", "translated_from_exported_version": None})
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    assert f"another Spanish item of this translation group ({remision['translation_key']})" in err.getvalue()
    assert not TermPage.objects.exists()


def test_a_language_without_its_listing_pages_or_an_unknown_language_is_refused(tmp_path, translations):
    document = export(tmp_path, "before.json")
    empty_the_database()
    Page.objects.get(depth=2, locale__language_code="es").delete()
    document["articles"][0]["locale"] = "fr"
    path = tmp_path / "no-spanish.json"
    path.write_text(json.dumps(document))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=err)
    assert "terms: the database has no Spanish glossary index page to import terms into" in err.getvalue()
    assert "articles[0].locale: must be one of en-gb, es, got 'fr'" in err.getvalue()
