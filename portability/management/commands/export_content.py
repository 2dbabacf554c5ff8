"""``manage.py export_content OUT.json``: the whole glossary and articles as one portable JSON file."""

import json

from django.core.management.base import BaseCommand

from portability.document import export_document


class Command(BaseCommand):
    help = (
        "Write every term and article, with disclaimers, settings and sign-offs, to a JSON file ('-' for stdout)."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="Path of the JSON file to write, or - for standard output.")

    def handle(self, *args, output, **options):
        document = export_document()
        text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        if output == "-":
            self.stdout.write(text, ending="")
        else:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text)
        keys = ("terms", "articles", "disclaimers", "sign_offs")
        counts = ", ".join(f"{len(document[key])} {key.replace('_', '-')}" for key in keys)
        self.stderr.write(f"Exported {counts}.")
