"""The ``import_terms`` command: drafts only, all or nothing, markup kept as text, every problem located."""

from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import PageLogEntry

from articles.models import ArticleRelatedTerm
from glossary.importers.text import parse_term_file
from glossary.models import TermPage, TermRelatedTerm
from tests.factories import ArticlePageFactory, MedicalDisclaimerFactory, TermPageFactory

SEED_FILE = Path(__file__).parent / "data" / "remission.txt"


def term_text(term, definition=None, related_terms=(), related_articles=(), disclaimer=""):
    """A valid term file in the import format, naming ``term`` in its 'What is' line."""
    return "\n".join(
        [
            definition or f"{term.capitalize()} is a word your care team may use.",
            f"What is {term}?",
            f"This paragraph explains {term}.",
            f"A second paragraph about {term}.",
            "Why it matters",
            f"Knowing about {term} helps you ask your care team questions.",
            "Related terms",
            *related_terms,
            "Related articles",
            *related_articles,
            "Medical disclaimer",
            disclaimer,
        ]
    )


def write(folder, files):
    """Write ``{name: text or bytes}`` into ``folder``; returns the paths in the same order."""
    paths = []
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        paths.append(path)
    return paths


def import_terms(*paths, **options):
    """Run the command; returns what it printed to stdout."""
    stdout = StringIO()
    call_command("import_terms", *map(str, paths), stdout=stdout, stderr=StringIO(), **options)
    return stdout.getvalue()


def failed_import(*paths, **options):
    """Run the command expecting it to fail; returns the problems it printed and the final error."""
    stderr = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_terms", *map(str, paths), stdout=StringIO(), stderr=stderr, **options)
    assert failure.value.returncode == 1
    return stderr.getvalue(), str(failure.value)


def publish(term):
    term.get_latest_revision().publish()
    return TermPage.objects.get(pk=term.pk)


