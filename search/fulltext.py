"""Full-text matches in Wagtail's search index, ranked by the database itself, within a time budget.

Wagtail's database backend ranks with a correlated subquery that repeats the match for every result
row: 0.3-3 s per query on SQLite at 9,400 terms. Here one statement per vendor reads the same index
(``wagtailsearch_indexentry`` and, on SQLite, its FTS5 table): SQLite's ``bm25()`` and PostgreSQL's
``ts_rank()`` order the matches, joined to the page rows so only live, public pages count.

Ranking costs about 12 microseconds per matching row on SQLite. A word found in more than
``RANK_LIMIT`` pages (such as "cancer" in a cancer dictionary) tells little about any one of them, so
for such a query only pages with the words in their title are listed: the pages that are *about* it.

Words are matched in the forms the visitor typed, folded (US spelling) and British; on SQLite, which does
not stem, also as the start of their stem when it has at least ``MIN_STEM_PREFIX`` letters ("relapsed"
finds "relapses" through "relaps*").

Only pages of the locale searched are listed. Spanish pages: on PostgreSQL, the index's plain text
(``title_text``, ``body_text``) is read with the "spanish" text search configuration, through the GIN
indexes ``glossary/0008`` made on exactly these expressions ("tratamientos" finds "tratamiento"); Wagtail's
English vectors are left as they are, so English results do not change. On SQLite, FTS5's tokenizer
already ignores accents ("cancer" finds "cáncer"), and words match as the start of their Spanish stem.
"""

from breame.spelling import AMERICAN_ENGLISH_SPELLINGS
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from glossary.names import ENGLISH, SPANISH, stem_words, strip_accents
from health_content.visibility import restricted_paths

RANK_LIMIT = 1000
TITLE_WEIGHT = 5.0
MIN_STEM_PREFIX = 4
# Each language's PostgreSQL configuration, and the vectors it is matched against: Wagtail's stored ones
# for English, the plain text read in Spanish for Spanish (the expressions of glossary/0008's indexes).
POSTGRES_CONFIG = {ENGLISH: "english", SPANISH: "spanish"}
SPANISH_VECTOR = "to_tsvector('spanish'::regconfig, COALESCE(e.{}_text, ''))"
POSTGRES_VECTORS = {
    ENGLISH: ("e.title", "e.body"),
    SPANISH: (SPANISH_VECTOR.format("title"), SPANISH_VECTOR.format("body")),
}


def word_forms(query):
    """For each word of the query, the forms a page may contain it in (typed, folded, British)."""
    typed = strip_accents(query.typed).casefold().split()
    words = query.words.split()
    spellings = AMERICAN_ENGLISH_SPELLINGS if query.language == ENGLISH else {}
    forms = []
    for index, word in enumerate(words):
        alternatives = {word, spellings.get(word, word)}
        if len(typed) == len(words) and typed[index].isalnum():
            alternatives.add(typed[index])
        forms.append(sorted(alternatives))
    return forms


def sqlite_match(query, title_only):
    """An FTS5 expression: every word, in any of its forms (or the start of its stem)."""
    groups = []
    for forms in word_forms(query):
        options = [f'"{form}"' for form in forms]
        stems = set(stem_words(forms, query.language))
        options += [f'"{stem}" *' for stem in sorted(stems) if len(stem) >= MIN_STEM_PREFIX]
        groups.append("(" + " OR ".join(options) + ")")
    expression = " AND ".join(groups)
    return f"title : ({expression})" if title_only else expression


def postgres_match(query):
    """A ``to_tsquery`` text: every word, in any of its forms; PostgreSQL stems them."""
    return " & ".join("(" + " | ".join(forms) + ")" for forms in word_forms(query))


class FullTextMatches:
    """Live, public pages of the ``pages`` queryset's model, in the query's locale, whose text matches
    ``query``, best first, leaving out the pages in ``exclude_ids``: at most ``RANK_LIMIT``, ranked in one
    statement the first time they are read. A slice reads its pages from ``pages`` (which may limit the
    columns)."""

    def __init__(self, pages, query, exclude_ids=()):
        self.pages = pages
        self.model = pages.model
        self.query = query
        self.exclude_ids = list(exclude_ids)
        self._ids = None

    def _match(self, title_only):
        """The FROM and WHERE clauses, their parameters and the ORDER BY expression."""
        entries, page = IndexEntry._meta.db_table, Page._meta.db_table
        if connection.vendor == "sqlite":
            fts = f"{entries}_fts"
            # CROSS JOIN keeps SQLite reading the full-text matches first, then their rows by key.
            sql = (
                f"FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid "
                f"CROSS JOIN {page} p ON p.id = CAST(e.object_id AS INTEGER) WHERE {fts} MATCH %s"
            )
            params = [sqlite_match(self.query, title_only)]
            # The FTS5 columns are (autocomplete, body, title).
            order = f"bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT})"
        else:
            title, body = POSTGRES_VECTORS[self.query.language]
            sql = (
                f"FROM {entries} e JOIN {page} p ON p.id = CAST(e.object_id AS INTEGER) "
                f"CROSS JOIN to_tsquery('{POSTGRES_CONFIG[self.query.language]}', %s) AS q "
                + (f"WHERE {title} @@ q" if title_only else f"WHERE ({title} @@ q OR {body} @@ q)")
            )
            params = [postgres_match(self.query)]
            order = f"-(ts_rank({title}, q) * {TITLE_WEIGHT} + ts_rank({body}, q))"
        return sql, params, order

    def _too_common(self):
        """Whether the words are in more than ``RANK_LIMIT`` index entries (of any kind of page), read
        from the full-text index alone, without ranking or joining."""
        entries = IndexEntry._meta.db_table
        if connection.vendor == "sqlite":
            sql = f"SELECT 1 FROM {entries}_fts WHERE {entries}_fts MATCH %s"  # noqa: S608 - names, not values
            params = [sqlite_match(self.query, title_only=False)]
        else:
            title, body = POSTGRES_VECTORS[self.query.language]
            config = POSTGRES_CONFIG[self.query.language]
            sql = f"SELECT 1 FROM {entries} e, to_tsquery('{config}', %s) AS q WHERE {title} @@ q OR {body} @@ q"  # noqa: S608
            params = [postgres_match(self.query)]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT %s) AS m", [*params, RANK_LIMIT + 1])  # noqa: S608
            return cursor.fetchone()[0] > RANK_LIMIT

    def ids(self):
        """The ids of the matching pages, best first."""
        if self._ids is None:
            sql, params, order = self._match(title_only=self._too_common())
            content_type = ContentType.objects.get_for_model(self.model).pk
            sql += " AND e.content_type_id = %s AND p.live AND p.locale_id = %s"
            params += [content_type, self.query.locale_id]
            for path in restricted_paths():  # Tree paths are digits and capital letters: no LIKE wildcards.
                sql += " AND p.path NOT LIKE %s"
                params.append(f"{path}%")
            if self.exclude_ids:
                sql += f" AND p.id NOT IN ({', '.join(['%s'] * len(self.exclude_ids))})"
                params += self.exclude_ids
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT p.id {sql} ORDER BY {order}, p.id LIMIT %s", [*params, RANK_LIMIT])  # noqa: S608
                self._ids = [row[0] for row in cursor.fetchall()]
        return self._ids

    def __len__(self):
        return len(self.ids())

    def __getitem__(self, index):
        ids = self.ids()[index]
        pages = self.pages.in_bulk(ids)
        return [pages[pk] for pk in ids if pk in pages]
