"""One import run: find the files, read each with its format's reader, plan, and write in one transaction.

``import_files`` is what ``manage.py import_terms`` runs, and what set-ups such as an evaluation harness
call to load a dictionary programmatically::

    from glossary.importers import import_file
    result = import_file("../shared/content/nci-glossary.json", publish=True)
    result.created  # the new TermPages
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from delivery.languages import language_name
from glossary.models import GlossaryIndexPage, TermPage

from .csv import read_csv_file
from .fields import FieldMap, FieldMappingError
from .json import read_json_file
from .records import Problem
from .text import read_text_files
from .writer import plan_records, write

READERS = {".json": read_json_file, ".csv": read_csv_file}
SUFFIXES = (".txt", *READERS)
TERM_MAX_LENGTH = TermPage._meta.get_field("title").max_length
MEGABYTE = 1024 * 1024


class ImportFailed(Exception):
    """The run found problems (each located) and wrote nothing; or it cannot start (``problems`` empty)."""

    def __init__(self, message, problems=()):
        super().__init__(message)
        self.problems = list(problems)


@dataclass
class ImportResult:
    created: list = field(default_factory=list)  # new TermPages
    updated: list = field(default_factory=list)  # existing TermPages given a new draft revision
    notes: list[Problem] = field(default_factory=list)  # what an editor should know about the run
    not_found: list[Problem] = field(default_factory=list)  # related items not found, so not linked
    kept_related: list = field(default_factory=list)  # existing terms whose file lists no related items
    submitted: bool = False  # each term was put into the clinical review workflow
    dry_run: bool = False

    @property
    def terms(self):
        return len(self.created) + len(self.updated)


def import_file(path, **options):
    """Import one .txt, .json or .csv file; see :func:`import_files`."""
    return import_files([path], **options)


def import_files(
    paths,
    *,
    fields=(),
    dry_run=False,
    user=None,
    publish=False,
    submit=False,
    progress=None,
    max_file_bytes=None,
    max_run_bytes=None,
    language=None,
):
    """Import the named files (and the .txt files in named folders) into the glossary, all or nothing.

    ``fields`` are ``part=key`` mappings for JSON keys and CSV columns (``fields.FieldMap``).
    ``max_file_bytes`` and ``max_run_bytes`` raise (or lower) the size limits in the settings. Raises
    :class:`ImportFailed` with every problem found, having written nothing. ``publish`` makes the terms
    live at once (for test and evaluation set-ups; editors import drafts for review); ``submit`` puts
    each draft into the glossary's workflow (the clinical review), submitted by ``user``. ``progress``,
    given ``(items, description)``, returns the items to iterate, for example behind a progress bar.
    ``language`` (a content language's code, "es") imports into that language's glossary, where records
    may name the English term each translates (``translations``); the default language's when not given.
    """
    progress = progress or (lambda items, description: items)
    languages = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
    language = language or settings.LANGUAGE_CODE
    if language not in languages:
        raise ImportFailed(f"--locale must be one of {', '.join(languages)}; got {language!r}.")
    glossary = GlossaryIndexPage.objects.filter(locale__language_code=language).order_by("path").first()
    if glossary is None:
        which = "" if language == settings.LANGUAGE_CODE else f"{language_name(language)} "
        raise ImportFailed(
            f"There is no {which}glossary index page to import into. Add one under the home page, then run this "
            "again."
        )
    if submit and glossary.get_workflow() is None:
        raise ImportFailed("The glossary is under no workflow, so the terms cannot be submitted for review.")
    try:
        field_map = FieldMap.parse(fields)
    except FieldMappingError as error:
        raise ImportFailed(str(error)) from None
    files, problems = collect_files(paths)
    problems += size_problems(
        files,
        max_file_bytes or settings.GLOSSARY_IMPORT_MAX_FILE_BYTES,
        max_run_bytes or settings.GLOSSARY_IMPORT_MAX_RUN_BYTES,
    )
    if problems:  # Not read at all: a file over the limit could hold anything, of any size.
        files = []
    text_files = [path for path in files if path.suffix.lower() == ".txt"]
    records, text_problems = read_text_files(text_files, lambda items: progress(items, "Checking"))
    problems += text_problems
    notes = []
    for path in files:
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            continue
        try:
            file_records, file_problems, unused = reader(path.read_bytes(), str(path), field_map)
        except OSError as error:
            file_records, file_problems, unused = (
                [],
                [Problem(str(path), None, f"Cannot read the file: {error.strerror}.")],
                (),
            )
        records += file_records
        problems += file_problems
        if unused:
            notes.append(
                Problem(str(path), None, f"Not imported (not a part of a term): {', '.join(sorted(unused))}.")
            )

    for record in records:
        problems += term_size_problems(record, settings.GLOSSARY_IMPORT_MAX_TERM_CHARACTERS)
    planned = plan_records(records, glossary)
    problems += planned.problems
    if problems:
        problems.sort(key=lambda problem: (problem.source, problem.record or 0, problem.line or 0))
        raise ImportFailed(
            f"{count(len(problems), 'problem')} found; nothing was imported. Fix the files and run this again.",
            problems,
        )
    if not dry_run:
        with transaction.atomic():
            write(planned.plans, glossary, user=user, publish=publish, submit=submit, progress=progress)
    return ImportResult(
        created=[plan.page for plan in planned.plans if plan.is_new],
        updated=[plan.page for plan in planned.plans if not plan.is_new],
        notes=notes + planned.notes,
        not_found=planned.not_found,
        kept_related=planned.kept_related,
        submitted=submit and not dry_run,
        dry_run=dry_run,
    )


def size_problems(files, max_file_bytes, max_run_bytes):
    """A problem for each file over ``max_file_bytes``, and one when they come to more than ``max_run_bytes``."""
    problems, total = [], 0
    for path in files:
        size = path.stat().st_size
        total += size
        if size > max_file_bytes:
            problems.append(
                Problem(
                    str(path),
                    None,
                    f"The file is {megabytes(size)}, over the limit of {megabytes(max_file_bytes)} a file. "
                    "Split it, or raise the limit with --max-file-mb (GLOSSARY_IMPORT_MAX_FILE_BYTES).",
                )
            )
    if total > max_run_bytes:
        problems.append(
            Problem(
                str(files[0]),
                None,
                f"Together the files come to {megabytes(total)} ({count(len(files), 'file')}), over the limit "
                f"of {megabytes(max_run_bytes)} a run. Import them in several runs, or raise the limit with "
                "--max-run-mb (GLOSSARY_IMPORT_MAX_RUN_BYTES).",
            )
        )
    return problems


def term_size_problems(record, max_characters):
    """Problems with a term's size: a name longer than a page title can be, or more text than a term holds."""
    problems = []
    if len(record.term) > TERM_MAX_LENGTH:
        problems.append(record.at(f"The term's name has {len(record.term):,} characters, over {TERM_MAX_LENGTH}."))
    if record.characters > max_characters:
        problems.append(
            record.at(
                f"The term holds {record.characters:,} characters of text, over the limit of {max_characters:,} "
                "(GLOSSARY_IMPORT_MAX_TERM_CHARACTERS). Is more than one term run together here?"
            )
        )
    return problems


def megabytes(size):
    """``size`` in bytes for people: "4.2 MB", or "812 bytes" when under a tenth of a megabyte."""
    return f"{size / MEGABYTE:.1f} MB" if size >= MEGABYTE / 10 else f"{size:,} bytes"


def count(number, noun):
    return f"{number} {noun}{'' if number == 1 else 's'}"


def collect_files(paths):
    """The files named, or the .txt files found in named folders (each once, in a stable order), and problems."""
    files, problems, seen = [], [], set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                problems.append(Problem(str(given), None, "There are no .txt files in this folder."))
        elif path.is_file():
            found = [path]
            if path.suffix.lower() not in SUFFIXES:
                problems.append(Problem(str(given), None, "Not a .txt, .json or .csv file."))
                found = []
        else:
            found = []
            problems.append(Problem(str(given), None, "There is no such file or folder."))
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files, problems
