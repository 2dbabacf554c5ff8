"""``manage.py import_content IN.json``: add the terms and articles in an export file, as drafts.

Everything is validated before anything is written, and the writing is one transaction: a file with a
problem changes nothing. ``--publish`` publishes what was live where the file was exported (the rest stay
drafts), for a user allowed to publish terms, articles and disclaimers.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm
from wagtail.models import PagePermissionTester

from articles.models import ArticleIndexPage
from glossary.models import GlossaryIndexPage
from health_content.command_users import user_named
from health_content.models import MedicalDisclaimer
from portability.document import InvalidDocument, import_document


class Command(BaseCommand):
    help = "Import terms and articles from an export_content file. Pages are drafts unless --publish."

    def add_arguments(self, parser):
        parser.add_argument("input", help="Path of the JSON file to read.")
        parser.add_argument("--user", help="Username that owns the new pages and their revisions.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help=(
                "Publish the pages and disclaimers that were live where the file was exported; the rest stay "
                "drafts. Needs --user naming someone allowed to publish terms, articles and disclaimers."
            ),
        )

    def handle(self, *args, input, user, publish, **options):
        user = self.get_user(user, publish)
        try:
            with open(input, encoding="utf-8") as file:
                document = json.load(file)
        except OSError as error:
            raise CommandError(f"Cannot read {input}: {error.strerror}.") from error
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{input} is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}."
            ) from error

        notes = []
        try:
            created = import_document(
                document, user=user, publish=publish, progress=self.progress_bar, notes=notes
            )
        except InvalidDocument as error:
            for problem in error.problems:
                self.stderr.write(f"  {problem}")
            raise CommandError(f"{input}: {error}. Nothing was imported.") from error
        for note in notes:
            self.stderr.write(f"  Note: {note}")
        state = "(those live in the file published, the rest drafts)" if publish else "as drafts"
        self.stdout.write(
            f"Imported {created['terms']} terms and {created['articles']} articles {state}, "
            f"{created['disclaimers']} disclaimers and {created['sign_offs']} sign-offs."
        )

    def progress_bar(self, total, description):
        return tqdm(total=total, desc=description, unit="page", file=self.stderr._out, disable=not total)

    @staticmethod
    def get_user(username, publish):
        user = user_named(username) if username else None
        if not publish:
            return user
        if user is None:
            raise CommandError("--publish needs --user naming an administrator who may publish content.")
        for index_model in (GlossaryIndexPage, ArticleIndexPage):
            index = index_model.objects.first()
            if index and not PagePermissionTester(user, index).can_publish_subpage():
                raise CommandError(
                    f"{username} may not publish pages under {index.title!r}; ask an administrator."
                )
        if not user.has_perm(f"{MedicalDisclaimer._meta.app_label}.publish_medicaldisclaimer"):
            raise CommandError(f"{username} may not publish medical disclaimers; ask an administrator.")
        return user
