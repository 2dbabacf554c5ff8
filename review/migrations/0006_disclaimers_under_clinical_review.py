"""Put medical disclaimers under the "Clinical review" workflow: patients read them, so a reviewer signs them off.

Their add and change permissions (given to clinical editors and reviewers in 0002) now save drafts only; no
group has the publish permission, so the workflow's approval is the only way a disclaimer change goes live.
"""

from django.db import migrations

WORKFLOW = "Clinical review"


def assign_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        return
    content_type, __ = ContentType.objects.get_or_create(app_label="health_content", model="medicaldisclaimer")
    WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def unassign_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "WorkflowContentType").objects.filter(
        content_type__app_label="health_content", content_type__model="medicaldisclaimer"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0005_sign_off_any_content"),
        ("health_content", "0002_disclaimer_under_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign_workflow, unassign_workflow)]
