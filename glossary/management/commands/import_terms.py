"""``manage.py import_terms``: plain-text term files become draft terms for clinical review, all or nothing.

Every file is read and checked (format, the page model's own validation, terms named twice) before
anything is written; one problem anywhere and nothing is saved. Terms are never published here: a new
term is added as a draft and an existing one (same slug) gets a new draft revision, so each change goes
through review in the admin like any other edit.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify
from tqdm import tqdm

from articles.models import ArticlePage
from glossary.importer import Problem, paragraphs_html, parse_term_file
from glossary.models import GlossaryIndexPage, TermPage, TermRelatedArticle, TermRelatedTerm
from health_content.models import MedicalDisclaimer

# Runs of at least this many files show a progress bar on stderr.
PROGRESS_MIN_FILES = 20


@dataclass
class PlannedTerm:
    """A checked term and what writing it will do."""

    page: TermPage  # a new, unsaved page, or the latest revision of the existing term
    is_new: bool
    related_term_slugs: list[str]
    related_article_ids: list[int]


class Command(BaseCommand):
    help = (
        "Import glossary terms from .txt files (or folders of them) as drafts. Writes nothing if any file is bad."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="A .txt file, or a folder of .txt files.")
        parser.add_argument("--dry-run", action="store_true", help="Check the files and report; write nothing.")

    def handle(self, *args, paths, dry_run, **options):
        glossary = GlossaryIndexPage.objects.first()
        if glossary is None:
            raise CommandError(
                "There is no glossary index page to import into. Add one under the home page, then run this again."
            )
        files, problems = collect_files(paths)
        texts = []
        for path in progress(files, "Checking"):
            try:
                text, file_problems = parse_term_file(path.read_bytes(), str(path))
            except OSError as error:
                text, file_problems = None, [Problem(str(path), None, f"Cannot read the file: {error.strerror}.")]
            problems += file_problems
            if text:
                texts.append(text)
        problems += repeated_terms(texts)

        names = SiteNames(glossary, texts)
        plans, not_found = [], []
        for text in texts:
            plan, term_problems, term_not_found = plan_term(text, glossary, names)
            plans.append(plan)
            problems += term_problems
            not_found += term_not_found

        if problems:
            for problem in sorted(problems, key=lambda problem: (problem.source, problem.line or 0)):
                self.stderr.write(str(problem))
            raise CommandError(
                f"{count(len(problems), 'problem')} found; nothing was imported. Fix the files and run this again."
            )
        new = sum(plan.is_new for plan in plans)
        if dry_run:
            summary = (
                f"Checked {count(len(plans), 'term')} ({new} new, {len(plans) - new} already in the glossary): "
                "no problems. Nothing was written (dry run)."
            )
        else:
            with transaction.atomic():
                write(plans, glossary, names.term_ids)
            summary = (
                f"Imported {count(len(plans), 'term')} as drafts "
                f"({new} new, {count(len(plans) - new, 'new revision')})."
            )
        if not_found:
            summary += f" {count(len(not_found), 'related item')} not found, so not linked:"
        self.stdout.write(summary)
        for item in not_found:
            self.stdout.write(f"  {item}")


def count(number, noun):
    return f"{number} {noun}{'' if number == 1 else 's'}"


def progress(items, description):
    """``items``, with a progress bar on stderr when there are enough of them to wait for."""
    return tqdm(items, desc=description, unit="term", file=sys.stderr, disable=len(items) < PROGRESS_MIN_FILES)


def collect_files(paths):
    """The .txt files named or found in the named folders (each once, in a stable order), and problems."""
    files, problems, seen = [], [], set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                problems.append(Problem(given, None, "There are no .txt files in this folder."))
        elif path.is_file():
            found = [path]
            if path.suffix.lower() != ".txt":
                problems.append(Problem(given, None, "Not a .txt file."))
        else:
            found = []
            problems.append(Problem(given, None, "There is no such file or folder."))
        for path in found:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                files.append(path)
    return files, problems


def repeated_terms(texts):
    """A problem for each term whose slug an earlier file of the run already uses."""
    first_by_slug, problems = {}, []
    for text in texts:
        first = first_by_slug.setdefault(text.slug, text)
        if first is not text:
            problems.append(
                Problem(
                    text.source,
                    text.what_is_line.number,
                    f"'{text.title}' is also in {first.source} (line {first.what_is_line.number}). "
                    "Import each term once.",
                )
            )
    return problems


class SiteNames:
    """Finds the terms, articles and disclaimers that a run's files name, with one query for each kind."""

    def __init__(self, glossary, texts):
        terms = TermPage.objects.child_of(glossary).values_list("pk", "slug", "title")
        self.term_ids = {slug: pk for pk, slug, _ in terms}
        self.term_slugs_by_title = {title.lower(): slug for _, slug, title in terms}
        self.run_slugs = {text.slug for text in texts}
        self.existing_pages = {
            page.slug: page for page in TermPage.objects.child_of(glossary).filter(slug__in=self.run_slugs)
        }
        self.articles = self._by_title(
            ArticlePage.objects.only("pk", "title").order_by("-live", "pk"),
            [line for text in texts for line in text.related_articles],
        )
        self.disclaimers = self._by_title(
            MedicalDisclaimer.objects.all(), [text.disclaimer for text in texts if text.disclaimer]
        )

    @staticmethod
    def _by_title(queryset, lines):
        """The objects the lines name by title (ignoring case), keyed by lower-case title; the first one wins."""
        found = {}
        wanted = {line.text.lower() for line in lines}
        for item in queryset.annotate(title_lower=Lower("title")).filter(title_lower__in=wanted):
            found.setdefault(item.title.lower(), item)
        return found

    def term_slug(self, name):
        """The slug of the term a line names, whether it is in this run or already in the glossary."""
        slug = slugify(name)
        if slug in self.run_slugs or slug in self.term_ids:
            return slug
        return self.term_slugs_by_title.get(name.lower())


