"""Create the three roles and the "Clinical review" workflow, so every fresh database has them.

Clinical editors and reviewers may add and change pages under the home page but not publish them: the
workflow's approval publishes (see review.publishing). Reviewers are the group the sign-off task asks.
"""

from django.db import migrations

EDITORS = "Clinical editors"
REVIEWERS = "Clinical reviewers"
ADMINISTRATORS = "Content administrators"
WORKFLOW = "Clinical review"
TASK = "Clinical sign-off"

ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
PAGE_PERMISSIONS = [
    ("wagtailcore", "page", "add_page", "Can add page"),
    ("wagtailcore", "page", "change_page", "Can change page"),
]
CONTENT_PERMISSIONS = [
    ACCESS_ADMIN,
    ("health_content", "medicaldisclaimer", "add_medicaldisclaimer", "Can add medical disclaimer"),
    ("health_content", "medicaldisclaimer", "change_medicaldisclaimer", "Can change medical disclaimer"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image", "Can add image"),
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "add_document", "Can add document"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
]
ADMINISTRATOR_PERMISSIONS = [
    ACCESS_ADMIN,
    *[
        (app_label, model, f"{action}_{model}", f"Can {action} {label}")
        for app_label, model, label in [
            ("auth", "user", "user"),
            ("auth", "group", "group"),
            ("wagtailcore", "workflow", "workflow"),
            ("wagtailcore", "task", "task"),
            ("review", "reviewerprofile", "reviewer profile"),
        ]
        for action in ("add", "change", "delete")
    ],
    ("health_content", "publishingsettings", "change_publishingsettings", "Can change publishing settings"),
]


def get_permission(apps, app_label, model, codename, name):
    """The permission, created if Django's post-migrate step has not made it yet."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, __ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, __ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Site = apps.get_model("wagtailcore", "Site")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ClinicalSignOffTask = apps.get_model("review", "ClinicalSignOffTask")

    site = Site.objects.filter(is_default_site=True).first()
    root_collection = Collection.objects.filter(depth=1).first()
    content_groups = [Group.objects.get_or_create(name=name)[0] for name in (EDITORS, REVIEWERS)]
    for group in content_groups:
        group.permissions.add(*[get_permission(apps, *spec) for spec in CONTENT_PERMISSIONS])
        if site:
            for spec in PAGE_PERMISSIONS:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=site.root_page_id, permission=get_permission(apps, *spec)
                )
        if root_collection:
            for spec in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=get_permission(apps, *spec)
                )
    administrators, __ = Group.objects.get_or_create(name=ADMINISTRATORS)
    administrators.permissions.add(*[get_permission(apps, *spec) for spec in ADMINISTRATOR_PERMISSIONS])

    task_content_type, __ = ContentType.objects.get_or_create(app_label="review", model="clinicalsignofftask")
    task = ClinicalSignOffTask.objects.create(name=TASK, content_type=task_content_type, active=True)
    task.groups.add(content_groups[1])
    workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if site:
        WorkflowPage.objects.update_or_create(page_id=site.root_page_id, defaults={"workflow": workflow})


def remove_roles_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("review", "ClinicalSignOffTask").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS, ADMINISTRATORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("health_content", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
