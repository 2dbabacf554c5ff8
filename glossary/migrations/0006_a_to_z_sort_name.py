"""The A-Z reads each page of names in order from an (initial, sort_name) index instead of sorting them all."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('glossary', '0005_names_autolink_and_duplicates'),
    ]

    operations = [
        migrations.AddField(
            model_name='termpage',
            name='sort_name',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        migrations.AddField(
            model_name='termsynonym',
            name='sort_name',
            field=models.CharField(default='', editable=False, max_length=255),
        ),
        migrations.AddIndex(
            model_name='termpage',
            index=models.Index(fields=['initial', 'sort_name'], name='glossary_term_az'),
        ),
        migrations.AddIndex(
            model_name='termpage',
            index=models.Index(fields=['sort_name'], name='glossary_term_sort'),
        ),
        migrations.AddIndex(
            model_name='termsynonym',
            index=models.Index(fields=['initial', 'sort_name'], name='glossary_synonym_az'),
        ),
        migrations.AddIndex(
            model_name='termsynonym',
            index=models.Index(fields=['sort_name'], name='glossary_synonym_sort'),
        ),
    ]


def fill_sort_names(apps, schema_editor):
    """Give existing terms and other names the lower-case name the A-Z sorts by."""
    for model_name, name_field in (("TermPage", "title"), ("TermSynonym", "name")):
        model = apps.get_model("glossary", model_name)
        rows = [model(pk=pk, sort_name=name.lower()[:255]) for pk, name in model.objects.values_list("pk", name_field)]
        model.objects.bulk_update(rows, ["sort_name"], batch_size=500)


Migration.operations.insert(2, migrations.RunPython(fill_sort_names, migrations.RunPython.noop))
