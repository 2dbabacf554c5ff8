"""The site's second language: Spanish pages live in the ``es`` locale (English is the default one)."""

from django.db import migrations


def add_spanish(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="es")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_spanish, migrations.RunPython.noop)]
