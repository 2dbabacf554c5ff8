"""``manage.py import_terms``: term files (.txt, .json, .csv) become draft terms for clinical review.

All or nothing: every file is read and checked before anything is written, and one problem anywhere
means nothing is saved. Terms are never published here: ``--submit`` puts the drafts into the clinical
review, credited (like every revision) to ``--user``. The work is in ``glossary.importers``; this command
reads the options and prints what happened, with each term's reading grade. See docs/importing.md.
"""

import argparse
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from glossary.importers import ImportFailed, import_files
from glossary.importers.fields import DEFAULT_NAMES
from glossary.importers.run import MEGABYTE, count
from health_content.command_users import user_named

# Runs of at least this many files (or batches) show a progress bar on stderr.
PROGRESS_MIN_ITEMS = 20


def progress(items, description):
    """``items``, with a progress bar on stderr when there are enough of them to wait for."""
    return tqdm(items, desc=description, file=sys.stderr, disable=len(items) < PROGRESS_MIN_ITEMS)


def positive_number(text):
    try:
        number = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of megabytes") from None
    if not number > 0:
        raise argparse.ArgumentTypeError("the limit must be more than 0 megabytes")
    return number


class Command(BaseCommand):
    help = (
        "Import glossary terms as drafts from .txt files (or folders of them), .json files (a list of "
        "objects) or .csv files (with a header row). Writes nothing if any term has a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="A .txt, .json or .csv file, or a folder of .txt files."
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the files and report; write nothing.")
        parser.add_argument(
            "--locale",
            metavar="CODE",
            help=(
                f"The language of the terms: {', '.join(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)} "
                f"(default {settings.LANGUAGE_CODE}). Terms in another language than the default go into its "
                "glossary; a 'translation_of' key or column names the English term each one translates."
            ),
        )
        parser.add_argument(
            "--user",
            metavar="NAME",
            help="Username the new revisions are credited to in each term's history (default: none, 'system').",
        )
        parser.add_argument(
            "--submit",
            action="store_true",
            help="Submit every imported draft for clinical review, as --user (required with --submit).",
        )
        parser.add_argument(
            "--field",
            action="append",
            default=[],
            dest="fields",
            metavar="PART=KEY",
            help=(
                "Read a part of each term from this JSON key or CSV column, for example "
                f"definition=summary. Parts: {', '.join(DEFAULT_NAMES)}. Repeatable."
            ),
        )
        limits = settings.GLOSSARY_IMPORT_MAX_FILE_BYTES, settings.GLOSSARY_IMPORT_MAX_RUN_BYTES
        for name, limit, what in zip(
            ("--max-file-mb", "--max-run-mb"), limits, ("one file", "all files"), strict=True
        ):
            parser.add_argument(
                name,
                type=positive_number,
                metavar="MB",
                help=f"The most {what} may hold, in megabytes (default {limit / MEGABYTE:g}).",
            )

    def handle(self, *args, paths, dry_run, locale, user, submit, fields, max_file_mb, max_run_mb, **options):
        if submit and not user:
            raise CommandError("--submit needs --user: the person the terms are submitted for review by.")
        user = user_named(user) if user else None
        try:
            result = import_files(
                paths,
                fields=fields,
                dry_run=dry_run,
                user=user,
                submit=submit,
                progress=progress,
                max_file_bytes=max_file_mb and int(max_file_mb * MEGABYTE),
                max_run_bytes=max_run_mb and int(max_run_mb * MEGABYTE),
                language=locale,
            )
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(failure)) from None
        new, existing = len(result.created), len(result.updated)
        if dry_run:
            summary = (
                f"Checked {count(result.terms, 'term')} ({new} new, {existing} already in the glossary): "
                "no problems. Nothing was written (dry run)."
            )
        else:
            summary = (
                f"Imported {count(result.terms, 'term')} as drafts ({new} new, {count(existing, 'new revision')})."
            )
            if result.submitted:
                summary += f" Each was submitted for clinical review by {user.get_username()}."
        if result.not_found:
            summary += f" {count(len(result.not_found), 'related item')} not found, so not linked:"
        self.stdout.write(summary)
        for item in result.not_found:
            self.stdout.write(f"  {item}")
        if result.kept_related:
            self.stdout.write(
                f"Related terms and articles kept for {count(len(result.kept_related), 'term')} already in the "
                "glossary, as the file lists none for them (a file that names related items replaces them):"
            )
            for term in result.kept_related:
                self.stdout.write(f"  {term.title}")
        if result.notes:
            self.stdout.write(f"{count(len(result.notes), 'note')}:")
            for note in result.notes:
                self.stdout.write(f"  {note}")
        self.write_readability([*result.created, *result.updated])

    def write_readability(self, terms):
        """Each term's readability (Flesch-Kincaid grade; for Spanish, Szigriszt-Pazos score), with a warning
        for each harder to read than the target."""
        measured = [(term, term.readability()) for term in terms]
        measured = [(term, readability) for term, readability in measured if readability]
        if not measured:
            return
        self.stdout.write(f"Readability ({measured[0][1].scale}):")
        for term, readability in measured:
            line = f"  {term.title}: {readability.label}"
            if readability.above_target:
                self.stdout.write(self.style.WARNING(f"{line}. Warning: above the target; make it plainer."))
            else:
                self.stdout.write(line)
