"""``import_terms`` refuses what no glossary holds, naming the file and line or entry, and writes nothing: a file
or run over the size limit, a term too long to be one, and NUL or other control characters."""

import json

import pytest
from django.test import override_settings

from glossary.models import TermPage
from tests.test_importer import failed_import, import_terms, term_text, write

pytestmark = pytest.mark.django_db


def test_a_file_over_the_size_limit_is_refused_unread_and_nothing_is_written(tmp_path, glossary):
    small, big = write(tmp_path, {"small.txt": term_text("cell"), "big.txt": term_text("chemotherapy")})
    size = big.stat().st_size

    with override_settings(GLOSSARY_IMPORT_MAX_FILE_BYTES=size - 1):
        problems, error = failed_import(small, big)

    assert f"{big}: The file is {size} bytes, over the limit of {size - 1} bytes a file." in problems
    assert "--max-file-mb" in problems
    assert str(small) not in problems
    assert "nothing was imported" in error
    assert not TermPage.objects.exists()


def test_the_limit_can_be_raised_for_one_run(tmp_path, glossary):
    (path,) = write(tmp_path, {"remission.txt": term_text("remission")})

    with override_settings(GLOSSARY_IMPORT_MAX_FILE_BYTES=10):
        import_terms(path, max_file_mb=1)

    assert TermPage.objects.get().title == "Remission"


def test_files_that_together_pass_the_run_limit_are_refused(tmp_path, glossary):
    paths = write(tmp_path, {"a.txt": term_text("remission"), "b.txt": term_text("biopsy")})

    total = sum(path.stat().st_size for path in paths)

    with override_settings(GLOSSARY_IMPORT_MAX_RUN_BYTES=total - 1):
        problems, _ = failed_import(*paths)

    assert (
        f"Together the files come to {total} bytes (2 files), over the limit of {total - 1} bytes a run."
        in problems
    )
    assert not TermPage.objects.exists()


def test_a_file_run_together_into_one_term_is_refused(tmp_path, glossary):
    path = tmp_path / "all.json"
    path.write_text(json.dumps([{"term": "Remission", "definition": "word " * 5000}]))

    problems, _ = failed_import(path)

    assert f"{path}:record 1: The term holds 25,008 characters of text" in problems
    assert "over the limit of 20,000" in problems
    assert not TermPage.objects.exists()


def test_a_term_name_longer_than_a_page_title_is_refused(tmp_path, glossary):
    (path,) = write(tmp_path, {"terms.csv": f"term,definition\nRemission,Gone.\n{'x' * 300},Too long.\n"})

    problems, _ = failed_import(path)

    assert f"{path}:record 2 (line 3): The term's name has 300 characters, over 255." in problems
    assert not TermPage.objects.exists()


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f"])
def test_a_control_character_in_a_text_file_is_refused_with_its_line(tmp_path, glossary, character):
    text = term_text("remission").replace("This paragraph", f"This{character} paragraph")
    (path,) = write(tmp_path, {"remission.txt": text})

    problems, _ = failed_import(path)

    code = f"U+{ord(character):04X}"
    assert f"{path}:3: This line holds a control character ({code}), which a term cannot contain" in problems
    assert not TermPage.objects.exists()


def test_a_nul_written_as_an_escape_in_json_is_refused_with_its_entry(tmp_path, glossary):
    path = tmp_path / "terms.json"
    path.write_text(
        json.dumps(
            [{"term": "Biopsy", "definition": "A sample."}, {"term": "Remission", "also_called": ["a\x00"]}]
        )
    )

    problems, _ = failed_import(path)

    assert f"{path}:record 2: 'also_called' holds a control character (U+0000)" in problems
    assert not TermPage.objects.exists()


def test_a_nul_in_a_csv_cell_is_refused_with_its_row(tmp_path, glossary):
    (path,) = write(tmp_path, {"terms.csv": b"term,definition\nRemission,Gone\x00.\n"})

    problems, _ = failed_import(path)

    assert f"{path}:record 1 (line 2): 'definition' holds a control character (U+0000)" in problems
    assert not TermPage.objects.exists()
