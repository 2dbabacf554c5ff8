"""Clinical editors and reviewers may make translations ("Translate" in the admin, from
``wagtail.contrib.simple_translation``). A translation starts as a draft of the signed-off English and goes
through the same clinical review as any change, so this gives no way around it."""

from django.db import migrations

EDITORS = "Clinical editors"
REVIEWERS = "Clinical reviewers"


def translation_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label="simple_translation", model="simpletranslation")
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type, codename="submit_translation", defaults={"name": "Can submit translations"}
    )
    return permission


def allow_translating(apps, schema_editor):
    permission = translation_permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]):
        group.permissions.add(permission)


def disallow_translating(apps, schema_editor):
    permission = translation_permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0010_existing_reviewers_review_english"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(allow_translating, disallow_translating)]
