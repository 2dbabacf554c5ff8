"""Which glossary terms a query means, best first, and how sure the search is.

Names (titles and other names) are compared in tiers, and a term is listed once, at its best tier:

1. ``EXACT``: a name with the query's stemmed key ("Biopsy" for "biopsies", "non-Hodgkin lymphoma" for
   "non hodgkins lymphoma"). The query as typed comes before the query without its question wording,
   the same folded words before a mere stem match, a title before an other name, a shorter name first.
   Only other forms of the same words count ("relapsed", "relapse"): a word derived from the same stem
   ("palliation" for "palliative") comes after the next tier, as ``RELATED``.
2. ``STARTS``: a name that starts with the query ("Palliative care" for "palliative"), titles first,
   then shorter names.
3. ``RELATED``: the derived words of tier 1.
4. ``INSIDE`` (suggestions only): a name with a later word starting with the query.
5. ``SPELLING``: only when none of these found anything, the same letters spaced differently ("xray"),
   or a name within a small edit distance (optimal string alignment, so a swapped pair of letters
   counts once) of the query: one edit from 5 letters, two from 9. Shorter queries are not corrected:
   too many short words are one letter apart. Among equally near names, the one sharing more letters
   in order (rapidfuzz's ratio) wins: "remision" is one edit from both "remission" and "revision", but
   "remission" only adds a letter. Only the nearest names are offered: a correction is one guess.

Full text (definitions and sections) is the search page's business (``search.fulltext``).
"""

from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from search import vocabulary

EXACT, STARTS, RELATED, INSIDE, SPELLING = "exact", "starts", "related", "inside", "spelling"
# Endings that make another form of the same word ("biopsy" -> "biopsies", "relapse" -> "relapsed").
INFLECTION_ENDINGS = {"", "s", "es", "ies", "d", "ed", "ied", "ing"}
NAMES_READ_PER_RESULT = 4
SPELLING_MIN_LENGTH = 5
SPELLING_TWO_EDITS_LENGTH = 9


@dataclass(frozen=True)
class TermMatch:
    """The best name of term ``term_id`` for a query, and the tier it matched in."""

    term_id: int
    name: str
    is_title: bool
    tier: str


def allowed_edits(words):
    if len(words) < SPELLING_MIN_LENGTH:
        return 0
    return 1 if len(words) < SPELLING_TWO_EDITS_LENGTH else 2


def inflected_word(one, other):
    """Whether two folded words are forms of one word: equal, or one is the other with an inflection
    ending (a final "y" or "e" may give way, a final consonant may double: "stop" -> "stopped")."""
    short, long = sorted((one, other), key=len)
    bases = {short, short[:-1] if short[-1:] in ("y", "e") else short, short + short[-1:]}
    return any(long.startswith(base) and long[len(base) :] in INFLECTION_ENDINGS for base in bases)


def inflected(one, other):
    """Whether two folded names differ only in their words' inflections ("white blood cells" and
    "white blood cell"), not in derivation, which shares a stem too ("palliative", "palliation")."""
    one, other = one.split(), other.split()
    return len(one) == len(other) and all(map(inflected_word, one, other))


def names_with_the_key(query):
    """Names whose stemmed key is the query's, in two lists: other forms of the same words (``EXACT``),
    and words derived from the same stem (``RELATED``)."""

    def order(name):
        return (
            name.key != query.typed_key,
            name.fold != query.words,
            not name.is_title,
            len(name.fold),
            name.fold,
        )

    names = sorted(vocabulary.with_keys(query.locale_id, query.keys), key=order)
    same = [
        name for name in names if inflected(name.fold, query.words) or name.key == query.typed_key != query.key
    ]
    return same, [name for name in names if name not in same]


def names_starting_with(query, limit=None):
    """Names that start with the query's words, then those whose key starts with its key; names with
    the query's whole key are not among them (they are ``EXACT`` or ``RELATED``)."""
    return sorted(
        (
            name
            for name in vocabulary.starting_with(query.locale_id, query.words, query.key, limit)
            if name.key not in query.keys
        ),
        key=lambda name: (not name.fold.startswith(query.words), not name.is_title, len(name.fold), name.fold),
    )


def names_spelt_like(query):
    """Names a small edit distance from the query, or the same letters spaced differently ("xray" for
    "X-ray"), nearest first (see the module docstring)."""
    edits = allowed_edits(query.words)
    compact = query.words.replace(" ", "")
    candidates = vocabulary.spelling_candidates(query.locale_id, query.words, edits + 1)
    near = {index: 0 for index, name in enumerate(candidates) if name.fold.replace(" ", "") == compact}
    for text, field in ((query.words, "fold"), (query.key, "key")):
        if not edits:
            break
        choices = [getattr(name, field) for name in candidates]
        for _, distance, index in process.extract(
            text, choices, scorer=OSA.distance, score_cutoff=edits, limit=None
        ):
            near[index] = min(distance, near.get(index, edits))

    def closeness(index):
        return (near[index], -fuzz.ratio(query.words, candidates[index].fold))

    best = min(map(closeness, near), default=None)
    nearest = [index for index in near if closeness(index) == best]
    return sorted(
        (candidates[index] for index in nearest), key=lambda name: (not name.is_title, len(name.fold), name.fold)
    )


def names_with_a_word_starting_with(query, limit=None):
    return sorted(
        vocabulary.containing_word(query.locale_id, query.words, limit),
        key=lambda name: (not name.is_title, len(name.fold), name.fold),
    )


def match_terms(query, *, limit=None, inside_names=False):
    """The terms whose names match ``query`` (a ``search.query.Query``), best first, as
    :class:`TermMatch` rows; at most ``limit`` of them.

    ``inside_names`` (for suggestions while typing) adds, after the names that start with the query,
    ``INSIDE``: names with a later word that starts with it ("resp" finds "Complete response"), read
    only when the first tiers leave room.
    """
    if not query:
        return []
    # With a limit, each tier reads the shortest names it may need: a few more than the limit, as an
    # other name and a title of one term both count once.
    read = None if limit is None else limit * NAMES_READ_PER_RESULT
    exact, related = names_with_the_key(query)
    tiers = [(EXACT, exact), (STARTS, names_starting_with(query, read)), (RELATED, related)]
    found = {name.term_id for _, names in tiers for name in names}
    if inside_names and (limit is None or len(found) < limit):
        tiers.append((INSIDE, names_with_a_word_starting_with(query, read)))
    if not any(names for _, names in tiers):
        tiers = [(SPELLING, names_spelt_like(query))]
    matches, seen = [], set()
    for tier, names in tiers:
        for name in names:
            if name.term_id not in seen:
                seen.add(name.term_id)
                matches.append(TermMatch(name.term_id, name.name, name.is_title, tier))
    return matches[:limit]
