"""How the glossary compares, files and addresses names, whoever wrote them and however they spelt them.

One place decides when two names are "the same" (search, duplicate checks, the A-Z's "see" entries):

- ``fold``: lower case, accents removed ("Waldenström" -> "waldenstrom"), hyphens and punctuation as
  spaces ("non-Hodgkin" -> "non hodgkin"), possessives dropped ("Hodgkin's" -> "hodgkin") and British
  spellings in their American form ("oesophagus" -> "esophagus"), from breame's list of 1,700 pairs.
- ``name_key``: the folded words, each stemmed with the Snowball English stemmer, so inflections agree
  ("biopsies" and "biopsy" -> "biopsi").
- ``initial_of``: the A-Z letter a name files under; accented Latin letters under their base letter.
- ``name_slug``: a lossless web address: every run of other characters becomes a hyphen ("phase I/II"
  -> "phase-i-ii"), other scripts are transliterated ("Гепатит" -> "gepatit").
"""

import functools
import re
import string
import unicodedata

import snowballstemmer
from anyascii import anyascii
from breame.spelling import BRITISH_ENGLISH_SPELLINGS

OTHER_INITIAL = "#"
LETTERS = [*string.ascii_uppercase, OTHER_INITIAL]
NAME_KEY_MAX_LENGTH = 255
# C0 and C1 control characters other than tab, line feed and carriage return: never part of a name or
# of text a reader sees (NUL cannot even be stored in PostgreSQL).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

APOSTROPHES = re.compile(r"['’ʼ`´]s\b|['’ʼ`´]")
NOT_WORD = re.compile(r"[\W_]+")
# The ASCII stand-in for the micro sign is "u" (as in "ug/mL"); transliterators turn it into "m", which
# would make microlitres read as millilitres.
MICRO = str.maketrans({"µ": "u", "μ": "u"})


def strip_accents(text):
    """``text`` without combining marks: "Guillain-Barré" -> "Guillain-Barre", "ñ" -> "n"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def american(word):
    """The American spelling of a lower-case British word ("tumours" -> "tumors"), or the word itself."""
    return BRITISH_ENGLISH_SPELLINGS.get(word, word)


def fold(text):
    """The words of ``text`` as compared: lower case, no accents or punctuation, American spelling."""
    text = APOSTROPHES.sub("", strip_accents(text).casefold())
    return " ".join(american(word) for word in NOT_WORD.sub(" ", text).split())


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=100_000)
def stem(word):
    """One word's Snowball stem, remembered: a dictionary's names share most of their words."""
    return _stemmer().stemWord(word)


def stem_words(words):
    return [stem(word) for word in words]


def name_key(text):
    """The folded, stemmed words of ``text``: equal for "Bone marrow transplants" and "bone-marrow transplant"."""
    return " ".join(stem_words(fold(text).split()))[:NAME_KEY_MAX_LENGTH]


def initial_of(name):
    """The A-Z heading a name files under: its first letter without accents, or '#' for anything else."""
    first = strip_accents(name.strip()[:1]).upper()[:1]
    return first if first and first in string.ascii_uppercase else OTHER_INITIAL


def parse_letter(raw):
    """The A-Z letter (upper case) or '#' a visitor asked for, or '' when they asked for neither."""
    letter = raw.strip().upper()
    return letter if letter in LETTERS else ""


def name_slug(name):
    """A web address for ``name`` that keeps every word and number apart: "phase I/II" -> "phase-i-ii"."""
    ascii_name = anyascii(name.translate(MICRO)).lower()
    return NOT_WORD.sub("-", ascii_name).strip("-")
