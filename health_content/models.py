"""The disclaimer snippet, site-wide publishing settings and the abstract base of term and article pages."""

from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PageViewRestriction,
    RevisionMixin,
    Site,
    TranslatableMixin,
    WorkflowMixin,
    get_page_models,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from delivery.cache_policy import changes_at
from delivery.cache_tags import show_pages
from delivery.languages import language_code_of
from delivery.shared_state import SharedValue, bump

from .api_fields import DisclaimerField, ReferencesField, RelatedPagesField, TagNamesField
from .page_forms import HealthPageForm
from .readability import SpanishReadability, measure
from .review_dates import is_overdue, overdue_from
from .routing import OneQueryChildRoutingMixin
from .visibility import may_be_restricted, visible


@register_snippet
class MedicalDisclaimer(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, index.Indexed, models.Model
):
    """Wording that tells readers the page is information, not personal medical advice.

    Patients read it, so it goes through the clinical review like pages do: edits are saved as draft
    revisions and only a reviewer's sign-off publishes them. This row holds the published (live) wording;
    a disclaimer never published (``live`` is false) is not shown to readers.
    """

    title = models.CharField(max_length=120)
    body = RichTextField(features=["bold", "italic", "link"])

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="medical_disclaimer",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="medical_disclaimer",
        for_concrete_model=False,
    )

    translated_from_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a translation: the signed-off revision of the English wording it was translated from.",
    )

    panels = [FieldPanel("title"), FieldPanel("body")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        # Each language's wordings have titles of their own: a new translation starts as a copy of its
        # English one, title included, until the translator changes it.
        unique_together = [("translation_key", "locale"), ("title", "locale")]

    def __str__(self):
        return self.title


DEFAULT_DISCLAIMERS = "default-disclaimers"


@register_setting(icon="doc-full")
class PublishingSettings(BaseSiteSetting):
    """Choices that apply to every page of a site unless a page says otherwise."""

    default_disclaimer = models.ForeignKey(
        MedicalDisclaimer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on every term and article page that does not choose its own disclaimer.",
    )

    panels = [FieldPanel("default_disclaimer")]

    class Meta:
        verbose_name = "publishing settings"

    @classmethod
    def cached_default_disclaimer(cls, site):
        """The site's default disclaimer if it is published, kept until the settings or any disclaimer change."""
        return None if site is None else _default_disclaimers.get(site.pk)

    @classmethod
    def clear_cache(cls, **kwargs):
        bump(DEFAULT_DISCLAIMERS)


def _load_default_disclaimer(site_id):
    # Read without ``for_site``, which would create the settings row (and so forget this value) on a GET.
    settings = PublishingSettings.objects.filter(site_id=site_id).select_related("default_disclaimer").first()
    disclaimer = settings.default_disclaimer if settings else None
    return disclaimer if disclaimer is not None and disclaimer.live else None


_default_disclaimers = SharedValue(DEFAULT_DISCLAIMERS, _load_default_disclaimer)


class HealthIndexPage(OneQueryChildRoutingMixin, Page):
    """Abstract base of the glossary A-Z and the article list: one of each, directly under the home page."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count = 1
    # A term or article page shows its image and any page-specific disclaimer: load them while routing.
    routing_child_related = ("image", "disclaimer")

    class Meta:
        abstract = True


class HealthContentPage(Page):
    """Abstract base of term and article pages: image, disclaimer, review dates and related items.

    Concrete subclasses provide ``related_term_links`` and ``related_article_links`` (orderables built
    on :class:`RelatedTermLink` / :class:`RelatedArticleLink`), ``references``, and ``summary_field``, the
    field ``summary_text`` reads.
    """

    summary_field = None
    base_form_class = HealthPageForm

    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image_alt_text = models.CharField(
        max_length=250,
        blank=True,
        help_text="Describe what the image shows for people who cannot see it. Required with an image.",
    )
    disclaimer = models.ForeignKey(
        MedicalDisclaimer,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to show the site's default disclaimer.",
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    reviewed_by = models.CharField(
        max_length=255, blank=True, help_text="Name and credentials of the clinical reviewer."
    )
    readability_grade = models.FloatField(
        null=True,
        editable=False,
        help_text="Flesch-Kincaid grade of the saved text, kept up to date on save for the readability report.",
    )
    readability_inflesz = models.FloatField(
        null=True,
        editable=False,
        help_text=(
            "Spanish pages: Szigriszt-Pazos score (INFLESZ scale) of the saved text, kept up to date on save for "
            "the readability report."
        ),
    )
    translated_from_revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a translation: the signed-off revision of the English page it was translated from.",
    )

    # Shown after each subclass's own fields in the read API (see docs/api.md).
    api_fields = [
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField("fill-1200x675", source="image")),
        APIField("image_alt_text"),
        APIField("related_terms", serializer=RelatedPagesField("get_related_terms")),
        APIField("related_articles", serializer=RelatedPagesField("get_related_articles")),
        APIField("references", serializer=ReferencesField()),
        APIField("tags", serializer=TagNamesField()),
        APIField("disclaimer", serializer=DisclaimerField()),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewed_by"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.image_id and not self.image_alt_text.strip():
            errors["image_alt_text"] = "Describe the image for people who cannot see it."
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            errors["next_review_due"] = "The next review must be due after the last review."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A full save writes the page's content (creating or publishing it). Partial saves, such as
        # saving a draft revision, leave the live content and so its grade alone.
        if kwargs.get("update_fields") is None:
            self.fill_derived_fields()
        super().save(*args, **kwargs)

    def fill_derived_fields(self):
        """Set the fields a full save computes from the content; bulk writers, which skip save(), call it."""
        self.measure_readability_grade()

    def measure_readability_grade(self):
        """Set ``readability_grade`` (English) or ``readability_inflesz`` (Spanish) from this version's text
        (without saving); the other stays empty, so the two scales are never mixed."""
        measured = self.readability()
        spanish = isinstance(measured, SpanishReadability)
        self.readability_grade = measured.grade if measured and not spanish else None
        self.readability_inflesz = measured.score if spanish else None

    def readability_texts(self):
        """The plain-text pieces readers read on this page, in order (read as one text: see readability.py)."""
        raise NotImplementedError

    def readability(self):
        """How easy this version of the page is to read, in its language's formula (Flesch-Kincaid grade and
        reading age, or the Spanish Szigriszt-Pazos score), or None if it has no words."""
        return measure(self.readability_texts(), language_code_of(self.locale_id))

    @property
    def summary_text(self):
        return getattr(self, self.summary_field)

    @property
    def meta_description(self):
        """The short summary search engines and link previews show."""
        return self.search_description or self.summary_text

    def get_view_restrictions(self):
        """Wagtail's check on every page view asks the database (two queries) for restrictions on the page
        and its ancestors. Each process knows the restricted paths, so a page outside them needs none."""
        if may_be_restricted(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()

    def get_disclaimer(self, request):
        """The page's own disclaimer if it is published, else the site's default (published) one."""
        if self.disclaimer_id and self.disclaimer.live:
            return self.disclaimer
        return PublishingSettings.cached_default_disclaimer(Site.find_for_request(request))

    def get_related_terms(self):
        """Live terms this page lists, in the editor's order, then live terms whose pages list this one."""
        return self.related_pages()[0]

    def get_related_articles(self):
        """Live articles this page lists, in the editor's order, then live articles that list this one."""
        return self.related_pages()[1]

    def related_pages(self):
        """The related terms and the related articles (two lists), each as :func:`related_pages` gives them."""
        from articles.models import ArticlePage
        from glossary.models import TermPage

        terms = RelatedKind(TermPage, self.related_term_links.all(), "term", self.incoming_term_links())
        articles = RelatedKind(
            ArticlePage, self.related_article_links.all(), "article", self.incoming_article_links()
        )
        return related_pages(self, [terms, articles])

    def incoming_term_links(self):
        """Links from term pages that point at this page (a queryset of link rows)."""
        raise NotImplementedError

    def incoming_article_links(self):
        """Links from article pages that point at this page (a queryset of link rows)."""
        raise NotImplementedError

    @property
    def review_overdue(self):
        """Whether the next clinical review date has passed: readers are told the page is due for review."""
        return is_overdue(self.next_review_due)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.next_review_due and not self.review_overdue:
            # The footer says "due for review" from then on, though nobody publishes anything.
            changes_at(request, overdue_from(self.next_review_due))
        context["disclaimer"] = self.get_disclaimer(request)
        context["related_terms"], context["related_articles"] = self.related_pages()
        show_pages(request, [*context["related_terms"], *context["related_articles"]])
        context["references"] = list(self.references.all())
        context["tags"] = list(self.tags.all())
        return context


