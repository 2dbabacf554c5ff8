"""Names are compared, filed and addressed the same way everywhere: case, accents, spelling, inflection."""

import pytest

from glossary.names import fold, initial_of, name_key, name_slug, parse_letter


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Waldenström macroglobulinemia", "waldenstrom macroglobulinemia"),
        ("Guillain-Barré syndrome", "guillain barre syndrome"),
        ("non-Hodgkin lymphoma", "non hodgkin lymphoma"),
        ("Hodgkin's lymphoma", "hodgkin lymphoma"),
        ("Oesophagus", "esophagus"),
        ("Leukaemia", "leukemia"),
        ("Tumours", "tumors"),
        ("  mTOR   inhibitor ", "mtor inhibitor"),
    ],
)
def test_fold_ignores_case_accents_punctuation_and_british_spelling(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Biopsies", "biopsy"),
        ("bone marrow transplants", "Bone-marrow transplant"),
        ("Paediatric tumours", "pediatric tumor"),
        ("hodgkins lymphoma", "Hodgkin lymphoma"),
    ],
)
def test_name_key_makes_inflections_and_spellings_agree(one, other):
    assert name_key(one) == name_key(other)


def test_name_key_keeps_different_names_apart():
    assert name_key("phase I/II clinical trial") != name_key("phase III clinical trial")
    assert name_key("Hodgkin lymphoma") != name_key("non-Hodgkin lymphoma")


@pytest.mark.parametrize(
    ("name", "initial"),
    [("ácido fólico", "A"), ("Ökotrophologie", "O"), ("remission", "R"), ("5-FU", "#"), ("μL", "#"), ("", "#")],
)
def test_accented_latin_initials_file_under_their_base_letter(name, initial):
    assert initial_of(name) == initial


@pytest.mark.parametrize(
    ("raw", "letter"), [("a", "A"), (" z ", "Z"), ("#", "#"), ("ab", ""), ("é", ""), ("", "")]
)
def test_parse_letter_accepts_one_letter_or_hash(raw, letter):
    assert parse_letter(raw) == letter


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("phase I/II clinical trial", "phase-i-ii-clinical-trial"),
        ("phase III clinical trial", "phase-iii-clinical-trial"),
        ("μL", "ul"),
        ("L", "l"),
        ("Гепатит", "gepatit"),
        ("ácido fólico", "acido-folico"),
    ],
)
def test_slugs_keep_every_word_and_read_in_latin_letters(name, slug):
    assert name_slug(name) == slug
