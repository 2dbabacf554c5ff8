"""Whether a glossary name may become a link on its own, and why: precision before recall.

A wrong definition shown to a patient is a clinical-safety defect, so a name links automatically only
where it can only mean the term. Each term title and other name stores its setting; when an editor or an
importer leaves it empty, it is computed from the name:

- a short abbreviation (three letters or digits at most: "ER", "CUP", "WHO") is never linked;
- a single word that is common in everyday use ("will", "growth", "grade"), by wordfreq's Zipf
  frequency in the term's language (English, or Spanish for Spanish terms: "dolor", "grado"), is never
  linked;
- a term whose definition gives its sense in a specialist field other than medicine ("In biology, refers to
  a cell that is not dividing"), and whose title is a single word in general use ("resting", "activate",
  "denial"), is never linked: in patients' text the word nearly always has its everyday sense;
- a name with capitals after its first letter ("mTOR", "HER2", "CT scan", "TUNA") links only when written
  with exactly those capitals;
- anything else links whatever its case.

Editors can switch any name on or off; the "Names not auto-linked" report lists the ones that are off.
"""

import re
from dataclasses import dataclass

from django.db import models
from wordfreq import zipf_frequency

from glossary.names import SPANISH, alphabet_of

# Zipf 4 is once per 10,000 words ("fever", "dose"); everyday words sit above it ("cup" 5.1, "grade" 4.8),
# specialist terms below it ("tumor" 3.97, "biopsy" 3.3, "oncologist" 2.8).
COMMON_WORD_MIN_ZIPF = 4.0
SHORT_ABBREVIATION_MAX_CHARACTERS = 3
# A definition opening "In biology, ..." gives the word's sense in one field. Fields patients' texts mean
# keep the name linkable ("In medicine, discharge is ..."); a word in general use (Zipf 3, once per
# million words) with another field's sense does not ("In biology, resting refers to a cell ...").
SPECIALIST_SENSE = re.compile(r"\s*In (?P<field>[a-z][a-z ]{2,40}?),", re.IGNORECASE)
PATIENT_FIELDS = ("medicine", "cancer", "anatomy", "body")
GENERAL_USE_MIN_ZIPF = 3.0


class AutolinkSetting(models.TextChoices):
    AUTOMATIC = "auto", "Link automatically, whatever the case"
    EXACT_CASE = "exact", "Link only when the capitals match exactly"
    NEVER = "never", "Never link automatically"


AUTOLINK_FIELD_HELP = (
    "Whether mentions of this name in other pages link to the term. Leave empty to decide from the name: "
    "short abbreviations and everyday words are never linked, names with capitals inside link only with "
    "exact capitals."
)


def autolink_field():
    """The per-name setting on term titles and other names; empty means "decide from the name" on save."""
    return models.CharField(
        "Auto-link", max_length=5, blank=True, choices=AutolinkSetting.choices, help_text=AUTOLINK_FIELD_HELP
    )


@dataclass(frozen=True)
class Default:
    setting: str
    reason: str


def characters_in(name):
    """The letters and digits of a name: "HER2" has four, "5-FU" three."""
    return [char for char in name if char.isalnum()]


def has_inner_capitals(name):
    return any(char.isupper() for char in name[1:])


def single_word_frequency(name, language="en"):
    """The Zipf frequency of a one-word name in general English (or Spanish), or 0 for a phrase or
    hyphenated name."""
    if len(name.split()) != 1 or "-" in name:
        return 0
    return zipf_frequency(name, alphabet_of(language))


def is_everyday_word(name, language="en"):
    """A single word common in general text of its language: it would mostly be used in its everyday sense."""
    return single_word_frequency(name, language) >= COMMON_WORD_MIN_ZIPF


def specialist_field(name, definition):
    """The field a definition gives a general word's sense in ("biology" for "resting"), or ""."""
    match = SPECIALIST_SENSE.match(definition)
    if not match or single_word_frequency(name) < GENERAL_USE_MIN_ZIPF:
        return ""
    field = match["field"].lower()
    return "" if any(patient_field in field for patient_field in PATIENT_FIELDS) else field


def default_for(name, definition="", language="en"):
    """The setting a new name gets, with the reason an editor is shown; a term title passes the term's
    definition, and a Spanish term's names their language ("es")."""
    name = " ".join(name.split())
    if len(characters_in(name)) <= SHORT_ABBREVIATION_MAX_CHARACTERS:
        return Default(AutolinkSetting.NEVER, "Short abbreviation: it can stand for many things.")
    if is_everyday_word(name, language):
        tongue = "Spanish" if alphabet_of(language) == SPANISH else "English"
        return Default(AutolinkSetting.NEVER, f"Everyday {tongue} word: it often has its everyday meaning.")
    if field := specialist_field(name, definition):
        return Default(
            AutolinkSetting.NEVER,
            f"Common word defined in its {field} sense: in everyday text it means something else.",
        )
    if has_inner_capitals(name):
        return Default(AutolinkSetting.EXACT_CASE, "Has capitals inside: in other capitals it is another word.")
    return Default(AutolinkSetting.AUTOMATIC, "Specific name.")
