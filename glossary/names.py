"""How the glossary compares, files and addresses names, whoever wrote them and however they spelt them.

One place decides when two names are "the same" (search, duplicate checks, the A-Z's "see" entries):

- ``fold``: lower case, accents removed ("Waldenström" -> "waldenstrom"), hyphens and punctuation as
  spaces ("non-Hodgkin" -> "non hodgkin"), possessives dropped ("Hodgkin's" -> "hodgkin") and British
  spellings in their American form ("oesophagus" -> "esophagus"), from breame's list of 1,700 pairs.
- ``name_key``: the folded words, each stemmed with the Snowball stemmer of the name's language, so
  inflections agree ("biopsies" and "biopsy" -> "biopsi"). Spanish names are folded without the British to
  American spellings and stemmed with the Spanish stemmer.
- ``initial_of`` and ``sort_name_of``: the A-Z letter a name files under and the key it is sorted by, in the
  alphabet of the page's language. English: accented Latin letters under their base letter, sorted by the
  name in lower case. Spanish: accents ignored ("ácido" under A), but Ñ is a letter of its own after N, so
  "ñame" comes after every word starting with "n" ("nuez") and "caña" after "cano".
  The key sorts right by comparing characters (byte order), never by the database's collation: PostgreSQL's
  ``sort_name`` columns use the "C" collation (``glossary/0008``), SQLite compares bytes.
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
ENGLISH, SPANISH = "en", "es"
LETTERS = [*string.ascii_uppercase, OTHER_INITIAL]
SPANISH_LETTERS = [*string.ascii_uppercase[:14], "Ñ", *string.ascii_uppercase[14:], OTHER_INITIAL]
ALPHABETS = {ENGLISH: LETTERS, SPANISH: SPANISH_LETTERS}
# In a Spanish sort key "ñ" is "n" followed by a character after every letter and digit ("~"), so it sorts
# after "n" followed by anything else ("nz") and before "o".
SPANISH_N_TILDE_KEY = "n~"
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


def alphabet_of(language_code):
    """The alphabet ("en" or "es") of a language code such as "en-gb" or "es"."""
    return SPANISH if (language_code or "").lower().split("-")[0] == SPANISH else ENGLISH


def letters_of(language=ENGLISH):
    """The A-Z headings of a language's alphabet, in order, then '#'."""
    return ALPHABETS[alphabet_of(language)]


def american(word):
    """The American spelling of a lower-case British word ("tumours" -> "tumors"), or the word itself."""
    return BRITISH_ENGLISH_SPELLINGS.get(word, word)


def fold(text, language=ENGLISH):
    """The words of ``text`` as compared: lower case, no accents or punctuation; English words in their
    American spelling."""
    text = APOSTROPHES.sub("", strip_accents(text).casefold())
    words = NOT_WORD.sub(" ", text).split()
    return " ".join(words if alphabet_of(language) == SPANISH else map(american, words))


STEMMERS = {ENGLISH: "english", SPANISH: "spanish"}


@functools.cache
def _stemmer(language):
    return snowballstemmer.stemmer(STEMMERS[language])


@functools.lru_cache(maxsize=100_000)
def stem(word, language=ENGLISH):
    """One word's Snowball stem in the language's stemmer, remembered: a dictionary's names share most of
    their words."""
    return _stemmer(alphabet_of(language)).stemWord(word)


def stem_words(words, language=ENGLISH):
    return [stem(word, language) for word in words]


def name_key(text, language=ENGLISH):
    """The folded, stemmed words of ``text``: equal for "Bone marrow transplants" and "bone-marrow transplant"
    (in Spanish, for "tratamientos" and "tratamiento")."""
    return " ".join(stem_words(fold(text, language).split(), language))[:NAME_KEY_MAX_LENGTH]


def initial_of(name, language=ENGLISH):
    """The A-Z heading a name files under: its first letter without accents (in Spanish, Ñ stays Ñ), or
    '#' for anything else."""
    first = unicodedata.normalize("NFC", name.strip()[:1]).upper()
    if first == "Ñ" and alphabet_of(language) == SPANISH:
        return first
    first = strip_accents(first)[:1]
    return first if first and first in string.ascii_uppercase else OTHER_INITIAL


def sort_name_of(name, language=ENGLISH):
    """The key the A-Z sorts a name by, compared character by character: the name in lower case; in
    Spanish also without accents, and with "ñ" after every other "n" (see the module docstring)."""
    lower = name.lower()
    if alphabet_of(language) == SPANISH:
        lower = "".join(
            SPANISH_N_TILDE_KEY if char == "ñ" else strip_accents(char)
            for char in unicodedata.normalize("NFC", lower)
        )
    return lower[:NAME_KEY_MAX_LENGTH]


def parse_letter(raw, language=ENGLISH):
    """The A-Z letter (upper case) or '#' a visitor asked for, or '' when they asked for neither."""
    letter = unicodedata.normalize("NFC", raw.strip()).upper()
    return letter if letter in letters_of(language) else ""


def name_slug(name):
    """A web address for ``name`` that keeps every word and number apart: "phase I/II" -> "phase-i-ii"."""
    ascii_name = anyascii(name.translate(MICRO)).lower()
    return NOT_WORD.sub("-", ascii_name).strip("-")
