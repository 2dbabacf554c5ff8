"""Measure the readability of every term and article again, for example after changing the formula
or loading content that was saved without a grade. Pages are otherwise measured whenever they are published.
"""

from django.core.management.base import BaseCommand

from articles.models import ArticlePage
from glossary.models import TermPage


class Command(BaseCommand):
    help = "Store the Flesch-Kincaid grade of every term and article (its live version, if published)."

    def handle(self, *args, **options):
        for model in (TermPage, ArticlePage):
            changed = []
            for page in model.objects.all().iterator(chunk_size=500):
                stored = page.readability_grade
                page.measure_readability_grade()
                if page.readability_grade != stored:
                    changed.append(page)
            model.objects.bulk_update(changed, ["readability_grade"], batch_size=500)
            self.stdout.write(f"{model._meta.verbose_name_plural.capitalize()}: {len(changed)} grade(s) updated.")
