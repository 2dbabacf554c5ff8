"""Finding glossary names in page text and linking the first mention of each term.

The matcher is a dictionary from a name's first word (lower case) to the names starting with it, longest
first. Text is split into words once; at each word only the few names starting with it are compared, so
matching costs about the same with 20 names or 20,000, and building or loading the matcher is a dictionary
fill, not the compilation of a huge regular expression. It round-trips through JSON (``payload`` and
``from_payload``) so it can be built once per glossary version and loaded by every process
(``glossary.linking.store``).

What matches (``glossary.linking.policy`` decides each name's setting):

- a name set to ``auto`` in any case, ``exact`` only with exactly its written capitals (a name whose first
  word is in lower case, "non-Hodgkin lymphoma", may also start a sentence with a capital); ``never``
  names are not in the matcher at all;
- the name, or the regular plural of the whole name ("tumours", "lymph nodes", "biopsies"), nothing else;
  in Spanish the regular plural of a one-word name only ("biopsias", "tumores", "remisiones"), since a
  Spanish phrase makes its plural inside ("ganglios linfáticos");
- accents as written: "remision" does not link "Remisión" (in Spanish an accent can make another word:
  "médico", "medico"), but case does not matter;
- whole words only, not glued to a neighbour by a hyphen ("Hodgkin lymphoma" is not found inside
  "non-Hodgkin lymphoma");
- spaces, line breaks and hyphens between the words of a name are interchangeable ("non Hodgkin").
"""

import html
import re
from dataclasses import dataclass

from django.utils.html import escape

from glossary.names import ENGLISH, SPANISH, alphabet_of

# Text inside these elements is never linked: links cannot nest, headings stay plain, code stays exact.
SKIPPED_ELEMENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button"})
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")

WORD = re.compile(r"[^\W_]+")
HYPHENS = "‐‑–-"
SPACING = re.compile(rf"[\s{re.escape(HYPHENS)}]+")
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


@dataclass(frozen=True, slots=True)
class Term:
    """What a link needs to know about a term: where it is and what it means."""

    id: int
    title: str
    url: str
    definition: str


def spaced(text):
    """``text`` as names are compared: each run of spaces, line breaks or hyphens as one space."""
    return SPACING.sub(" ", text.translate(APOSTROPHES)).strip()


SPANISH_VOWEL_ENDINGS = tuple("aeiouáéó")
SPANISH_ES_ENDINGS = tuple("lrndj")
ACCENTED_VOWELS = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u"}
WITH_ACCENT = {plain: accented for accented, plain in ACCENTED_VOWELS.items()}


def regular_plural(phrase, language=ENGLISH):
    """The regular plural of a whole name, or None when it has none to match."""
    if alphabet_of(language) == SPANISH:
        return spanish_plural(phrase)
    return english_plural(phrase)


def english_plural(phrase):
    """The regular English plural of a whole name ("tumour" -> "tumours", "biopsy" -> "biopsies",
    "lymph node" -> "lymph nodes"), or None for a name that does not end in a letter ("HER2")."""
    if not phrase[-1:].isalpha():
        return None
    lower = phrase.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return f"{phrase}es"
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return f"{phrase[:-1]}ies"
    return f"{phrase}s"


def spanish_plural(word):
    """The regular Spanish plural of a one-word name ("biopsia" -> "biopsias", "tumor" -> "tumores",
    "remisión" -> "remisiones", "cáncer" -> "cánceres", "luz" -> "luces"), or None: for a phrase, and for
    a word whose plural is not regular enough to be sure of ("análisis", "bisturí")."""
    lower = word.lower()
    if " " in word or not lower[-1:].isalpha():
        return None
    if lower.endswith("z"):
        return f"{word[:-1]}ces"
    if lower.endswith(SPANISH_VOWEL_ENDINGS):
        return f"{word}s"
    if lower.endswith(SPANISH_ES_ENDINGS):
        # An accent on the last syllable goes in the plural ("remisión" -> "remisiones").
        if lower.endswith("n") and lower[-2:-1] in ACCENTED_VOWELS:
            return f"{word[:-2]}{ACCENTED_VOWELS[lower[-2]]}nes"
        return f"{word}es"
    return None


