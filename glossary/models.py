"""Glossary page types: the A-Z index and the term page with its structured sections."""

import string

from django.core.paginator import Paginator
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Lower, Substr, Upper
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

from health_content.api_fields import SynonymsField
from health_content.blocks import SECTION_FEATURES, TermSectionsBlock
from health_content.models import (
    AutolinkExclusion,
    HealthContentPage,
    HealthIndexPage,
    Reference,
    RelatedArticleLink,
    RelatedTermLink,
)
from health_content.panels import CONNECTION_PANELS, IMAGE_PANELS, READABILITY_PANELS, health_page_tabs
from health_content.readability import block_texts, rich_text_to_text
from health_content.visibility import visible

DEFINITION_MAX_LENGTH = 600
TERMS_PER_PAGE = 50
OTHER_INITIAL = "#"


def initial_of(title):
    """The A-Z heading a title files under: its first letter, or '#' for digits and symbols."""
    first = title[:1].upper()
    return first if first in string.ascii_uppercase else OTHER_INITIAL


def parse_letter(raw):
    """The A-Z letter (upper case) or '#' a visitor asked for, or '' when they asked for neither."""
    letter = raw.strip().upper()
    return letter if letter == OTHER_INITIAL or (len(letter) == 1 and letter in string.ascii_uppercase) else ""


def filter_by_initial(queryset, field, letter):
    """Rows whose ``field`` files under ``letter``: starts with it, or for '#' starts with no letter A-Z."""
    if letter == OTHER_INITIAL:
        return queryset.exclude(**{f"{field}__iregex": r"^[a-z]"})
    return queryset.filter(**{f"{field}__istartswith": letter})


class GlossaryIndexPage(HealthIndexPage):
    """The A-Z list of live terms, with letter navigation and pagination."""

    subpage_types = ["glossary.TermPage"]

    @property
    def routing_child_model(self):
        return TermPage

    def live_terms(self):
        return visible(TermPage.objects.child_of(self))

    def live_synonyms(self):
        return TermSynonym.objects.filter(page__in=self.live_terms().values("pk"))

    def letters(self):
        """Every letter A-Z (and '#'), each with whether any live term, or other name, files under it."""
        initials = set(
            self.live_terms()
            .order_by()
            .annotate(initial=Upper(Substr("title", 1, 1)))
            .values_list("initial", flat=True)
            .union(
                self.live_synonyms()
                .order_by()
                .annotate(initial=Upper(Substr("name", 1, 1)))
                .values_list("initial", flat=True)
            )
        )
        letters = [(letter, letter in initials) for letter in string.ascii_uppercase]
        has_other = any(initial not in string.ascii_uppercase for initial in initials)
        return letters + [(OTHER_INITIAL, has_other)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        letter = parse_letter(request.GET.get("letter", ""))
        page_obj = Paginator(self.entries(letter), TERMS_PER_PAGE).get_page(request.GET.get("page"))
        base_url = self.get_url(request)
        for entry in page_obj:
            entry["url"] = f"{base_url}{entry['term_slug']}/"
        context.update(letter=letter, letters=self.letters(), page_obj=page_obj)
        return context

    def entries(self, letter=""):
        """Live terms and their other names, A-Z, as dicts of name, slug, definition and "see" (the term
        an other name belongs to, or empty for a term). One query per page of results, plus the count.
        """
        terms = self.live_terms().annotate(
            name=F("title"), see=Value(""), summary=F("definition"), term_slug=F("slug"), sort_name=Lower("title")
        )
        synonyms = self.live_synonyms().annotate(
            see=F("page__title"), summary=Value(""), term_slug=F("page__slug"), sort_name=Lower("name")
        )
        if letter:
            terms, synonyms = (
                filter_by_initial(terms, "title", letter),
                filter_by_initial(synonyms, "name", letter),
            )
        columns = ("name", "see", "summary", "term_slug", "sort_name")
        return (
            terms.order_by()
            .values(*columns)
            .union(synonyms.order_by().values(*columns), all=True)
            .order_by("sort_name", "see")
        )


class TermPageTag(TaggedItemBase):
    content_object = ParentalKey("glossary.TermPage", on_delete=models.CASCADE, related_name="tagged_items")


class TermPage(HealthContentPage):
    """One glossary term: a short definition first, then plain-language sections."""

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
    what_is = RichTextField("What is it?", features=SECTION_FEATURES)
    why_it_matters = RichTextField("Why it matters", features=SECTION_FEATURES)
    extra_sections = StreamField(TermSectionsBlock(), blank=True, use_json_field=True)
    tags = ClusterTaggableManager(through=TermPageTag, blank=True, help_text="Topics, such as cancer types.")

    content_panels = Page.content_panels + [
        *READABILITY_PANELS,
        FieldPanel("pronunciation"),
        InlinePanel("synonyms", heading="Also called", label="Other name"),
        FieldPanel("definition"),
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

    class Meta:
        verbose_name = "glossary term"

    @property
    def summary_text(self):
        return self.definition

    @property
    def what_is_title(self):
        """The 'What is ...?' heading, generated from the term unless the editor wrote one."""
        if self.what_is_heading:
            return self.what_is_heading
        term = self.title
        # "Remission" -> "remission", but acronyms such as "HPV" keep their capitals.
        if len(term) > 1 and term[1:2].islower():
            term = term[0].lower() + term[1:]
        return f"What is {term}?"

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
        context["synonyms"] = [synonym.name for synonym in self.synonyms.all()]
        return context


class TermSynonym(Orderable):
    """Another name for a term ("also called"), such as "complete response"."""

    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=150)

    panels = [FieldPanel("name")]

    def __str__(self):
        return self.name


class TermRelatedTerm(RelatedTermLink):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="related_term_links")


class TermRelatedArticle(RelatedArticleLink):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="related_article_links")


class TermReference(Reference):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="references")


class TermAutolinkExclusion(AutolinkExclusion):
    page = ParentalKey(TermPage, on_delete=models.CASCADE, related_name="autolink_exclusions")
