"""``manage.py generate_synthetic_content OUT.json --terms 10000``: a large file for import benchmarks."""

import json

from django.core.management.base import BaseCommand, CommandError

from glossary.models import GlossaryIndexPage
from portability.links import site_path
from portability.synthetic import synthetic_document


class Command(BaseCommand):
    help = "Write an export file of made-up terms and articles, for testing import speed. Not real content."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Path of the JSON file to write.")
        parser.add_argument("--terms", type=int, default=10_000, help="How many terms (default 10000).")
        parser.add_argument("--articles", type=int, default=0, help="How many articles (default 0).")

    def handle(self, *args, output, terms, articles, **options):
        if terms < 0 or articles < 0:
            raise CommandError("--terms and --articles must be 0 or more.")
        glossary = GlossaryIndexPage.objects.first()
        glossary_path = site_path(glossary.url_path) if glossary else "/glossary/"
        with open(output, "w", encoding="utf-8") as file:
            json.dump(synthetic_document(terms, articles, glossary_path), file)
        self.stdout.write(f"Wrote {terms} terms and {articles} articles to {output}.")