def rendered(client, term):
    response = client.get(term.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("article")


@pytest.mark.parametrize(
    ("line", "title", "slug"),
    [
        ("What is remission?", "Remission", "remission"),
        ("What is a biopsy?", "Biopsy", "biopsy"),
        ("what is an MRI scan ?", "MRI scan", "mri-scan"),
        ("What is HPV?", "HPV", "hpv"),
        ("What is mTOR inhibitor?", "mTOR inhibitor", "mtor-inhibitor"),
        ("What is μL?", "μL", "ul"),
        ("What is μg?", "μg", "ug"),
        ("What is eHealth?", "eHealth", "ehealth"),
        ("What is a phase I/II clinical trial?", "phase I/II clinical trial", "phase-i-ii-clinical-trial"),
    ],
)
def test_the_what_is_line_names_the_term(line, title, slug):
    text = f"\ufeffA definition.\r\n{line}\r\nMore.\r\nWhy it matters\r\nBecause.\r\n".encode()

    term, problems = parse_term_file(text, "term.txt")

    assert problems == []
    assert (term.title, term.slug, term.definition.text, term.what_is_line.text) == (
        title,
        slug,
        "A definition.",
        line,
    )


def test_a_new_term_is_added_as_a_draft_for_review(glossary, client, tmp_path):
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    output = import_terms(path)

    assert output.splitlines()[0] == "Imported 1 term as drafts (1 new, 0 new revisions)."
    term = TermPage.objects.child_of(glossary).get(slug="biopsy")
    assert (term.title, term.live, term.has_unpublished_changes) == ("Biopsy", False, True)
    assert term.what_is_heading == "What is a biopsy?"
    assert term.definition == "A biopsy is a word your care team may use."
    assert term.what_is == "<p>This paragraph explains a biopsy.</p><p>A second paragraph about a biopsy.</p>"
    assert term.revisions.count() == 1
    assert PageLogEntry.objects.filter(page=term, action="wagtail.create").exists()
    assert client.get(term.url).status_code == 404, "a draft must not reach readers"


def test_reimport_saves_a_new_draft_revision_and_leaves_the_live_page_alone(glossary, client, tmp_path):
    TermPageFactory(parent=glossary, title="Chemotherapy")
    radiotherapy = TermPageFactory(parent=glossary, title="Radiotherapy")
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy", related_terms=["Chemotherapy"])})
    import_terms(path)
    live = publish(TermPage.objects.get(slug="biopsy"))
    path.write_text(
        term_text(
            "a biopsy", definition="A biopsy takes a small sample of tissue.", related_terms=["Radiotherapy"]
        ),
        encoding="utf-8",
    )

    output = import_terms(path)

    assert output.splitlines()[0] == "Imported 1 term as drafts (0 new, 1 new revision)."
    assert TermPage.objects.filter(slug="biopsy").count() == 1
    term = TermPage.objects.get(slug="biopsy")
    assert term.revisions.count() == 2
    assert term.has_unpublished_changes
    draft = term.get_latest_revision_as_object()
    assert draft.definition == "A biopsy takes a small sample of tissue."
    assert [link.term_id for link in draft.related_term_links.all()] == [radiotherapy.pk]
    page = rendered(client, live)
    assert page.find(class_="term__definition").text == "A biopsy is a word your care team may use."
    related_terms = page.find(id="related-terms-heading").find_parent("section")
    assert [a.text for a in related_terms.find_all("a")] == ["Chemotherapy"]


GOOD = term_text("a biopsy")


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"empty.txt": "  \n\n"}, "empty.txt:1: The file is empty."),
        (
            {"latin.txt": "A scan.\nWhat is a caf\xe9 scan?\n".encode("latin-1")},
            "latin.txt:2: The file is not UTF-8 text.",
        ),
        (
            {"no-what-is.txt": GOOD.replace("What is a biopsy?", "About biopsies")},
            "no-what-is.txt:1: There is no 'What is <term>?' line.",
        ),
        (
            {"no-why.txt": GOOD.replace("Why it matters\n", "")},
            "no-why.txt:2: There is no 'Why it matters' section after 'What is a biopsy?'.",
        ),
        (
            {"a.txt": GOOD, "b.txt": term_text("biopsy")},
            "b.txt:2: 'Biopsy' is also in",
        ),
        (
            {"two-terms.txt": GOOD + "\nWhat is a scan?\nA scan takes pictures.\n"},
            "two-terms.txt:11: A second 'What is …?' line (the first is line 2).",
        ),
        (
            {"two-definitions.txt": "A biopsy is a test.\n" + GOOD},
            "two-definitions.txt:2: The definition must be one paragraph",
        ),
        (
            {
                "empty-why.txt": GOOD.replace(
                    "Knowing about a biopsy helps you ask your care team questions.\n", ""
                )
            },
            "empty-why.txt:5: The 'Why it matters' section is empty.",
        ),
        (
            {"long.txt": term_text("a biopsy", definition="x" * 601)},
            "long.txt:1: Definition: Ensure this value has at most 600 characters (it has 601).",
        ),
        ({"notes.md": GOOD}, "notes.md: Not a .txt, .json or .csv file."),
    ],
    ids=[
        "empty",
        "not-utf-8",
        "no-what-is",
        "no-why-it-matters",
        "term-twice",
        "two-terms-in-a-file",
        "two-definition-paragraphs",
        "empty-section",
        "definition-too-long",
        "not-txt",
    ],
)
def test_a_bad_file_is_reported_with_its_line_and_nothing_is_written(glossary, tmp_path, files, expected):
    paths = write(tmp_path, files)

    problems, error = failed_import(*paths)

    assert expected in problems
    assert error.endswith("found; nothing was imported. Fix the files and run this again.")
    assert not TermPage.objects.exists()


def test_a_missing_path_is_reported(glossary, tmp_path):
    problems, _ = failed_import(tmp_path / "nowhere.txt")

    assert f"{tmp_path / 'nowhere.txt'}: There is no such file or folder." in problems