def health_content_page_models():
    """The concrete page types built on HealthContentPage: terms and articles."""
    return [model for model in get_page_models() if issubclass(model, HealthContentPage)]


# What a related page is shown with (its title, address and description, in links and structured data):
# loading only these, and the page type's ``summary_field``, keeps a page view cheap.
LINKED_PAGE_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "locale_id",
    "content_type_id",
    "search_description",
)


@dataclass(frozen=True)
class RelatedKind:
    """One kind of related page: its model, the page's own links to such pages (a queryset, or the links a
    preview holds in memory), the links' field naming the page, and the link rows of such pages that point
    back at this one (a queryset)."""

    model: type
    links: object
    target_field: str
    incoming_links: models.QuerySet


# Ranks a related page the editor did not choose: after every chosen one.
NOT_CHOSEN = (True, True, 0)


def related_pages(page, kinds):
    """For each of ``kinds``, the visible pages the editor chose (in the editor's order: links without an
    order last), then the visible pages that link back, each group A-Z by title, with no repeats.

    Besides reading the page's own links, this is one query for every kind together, whatever the number of
    links. Each page comes as its own type with its title, address and summary loaded.
    """
    chosen = {}
    for kind in kinds:
        for target_id, sort_order in kind.links.values_list(f"{kind.target_field}_id", "sort_order"):
            rank = (False, sort_order is None, sort_order or 0)
            chosen[target_id] = min(rank, chosen.get(target_id, rank))
    linking_back = Q()
    for kind in kinds:
        linking_back |= Q(pk__in=kind.incoming_links.values("page"))
    summaries = [F(f"{kind.model._meta.model_name}__{kind.model.summary_field}") for kind in kinds]
    found = (
        visible(Page.objects.all())
        .filter(Q(pk__in=list(chosen)) | linking_back)
        .exclude(pk=page.pk)
        .annotate(summary=Coalesce(*summaries, output_field=models.TextField()))
        .order_by("title", "pk")
        .values(*LINKED_PAGE_FIELDS, "summary")
    )
    lists = {ContentType.objects.get_for_model(kind.model).pk: [] for kind in kinds}
    # Sorted by rank alone, so pages of the same rank keep the database's order by title.
    for row in sorted(found, key=lambda row: chosen.get(row["id"], NOT_CHOSEN)):
        lists[row["content_type_id"]].append(linked_page(row))
    return list(lists.values())


