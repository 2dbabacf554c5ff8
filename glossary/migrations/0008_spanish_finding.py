"""Spanish terms file, sort and stem in Spanish, and keep their Szigriszt-Pazos readability score; the A-Z's sort keys compare byte by byte on PostgreSQL too;
Spanish full text is matched with PostgreSQL's "spanish" configuration; auto-link snapshots hold one
matcher per language.

- Names of terms in a Spanish locale get their A-Z letter (Ñ), sort key (accents ignored, ñ after n),
  folded form and stemmed key recomputed in Spanish (``glossary.names``). English rows do not change.
- ``sort_name`` columns use the "C" collation on PostgreSQL, as SQLite always compares them: the A-Z's
  order is the key's, whatever collation the database was created with.
- GIN indexes on the search index's plain text as read by the "spanish" configuration, which
  ``search.fulltext`` uses for Spanish pages (PostgreSQL only).
- Snapshots in the old one-language format are dropped; ``post_migrate`` builds a new one.
"""

from django.db import migrations, models

SORT_NAME_TABLES = ("glossary_termpage", "glossary_termsynonym")
SPANISH_TEXT_INDEXES = {
    "glossary_search_es_title": "title_text",
    "glossary_search_es_body": "body_text",
}


def refile_spanish_names(apps, schema_editor):
    from glossary.names import NAME_KEY_MAX_LENGTH, fold, initial_of, name_key, sort_name_of

    locale_model = apps.get_model("wagtailcore", "Locale")
    spanish = list(locale_model.objects.filter(language_code__startswith="es").values_list("pk", flat=True))
    if not spanish:
        return
    for model_name, name_field, locale_field in (
        ("TermPage", "title", "locale_id__in"),
        ("TermSynonym", "name", "page__locale_id__in"),
    ):
        model = apps.get_model("glossary", model_name)
        rows = []
        for row in model.objects.filter(**{locale_field: spanish}).only("pk", name_field):
            name = getattr(row, name_field)
            row.initial, row.sort_name = initial_of(name, "es"), sort_name_of(name, "es")
            row.name_fold, row.name_key = fold(name, "es")[:NAME_KEY_MAX_LENGTH], name_key(name, "es")
            rows.append(row)
        model.objects.bulk_update(rows, ["initial", "sort_name", "name_fold", "name_key"], batch_size=500)


def byte_order_and_spanish_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SORT_NAME_TABLES:
        schema_editor.execute(f'ALTER TABLE {table} ALTER COLUMN sort_name TYPE varchar(255) COLLATE "C"')
    for name, column in SPANISH_TEXT_INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailsearch_indexentry "
            f"USING GIN (to_tsvector('spanish'::regconfig, COALESCE({column}, '')))"
        )


def undo_byte_order_and_spanish_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in SORT_NAME_TABLES:
        schema_editor.execute(f'ALTER TABLE {table} ALTER COLUMN sort_name TYPE varchar(255) COLLATE "default"')
    for name in SPANISH_TEXT_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def drop_one_language_snapshots(apps, schema_editor):
    apps.get_model("glossary", "AutolinkSnapshot").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0007_translated_from_revision"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="termpage",
            name="readability_inflesz",
            field=models.FloatField(
                editable=False,
                help_text=(
                    "Spanish pages: Szigriszt-Pazos score (INFLESZ scale) of the saved text, kept up to date on "
                    "save for the readability report."
                ),
                null=True,
            ),
        ),
        migrations.RunPython(refile_spanish_names, migrations.RunPython.noop),
        migrations.RunPython(byte_order_and_spanish_indexes, undo_byte_order_and_spanish_indexes),
        migrations.RunPython(drop_one_language_snapshots, migrations.RunPython.noop),
    ]
