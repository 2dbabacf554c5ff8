"""Measure the readability of every term and article again, for example after changing the formula
or loading content that was saved without a grade. Pages are otherwise measured whenever they are published.
"""

from django.core.management.base import BaseCommand

from articles.models import ArticlePage
from glossary.models import TermPage


class Command(BaseCommand):
    help = (
        "Store the readability of every term and article (its live version, if published): the Flesch-Kincaid "
        "grade of English pages, the Szigriszt-Pazos (INFLESZ) score of Spanish ones."
    )

    def handle(self, *args, **options):
        for model in (TermPage, ArticlePage):
            changed = []
            for page in model.objects.all().iterator(chunk_size=500):
                stored = (page.readability_grade, page.readability_inflesz)
                page.measure_readability_grade()
                if (page.readability_grade, page.readability_inflesz) != stored:
                    changed.append(page)
            model.objects.bulk_update(changed, ["readability_grade", "readability_inflesz"], batch_size=500)
            self.stdout.write(f"{model._meta.verbose_name_plural.capitalize()}: {len(changed)} grade(s) updated.")
