"""import_content checks the whole file first, names each problem's place, and writes nothing on error."""

import copy
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.models import Page

from articles.models import ArticlePage
from glossary.models import TermPage
from health_content.models import MedicalDisclaimer
from portability.synthetic import synthetic_document

pytestmark = pytest.mark.django_db


def run_import(tmp_path, document, *args):
    path = tmp_path / "in.json"
    path.write_text(document if isinstance(document, str) else json.dumps(document))
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_content", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        return str(error), stderr.getvalue()
    return stdout.getvalue(), stderr.getvalue()


def broken_document():
    document = synthetic_document(4)
    document["terms"][1]["definition"] = "x" * 601
    document["terms"][0]["related_terms"] = ["no-such-term"]
    document["terms"][2]["colour"] = "blue"
    document["terms"][3]["what_is"] = '<p><a linktype="page" path="/glossary/missing/">gone</a></p>'
    document["terms"][3]["references"][0]["year"] = 1500
    document["terms"][3]["last_reviewed"] = "last week"
    document["terms"][2]["disclaimer"] = "Unknown disclaimer"
    return document


def test_every_problem_is_reported_with_its_place_and_nothing_is_written(tmp_path, glossary):
    pages_before = Page.objects.count()
    message, stderr = run_import(tmp_path, broken_document())

    assert message.endswith("problem(s) found. Nothing was imported.")
    assert "terms[1].definition: Ensure this value has at most 600 characters (it has 601)." in stderr
    assert "terms[0].related_terms[0]: no term with the slug 'no-such-term' in the file or the database" in stderr
    assert "terms[2]: unknown field(s) colour" in stderr
    assert "terms[3].what_is: no page at the path '/glossary/missing/' in the file or the database" in stderr
    assert "terms[3].references[0].year: Ensure this value is greater than or equal to 1800." in stderr
    assert "terms[3].last_reviewed: must be a date such as 2026-03-01 or null, got 'last week'" in stderr
    assert (
        "terms[2].disclaimer: no disclaimer with the title 'Unknown disclaimer' in the file or the database"
        in stderr
    )
    assert Page.objects.count() == pages_before
    assert not MedicalDisclaimer.objects.exists()


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(format="other"), "format: must be 'healthwords-content', got 'other'"),
        (lambda d: d.update(version=2), "version: must be 1, got 2"),
        (lambda d: d.update(terms={}), "terms: must be a list, got dict"),
        (lambda d: d["terms"].append("Remission"), "terms[2]: must be an object, got str"),
        (lambda d: d["terms"][1].update(slug=d["terms"][0]["slug"]), "terms[1].slug: 'a"),
        (lambda d: d["terms"][0].update(title=""), "terms[0].title: This field cannot be blank."),
        (lambda d: d["terms"][0].update(also_called=[3]), "terms[0].also_called[0]: must be text, got int"),
        (lambda d: d["terms"][0].update(image="Missing scan"), "terms[0].image: no image called 'Missing scan'"),
        (lambda d: d.update(extra=[]), "document: unknown section(s) extra"),
        (lambda d: d["terms"][0].update(title=5), "terms[0].title: must be text, got int"),
        (lambda d: d["terms"][1].update(references="Test Press"), "terms[1].references: must be a list, got str"),
        (lambda d: d["terms"][0].update(live="yes"), "terms[0].live: must be true or false, got str"),
        (lambda d: d["terms"][0].pop("slug"), "terms[0].slug: missing: every file must give it"),
        (lambda d: d["terms"][1].pop("definition"), "terms[1].definition: missing: every file must give it"),
        (lambda d: d.pop("format"), "format: must be 'healthwords-content', got None"),
    ],
)
def test_shape_problems_are_reported(tmp_path, glossary, change, expected):
    document = synthetic_document(2)
    change(document)
    message, stderr = run_import(tmp_path, document)
    assert "Nothing was imported" in message
    assert expected in stderr
    assert not TermPage.objects.exists()


def test_a_slug_already_in_the_database_is_a_problem(tmp_path, glossary):
    document = synthetic_document(1)
    run_import(tmp_path, document)
    message, stderr = run_import(tmp_path, copy.deepcopy(document))
    assert f"terms[0].slug: a term with the slug '{document['terms'][0]['slug']}' already exists" in stderr
    assert TermPage.objects.count() == 1


def pretty(document):
    return json.dumps(document, indent=2)


