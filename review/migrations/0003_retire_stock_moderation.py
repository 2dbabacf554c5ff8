"""Retire Wagtail's stock "Editors"/"Moderators" groups and "Moderators approval" workflow.

Wagtail's initial data lets Moderators publish anything directly, which would bypass clinical sign-off.
The clinical groups from 0002 replace them. Users in the stock groups (none on a fresh database) keep
their accounts but lose those groups' permissions.
"""

from django.db import migrations

STOCK_GROUPS = ["Editors", "Moderators"]
STOCK_WORKFLOW = "Moderators approval"


def retire(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group.objects.filter(name__in=STOCK_GROUPS).delete()
    for workflow in Workflow.objects.filter(name=STOCK_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        workflow.active = False
        workflow.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [("review", "0002_roles_and_workflow")]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
