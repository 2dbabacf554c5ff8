"""Importing a dictionary from JSON or CSV: names kept as written, other names from "Also called",
lossless slugs, long definitions kept whole, duplicate names reported, bad input refused whole."""

import json
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from glossary.importers import import_file
from glossary.importers.also_called import extract_also_called
from glossary.models import PossibleDuplicate, TermPage
from tests.factories import TermPageFactory, UserFactory
from tests.review_helpers import make_editor, make_reviewer

DATA = Path(__file__).parent / "data"


def import_terms(*paths, fields=()):
    stdout = StringIO()
    call_command("import_terms", *map(str, paths), *[f"--field={field}" for field in fields], stdout=stdout)
    return stdout.getvalue()


def failed_import(*args):
    stderr = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_terms", *map(str, args), stdout=StringIO(), stderr=stderr)
    return stderr.getvalue(), str(failure.value)


def write_json(folder, terms, name="terms.json"):
    path = folder / name
    path.write_text(json.dumps(terms, ensure_ascii=False), encoding="utf-8")
    return path


def draft(title):
    return TermPage.objects.get(title=title).get_latest_revision_as_object()


def rendered(client, term):
    term.get_latest_revision().publish()
    response = client.get(TermPage.objects.get(pk=term.pk).url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("article")


def test_a_json_dictionary_imports_as_drafts_with_names_as_written(glossary):
    output = import_terms(DATA / "dictionary.json")

    assert output.startswith("Imported 6 terms as drafts (6 new, 0 new revisions).")
    terms = dict(TermPage.objects.values_list("title", "slug"))
    assert terms == {
        "mTOR inhibitor": "mtor-inhibitor",
        "μL": "ul",
        "L": "l",
        "eHealth": "ehealth",
        "phase I/II clinical trial": "phase-i-ii-clinical-trial",
        "phase III clinical trial": "phase-iii-clinical-trial",
    }
    assert not TermPage.objects.filter(live=True).exists()


def test_also_called_becomes_other_names_and_leaves_the_definition(glossary, client):
    import_terms(DATA / "dictionary.json")

    ehealth = draft("eHealth")
    assert ehealth.definition == "Health care given or supported through computers and the internet."
    assert [synonym.name for synonym in ehealth.synonyms.all()] == [
        "digital health",
        "e-health",
        "online health care",
    ]
    assert [synonym.name for synonym in draft("μL").synonyms.all()] == ["microlitre", "uL", "mcL"]

    page = rendered(client, TermPage.objects.get(title="eHealth"))
    assert page.h1.text == "eHealth"
    assert "Also called" not in page.find(class_="term__definition").text


@pytest.mark.parametrize(
    ("definition", "names", "rest"),
    [
        ("A drug. Also called Zentra.", ["Zentra"], "A drug."),
        ("A drug. Also called Zentra, ZX-12, and zentramab.", ["Zentra", "ZX-12", "zentramab"], "A drug."),
        ("A drug. Also called Zentra, ZX-12 and zentramab.", ["Zentra", "ZX-12", "zentramab"], "A drug."),
        ("A drug. Also called Zentra and ZX-12.", ["Zentra", "ZX-12"], "A drug."),
        (
            "An enzyme. Also called poly (sugar, salt) enzyme, and PSE.",
            ["poly (sugar, salt) enzyme", "PSE"],
            "An enzyme.",
        ),
        ("A herb. Also called St. Bruno's leaf.", ["St. Bruno's leaf"], "A herb."),
        ("A herb found in Italy.Also called bruno leaf.", ["bruno leaf"], "A herb found in Italy."),
        ("A kind of dye Also called red dye.", ["red dye"], "A kind of dye."),
        ("A stain. Also called salt and pepper staining.", ["salt and pepper staining"], "A stain."),
        ("Nothing else is also called here.", [], "Nothing else is also called here."),
    ],
)
def test_also_called_lists_are_read_as_written(definition, names, rest):
    known = {"zentra", "zx 12", "salt and pepper staining"}

    found = extract_also_called(definition, lambda name: name.lower().replace("-", " ") in known, 150)

    assert (found.names, found.definition, found.unclear) == (names, rest, "")


def test_an_also_called_pair_that_cannot_be_told_apart_stays_in_the_definition(glossary, tmp_path):
    path = write_json(
        tmp_path, [{"term": "rash", "definition": "A red skin change. Also called hives and welts."}]
    )

    output = import_terms(path)

    assert f"{path}:record 1: The other names in 'Also called hives and welts.' cannot be told apart" in output
    rash = draft("rash")
    assert rash.definition == "A red skin change. Also called hives and welts."
    assert not rash.synonyms.exists()


def test_csv_with_mapped_columns_imports_lists_and_sections(glossary, client):
    output = import_terms(
        DATA / "dictionary.csv",
        fields=[
            "term=Name",
            "definition=Summary",
            "other_names=Other names",
            "pronunciation=Pronunciation",
            "what_is=What is",
            "why_it_matters=Why it matters",
        ],
    )

    assert output.startswith("Imported 2 terms as drafts (2 new, 0 new revisions).")
    stent = draft("Stent")
    assert [synonym.name for synonym in stent.synonyms.all()] == ["tube stent"], "not its own name again"
    assert (stent.pronunciation, stent.what_is) == ("STENT", "<p>A stent is put in during a short procedure.</p>")
    page = rendered(client, TermPage.objects.get(title="Stent"))
    assert page.find(id="why-it-matters-heading") is not None


def test_a_short_entry_shows_its_definition_without_empty_sections(glossary, client, tmp_path):
    path = write_json(tmp_path, [{"term": "colonoscopy", "definition": "A look inside the large bowel."}])
    import_terms(path)

    page = rendered(client, TermPage.objects.get(title="colonoscopy"))

    assert page.find(class_="term__definition").text == "A look inside the large bowel."
    assert page.find(id="what-is-heading") is None
    assert page.find(id="why-it-matters-heading") is None


def test_a_slug_another_term_has_gets_a_number_and_a_note(glossary, tmp_path):
    # Addresses an older, lossy import gave: "phase I/II" and "μL" lost the characters that told them apart.
    TermPageFactory(parent=glossary, title="phase I/II clinical trial", slug="phase-iii-clinical-trial")
    TermPageFactory(parent=glossary, title="μL", slug="l")
    path = write_json(
        tmp_path,
        [
            {"term": "phase III clinical trial", "definition": "A study in many people."},
            {"term": "L", "definition": "A litre."},
        ],
    )

    output = import_terms(path)

    assert TermPage.objects.get(title="phase III clinical trial").slug == "phase-iii-clinical-trial-2"
    assert TermPage.objects.get(title="L").slug == "l-2"
    assert (
        f"{path}:record 1: 'phase III clinical trial' has the address 'phase-iii-clinical-trial-2', because "
        "'phase-iii-clinical-trial' is already the address of 'phase I/II clinical trial'." in output
    )
    assert f"{path}:record 2: 'L' has the address 'l-2', because 'l' is already the address of 'μL'." in output


def test_names_that_differ_only_in_punctuation_are_both_kept_and_listed_as_duplicates(glossary, tmp_path):
    path = write_json(
        tmp_path,
        [
            {"term": "KRT-PAX fusion gene", "definition": "A gene made of two genes."},
            {"term": "KRT::PAX fusion gene", "definition": "The same gene, written the newer way."},
        ],
    )

    output = import_terms(path)

    assert TermPage.objects.get(title="KRT::PAX fusion gene").slug == "krt-pax-fusion-gene-2"
    assert "'KRT::PAX fusion gene' may be the same term as 'KRT-PAX fusion gene'" in output
    pair = PossibleDuplicate.objects.get()
    assert (pair.term.title, pair.other.title) == ("KRT::PAX fusion gene", "KRT-PAX fusion gene")


def test_an_existing_term_is_matched_ignoring_case_and_accents_and_keeps_what_the_record_leaves_out(
    glossary, tmp_path
):
    existing = TermPageFactory(
        parent=glossary, title="Behcet disease", slug="behcet-disease", what_is="<p>Kept.</p>"
    )
    existing.synonyms.create(name="Behcet syndrome")
    existing.save_revision()
    path = write_json(tmp_path, [{"term": "Behçet disease", "definition": "A disease of the blood vessels."}])

    output = import_terms(path)

    assert output.startswith("Imported 1 term as drafts (0 new, 1 new revision).")
    assert TermPage.objects.count() == 1
    term = draft("Behcet disease")
    assert (term.title, term.slug, term.definition) == (
        "Behçet disease",
        "behcet-disease",
        "A disease of the blood vessels.",
    )
    assert term.what_is == "<p>Kept.</p>"
    assert [synonym.name for synonym in term.synonyms.all()] == ["Behcet syndrome"]


SENTENCE = "A swelling sentence that says a little about the term and goes on for a while to take up room."
LONG = " ".join([SENTENCE] * 7)


def test_a_long_definition_is_kept_whole_and_listed_to_shorten(glossary, client, tmp_path):
    giant = "word " * 200
    path = write_json(
        tmp_path,
        [{"term": "swelling", "definition": LONG}, {"term": "lump", "definition": giant.strip() + "."}],
    )

    output = import_terms(path)

    swelling, lump = draft("swelling"), draft("lump")
    assert swelling.definition_shortened and lump.definition_shortened
    assert swelling.definition == " ".join([SENTENCE] * 6), "the leading sentences that fit"
    assert swelling.what_is == f"<p>{LONG}</p>"
    assert len(lump.definition) <= 600 and lump.definition.endswith("word…")
    assert f"{path}:record 1: The definition has {len(LONG)} characters, over the limit of 600" in output

    client.force_login(make_editor())
    response = client.get(reverse("glossary_reports:definitions_to_shorten"))
    assert response.status_code == 200
    listed = BeautifulSoup(response.content, "html.parser").find("table", class_="listing")
    assert {a.text.strip() for a in listed.find_all("a") if "/edit/" in a["href"]} == {"swelling", "lump"}


def test_another_terms_name_is_not_added_as_an_other_name_but_reported(glossary, client, tmp_path):
    radiotherapy = TermPageFactory(parent=glossary, title="Radiotherapy")
    path = write_json(
        tmp_path,
        [
            {
                "term": "radiation therapy",
                "definition": "Treatment with rays. Also called radiotherapy and X-ray therapy.",
            },
            {"term": "X-ray therapy", "definition": "Treatment with X-rays."},
        ],
    )

    output = import_terms(path)

    assert (
        f"{path}:record 1: 'radiotherapy' is not added as an other name of 'radiation therapy': it is the name of "
        "the term 'Radiotherapy', which becomes a related term." in output
    )
    assert "'X-ray therapy' is not added as an other name of 'radiation therapy'" in output
    radiation_draft = draft("radiation therapy")
    assert not radiation_draft.synonyms.exists()
    related = [link.term.title for link in radiation_draft.related_term_links.all()]
    assert related == ["Radiotherapy", "X-ray therapy"], "the terms it named stay connected"
    pairs = {(pair.term.title, pair.other.title, pair.name) for pair in PossibleDuplicate.objects.all()}
    assert pairs == {
        ("radiation therapy", "Radiotherapy", "radiotherapy"),
        ("radiation therapy", "X-ray therapy", "X-ray therapy"),
    }

    client.force_login(make_reviewer("okafor"))
    response = client.get(reverse("glossary_reports:possible_duplicates"))
    table = BeautifulSoup(response.content, "html.parser").find("table", class_="listing")
    links = {a["href"] for a in table.find_all("a")}
    radiation = TermPage.objects.get(title="radiation therapy")
    assert reverse("wagtailadmin_pages:edit", args=[radiation.pk]) in links
    assert reverse("wagtailadmin_pages:edit", args=[radiotherapy.pk]) in links


def test_the_import_reports_are_in_the_reports_menu_for_page_workers_only(client, glossary):
    client.force_login(make_editor())
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Definitions to shorten" in menu and "Possible duplicates" in menu

    client.force_login(UserFactory(username="visitor"))
    assert client.get(reverse("glossary_reports:possible_duplicates")).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.json", '[\n  {"term": "rash",\n  "definition" "x"}\n]', "broken.json:3: This is not valid JSON"),
        ("object.json", '{"term": "rash"}', "object.json:1: The file must hold a list of terms"),
        ("strings.json", '["rash"]', "strings.json:record 1: A term must be an object ({…}), not text."),
        (
            "types.json",
            '[{"term": "rash", "definition": "A skin change."}, {"term": "hive", "definition": 3}]',
            "types.json:record 2: 'definition' must be text, not a number.",
        ),
        (
            "list.json",
            '[{"term": "rash", "definition": "A skin change.", "other_names": [1]}]',
            "list.json:record 1: 'other_names' must be a list of texts",
        ),
        (
            "no-term.json",
            '[{"definition": "A skin change."}]',
            "no-term.json:record 1: The term ('term') is missing",
        ),
        (
            "columns.csv",
            "name,definition\nrash,A skin change.\n",
            "columns.csv:1: There is no column for the term",
        ),
        ("empty-row.csv", "term,definition\nrash,\n", "empty-row.csv:record 1 (line 2): The definition"),
    ],
)
def test_bad_input_is_located_and_nothing_is_written(glossary, tmp_path, name, content, expected):
    good = write_json(tmp_path, [{"term": "stent", "definition": "A small tube."}], name="good.json")
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")

    problems, error = failed_import(good, path)

    assert f"{tmp_path}/{expected}" in problems
    assert error.endswith("nothing was imported. Fix the files and run this again.")
    assert not TermPage.objects.exists()


def test_an_unknown_field_target_is_refused(glossary):
    with pytest.raises(CommandError, match="there is no part called 'summary'"):
        import_terms(DATA / "dictionary.json", fields=["summary=plain_alternative"])
    assert not TermPage.objects.exists()


def test_dry_run_and_the_import_function(glossary):
    output = import_terms(DATA / "dictionary.json", "--dry-run")
    assert output.startswith("Checked 6 terms (6 new, 0 already in the glossary): no problems.")
    assert not TermPage.objects.exists()

    result = import_file(DATA / "dictionary.json", publish=True)

    assert sorted(page.title for page in result.created) == sorted(
        TermPage.objects.live().values_list("title", flat=True)
    )
    assert len(result.created) == 6 and result.updated == []