def cut_in_half(document):
    text = pretty(document)
    return text[: len(text) // 2]


def with_a_trailing_comma_on_line_4(document):
    lines = pretty(document).splitlines()
    lines[3] += ","  # line 4: '"disclaimers": [,' -- a value is missing
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("make_file", "expected"),
    [
        (cut_in_half, "(the file ends early: it may have been cut short). Nothing was imported."),
        (
            lambda document: '{"format": ',
            "is not valid JSON: line 1, column 12: Expecting value (the file ends early",
        ),
        (with_a_trailing_comma_on_line_4, "is not valid JSON: line 4, column 19: Expecting value. Nothing was"),
        (
            lambda document: pretty(document).replace("Synthetic", "Synth\udcffetic", 1),
            "is not UTF-8 text: line 6",
        ),
        (lambda document: "[" * 100_000 + "]" * 100_000, "its JSON is nested too deeply to read"),
    ],
    ids=["truncated", "truncated-early", "syntax-error", "not-utf-8", "nested-too-deeply"],
)
def test_a_file_that_is_not_json_is_refused_with_its_place_and_nothing_is_written(
    tmp_path, glossary, make_file, expected
):
    path = tmp_path / "in.json"
    path.write_bytes(make_file(synthetic_document(3)).encode("utf-8", "surrogateescape"))
    pages_before = Page.objects.count()
    with pytest.raises(CommandError) as refused:
        call_command("import_content", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert str(refused.value).startswith(str(path))
    assert expected in str(refused.value)
    assert Page.objects.count() == pages_before
    assert not MedicalDisclaimer.objects.exists()


def test_import_creates_drafts_and_shows_progress(tmp_path, glossary):
    message, stderr = run_import(tmp_path, synthetic_document(3))
    assert message.strip() == "Imported 3 terms and 0 articles as drafts, 1 disclaimers and 0 sign-offs."
    assert "Saving terms as drafts: 100%" in stderr
    assert TermPage.objects.count() == 3 and not TermPage.objects.live().exists()


def test_publishing_needs_an_administrator(tmp_path, glossary):
    get_user_model().objects.create_user("editor", password="pw")
    document = synthetic_document(1)
    assert "--publish needs --user" in run_import(tmp_path, document, "--publish")[0]
    assert (
        "There is no active user called 'nobody'."
        in run_import(tmp_path, document, "--publish", "--user", "nobody")[0]
    )
    message, _ = run_import(tmp_path, document, "--publish", "--user", "editor")
    assert message == "editor may not publish pages under 'Glossary A to Z'; ask an administrator."
    assert not TermPage.objects.exists()


def test_a_disclaimer_already_in_the_database_is_reused_and_a_different_one_refused(tmp_path, glossary):
    document = synthetic_document(1)
    MedicalDisclaimer.objects.create(title="Synthetic disclaimer", body=document["disclaimers"][0]["body"])
    assert "Imported 1 terms" in run_import(tmp_path, document)[0]
    assert TermPage.objects.get().disclaimer == MedicalDisclaimer.objects.get()

    other = synthetic_document(1, seed=2)
    other["terms"][0]["slug"] = "another-term"
    other["disclaimers"][0]["body"] = "<p>Other words.</p>"
    _, stderr = run_import(tmp_path, other)
    assert "disclaimers[0].title: a different disclaimer called 'Synthetic disclaimer' exists" in stderr


def section(**value):
    return {"type": "section", "value": {"heading": "Living with it", "body": "<p>Rest.</p>", **value}}


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        ([1], "terms[0].extra_sections[0]: must be an object with a block type and value, got int"),
        ([{"type": "section"}], "terms[0].extra_sections[0].value: is missing"),
        (
            [section(), {"type": "marquee", "value": "Hello"}],
            "terms[0].extra_sections[1].type: must be one of section, callout, got 'marquee'",
        ),
        ([{"value": {}}], "terms[0].extra_sections[0].type: must be one of section, callout, got None"),
        (
            [{"type": "section", "value": [1]}],
            "terms[0].extra_sections[0].value: must be an object for a 'section' block",
        ),
        ([section(), section(heading="")], "terms[0].extra_sections[1].heading: This field is required."),
        (
            [section(heading="x" * 121)],
            "terms[0].extra_sections[0].heading: Ensure this value has at most 120 characters (it has 121).",
        ),
        (
            [{"type": "callout", "value": {"level": "mild", "heading": "Call", "body": "<p>Now</p>"}}],
            "terms[0].extra_sections[0].level: Select a valid choice. mild is not one of the available choices.",
        ),
        ([{**section(), "colour": "red"}], "terms[0].extra_sections[0]: unknown field(s) colour"),
    ],
)
def test_streamfield_blocks_are_checked_with_their_place(tmp_path, glossary, sections, expected):
    document = synthetic_document(1)
    document["terms"][0]["extra_sections"] = sections
    message, stderr = run_import(tmp_path, document)
    assert message.endswith("Nothing was imported.")
    assert expected in stderr
    assert not TermPage.objects.exists() and not MedicalDisclaimer.objects.exists()


def test_article_body_blocks_are_checked_down_to_list_items(tmp_path, glossary, article_index):
    document = synthetic_document(1, articles=1)
    document["articles"][0]["body"] = [
        {"type": "key_points", "value": {"heading": "Key points", "points": ["Rest", "x" * 301]}}
    ]
    _, stderr = run_import(tmp_path, document)
    assert "articles[0].body[0].points[1]: Ensure this value has at most 300 characters (it has 301)." in stderr

    document["articles"][0]["body"] = [{"type": "key_points", "value": {"heading": "Key points", "points": 5}}]
    _, stderr = run_import(tmp_path, document)
    assert "articles[0].body[0].value: is not valid data for a 'key_points' block" in stderr
    assert not ArticlePage.objects.exists()


def test_tags_are_checked_for_length_and_repeats_that_differ_only_in_case(tmp_path, glossary):
    document = synthetic_document(1)
    document["terms"][0]["tags"] = ["Cancer", "cancer", "x" * 101, " "]
    _, stderr = run_import(tmp_path, document)
    assert "terms[0].tags[1]: 'cancer' repeats 'Cancer': tags ignore case" in stderr
    assert "terms[0].tags[2]: must be at most 100 characters (it has 101)" in stderr
    assert "terms[0].tags[3]: must not be blank" in stderr
    assert not TermPage.objects.exists() and not Tag.objects.exists()


def test_tags_are_matched_to_existing_tags_ignoring_case(tmp_path, glossary, client):
    Tag.objects.create(name="Cancer")
    document = synthetic_document(2)
    document["terms"][0]["tags"] = ["cancer", "Sleep"]
    document["terms"][1]["tags"] = ["CANCER", "sleep"]
    message, _ = run_import(tmp_path, document)
    assert message.startswith("Imported 2 terms")
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["Cancer", "Sleep"]
    assert [sorted(tag.name for tag in term.tags.all()) for term in TermPage.objects.order_by("pk")] == [
        ["Cancer", "Sleep"],
        ["Cancer", "Sleep"],
    ]
