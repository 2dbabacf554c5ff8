"""Terms the bulk writer adds are in the search index exactly as Wagtail's own indexing would put them."""

import json

import pytest
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from glossary.importers import import_file
from glossary.models import TermPage

TERMS = [
    {"term": "A6", "definition": "A small piece of a protein called urokinase. Also called peptide A6."},
    {"term": "colonoscopy", "definition": "A look inside the large bowel with a thin tube."},
    {"term": "Hodgkin’s lymphoma", "definition": "A cancer of the lymph system. Also called Hodgkin disease."},
    {"term": "rash", "definition": "A red skin change."},
]


def index_rows():
    entries = IndexEntry.objects.filter(
        object_id__in=[str(pk) for pk in TermPage.objects.values_list("pk", flat=True)]
    )
    return {row.pop("object_id"): row for row in entries.order_by("object_id").values() if row.pop("id")}


@pytest.mark.django_db
def test_imported_terms_are_indexed_as_wagtail_indexes_them(glossary, tmp_path):
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(TERMS, ensure_ascii=False), encoding="utf-8")
    import_file(path)
    written = index_rows()
    assert len(written) == len(TERMS)

    IndexEntry.objects.filter(object_id__in=written).delete()
    get_search_backend().add_bulk(TermPage, list(TermPage.objects.order_by("pk")))
    assert index_rows() == written


@pytest.mark.django_db
def test_imported_drafts_are_found_by_their_other_names_and_definitions(glossary, tmp_path):
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(TERMS, ensure_ascii=False), encoding="utf-8")
    import_file(path)
    assert [page.title for page in TermPage.objects.search("Hodgkin disease")] == ["Hodgkin’s lymphoma"]
    assert [page.title for page in TermPage.objects.search("bowel")] == ["colonoscopy"]
    assert [page.title for page in TermPage.objects.autocomplete("colono")] == ["colonoscopy"]
