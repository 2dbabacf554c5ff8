"""Every disclaimer has a language and a translation group; titles are unique within a language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("health_content", "0003_disclaimer_translations"),
    ]

    operations = [
        migrations.AlterField(
            model_name="medicaldisclaimer",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="medicaldisclaimer",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="medicaldisclaimer",
            name="title",
            field=models.CharField(max_length=120),
        ),
        migrations.AlterUniqueTogether(
            name="medicaldisclaimer",
            unique_together={("title", "locale"), ("translation_key", "locale")},
        ),
    ]
