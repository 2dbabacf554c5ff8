"""Give Wagtail's retired stock workflow and task (0003) names in our words.

They stay in the database, inactive, but still appear in the admin's workflow report filters, where
"Moderators approval" would be the one place editors still read Wagtail's word for clinical review.
"""

from django.db import migrations

STOCK_NAME = "Moderators approval"
RETIRED_NAME = "Retired: Wagtail's stock approval (not used)"


def rename(apps, schema_editor, old=STOCK_NAME, new=RETIRED_NAME):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old, active=False).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).exclude(workflow_tasks__workflow__active=True).update(
        name=new
    )


def restore(apps, schema_editor):
    rename(apps, schema_editor, old=RETIRED_NAME, new=STOCK_NAME)


class Migration(migrations.Migration):
    dependencies = [("review", "0007_review_reminders")]

    operations = [migrations.RunPython(rename, restore)]
