"""What a visitor typed, turned into the forms the search compares: one place, so the search page, the
suggestions and the API's glossary lookups read a query the same way.

The words are folded and stemmed with the glossary's own rules (``glossary.names``: case, accents,
hyphens, possessives, UK/US spelling, inflections), in the language searched: the active language (the
address's), whose terms alone are searched (``Query.locale_id``). Question wording around a term ("what
is …", "what does … mean", "meaning of …", "define …", a leading "a", "an" or "the"; in Spanish "qué es …",
"qué significa …", "definición de …", a leading "el", "la", "un", "una" …) is set aside, so it never
outweighs the term itself.

``clean`` is also what the API's ``?search=`` and the glossary lookups' ``?q=`` go through first: control
characters and straight double quotes are dropped (neither means anything to these searches, and an
unbalanced quote breaks SQLite's full-text syntax), and spacing is tidied.
"""

import re
from dataclasses import dataclass

from django.utils import translation

from delivery.languages import locale_id_of
from glossary.names import CONTROL_CHARACTERS, ENGLISH, SPANISH, alphabet_of, fold, name_key

MAX_QUERY_LENGTH = 200
HAS_WORD_CHARACTER = re.compile(r"\w")
# Control characters and the straight double quote; tabs and newlines are spacing, tidied with the rest.
UNSEARCHABLE = re.compile(f'{CONTROL_CHARACTERS.pattern}|"')

# Matched against the folded query (lower case, no punctuation: "What's" reads "what", "mean?" reads "mean").
# Each pattern keeps the term in its "term" group; they are tried in order, and repeatedly, so
# "what is the meaning of a biopsy" comes down to "biopsy".
QUESTION_WORDING = {
    ENGLISH: [
        re.compile(r"^(?:what|whats|wat)(?: is| are| s)?(?: meant by)? (?P<term>.+)$"),
        re.compile(r"^(?:what )?(?:does|do|did) (?P<term>.+?) (?:mean|means|stand for)$"),
        re.compile(r"^(?:the )?(?:meaning|definition|definitions|explanation) of (?P<term>.+)$"),
        re.compile(r"^(?:define|explain|describe) (?P<term>.+)$"),
        re.compile(r"^(?P<term>.+?) (?:meaning|definition|defined|mean|means)$"),
        re.compile(r"^(?:a|an|the) (?P<term>.+)$"),
    ],
    # Folded, so without accents: "¿Qué es la remisión?" reads "que es la remision".
    SPANISH: [
        re.compile(r"^(?:que|q) (?:es|son|significa|significan|quiere decir) (?P<term>.+)$"),
        re.compile(r"^(?:el |la |los |las )?(?:significado|definicion|definiciones) de (?P<term>.+)$"),
        re.compile(r"^(?:definir|define|defina|explicar|explica|explique) (?P<term>.+)$"),
        re.compile(r"^(?P<term>.+?) (?:significado|definicion|que es|que significa)$"),
        re.compile(r"^(?:el|la|lo|los|las|un|una|unos|unas|del|de) (?P<term>.+)$"),
    ],
}


@dataclass(frozen=True)
class Query:
    """A visitor's query: ``typed`` as shown back to them, ``problem`` why it cannot be searched for
    ("too-long", "no-words" or ""), and the forms compared with names and text."""

    typed: str
    language: str = ENGLISH  # the alphabet of the language searched: "en" or "es"
    locale_id: int | None = None  # the Locale whose pages are searched
    problem: str = ""
    words: str = ""  # folded, question wording set aside: "what are tumours?" -> "tumors"
    key: str = ""  # ``words`` stemmed, as ``name_key`` stores names: "tumor"
    typed_key: str = ""  # the whole query stemmed, question wording and all

    def __bool__(self):
        return bool(self.words) and not self.problem

    @property
    def keys(self):
        """The stemmed forms an exact name match may equal: the term, and the query as typed."""
        return list(dict.fromkeys(key for key in (self.key, self.typed_key) if key))


def clean(raw):
    """The visitor's words with spacing tidied and what cannot be searched for dropped (see the module
    docstring), and the reason they cannot be searched for, if any."""
    typed = " ".join(UNSEARCHABLE.sub(" ", raw).split())
    if not typed:
        return typed, "no-words" if raw.strip() else ""
    if len(typed) > MAX_QUERY_LENGTH:
        return typed[:MAX_QUERY_LENGTH], "too-long"
    if not HAS_WORD_CHARACTER.search(typed):
        return typed, "no-words"
    return typed, ""


def without_question_wording(words, language=ENGLISH):
    """``words`` (folded) without the question around the term: "what does benign mean" -> "benign"."""
    changed = True
    while changed:
        changed = False
        for pattern in QUESTION_WORDING[language]:
            match = pattern.match(words)
            if match and match["term"].strip():
                words, changed = match["term"].strip(), True
    return words


def parse(raw, max_length=MAX_QUERY_LENGTH, language_code=None):
    """A :class:`Query` for what the visitor typed (``raw`` may be empty or absurd), in the language
    ``language_code`` ("en-gb", "es"; the active language when None)."""
    language_code = language_code or translation.get_language()
    searched = {"language": alphabet_of(language_code), "locale_id": locale_id_of(language_code)}
    typed, problem = clean(raw or "")
    if len(typed) > max_length:
        typed, problem = typed[:max_length], "too-long"
    if not typed or problem:
        return Query(typed=typed, problem=problem, **searched)
    language = searched["language"]
    folded = fold(typed, language)
    if not folded:
        return Query(typed=typed, problem="no-words", **searched)
    words = without_question_wording(folded, language)
    return Query(
        typed=typed, words=words, key=name_key(words, language), typed_key=name_key(folded, language), **searched
    )
