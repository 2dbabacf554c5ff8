"""Glossary page types: the A-Z index and the term page with its structured sections."""

import heapq
import itertools
from collections import Counter

from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Value
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from delivery.cache_tags import add_cache_tags
from delivery.languages import language_code_of, locale_codes
from delivery.page_cache import PAGES
from delivery.shared_state import SharedValue
from health_content.api_fields import SynonymsField
from health_content.blocks import SECTION_FEATURES, TermSectionsBlock
from health_content.models import (
    AutolinkExclusion,
    HealthContentPage,
    HealthIndexPage,
    Reference,
    RelatedArticleLink,
    RelatedTermLink,
    serves_live_page,
)
from health_content.panels import CONNECTION_PANELS, IMAGE_PANELS, READABILITY_PANELS, health_page_tabs
from health_content.readability import block_texts, rich_text_to_text
from health_content.visibility import restricted_paths, visible

from .linking.policy import autolink_field, default_for
from .names import (
    NAME_KEY_MAX_LENGTH,
    OTHER_INITIAL,
    fold,
    initial_of,
    letters_of,
    name_key,
    name_slug,
    parse_letter,
    sort_name_of,
)

DEFINITION_MAX_LENGTH = 600
# The cache tag of every response showing the A-Z: the index, its letter pages and the home page's strip.
AZ_TAG = "az"
TERMS_PER_PAGE = 50
# The shared-state name of the A-Z's counts per letter: bumped whenever the glossary changes.
A_TO_Z = "glossary-a-z"
# The columns FiledName fills from the name on save.
NAME_FIELDS = ("initial", "sort_name", "name_fold", "name_key", "autolink")


def a_to_z_indexes(model_name):
    """A page of a letter, or of the whole A-Z, is read in order from one of these indexes."""
    return [
        models.Index(fields=["initial", "sort_name"], name=f"glossary_{model_name}_az"),
        models.Index(fields=["sort_name"], name=f"glossary_{model_name}_sort"),
    ]


class FiledName(models.Model):
    """What a term title and an other name share: where the name files in the A-Z, the forms search and
    duplicate checks compare, and whether it may be auto-linked (see ``glossary.linking.policy``).

    ``name_fold`` is the name as compared for sameness (case, accents, punctuation, spelling: see
    ``glossary.names``), ``name_key`` its stemmed form for search, ``sort_name`` the key the A-Z orders it
    by. All are computed in the language of the term (its locale): Spanish names file under Ñ, sort
    without accents and stem with the Spanish stemmer. They and ``initial`` are kept from the name on every
    save (and by the bulk importers through :meth:`fill_name_fields`), so the A-Z and search read indexed
    columns instead of scanning names: a page of the A-Z reads one page of rows from an (initial,
    sort_name) index.
    """

    initial = models.CharField(max_length=1, editable=False, db_index=True, default="#")
    sort_name = models.CharField(max_length=NAME_KEY_MAX_LENGTH, editable=False, default="")
    name_fold = models.CharField(max_length=NAME_KEY_MAX_LENGTH, editable=False, db_index=True, default="")
    name_key = models.CharField(max_length=NAME_KEY_MAX_LENGTH, editable=False, db_index=True, default="")
    autolink = autolink_field()

    name_field = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or self.name_field in update_fields:
            self.fill_name_fields()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *NAME_FIELDS}
        super().save(*args, **kwargs)

    @property
    def filed_name(self):
        return getattr(self, self.name_field)

    def term_locale_id(self):
        """The locale of the term the name belongs to."""
        raise NotImplementedError

    def fill_name_fields(self):
        """Set ``initial``, ``sort_name``, ``name_fold``, ``name_key`` and (when empty) ``autolink`` from the
        name (no save), in the term's language."""
        name = self.filed_name or ""
        language = language_code_of(self.term_locale_id())
        self.initial = initial_of(name, language)
        self.sort_name = sort_name_of(name, language)
        self.name_fold = fold(name, language)[:NAME_KEY_MAX_LENGTH]
        self.name_key = name_key(name, language)
        if not self.autolink:
            self.autolink = default_for(name, self.defining_text(), language).setting

    def defining_text(self):
        """The definition that tells what the name means here ("" when it is not at hand)."""
        return ""


class GlossaryIndexPage(HealthIndexPage):
    """The A-Z list of live terms, with letter navigation and pagination."""

    subpage_types = ["glossary.TermPage"]

    @property
    def routing_child_model(self):
        return TermPage

    def live_terms(self):
        return visible(TermPage.objects.child_of(self))

    def route(self, request, path_components):
        """A term by its slug; a term's address in other capitals, or an other name's address
        (``/glossary/chemo/``), redirects permanently to the term."""
        try:
            return super().route(request, path_components)
        except Http404:
            if len(path_components) != 1:
                raise
            term = self.term_for_address(path_components[0])
            if term is None:
                raise
            return RouteResult(self, kwargs={"redirect_to": f"{self.get_url(request)}{term.slug}/"})

    def term_for_address(self, slug):
        """The live term whose slug, ignoring case, or one of whose other names' slugs is ``slug``."""
        terms = self.live_terms().only("id", "slug")
        return (
            terms.filter(slug__iexact=slug).first()
            or terms.filter(synonyms__slug=slug.lower()).order_by("title", "pk").first()
        )

    def serve(self, request, *args, redirect_to=None, **kwargs):
        if redirect_to:
            return HttpResponsePermanentRedirect(redirect_to)
        return super().serve(request, *args, **kwargs)

    def live_synonyms(self):
        return visible(
            TermSynonym.objects.filter(page__path__startswith=self.path, page__depth=self.depth + 1), "page__"
        )

    def see_entries(self):
        """Other names the A-Z lists as "see" entries: not those that are the name of a live term (the
        same name, ignoring case, accents and spelling), so no entry ever points in a circle. Each name is
        checked with one probe of the indexed ``name_fold``, never against a list of every term."""
        return self.live_synonyms().exclude(Exists(self.live_terms().filter(name_fold=OuterRef("name_fold"))))

    @property
    def language(self):
        return language_code_of(self.locale_id)

    def letter_counts(self):
        """How many A-Z entries file under each letter (as a dict; absent letters have none)."""
        return _a_to_z_counts.get((self.pk, tuple(restricted_paths())))

    def letters(self):
        """Every letter of the index's alphabet (A-Z, with Ñ in Spanish, and '#'), each with whether any live
        term, or other name, files under it."""
        counts = self.letter_counts()
        return [(letter, letter in counts) for letter in letters_of(self.language)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        letter = parse_letter(request.GET.get("letter", ""), self.language)
        page_obj = Paginator(self.entries(letter), TERMS_PER_PAGE).get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        for entry in page_obj:
            entry["url"] = f"{base_url}{entry['term_slug']}/"
        context.update(letter=letter, letters=self.letters(), page_obj=page_obj)
        add_cache_tags(request, AZ_TAG)
        return context

    def entries(self, letter=""):
        """Live terms and their other names, A-Z (under ``letter``, or all: '#', then A to Z), for a
        paginator."""
        return AToZEntries(self, letter)


def _load_a_to_z_counts(key):
    index = GlossaryIndexPage.objects.get(pk=key[0])
    counts = Counter()
    for names in (index.live_terms(), index.see_entries()):
        for initial, count in (
            names.order_by().values("initial").annotate(count=Count("pk")).values_list("initial", "count")
        ):
            counts[initial] += count
    return dict(counts)


# Counted once per change to the glossary (``glossary.linking.store.glossary_changed`` bumps it), in each
# process, so a page of the A-Z never counts the whole glossary.
_a_to_z_counts = SharedValue(A_TO_Z, _load_a_to_z_counts)


def whole_a_to_z(language):
    """The headings of the whole A-Z in order: numbers and symbols first, as sorting by name always did."""
    return [OTHER_INITIAL, *(letter for letter in letters_of(language) if letter != OTHER_INITIAL)]


class AToZEntries:
    """The entries of one letter of the A-Z (or of all of it, letter after letter), as a sequence a
    paginator slices.

    A slice reads, for each letter it covers, only the rows up to its end, in order, from the
    (initial, sort_name) indexes of terms and of other names, and merges the two: a page costs the same
    with 1,000 terms as with 10,000. The counts per letter (cached) say which letters a slice covers.
    """

    columns = ("name", "see", "summary", "term_slug", "sort_name")

    def __init__(self, index, letter=""):
        self.index, self.letter = index, letter
        self.counts = index.letter_counts()

    def count(self):
        return self.counts.get(self.letter, 0) if self.letter else sum(self.counts.values())

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice) or item.step is not None:
            raise TypeError("A-Z entries are read a page (a slice) at a time.")
        start, stop = item.start or 0, item.stop
        entries, position = [], 0
        for letter in [self.letter] if self.letter else whole_a_to_z(self.index.language):
            count = self.counts.get(letter, 0)
            if position < stop and position + count > start:
                entries += self.of_letter(letter, max(start - position, 0), stop - position)
            position += count
        return entries

    def of_letter(self, letter, start, stop):
        """Entries ``start`` to ``stop`` under ``letter``, in A-Z order (terms before other names that
        read the same)."""
        index = self.index
        terms = index.live_terms().annotate(
            name=F("title"), see=Value(""), summary=F("definition"), term_slug=F("slug")
        )
        synonyms = index.see_entries().annotate(see=F("page__title"), summary=Value(""), term_slug=F("page__slug"))
        rows = [
            terms.filter(initial=letter).order_by("sort_name", "pk").values(*self.columns)[:stop],
            synonyms.filter(initial=letter).order_by("sort_name", "see", "pk").values(*self.columns)[:stop],
        ]
        merged = heapq.merge(*rows, key=lambda row: (row["sort_name"], row["see"]))
        return list(itertools.islice(merged, start, stop))