def linked_page(row):
    """A page of its own type from a row of ``LINKED_PAGE_FIELDS`` and its ``summary`` (other fields deferred)."""
    model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    values = {**row, "page_ptr_id": row["id"], model.summary_field: row["summary"]}
    loaded = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(Page.objects.db, loaded, [values[name] for name in loaded])


class RelatedTermLink(Orderable):
    """One entry in a page's ordered list of related glossary terms."""

    term = models.ForeignKey("glossary.TermPage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("term")]

    class Meta(Orderable.Meta):
        abstract = True


class AutolinkExclusion(Orderable):
    """A glossary term that auto-linking leaves alone on one page, chosen by the page's editor."""

    term = models.ForeignKey(
        "glossary.TermPage",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Mentions of this term, and of its other names, will not link to it on this page.",
    )

    panels = [FieldPanel("term")]

    class Meta(Orderable.Meta):
        abstract = True


class RelatedArticleLink(Orderable):
    """One entry in a page's ordered list of related articles."""

    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        abstract = True


class Reference(Orderable):
    """A published source that supports what the page says."""

    title = models.CharField(max_length=300)
    source = models.CharField(max_length=200, help_text="Journal, organisation or publisher.")
    year = models.PositiveSmallIntegerField(validators=[MinValueValidator(1800), MaxValueValidator(2100)])
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[RegexValidator(r"^10\.\d{4,9}/\S+$", "Enter a DOI such as 10.1000/xyz123.")],
    )
    pubmed_id = models.CharField(
        "PubMed ID", max_length=12, blank=True, validators=[RegexValidator(r"^\d{1,10}$", "Digits only.")]
    )
    url = models.URLField("URL", blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("source"),
        FieldPanel("year"),
        FieldPanel("doi"),
        FieldPanel("pubmed_id"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.title}. {self.source}, {self.year}"

    @property
    def link(self):
        """The best address for the source: DOI, then PubMed, then the given URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pubmed_id:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pubmed_id}/"
        return self.url