def singulars(word, language=ENGLISH):
    """The words whose regular plural ``word`` could be (checked exactly against each name later)."""
    forms = []
    if alphabet_of(language) == SPANISH:
        if word.endswith("nes") and word[-4:-3] in WITH_ACCENT:
            forms.append(f"{word[:-4]}{WITH_ACCENT[word[-4]]}n")
        if word.endswith("ces"):
            forms.append(f"{word[:-3]}z")
    if word.endswith("ies"):
        forms.append(f"{word[:-3]}y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


FIELD = "\x1f"
RECORD = "\x1e"


def written_forms(phrase, words, exact):
    """How a name may be written to match: any case (compared folded), or its exact capitals; a name
    whose first word is in lower case ("non-Hodgkin lymphoma") may also start a sentence with a capital."""
    if not words:
        return []
    if not exact:
        return [phrase.casefold()]
    if words[0].islower():
        return [phrase, phrase[0].upper() + phrase[1:]]
    return [phrase]


class Matcher:
    """Every linkable name, indexed by its first word, and the terms the names stand for.

    It is kept compact, because every worker holds one: each term is one string (title, address and
    definition) and each first word maps to one string listing the names that start with it, longest
    first, as ``words, exact, term, name`` records. ``Term`` objects are made only for the terms a page
    links.
    """

    def __init__(self, ids, records, index, language=ENGLISH):
        self.ids = ids
        self.records = records
        self.index = index
        self.language = alphabet_of(language)

    @classmethod
    def build(cls, terms, names, language=ENGLISH):
        """The matcher for a list of Term and (name, exact, index into ``terms``) in order of priority:
        when two terms share a name, the first one keeps it. ``language`` is the terms' language: it says
        what a regular plural is."""
        found, seen = {}, set()
        for name, exact, term_index in names:
            phrase = spaced(name)
            words = WORD.findall(phrase)
            for compared in written_forms(phrase, words, exact):
                if (compared, exact) not in seen:
                    seen.add((compared, exact))
                    found.setdefault(words[0].casefold(), []).append((len(words), exact, term_index, compared))
        index = {}
        for first, candidates in found.items():
            # Longest first; at the same length a name that asks for exact capitals is tried first.
            candidates.sort(key=lambda candidate: (-candidate[0], not candidate[1]))
            index[first] = RECORD.join(
                FIELD.join((str(length), "1" if exact else "", str(term_index), compared))
                for length, exact, term_index, compared in candidates
            )
        records = [FIELD.join((term.title, term.url, term.definition)) for term in terms]
        return cls([term.id for term in terms], records, index, language)

    @classmethod
    def from_payload(cls, payload):
        return cls(payload["ids"], payload["records"], payload["index"], payload["language"])

    def payload(self):
        """The matcher as a JSON-ready dictionary (a snapshot holds one per locale)."""
        return {"ids": self.ids, "records": self.records, "index": self.index, "language": self.language}

    def __len__(self):
        return len(self.ids)

    def links_alike(self, other):
        """Whether both matchers link the same words to the same addresses (pop-up text aside)."""
        mine, theirs = (self.ids, self.index, self.language), (other.ids, other.index, other.language)
        return mine == theirs and self.addresses() == other.addresses()

    def addresses(self):
        return [record.split(FIELD)[1] for record in self.records]

    def term(self, term_index):
        return Term(self.ids[term_index], *self.records[term_index].split(FIELD))

    def candidates(self, word):
        """(words, exact, term index, name) of the names that may start at ``word``: those starting with
        it, then the one-word names it may be the plural of."""
        folded = word.casefold()
        found = [(self.index.get(folded), False)]
        found += [(self.index.get(singular), True) for singular in singulars(folded, self.language)]
        for records, plural_only in found:
            for record in records.split(RECORD) if records else ():
                length, exact, term_index, compared = record.split(FIELD, 3)
                if not plural_only or length == "1":
                    yield int(length), bool(exact), int(term_index), compared

    def find(self, text):
        """Each (start, end, Term) of a name in plain ``text``, left to right, longest name first."""
        words = [(match.start(), match.end()) for match in WORD.finditer(text)]
        position = 0
        while position < len(words):
            start = words[position][0]
            for length, exact, term_index, compared in self.candidates(text[start : words[position][1]]):
                last = position + length - 1
                if last >= len(words):
                    continue
                end = words[last][1]
                written = spaced(text[start:end])
                if not exact:
                    written = written.casefold()
                plural = regular_plural(compared, self.language)
                if written in (compared, plural) and stands_alone(text, start, end):
                    yield start, end, self.term(term_index)
                    position = last
                    break
            position += 1


def stands_alone(text, start, end):
    """Whether ``text[start:end]`` is a whole word or phrase, not part of a hyphenated compound."""
    glued_before = start >= 2 and text[start - 1] in HYPHENS and text[start - 2].isalnum()
    glued_after = end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].isalnum()
    return not (glued_before or glued_after)


class AutoLinker:
    """Links terms in the HTML of one page, remembering across sections which terms are linked already."""

    def __init__(self, matcher, skip_term_ids=()):
        self.matcher = matcher
        self.linked = set(skip_term_ids)

    def link_html(self, markup):
        if not self.matcher:
            return markup
        parts = TAG.split(markup)
        open_skipped = []
        for index, part in enumerate(parts):
            if index % 2:
                self._track(part, open_skipped)
            elif part and not open_skipped:
                parts[index] = self._link_text(part)
        return "".join(parts)

    @staticmethod
    def _track(tag, open_skipped):
        name = TAG_NAME.match(tag)
        if not name or name.group(1).lower() not in SKIPPED_ELEMENTS or tag.endswith("/>"):
            return
        if tag.startswith("</"):
            if open_skipped:
                open_skipped.pop()
        else:
            open_skipped.append(name.group(1).lower())

    def _link_text(self, text):
        plain = html.unescape(text)
        pieces, position = [], 0
        for start, end, term in self.matcher.find(plain):
            if term.id in self.linked:
                continue
            self.linked.add(term.id)
            pieces += [escape(plain[position:start]), link(plain[start:end], term)]
            position = end
        if not pieces:
            return text
        return "".join(pieces) + escape(plain[position:])


def link(words, term):
    """The link for ``words`` naming ``term``, with its definition as a tooltip."""
    tip_id = f"glossary-tip-{term.id}"
    return (
        f'<a class="glossary-link" href="{escape(term.url)}" aria-describedby="{tip_id}">{escape(words)}</a>'
        f'<span class="glossary-tip" id="{tip_id}" role="tooltip" hidden>'
        f"<strong>{escape(term.title)}:</strong> {escape(term.definition)}</span>"
    )
