"""Reviewers who signed off before pages had languages did so in English: their profiles say so."""

from django.conf import settings
from django.db import migrations
from django.utils.translation import get_supported_language_variant


def review_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ReviewerProfile = apps.get_model("review", "ReviewerProfile")
    english = Locale.objects.filter(language_code=get_supported_language_variant(settings.LANGUAGE_CODE)).first()
    if english is None:
        return
    for profile in ReviewerProfile.objects.all():
        profile.languages.add(english)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0009_reviewer_languages"),
    ]

    operations = [migrations.RunPython(review_english, migrations.RunPython.noop)]
