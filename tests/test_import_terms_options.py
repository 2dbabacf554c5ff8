"""``import_terms`` options and report: revisions credited to --user, --submit into the clinical review,
related items kept when a file lists none, and each term's reading grade."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from articles.models import ArticlePage
from glossary.models import TermPage, TermRelatedArticle, TermRelatedTerm
from tests.factories import ArticlePageFactory, TermPageFactory
from tests.review_helpers import make_editor
from tests.test_importer import failed_import, import_terms, term_text, write


@pytest.fixture
def editor(db):
    return make_editor("edna")


def test_user_is_credited_with_the_new_and_updated_terms(glossary, editor, client, tmp_path, django_user_model):
    existing = TermPageFactory(parent=glossary, title="Stent")
    paths = write(tmp_path, {"biopsy.txt": term_text("a biopsy"), "stent.txt": term_text("a stent")})

    import_terms(*paths, user="edna")

    for term in TermPage.objects.all():
        assert term.get_latest_revision().user == editor
    assert (
        PageLogEntry.objects.get(page=TermPage.objects.get(slug="biopsy"), action="wagtail.create").user == editor
    )
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pw"))
    history = client.get(reverse("wagtailadmin_pages:history", args=[existing.pk])).content.decode()
    assert "edna" in history and "System" not in history


def test_unknown_user_is_a_clear_error_and_nothing_is_written(glossary, tmp_path):
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    _, error = failed_import(path, user="nobody")

    assert error == "There is no active user called 'nobody'. Nothing was imported."
    assert not TermPage.objects.exists()


def test_submit_needs_a_user(glossary, tmp_path):
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    _, error = failed_import(path, submit=True)

    assert "--submit needs --user" in error
    assert not TermPage.objects.exists()


def test_submit_puts_every_imported_draft_into_the_clinical_review(glossary, editor, tmp_path):
    existing = TermPageFactory(parent=glossary, title="Stent")
    existing.save_revision().publish()
    paths = write(tmp_path, {"biopsy.txt": term_text("a biopsy"), "stent.txt": term_text("a stent")})

    output = import_terms(*paths, user="edna", submit=True)

    assert "Each was submitted for clinical review by edna." in output.splitlines()[0]
    for term in TermPage.objects.all():
        state = WorkflowState.objects.get(object_id=str(term.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.workflow == glossary.get_workflow()
        assert state.requested_by == editor
        task_state = state.current_task_state
        assert task_state.status == TaskState.STATUS_IN_PROGRESS
        assert task_state.revision is not None and task_state.revision == term.get_latest_revision()
    stent = TermPage.objects.get(pk=existing.pk)
    assert stent.live and stent.definition != "A stent is a word your care team may use.", "not published"


def test_related_items_are_kept_when_the_file_lists_none_and_replaced_when_it_names_some(
    glossary, article_index, tmp_path
):
    chemo = TermPageFactory(parent=glossary, title="Chemotherapy")
    scan = TermPageFactory(parent=glossary, title="Scan")
    living = ArticlePageFactory(parent=article_index, title="Living with cancer")
    eating = ArticlePageFactory(parent=article_index, title="Eating well")
    biopsy = TermPageFactory(parent=glossary, title="Biopsy")
    TermRelatedTerm.objects.create(page=biopsy, term=chemo, sort_order=0)
    TermRelatedArticle.objects.create(page=biopsy, article=living, sort_order=0)
    biopsy.save_revision()
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy", definition="A biopsy takes some tissue.")})

    output = import_terms(path)

    draft = TermPage.objects.get(pk=biopsy.pk).get_latest_revision_as_object()
    assert draft.definition == "A biopsy takes some tissue."
    assert [link.term_id for link in draft.related_term_links.all()] == [chemo.pk]
    assert [link.article_id for link in draft.related_article_links.all()] == [living.pk]
    assert (
        "Related terms and articles kept for 1 term already in the glossary, as the file lists none for them "
        "(a file that names related items replaces them):"
    ) in output.splitlines()
    assert "  Biopsy" in output.splitlines()

    path.write_text(term_text("a biopsy", related_terms=["Scan"], related_articles=["Eating well"]), "utf-8")
    output = import_terms(path)

    draft = TermPage.objects.get(pk=biopsy.pk).get_latest_revision_as_object()
    assert [link.term_id for link in draft.related_term_links.all()] == [scan.pk]
    assert [link.article_id for link in draft.related_article_links.all()] == [eating.pk]
    assert "Related terms and articles kept" not in output
    assert ArticlePage.objects.count() == 2


def test_each_terms_reading_grade_is_printed_with_a_warning_above_the_target(glossary, tmp_path, settings):
    settings.READABILITY_TARGET_GRADE = 8
    hard = (
        "Immunohistochemical characterisation of neoplastic proliferation necessitates comprehensive "
        "histopathological evaluation by experienced pathologists."
    )
    paths = write(
        tmp_path,
        {
            "biopsy.txt": term_text(
                "a biopsy", definition="A biopsy is a small bit of you. A doctor looks at it."
            ),
            "histology.txt": term_text("histology", definition=hard),
        },
    )

    lines = import_terms(*paths).splitlines()

    start = lines.index("Readability (Flesch-Kincaid school grade; the target is 8 or below):")
    biopsy, histology = lines[start + 1 :]
    biopsy_grade = TermPage.objects.get(slug="biopsy").readability().grade
    histology_grade = TermPage.objects.get(slug="histology").readability().grade
    assert biopsy == f"  Biopsy: grade {biopsy_grade:g}" and biopsy_grade <= 8
    assert histology == f"  Histology: grade {histology_grade:g}. Warning: above the target; make it plainer."
