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


def read_json(path):
    """The JSON document in the file at ``path``; a CommandError saying where it goes wrong if it is not one."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        raise CommandError(
            f"{path} is not UTF-8 text: line {line}, column {column} (byte {error.start}). Nothing was imported."
        ) from error
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # An unterminated string runs to the end of the file; any other error there means the same.
        cut_short = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        ending = " (the file ends early: it may have been cut short)" if cut_short else ""
        raise CommandError(
            f"{path} is not valid JSON: line {error.lineno}, column {error.colno}: {error.msg}{ending}. "
            "Nothing was imported."
        ) from error
    except RecursionError as error:
        raise CommandError(f"{path}: its JSON is nested too deeply to read. Nothing was imported.") from error


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
        document = read_json(input)
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
