"""Lookups over the glossary's vocabulary: the titles and other names of the terms readers may see.

Each name row keeps its folded form (``name_fold``) and stemmed key (``name_key``) in indexed columns
(see ``glossary.models.FiledName``), so every lookup here is an index lookup or an index range: equal
keys, keys starting with the query (``key >= q AND key < q + '\\uffff'``, which SQLite and PostgreSQL
answer from the index, unlike ``LIKE``), and names sharing the query's first letter for spelling
suggestions. Titles and other names are read in one query, as :class:`Name` rows: only those of terms in
the locale searched (a Spanish search never finds an English term).
"""

from dataclasses import dataclass

from django.db.models import BooleanField, F, Q, Value
from django.db.models.functions import Length

from glossary.models import TermPage, TermSynonym
from health_content.visibility import visible

AFTER_EVERY_CHARACTER = "\uffff"
COLUMNS = ("term_id", "name", "fold", "key", "is_title")


@dataclass(frozen=True)
class Name:
    """A title (``is_title``) or other name of the live term ``term_id``."""

    term_id: int
    name: str
    fold: str
    key: str
    is_title: bool


def starts_with(field, prefix):
    """``field`` starts with ``prefix``, as an index range rather than ``LIKE``."""
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix + AFTER_EVERY_CHARACTER})


def names(locale_id, condition, *, extra=None, limit=None):
    """Titles and other names of visible terms of locale ``locale_id`` whose columns (``name_fold``,
    ``name_key``) meet ``condition``; ``extra`` filters both further (for example by ``fold_length``).
    Unordered, or with a ``limit``, the shortest ``limit`` names."""
    titles = visible(TermPage.objects.filter(condition, locale_id=locale_id)).annotate(
        term_id=F("pk"),
        name=F("title"),
        fold=F("name_fold"),
        key=F("name_key"),
        is_title=Value(True, output_field=BooleanField()),
        fold_length=Length("name_fold"),
    )
    others = visible(TermSynonym.objects.filter(condition, page__locale_id=locale_id), prefix="page__").annotate(
        term_id=F("page_id"),
        fold=F("name_fold"),
        key=F("name_key"),
        is_title=Value(False, output_field=BooleanField()),
        fold_length=Length("name_fold"),
    )
    if extra is not None:
        titles, others = titles.filter(extra), others.filter(extra)
    columns = (*COLUMNS, "fold_length")
    rows = titles.order_by().values_list(*columns).union(others.order_by().values_list(*columns), all=True)
    if limit is not None:
        rows = rows.order_by("fold_length", "fold")[:limit]
    return [Name(*row[: len(COLUMNS)]) for row in rows]


def with_keys(locale_id, keys):
    """Names whose stemmed key is one of ``keys``: "Biopsies" for "biopsy"."""
    return names(locale_id, Q(name_key__in=keys)) if keys else []


def starting_with(locale_id, words, key, limit=None):
    """Names that start with the folded ``words`` ("palliat" finds "Palliative care"), or whose key
    starts with the whole words of ``key`` ("lymph nodes" finds "Lymph node biopsy"). The caller
    checks the prefix again, as the range is only as exact as the database's collation."""
    found = names(locale_id, starts_with("name_fold", words) | starts_with("name_key", f"{key} "), limit=limit)
    return [name for name in found if name.fold.startswith(words) or name.key.startswith(f"{key} ")]


def containing_word(locale_id, words, limit=None):
    """Names with a word that starts with the folded ``words`` ("resp" finds "Complete response").
    Not an index lookup: used only to fill up suggestions."""
    return names(locale_id, Q(name_fold__contains=f" {words}"), limit=limit)


def spelling_candidates(locale_id, words, spread):
    """Names that could be ``words`` misspelt: the same first letter (an index range) and a length
    within ``spread`` characters."""
    length = len(words)
    return names(
        locale_id,
        starts_with("name_fold", words[:1]),
        extra=Q(fold_length__gte=length - spread, fold_length__lte=length + spread),
    )
