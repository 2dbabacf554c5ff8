"""Content administrators may see login lockouts and lift them (Settings → Login lockouts)."""

from django.db import migrations

ADMINISTRATORS = "Content administrators"
PERMISSIONS = [
    ("view_accessattempt", "Can view access attempt"),
    ("delete_accessattempt", "Can delete access attempt"),
]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is None:
        return
    content_type, __ = ContentType.objects.get_or_create(app_label="axes", model="accessattempt")
    for codename, name in PERMISSIONS:
        permission, __ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="axes", codename__in=[c for c, __ in PERMISSIONS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_roles_and_workflow"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