def plan_term(text, glossary, names):
    """The page ``text`` will be written as, with its problems and the related items that were not found."""
    existing = names.existing_pages.get(text.slug)
    if existing:
        page = existing.get_latest_revision_as_object()
    else:
        page = TermPage(slug=text.slug, live=False, locale_id=glossary.locale_id)
    page.title = text.title
    page.definition = text.definition.text
    page.what_is_heading = ""
    if page.what_is_title != text.what_is_line.text:
        page.what_is_heading = text.what_is_line.text
    page.what_is = paragraphs_html(text.what_is)
    page.why_it_matters = paragraphs_html(text.why_it_matters)

    not_found = []
    page.disclaimer = None
    if text.disclaimer:
        page.disclaimer = names.disclaimers.get(text.disclaimer.text.lower())
        if page.disclaimer is None:
            not_found.append(
                Problem(text.source, text.disclaimer.number, f"medical disclaimer '{text.disclaimer.text}'")
            )

    term_slugs = []
    for line in text.related_terms:
        slug = names.term_slug(line.text)
        if slug is None:
            not_found.append(Problem(text.source, line.number, f"related term '{line.text}'"))
        elif slug != text.slug and slug not in term_slugs:
            term_slugs.append(slug)
    article_ids = []
    for line in text.related_articles:
        article = names.articles.get(line.text.lower())
        if article is None:
            not_found.append(Problem(text.source, line.number, f"related article '{line.text}'"))
        elif article.pk not in article_ids:
            article_ids.append(article.pk)

    problems = []
    if existing and existing.get_lock():
        problems.append(
            Problem(
                text.source,
                text.what_is_line.number,
                f"'{existing.title}' is locked in the admin: someone is editing it, it is in review or it is "
                "scheduled to go live. Import it again once that is finished.",
            )
        )
    try:
        page.full_clean(exclude=["path", "depth"] if not existing else None)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = TermPage._meta.get_field(field_name).verbose_name if field_name != "__all__" else "Term"
            for message in messages:
                problems.append(Problem(text.source, text.line_of(field_name), f"{label.capitalize()}: {message}"))
    return PlannedTerm(page, not existing, term_slugs, article_ids), problems, not_found


def write(plans, glossary, term_ids):
    """Add the new terms, then save one draft revision of every term with its related links.

    ``term_ids`` maps the slugs of the glossary's terms to their ids; the new terms join it here, so terms
    of one run can name each other.
    """
    term_ids = dict(term_ids)
    for plan in progress([plan for plan in plans if plan.is_new], "Adding new terms"):
        glossary.add_child(instance=plan.page)
        term_ids[plan.page.slug] = plan.page.pk
    for plan in progress(plans, "Saving drafts"):
        plan.page.related_term_links = [
            TermRelatedTerm(term_id=term_ids[slug], sort_order=order)
            for order, slug in enumerate(plan.related_term_slugs)
        ]
        plan.page.related_article_links = [
            TermRelatedArticle(article_id=article_id, sort_order=order)
            for order, article_id in enumerate(plan.related_article_ids)
        ]
        plan.page.save_revision(log_action="wagtail.create" if plan.is_new else True)
