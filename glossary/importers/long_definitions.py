"""A definition too long for the page's limit, kept whole elsewhere and shortened to sentences that fit.

Dictionaries often define a term in a paragraph. Cutting it mid-sentence would change what it says, and
refusing it would lose the entry, so the importer keeps the full text in "What is …?" and the definition
gets its leading sentences that fit. Only when even the first sentence is too long is it cut, at a word,
with an ellipsis. The term is then marked for an editor to rewrite ("Definitions to shorten" report).
"""

import re

ELLIPSIS = "…"
# A sentence ends at ., ! or ? (perhaps before a closing quote or bracket) followed by a space and a
# capital, digit or opening quote: not inside "e.g. a", "E. coli" or "2.5 mg".
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
# Abbreviations after which a full stop and a capital do not end the sentence: "St. John's wort",
# "Dr. Smith", and single capitals such as the "H." of "H. Pylori".
NOT_AN_END = re.compile(r"(?:\b(?:St|Dr|Mr|Mrs|Ms|Prof|vs|No|Fig|approx)|\b[A-Z])\.$")


def sentences(text):
    """The sentences of ``text``, each with its closing punctuation."""
    found, start = [], 0
    for match in SENTENCE_BREAK.finditer(text):
        if NOT_AN_END.search(text[start : match.start()]):
            continue
        found.append(text[start : match.start()].strip())
        start = match.end()
    found.append(text[start:].strip())
    return [sentence for sentence in found if sentence]


def shorten(text, limit):
    """``text`` if it fits in ``limit`` characters; else its leading sentences that fit, or (when the first
    sentence alone is too long) its first words that fit, followed by an ellipsis."""
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in sentences(text):
        longer = f"{kept} {sentence}" if kept else sentence
        if len(longer) > limit:
            break
        kept = longer
    if kept:
        return kept
    cut = text[: limit - len(ELLIPSIS) + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS
