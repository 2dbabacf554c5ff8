"""Turns term records from any reader into draft terms: checked first, then written in one go.

Planning resolves every record against the site and the rest of the run without writing anything:

- a record names an existing term when the names are the same ignoring case and accents
  (``glossary.names.fold``); that term gets a new draft revision, and the parts the record leaves
  empty keep what the term has (its related terms and articles too: a record that names related items
  replaces them, one with none keeps them);
- any other record is a new term, with a slug that keeps every word (``name_slug``); a slug another
  term already has gets a number and a note;
- a dictionary entry's trailing "Also called …" sentence becomes other names, and a definition over
  the limit is shortened to sentences that fit, its full text kept in "What is …?";
- an other name that is already another term's name is not added: it becomes a note and a
  ``PossibleDuplicate`` for editors to merge.

Writing adds new terms with the bulk page writer (a few queries per 500 terms) and saves a normal
revision of each existing term, so the real dictionary imports in seconds, not minutes.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.html import escape
from modelcluster.models import get_all_child_relations

from articles.models import ArticlePage
from glossary.models import (
    DEFINITION_MAX_LENGTH,
    PossibleDuplicate,
    TermPage,
    TermRelatedArticle,
    TermRelatedTerm,
    TermSynonym,
)
from glossary.names import fold, name_slug
from health_content import bulk_pages
from health_content.models import MedicalDisclaimer

from .also_called import extract_also_called
from .long_definitions import shorten
from .records import Problem
from .translations import Translations

OTHER_NAME_MAX_LENGTH = TermSynonym._meta.get_field("name").max_length
SLUG_MAX_LENGTH = TermPage._meta.get_field("slug").max_length
CHILD_RELATIONS = [relation.get_accessor_name() for relation in get_all_child_relations(TermPage)]
# The page fields a record fills; only these are checked before writing (the rest are Wagtail's own).
CHECKED_FIELDS = {"title", "slug", "definition", "pronunciation", "what_is_heading", "what_is", "why_it_matters"}


@dataclass(eq=False)
class Plan:
    """A checked record and what writing it will do."""

    record: object
    page: TermPage  # a new, unsaved page, or the latest revision of the existing term
    existing: TermPage | None
    other_names: list[str] | None = None  # None: the term keeps the other names it has
    related_terms: list | None = None  # Plans or ids of existing terms; None: keep
    related_article_ids: list[int] | None = None
    duplicates: list[tuple[str, object]] = field(default_factory=list)  # (name, Plan or id of the other term)

    @property
    def is_new(self):
        return self.existing is None


@dataclass
class Planned:
    plans: list[Plan]
    problems: list[Problem]
    notes: list[Problem]
    not_found: list[Problem]
    kept_related: list[TermPage]  # existing terms that keep their related items: the record lists none


def paragraphs_html(paragraphs):
    """Rich text with each paragraph escaped, so markup in a file stays visible text."""
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def term_id(ref):
    return ref.page.pk if isinstance(ref, Plan) else ref


def term_id_or_none(ref):
    """The id of a term already in the site (None for a term this run adds)."""
    if isinstance(ref, Plan):
        return ref.existing.pk if ref.existing else None
    return ref


def identity(ref):
    """One value per term, whether it is named by its plan or (already in the site) its id."""
    return term_id_or_none(ref) or id(ref)


class Site:
    """The glossary's terms, other names and slugs, and the articles and disclaimers a run names, read
    with one query each."""

    def __init__(self, glossary, records):
        self.glossary = glossary
        terms = list(TermPage.objects.child_of(glossary).values_list("pk", "title", "name_fold"))
        self.titles = {pk: title for pk, title, _ in terms}
        self.terms_by_fold = {}
        for pk, title, name_fold in sorted(terms):
            self.terms_by_fold.setdefault(name_fold, []).append((pk, title))
        self.slugs = dict(TermPage.objects.child_of(glossary).values_list("slug", "title"))
        self.slugs.update(
            (slug, None)
            for slug in glossary.get_children().exclude(slug__in=self.slugs).values_list("slug", flat=True)
        )
        self.other_names = {}  # fold -> (term id, name)
        synonyms = TermSynonym.objects.filter(page__in=self.titles).order_by("page_id", "sort_order")
        for page_id, name, name_fold in synonyms.values_list("page_id", "name", "name_fold"):
            self.other_names.setdefault(name_fold, (page_id, name))
        # Related articles and the disclaimer are named in the glossary's own language.
        self.articles = self._by_title(
            ArticlePage.objects.filter(locale_id=glossary.locale_id).only("pk", "title").order_by("-live", "pk"),
            [title for record in records for title, _ in record.related_articles],
        )
        self.disclaimers = self._by_title(
            MedicalDisclaimer.objects.filter(locale_id=glossary.locale_id),
            [record.disclaimer[0] for record in records if record.disclaimer],
        )

    @staticmethod
    def _by_title(queryset, titles):
        """The objects named by title (ignoring case), keyed by lower-case title; the first one wins."""
        found = {}
        wanted = {title.lower() for title in titles}
        for item in queryset.annotate(title_lower=Lower("title")).filter(title_lower__in=wanted):
            found.setdefault(item.title.lower(), item)
        return found

    def matching_term(self, name):
        """The id of the existing term ``name`` names: same title ignoring case, else ignoring accents too."""
        candidates = self.terms_by_fold.get(fold(name), [])
        for pk, title in candidates:
            if title.casefold() == name.casefold():
                return pk
        return candidates[0][0] if candidates else None


class Planner:
    """Plans a run's records in order, keeping the names and slugs taken so far."""

    def __init__(self, glossary, records):
        self.site = Site(glossary, records)
        self.translations = Translations(glossary, records)
        self.glossary = glossary
        self.problems, self.notes, self.not_found = [], [], []
        self.slugs = dict(self.site.slugs)  # slug -> title of the term that has it
        self.titles = {}  # fold -> Plan or id: every term title of the run and the site
        self.other_names = dict(self.site.other_names)  # fold -> (Plan or id, name): every other name so far
        self.duplicate_pairs = set()  # each pair of possible duplicates once, whichever way round
        self.records = self._without_repeats(records)
        existing = self._match_existing()
        pages = TermPage.objects.in_bulk([pk for pk in existing.values() if pk])
        self.plans = []
        for record in self.records:
            pk = existing[id(record)]
            self.plans.append(Plan(record, page=None, existing=pages.get(pk)))
        for pk, title in self.site.titles.items():
            self.titles.setdefault(fold(title), pk)
        for plan in self.plans:
            key = fold(plan.record.term)
            if plan.existing:
                self.titles[key] = plan
            elif isinstance(self.titles.get(key), Plan):
                first = self.titles[key]
                plan.duplicates.append((plan.record.term, first))
                self.notes.append(
                    plan.record.at(
                        f"'{plan.record.term}' may be the same term as '{first.record.term}' in "
                        f"{first.record.place}: both are imported, and listed as possible duplicates."
                    )
                )
            else:
                self.titles[key] = plan

    def _without_repeats(self, records):
        """The records less those naming a term an earlier record names, each a problem."""
        first_by_name, kept = {}, []
        for record in records:
            first = first_by_name.setdefault(record.term.casefold(), record)
            if first is record:
                kept.append(record)
            else:
                self.problems.append(
                    record.at(f"'{record.term}' is also in {first.place}. Import each term once.")
                )
        return kept

    def _match_existing(self):
        """Record -> the id of the existing term it updates (or None); two records for one term are a problem."""
        matches, claimed = {}, {}
        for record in self.records:
            pk = self.site.matching_term(record.term)
            if pk is not None and pk in claimed:
                self.problems.append(
                    record.at(
                        f"'{record.term}' and '{claimed[pk].term}' in {claimed[pk].place} both name the term "
                        f"'{self.site.titles[pk]}'. Import it once."
                    )
                )
            claimed.setdefault(pk, record)
            matches[id(record)] = pk
        return matches

    def is_name(self, text):
        """Whether ``text`` is the name of a term (in the run or the site) or one of its other names."""
        key = fold(text)
        return key in self.titles or key in self.other_names

    def plan(self):
        for plan in self.plans:
            self._plan(plan)
        kept_related = [plan.existing for plan in self.plans if self._keeps_related(plan)]
        return Planned(self.plans, self.problems, self.notes, self.not_found, kept_related)

    @staticmethod
    def _keeps_related(plan):
        """Whether an existing term keeps related items it has because the record lists none of that kind."""
        if plan.existing is None:
            return False
        return (plan.related_terms is None and plan.page.related_term_links.exists()) or (
            plan.related_article_ids is None and plan.page.related_article_links.exists()
        )

    def _plan(self, plan):
        record = plan.record
        if plan.existing:
            page = plan.existing.get_latest_revision_as_object()
            if plan.existing.get_lock():
                self.problems.append(
                    record.at(
                        f"'{plan.existing.title}' is locked in the admin: someone is editing it, it is in review "
                        "or it is scheduled to go live. Import it again once that is finished."
                    )
                )
        else:
            page = TermPage(slug=self._new_slug(record), live=False, locale_id=self.glossary.locale_id)
            for relation in CHILD_RELATIONS:
                # A new page has none yet; saying so saves a query per relation when its revision is made.
                setattr(page, relation, [])
        plan.page = page
        page.title = record.term
        other_names = list(record.other_names)
        definition, what_is = record.definition, list(record.what_is)
        if record.dictionary_entry:
            also_called = extract_also_called(definition, self.is_name, OTHER_NAME_MAX_LENGTH)
            if also_called.unclear:
                self.notes.append(
                    record.at(
                        f"The other names in 'Also called {also_called.unclear}.' cannot be told apart, so the "
                        "sentence stays in the definition. Add them as other names in the admin."
                    )
                )
            definition, other_names = also_called.definition, other_names + also_called.names
            page.definition_shortened = len(definition) > DEFINITION_MAX_LENGTH
            if page.definition_shortened:
                what_is = [definition, *what_is]
                definition = shorten(definition, DEFINITION_MAX_LENGTH)
                self.notes.append(
                    record.at(
                        f"The definition has {len(what_is[0])} characters, over the limit of "
                        f"{DEFINITION_MAX_LENGTH}: it holds the first {len(definition)} and the full text is in "
                        "'What is …?'. Listed in the 'Definitions to shorten' report."
                    )
                )
        page.definition = definition
        if record.pronunciation:
            page.pronunciation = record.pronunciation
        if record.what_is_heading:
            page.what_is_heading = ""
            if page.what_is_title != record.what_is_heading:
                page.what_is_heading = record.what_is_heading
        if what_is:
            page.what_is = paragraphs_html(what_is)
        if record.why_it_matters:
            page.why_it_matters = paragraphs_html(record.why_it_matters)
        self._related(plan)
        self.translations.link(plan, self.problems)
        if other_names:
            plan.other_names = self._other_names(plan, other_names)
        self._check(plan)

    def _new_slug(self, record):
        """A slug for a new term that no other term has, with a note when it is not the name's own."""
        slug = name_slug(record.term)[:SLUG_MAX_LENGTH].strip("-")
        if not slug:
            self.problems.append(record.at(f"'{record.term}' has no letters or digits to make a web address."))
            return slug
        wanted, number = slug, 1
        while slug in self.slugs:
            number += 1
            suffix = f"-{number}"
            slug = wanted[: SLUG_MAX_LENGTH - len(suffix)] + suffix
        if slug != wanted:
            holder = self.slugs[wanted]
            held_by = f"'{holder}'" if holder else "another page"
            self.notes.append(
                record.at(
                    f"'{record.term}' has the address '{slug}', because '{wanted}' is already the address of "
                    f"{held_by}."
                )
            )
        self.slugs[slug] = record.term
        return slug

    def _other_names(self, plan, names):
        """The other names to add: not the term's own name, not twice, and not another term's name."""
        record, own_id = plan.record, plan.existing.pk if plan.existing else None
        kept, seen = [], {fold(record.term)}
        for name in names:
            key = fold(name)
            if key in seen:
                continue
            seen.add(key)
            if len(name) > OTHER_NAME_MAX_LENGTH:
                self.problems.append(
                    record.at(f"The other name '{name}' is longer than {OTHER_NAME_MAX_LENGTH} characters.")
                )
                continue
            owner = self.titles.get(key)
            owner_name = None
            if owner is not None and owner not in (plan, own_id):
                owner_name = owner.record.term if isinstance(owner, Plan) else self.site.titles[owner]
                kind = "the name"
            elif key in self.other_names and self.other_names[key][0] not in (plan, own_id):
                owner, other_name = self.other_names[key]
                owner_name = owner.record.term if isinstance(owner, Plan) else self.site.titles[owner]
                kind = f"an other name ('{other_name}')"
            if owner_name is None:
                kept.append(name)
                self.other_names[key] = (plan, name)
                continue
            self._link_related(plan, owner)
            pair = frozenset({identity(plan), identity(owner)})
            if pair not in self.duplicate_pairs:
                self.duplicate_pairs.add(pair)
                plan.duplicates.append((name, owner))
            self.notes.append(
                record.at(
                    f"'{name}' is not added as an other name of '{record.term}': it is {kind} of the term "
                    f"'{owner_name}', which becomes a related term. Listed in the 'Possible duplicates' report."
                )
            )
        return kept

    @staticmethod
    def _link_related(plan, ref):
        """Add the term ``ref`` to the plan's related terms (keeping the ones an existing term has)."""
        if plan.related_terms is None:
            existing = plan.page.related_term_links.all() if plan.existing else []
            plan.related_terms = [link.term_id for link in existing]
        if ref not in plan.related_terms and term_id_or_none(ref) not in plan.related_terms:
            plan.related_terms.append(ref)

    def _related(self, plan):
        record = plan.record
        if record.related_terms:
            plan.related_terms = []
            for name, line in record.related_terms:
                ref = self.titles.get(fold(name))
                if ref is None:
                    self.not_found.append(record.at_line(line, f"related term '{name}'"))
                elif ref is not plan and ref not in plan.related_terms and ref != getattr(plan.existing, "pk", 0):
                    plan.related_terms.append(ref)
        if record.related_articles:
            plan.related_article_ids = []
            for title, line in record.related_articles:
                article = self.site.articles.get(title.lower())
                if article is None:
                    self.not_found.append(record.at_line(line, f"related article '{title}'"))
                elif article.pk not in plan.related_article_ids:
                    plan.related_article_ids.append(article.pk)
        if record.disclaimer:
            title, line = record.disclaimer
            disclaimer = self.site.disclaimers.get(title.lower())
            if disclaimer is None:
                self.not_found.append(record.at_line(line, f"medical disclaimer '{title}'"))
            else:
                plan.page.disclaimer = disclaimer

    def _check(self, plan):
        """The page model's own rules for the fields a record fills (lengths, required text)."""
        page, record = plan.page, plan.record
        exclude = [field.name for field in TermPage._meta.fields if field.name not in CHECKED_FIELDS]
        if not page.slug:
            exclude.append("slug")  # already reported
        try:
            page.clean_fields(exclude=exclude)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                label = TermPage._meta.get_field(field_name).verbose_name
                for message in messages:
                    self.problems.append(record.at(f"{label.capitalize()}: {message}", field_name))


