"""Search index rows for many new pages at once, on the database search backends (SQLite, PostgreSQL).

modelsearch's ``add_bulk`` for these backends walks each page's search fields once per index column
(three times on SQLite, five on PostgreSQL, reading every related manager and StreamField each time)
and, on PostgreSQL, builds and compiles a Django ``SearchVector`` expression per text. For the 9,416
pages of the NCI dictionary that was the largest part of an import. Here each page's fields are walked
once, with the backend's own ``ObjectIndexer.prepare_field``, and the same rows are written: on
PostgreSQL the same ``INSERT ... ON CONFLICT`` statement modelsearch runs, with the vectors written as
SQL text; on SQLite the same ``IndexEntry`` rows. Title norms are refreshed as modelsearch does.
Any other backend (Elasticsearch, OpenSearch) gets its own ``add_bulk``.
"""

from modelsearch.index import AutocompleteField, SearchField
from modelsearch.utils import get_content_type_pk
from wagtail.search.models import IndexEntry

# What the PostgreSQL backend's ``SearchVector(Value(text), weight=..., config=...)`` compiles to.
WEIGHTED_VECTOR_SQL = "setweight(to_tsvector(%s::regconfig, COALESCE(%s, %s)), %s)"
EMPTY_VECTOR_SQL = "to_tsvector(COALESCE(%s, %s))"


def add_pages(backend, model, pages):
    """Index ``pages`` (all of ``model``) in ``backend``, as ``backend.add_bulk(model, pages)`` does."""
    index = backend.get_index_for_model(model)
    if not pages or not model.get_search_fields():
        return
    # Each database backend's module can only be imported on its own database.
    vendor = getattr(getattr(index, "write_connection", None), "vendor", None)
    if vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres

        if isinstance(index, postgres.PostgresIndex):
            return add_to_postgres(index, model, pages, postgres.ObjectIndexer)
    if vendor == "sqlite":
        from modelsearch.backends.database.sqlite import sqlite

        if isinstance(index, sqlite.SQLiteIndex):
            return add_to_sqlite(index, model, pages, sqlite.ObjectIndexer)
    backend.add_bulk(model, pages)


def texts_of(indexer):
    """The page's (title, body, autocomplete) texts, each a list of (text, weight), from one pass."""
    title, body, autocomplete = [], [], []
    for field in indexer.search_fields:
        for current_field, *weight, value in indexer.prepare_field(indexer.obj, field):
            if isinstance(current_field, SearchField):
                (title if current_field.field_name == "title" else body).append((value, *weight))
            elif isinstance(current_field, AutocompleteField):
                autocomplete.append((value, *weight))
    return title, body, autocomplete


def vector_sql(texts, config, params):
    """SQL for the weighted vector of ``texts`` (its parameters appended to ``params``)."""
    texts = [(text.strip(), weight) for text, weight in texts]
    texts = [(text, weight) for text, weight in texts if text]
    if not texts:
        params += ["", ""]
        return EMPTY_VECTOR_SQL
    for text, weight in texts:
        params += [config, text, "", weight]
    return f"({' || '.join([WEIGHTED_VECTOR_SQL] * len(texts))})"


def plain_text(texts):
    return " ".join(text.strip() for text, _ in texts if text.strip())


def add_to_postgres(index, model, pages, indexer_class):
    backend, content_type_pk = index.backend, get_content_type_pk(model)
    rows, params = [], []
    for page in pages:
        title, body, autocomplete = texts_of(indexer_class(page, backend))
        params += [content_type_pk, str(page.pk)]
        title_sql = vector_sql(title, backend.config, params)
        autocomplete_sql = vector_sql(autocomplete, backend.autocomplete_config, params)
        body_sql = vector_sql(body, backend.config, params)
        params += [plain_text(title), plain_text(body)]
        rows.append(f"(%s, %s, {title_sql}, {autocomplete_sql}, {body_sql}, 1.0, %s, %s)")
    with index.write_connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            (VALUES {", ".join(rows)})
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                          body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
            """,
            params,
        )
    index._refresh_title_norms()


def add_to_sqlite(index, model, pages, indexer_class):
    """New pages only: they have no rows yet, so nothing is looked up or updated."""
    content_type_pk = get_content_type_pk(model)
    entries = []
    for page in pages:
        title, body, autocomplete = texts_of(indexer_class(page, index.backend))
        entries.append(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=str(page.pk),
                title=" ".join(text for (text,) in title),
                autocomplete=" ".join(text for (text,) in autocomplete),
                body=" ".join(text for (text,) in body),
            )
        )
    index.entries.bulk_create(entries)
    index._refresh_title_norms()