class TermPageTag(TaggedItemBase):
    content_object = ParentalKey("glossary.TermPage", on_delete=models.CASCADE, related_name="tagged_items")


class TermPage(FiledName, HealthContentPage):
    """One glossary term: a short definition first, then plain-language sections.

    A short entry, such as one imported from a dictionary, has only its definition: its page leaves out
    the empty sections.
    """

    pronunciation = models.CharField(
        max_length=100, blank=True, help_text='How to say the term, for example "ree-MISH-un".'
    )
    definition = models.TextField(
        validators=[MaxLengthValidator(DEFINITION_MAX_LENGTH)],
        help_text=(
            "One or two plain sentences that stand on their own. Shown first, in search results and "
            f"in pop-ups. At most {DEFINITION_MAX_LENGTH} characters."
        ),
    )
    what_is_heading = models.CharField(
        "'What is' heading",
        max_length=150,
        blank=True,
        help_text='Leave empty for "What is <term>?". Use it for wording such as "What is a biopsy?".',
    )
    definition_shortened = models.BooleanField(
        "Definition to shorten",
        default=False,
        help_text=(
            'Set by an import whose definition was too long: the full text is in "What is it?" and the '
            "definition holds its first sentences. Untick once you have rewritten the definition."
        ),
    )
    what_is = RichTextField("What is it?", features=SECTION_FEATURES, blank=True)
    why_it_matters = RichTextField("Why it matters", features=SECTION_FEATURES, blank=True)
    extra_sections = StreamField(TermSectionsBlock(), blank=True, use_json_field=True)
    tags = ClusterTaggableManager(through=TermPageTag, blank=True, help_text="Topics, such as cancer types.")

    content_panels = Page.content_panels + [
        *READABILITY_PANELS,
        FieldPanel("pronunciation"),
        FieldPanel("autolink"),
        InlinePanel("synonyms", heading="Also called", label="Other name"),
        FieldPanel("definition"),
        FieldPanel("definition_shortened"),
        FieldPanel("what_is_heading"),
        FieldPanel("what_is"),
        FieldPanel("why_it_matters"),
        FieldPanel("extra_sections"),
        *IMAGE_PANELS,
        *CONNECTION_PANELS,
    ]
    edit_handler = health_page_tabs(content_panels)

    search_fields = Page.search_fields + [
        index.SearchField("definition"),
        index.SearchField("what_is"),
        index.SearchField("why_it_matters"),
        index.SearchField("extra_sections"),
        index.RelatedFields("synonyms", [index.SearchField("name"), index.AutocompleteField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("live"),
    ]

    api_fields = [
        APIField("pronunciation"),
        APIField("also_called", serializer=SynonymsField(source="synonyms")),
        APIField("definition"),
        APIField("what_is_title", serializer=serializers.CharField(read_only=True)),
        APIField("what_is"),
        APIField("why_it_matters"),
        APIField("extra_sections"),
        *HealthContentPage.api_fields,
    ]

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []

    name_field = "title"

    class Meta:
        verbose_name = "glossary term"
        indexes = a_to_z_indexes("term")

    def __str__(self):
        return self.title

    def fill_derived_fields(self):
        super().fill_derived_fields()
        self.fill_name_fields()

    def term_locale_id(self):
        return self.locale_id

    summary_field = "definition"

    def defining_text(self):
        return self.definition or ""

    @property
    def what_is_title(self):
        """The 'What is ...?' heading, generated from the term unless the editor wrote one."""
        if self.what_is_heading:
            return self.what_is_heading
        term = self.title
        # "Remission" -> "remission", but acronyms such as "HPV" keep their capitals.
        if len(term) > 1 and term[1:2].islower():
            term = term[0].lower() + term[1:]
        with translation.override(locale_codes().get(self.locale_id)):  # in the term's language
            return translation.gettext("What is %(term)s?") % {"term": term}

    def readability_texts(self):
        return [
            self.definition,
            rich_text_to_text(self.what_is),
            rich_text_to_text(self.why_it_matters),
            *block_texts(self.extra_sections.stream_block, self.extra_sections),
        ]

    def incoming_term_links(self):
        return TermRelatedTerm.objects.filter(term=self)

    def incoming_article_links(self):
        from articles.models import ArticleRelatedTerm

        return ArticleRelatedTerm.objects.filter(term=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if serves_live_page(request):
            context["synonyms"] = list(_live_other_names.get(self.pk))
        else:
            context["synonyms"] = [synonym.name for synonym in self.synonyms.all()]
        return context

    def cache_purge_tags(self):
        """Besides the page's own cached copies (``delivery.purge``), a term shows on the A-Z."""
        return [AZ_TAG]


def _load_other_names(term_id):
    return tuple(TermSynonym.objects.filter(page_id=term_id).values_list("name", flat=True))


# A live term's other names change only when it is published (saving a draft writes none of them), which
# bumps ``pages``: each process reads them once per version, not on each view of the term.
_live_other_names = SharedValue(PAGES, _load_other_names)


class TermSynonym(FiledName, Orderable):
    """Another name for a term ("also called"), such as "complete response".

    ``slug`` is the name as a web address: ``/glossary/<slug>/`` redirects to the term.
    """

    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=150)
    slug = models.SlugField(max_length=255, editable=False, default="", allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("autolink")]

    name_field = "name"

    class Meta(Orderable.Meta):
        indexes = a_to_z_indexes("synonym")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "slug"}
        super().save(*args, **kwargs)

    def term_locale_id(self):
        page = getattr(self, "page", None)  # None while the name belongs to no term
        return page.locale_id if page else None

    def fill_name_fields(self):
        super().fill_name_fields()
        self.slug = name_slug(self.name)[:255]


class PossibleDuplicate(models.Model):
    """Two terms that may be one concept: an import met ``name`` as another name of ``term``, but it is
    already the name of ``other`` (ignoring case, accents and spelling), so it was not added twice."""

    term = models.ForeignKey(TermPage, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(TermPage, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=150)
    noted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["term__title", "other__title"]
        constraints = [
            models.UniqueConstraint(fields=["term", "other", "name"], name="unique_possible_duplicate"),
        ]

    def __str__(self):
        return f"{self.term} / {self.other}: {self.name}"


class AutolinkSnapshot(models.Model):
    """The auto-link matcher of one glossary version, built once and read by every process.

    The newest row is the current version; ``glossary.linking.store`` writes a new one when a term goes
    live, changes or goes, and keeps only the last few.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    data = models.TextField(help_text="The matcher as JSON.")

    class Meta:
        get_latest_by = "pk"

    def __str__(self):
        return f"Glossary auto-link version {self.pk}"


class TermRelatedTerm(RelatedTermLink):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="related_term_links")


class TermRelatedArticle(RelatedArticleLink):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="related_article_links")


class TermReference(Reference):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="references")


class TermAutolinkExclusion(AutolinkExclusion):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="autolink_exclusions")