def plan_records(records, glossary):
    """What importing ``records`` under ``glossary`` would do, and its problems; writes nothing."""
    return Planner(glossary, records).plan()


def write(plans, glossary, *, user=None, publish=False, submit=False, progress=None):
    """Add the new terms in bulk and save a draft revision of each existing one, then note the possible
    duplicates. ``publish`` (for test and evaluation set-ups, not the command) makes them live at once;
    ``submit`` starts the workflow (the clinical review) on each draft, as "Submit for review" does."""
    progress = progress or (lambda items, description: items)
    new = [plan for plan in plans if plan.is_new]
    bulk_pages.insert_tree_rows(glossary, [plan.page for plan in new])
    batches = [new[start : start + bulk_pages.BATCH_SIZE] for start in range(0, len(new), bulk_pages.BATCH_SIZE)]
    for batch in progress(batches, "Adding new terms"):
        pages = [plan.page for plan in batch]
        for plan in batch:
            set_children(plan)
            plan.page.fill_name_fields()
            plan.page.measure_readability_grade()  # what page.save() does; the bulk insert does not call it
        bulk_pages.insert_specific_rows(TermPage, pages)
        for relation, model in (
            ("synonyms", TermSynonym),
            ("related_term_links", TermRelatedTerm),
            ("related_article_links", TermRelatedArticle),
        ):
            children = []
            for page in pages:
                for child in getattr(page, relation).all():
                    child.page_id = page.pk
                    children.append(child)
            bulk_pages.insert_children(model, children)
        publish_ids = {page.pk for page in pages} if publish else set()
        bulk_pages.save_revisions(pages, user=user, publish_ids=publish_ids)
        bulk_pages.update_indexes(TermPage, pages)
    for plan in progress([plan for plan in plans if not plan.is_new], "Saving drafts"):
        set_children(plan)
        revision = plan.page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    PossibleDuplicate.objects.bulk_create(
        [
            PossibleDuplicate(term_id=plan.page.pk, other_id=term_id(other), name=name)
            for plan in plans
            for name, other in plan.duplicates
        ],
        batch_size=bulk_pages.BATCH_SIZE,
        ignore_conflicts=True,
    )
    if submit:
        for plan in progress(plans, "Submitting for review"):
            plan.page.get_workflow().start(plan.page, user)


def set_children(plan):
    """Give the page its other names and related links (each filled in for the bulk insert)."""
    page = plan.page
    if plan.other_names is not None:
        settings = {synonym.name_fold: synonym.autolink for synonym in page.synonyms.all()}
        synonyms = []
        for order, name in enumerate(plan.other_names):
            synonym = TermSynonym(page=page, name=name, sort_order=order)
            synonym.fill_name_fields()  # in the term's language
            synonym.autolink = settings.get(synonym.name_fold, synonym.autolink)  # keep an editor's choice
            synonyms.append(synonym)
        page.synonyms = synonyms
    if plan.related_terms is not None:
        page.related_term_links = [
            TermRelatedTerm(term_id=term_id(ref), sort_order=order) for order, ref in enumerate(plan.related_terms)
        ]
    if plan.related_article_ids is not None:
        page.related_article_links = [
            TermRelatedArticle(article_id=article_id, sort_order=order)
            for order, article_id in enumerate(plan.related_article_ids)
        ]