def test_one_bad_file_among_good_ones_writes_nothing(glossary, tmp_path):
    existing = TermPageFactory(parent=glossary, title="Scan", slug="scan")
    revisions_before = existing.revisions.count()
    write(
        tmp_path,
        {
            "biopsy.txt": term_text("a biopsy"),
            "scan.txt": term_text("a scan"),
            "stent.txt": term_text("a stent"),
            "broken.txt": b"\xff\xfe not text",
        },
    )

    problems, error = failed_import(tmp_path)

    assert (
        problems.strip()
        == f"{tmp_path / 'broken.txt'}:1: The file is not UTF-8 text. Save it as UTF-8 and try again."
    )
    assert error.startswith("1 problem found")
    assert list(TermPage.objects.values_list("slug", flat=True)) == ["scan"]
    assert existing.revisions.count() == revisions_before


def test_a_term_locked_in_the_admin_is_not_changed(glossary, tmp_path):
    locked = TermPageFactory(parent=glossary, title="Biopsy", slug="biopsy", locked=True)
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    problems, _ = failed_import(path)

    assert f"{path}:2: 'Biopsy' is locked in the admin" in problems
    assert not locked.revisions.exists()


def test_a_failure_while_writing_rolls_back_every_term(glossary, tmp_path, monkeypatch):
    scan = TermPageFactory(parent=glossary, title="Scan", slug="scan")
    revisions_before = scan.revisions.count()
    paths = write(
        tmp_path,
        {"biopsy.txt": term_text("a biopsy"), "stent.txt": term_text("a stent"), "scan.txt": term_text("a scan")},
    )

    def fail(page, *args, **kwargs):
        raise RuntimeError("the database went away")

    # The existing term's draft is saved after the new terms have been added.
    monkeypatch.setattr(TermPage, "save_revision", fail)

    with pytest.raises(RuntimeError):
        import_terms(*paths)

    assert list(TermPage.objects.values_list("slug", flat=True)) == ["scan"]
    assert scan.revisions.count() == revisions_before


def test_markup_in_a_file_is_shown_as_text_not_run(glossary, client, tmp_path):
    script = "<script>alert('hi')</script>"
    link = '<a href="javascript:alert(1)">Click</a>'
    text = term_text("a biopsy", definition=f"A test. {script}").replace(
        "This paragraph explains a biopsy.", f"Read this {link} and {script}."
    )
    [path] = write(tmp_path, {"biopsy.txt": text})
    import_terms(path)

    page = rendered(client, publish(TermPage.objects.get(slug="biopsy")))

    assert page.find("script") is None
    assert not [a for a in page.find_all("a") if a.get("href", "").startswith("javascript:")]
    assert page.find(class_="term__definition").text == f"A test. {script}"
    assert page.find(string=f"Read this {link} and {script}.") is not None


def test_dry_run_checks_the_files_and_writes_nothing(glossary, tmp_path):
    [good] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    output = import_terms(good, dry_run=True)

    assert (
        output.splitlines()[0]
        == "Checked 1 term (1 new, 0 already in the glossary): no problems. Nothing was written (dry run)."
    )
    assert not TermPage.objects.exists()

    [bad] = write(tmp_path, {"empty.txt": ""})
    problems, _ = failed_import(good, bad, dry_run=True)
    assert f"{bad}:1: The file is empty." in problems


