"""``import_terms --locale es``: Spanish terms into the Spanish glossary, each linked to the English term its
record names (``translation_of``), or the run refused with nothing written."""

import datetime
import json

import pytest
from wagtail.models import Locale, WorkflowState

from glossary.models import GlossaryIndexPage, TermPage
from tests.factories import TermPageFactory
from tests.review_helpers import make_editor, make_reviewer, signed_off
from tests.test_importer import failed_import, import_terms, write

LAST_MONTH = datetime.date.today() - datetime.timedelta(days=30)
NEXT_YEAR = datetime.date.today() + datetime.timedelta(days=365)


@pytest.fixture
def english(glossary, spanish_home):
    """Remission, signed off (live); Relapse, never signed off (live, as an old import may have left it)."""
    remission = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    signed_off(remission, make_editor(), make_reviewer("okafor"), LAST_MONTH, NEXT_YEAR)
    relapse = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    relapse.save_revision().publish()
    return {"remission": TermPage.objects.get(pk=remission.pk), "relapse": relapse}


def spanish_file(tmp_path, *terms):
    [path] = write(tmp_path, {"terminos.json": json.dumps(list(terms), ensure_ascii=False)})
    return path


REMISION = {
    "term": "Remisión",
    "definition": "Un tiempo en el que los signos del cáncer se han ido o son menores.",
    "translation_of": "remission",
}


def test_spanish_terms_go_into_the_spanish_glossary_as_translations_for_review(english, spanish_home, tmp_path):
    make_editor("elena")
    quimio = {"term": "Quimioterapia", "definition": "Medicinas que matan las células del cáncer."}
    path = spanish_file(tmp_path, REMISION, quimio)

    output = import_terms(path, locale="es", user="elena", submit=True)

    assert output.startswith("Imported 2 terms as drafts (2 new, 0 new revisions).")
    remission = english["remission"]
    remision = TermPage.objects.get(title="Remisión")
    assert remision.locale == Locale.objects.get(language_code="es")
    assert remision.get_parent().specific == GlossaryIndexPage.objects.child_of(spanish_home).get()
    assert remision.get_translation(remission.locale) == remission
    assert remision.translated_from_revision_id == remission.live_revision_id is not None
    assert remision.get_latest_revision_as_object().translated_from_revision_id == remission.live_revision_id
    assert not remision.live
    # Through the same clinical review as English terms.
    state = WorkflowState.objects.get(object_id=str(remision.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow == remission.get_workflow()
    # A term the file links to no English term is Spanish only.
    assert TermPage.objects.get(title="Quimioterapia").get_translations().count() == 0


def test_english_imports_stay_in_the_english_glossary(english, glossary, tmp_path):
    path = spanish_file(tmp_path, {"term": "Biopsy", "definition": "Taking a small sample of tissue."})
    import_terms(path)
    assert TermPage.objects.get(title="Biopsy").get_parent().specific == glossary


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"translation_of": "No such term"}, "There is no English term called 'No such term' for 'Remisión'"),
        ({"translation_of": "Relapse"}, "The English term 'Relapse' has not been signed off yet"),
    ],
)
def test_a_missing_or_unreviewed_english_term_writes_nothing(english, tmp_path, record, problem):
    path = spanish_file(tmp_path, {**REMISION, **record}, {"term": "Cáncer", "definition": "Una enfermedad."})

    problems, error = failed_import(path, locale="es")

    assert problem in problems
    assert "nothing was imported" in error
    assert not TermPage.objects.filter(locale__language_code="es").exists()


def test_an_english_term_that_already_has_a_spanish_version_is_refused(english, spanish_home, tmp_path):
    import_terms(spanish_file(tmp_path, REMISION), locale="es")
    again = {**REMISION, "term": "Remisión completa"}

    problems, _ = failed_import(spanish_file(tmp_path, again), locale="es")

    assert "The English term 'Remission' already has a Spanish version." in problems
    assert TermPage.objects.filter(locale__language_code="es").count() == 1


def test_two_records_translating_one_term_are_refused(english, tmp_path):
    path = spanish_file(tmp_path, REMISION, {**REMISION, "term": "Remisión total"})
    problems, _ = failed_import(path, locale="es")
    assert "also translates 'Remission'" in problems
    assert not TermPage.objects.filter(locale__language_code="es").exists()


def test_translation_of_in_an_english_file_is_refused(english, tmp_path):
    path = spanish_file(tmp_path, {"term": "Remission", "definition": "x y z.", "translation_of": "Remission"})
    problems, _ = failed_import(path)
    assert "'translation_of' names the English term a term in another language translates" in problems


@pytest.mark.parametrize("locale", ["fr", "en", "ES"])
def test_a_locale_that_is_not_a_content_language_is_refused(english, tmp_path, locale):
    _, error = failed_import(spanish_file(tmp_path, REMISION), locale=locale)
    assert error == f"--locale must be one of en-gb, es; got {locale!r}."
    assert not TermPage.objects.filter(locale__language_code="es").exists()
