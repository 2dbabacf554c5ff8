"""The versioned export document and the two operations on it: export, and validate-then-import.

A document is ``{"format": "healthwords-content", "version": 1, <section key>: ..., ...}`` with one key
per section in :func:`portability.sections.sections`. Sections are exported in order and imported in
the same order, so a section may refer to anything an earlier section holds (terms name disclaimers by
title, for example). Everything is keyed by slug or title, never by database id.
"""

from django.db import transaction

from delivery import shared_state
from delivery.page_cache import PAGES
from glossary.linking.store import glossary_changed
from health_content.models import PublishingSettings
from portability.context import ExportContext, ImportContext
from portability.sections import sections

FORMAT = "healthwords-content"
VERSION = 1


class Problems:
    """Problems found while validating a document, each with where it is (``terms[3].definition``)."""

    def __init__(self):
        self.items = []

    def add(self, location, message):
        self.items.append(f"{location}: {message}")

    def __bool__(self):
        return bool(self.items)

    def __iter__(self):
        return iter(self.items)


class InvalidDocument(Exception):
    """The document cannot be imported; ``problems`` says why, and nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems.items)} problem(s) found")
        self.problems = problems


def export_document():
    context = ExportContext()
    document = {"format": FORMAT, "version": VERSION}
    for section in sections():
        document[section.key] = section.export(context)
    return document


def import_document(document, *, user=None, publish=False, progress=None, notes=None):
    """Validate the whole document, then write it in one transaction; raise InvalidDocument on problems.

    ``progress(total, description)`` must return an object with ``update(n)`` and ``close()`` (a tqdm
    bar, say). Things worth knowing that do not stop the import (a reviewer with no account here, say)
    are appended to the list ``notes``. Returns how many items each section created, by section key.
    """
    problems = Problems()
    if not isinstance(document, dict):
        problems.add("document", "must be a JSON object")
        raise InvalidDocument(problems)
    if document.get("format") != FORMAT:
        problems.add("format", f"must be {FORMAT!r}, got {document.get('format')!r}")
    if document.get("version") != VERSION:
        problems.add("version", f"must be {VERSION}, got {document.get('version')!r}")
    if problems:
        raise InvalidDocument(problems)

    parts = sections()
    unknown = set(document) - {"format", "version", *(section.key for section in parts)}
    if unknown:
        problems.add("document", f"unknown section(s) {', '.join(sorted(unknown))}")
    context = ImportContext(user=user, publish=publish, problems=problems)
    for section in parts:
        section.validate(document.get(section.key, section.empty), context)
    context.check_required()
    if notes is not None:
        notes.extend(context.notes)
    if problems:
        raise InvalidDocument(problems)

    with transaction.atomic():
        created = {section.key: section.write(context, progress) for section in parts}
        for section in parts:
            section.finish(context, progress)
        transaction.on_commit(lambda: refresh_public_caches(created, publish=publish))
    return created


def refresh_public_caches(created, *, publish):
    """Once the import is committed, forget what the public site cached about the content it changed.

    Pages are published in bulk without the ``page_published`` signal, which otherwise starts a new glossary
    version for auto-linking. Disclaimers and settings are saved normally, and their ``post_save`` signals
    clear the default-disclaimer cache, but inside the transaction: a request in between could cache the old
    default again, so it is cleared once more here. The main navigation lists the home page's children,
    which an import never adds, and search suggestions are not cached on the server.
    """
    if publish:
        shared_state.bump(PAGES)  # pages kept in Django's cache and sitemap parts
    if publish and created["terms"]:
        glossary_changed()
    if created["disclaimers"] or created["settings"]:
        PublishingSettings.clear_cache()
