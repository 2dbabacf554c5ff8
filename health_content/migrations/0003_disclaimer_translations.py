"""Disclaimers become translatable: each existing wording is the English one of its own translation group."""

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models import BootstrapLocaleField, BootstrapTranslatableModel, BootstrapTranslationKeyField


class Migration(migrations.Migration):
    dependencies = [
        ("health_content", "0002_disclaimer_under_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        BootstrapLocaleField("health_content.MedicalDisclaimer"),
        BootstrapTranslationKeyField("health_content.MedicalDisclaimer"),
        BootstrapTranslatableModel("health_content.MedicalDisclaimer"),
        migrations.AddField(
            model_name="medicaldisclaimer",
            name="translated_from_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                help_text="For a translation: the signed-off revision of the English wording it was translated from.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
            ),
        ),
    ]
