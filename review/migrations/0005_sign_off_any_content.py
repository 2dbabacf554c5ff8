"""Let a sign-off record point at any reviewed content (pages and snippets), and fill it in for past sign-offs."""

import django.db.models.deletion
from django.db import migrations, models


def point_at_revised_content(apps, schema_editor):
    SignOff = apps.get_model("review", "SignOff")
    Revision = apps.get_model("wagtailcore", "Revision")
    for record in SignOff.objects.filter(content_type__isnull=True):
        revision = Revision.objects.filter(pk=record.revision_id).first()
        if revision is not None:
            record.content_type_id, record.object_id = revision.content_type_id, revision.object_id
            record.save(update_fields=["content_type", "object_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("review", "0004_sign_off_revision_of_imported_history"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="signoff",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.AddField(
            model_name="signoff",
            name="object_id",
            field=models.CharField(blank=True, max_length=255),
        ),
        migrations.RunPython(point_at_revised_content, migrations.RunPython.noop),
    ]
