"""Lets the clinical editors, reviewers and content administrators read page feedback (for the admin report)."""

from django.db import migrations

GROUPS = ["Clinical editors", "Clinical reviewers", "Content administrators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="feedback", model="pagefeedback")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_pagefeedback", defaults={"name": "Can view page feedback"}
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.filter(
        content_type__app_label="feedback", codename="view_pagefeedback"
    ).first()
    if permission:
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("review", "0002_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