def test_related_items_are_linked_when_they_exist_and_reported_when_not(glossary, article_index, client, tmp_path):
    chemo = TermPageFactory(parent=glossary, title="Chemotherapy")
    article = ArticlePageFactory(parent=article_index, title="Living with cancer")
    disclaimer = MedicalDisclaimerFactory(title="Cancer treatment disclaimer")
    biopsy_path, stent_path = write(
        tmp_path,
        {
            "biopsy.txt": term_text(
                "a biopsy",
                related_terms=["chemotherapy", "Stent", "Radiotherapy"],
                related_articles=["Living with cancer", "Eating well"],
                disclaimer="Cancer treatment disclaimer",
            ),
            "stent.txt": term_text("a stent", disclaimer="Heart disclaimer"),
        },
    )

    output = import_terms(tmp_path)

    assert output.splitlines()[:4] == [
        "Imported 2 terms as drafts (2 new, 0 new revisions). 3 related items not found, so not linked:",
        f"  {biopsy_path}:10: related term 'Radiotherapy'",
        f"  {biopsy_path}:13: related article 'Eating well'",
        f"  {stent_path}:10: medical disclaimer 'Heart disclaimer'",
    ]
    biopsy = TermPage.objects.get(slug="biopsy").get_latest_revision_as_object()
    stent = TermPage.objects.get(slug="stent")
    assert [link.term_id for link in biopsy.related_term_links.all()] == [chemo.pk, stent.pk]
    assert [link.article_id for link in biopsy.related_article_links.all()] == [article.pk]
    assert biopsy.disclaimer == disclaimer

    publish(stent)
    page = rendered(client, publish(biopsy))
    related_terms = page.find(id="related-terms-heading").find_parent("section")
    assert [a.text for a in related_terms.find_all("a")] == ["Chemotherapy", "Stent"]
    related_articles = page.find(id="related-articles-heading").find_parent("section")
    assert [a.text for a in related_articles.find_all("a")] == ["Living with cancer"]
    assert page.find(id="disclaimer-heading").text == "Cancer treatment disclaimer"


def test_the_seed_file_imports_and_renders_every_part_once_published(
    glossary, article_index, default_disclaimer, client
):
    output = import_terms(SEED_FILE)

    assert output.splitlines()[0] == "Imported 1 term as drafts (1 new, 0 new revisions)."
    remission = publish(TermPage.objects.get(slug="remission"))
    assert remission.what_is_heading == "", "the generated heading already reads 'What is remission?'"
    # The seed lists no related items; pages that list remission show up on its page too.
    complete_response = TermPageFactory(parent=glossary, title="Complete response")
    TermRelatedTerm.objects.create(page=complete_response, term=remission, sort_order=0)
    after_treatment = ArticlePageFactory(parent=article_index, title="After treatment ends")
    ArticleRelatedTerm.objects.create(page=after_treatment, term=remission, sort_order=0)

    page = rendered(client, remission)

    assert page.h1.text == "Remission"
    assert page.find(class_="term__definition").text.startswith("Remission means that the signs and symptoms")
    what_is = page.find(id="what-is-heading")
    assert what_is.text == "What is remission?"
    assert len(what_is.find_parent("section").find_all("p")) == 3
    why = page.find(id="why-it-matters-heading")
    assert why.text == "Why it matters"
    assert why.find_parent("section").p.text.startswith("Achieving remission is a significant milestone")
    assert page.find(id="related-terms-heading").find_parent("section").a.text == "Complete response"
    assert page.find(id="related-articles-heading").find_parent("section").a.text == "After treatment ends"
    assert page.find(id="disclaimer-heading").text == default_disclaimer.title


def test_without_a_glossary_nothing_can_be_imported(home, tmp_path):
    [path] = write(tmp_path, {"biopsy.txt": term_text("a biopsy")})

    with pytest.raises(CommandError, match="There is no glossary index page"):
        import_terms(path)


def test_a_large_run_shows_a_progress_bar(glossary, tmp_path, capsys):
    write(tmp_path, {f"term-{n}.txt": term_text(f"term {n}") for n in range(20)})

    import_terms(tmp_path, dry_run=True)

    assert "Checking: 100%" in capsys.readouterr().err
    write(tmp_path, {"one.txt": term_text("one")})
    import_terms(tmp_path / "one.txt", dry_run=True)
    assert capsys.readouterr().err == ""
