"""The disclaimer snippet, site-wide publishing settings and the abstract base of term and article pages."""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import F, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
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
from delivery.page_cache import PAGES
from delivery.shared_state import SharedValue, bump

from .api_fields import DisclaimerField, ReferencesField, RelatedPagesField, TagNamesField
from .page_forms import DisclaimerForm, HealthPageForm
from .readability import SpanishReadability, measure
from .review_dates import is_overdue, overdue_from
from .routing import OneQueryChildRoutingMixin
from .visibility import may_be_restricted, restricted_paths, visible


def source_revision_field(what):
    """Where a translation keeps the signed-off English revision it was made from (health_content.translation)."""
    return models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=f"For a translation: the signed-off revision of the English {what} it was translated from.",
    )


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

    translated_from_revision = source_revision_field("wording")

    panels = [FieldPanel("matches_english"), FieldPanel("title"), FieldPanel("body")]
    base_form_class = DisclaimerForm
    search_fields = [index.SearchField("title"), index.AutocompleteField("title"), index.FilterField("locale")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        # Each language's wordings have titles of their own: a new translation starts as a copy of its
        # English one, title included, until the translator changes it.
        unique_together = [("translation_key", "locale"), ("title", "locale")]

    def __str__(self):
        return self.title

    @transaction.atomic
    def copy_for_translation(self, locale, exclude_fields=None):
        """A draft in ``locale`` of the signed-off wording readers see (not of a draft awaiting review), saved
        with a first revision by the translator. Only a reviewer's sign-off publishes it, as any disclaimer
        change. Refused (``review.translations.UnreviewedSourceError``) if the wording was never signed off.
        """
        from review.translations import current_translator

        live = type(self).objects.get(pk=self.pk)
        live.has_unpublished_changes = False  # so Wagtail copies the live row, not the latest draft
        translated = super(MedicalDisclaimer, live).copy_for_translation(locale, exclude_fields=exclude_fields)
        translated.live, translated.has_unpublished_changes, translated.locked = False, True, False
        for name in ("live_revision", "first_published_at", "last_published_at", "locked_at", "locked_by"):
            setattr(translated, name, None)
        translated.save()
        translated.save_revision(user=current_translator())
        return translated


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
    def cached_default_disclaimer(cls, site, locale_id=None):
        """The site's default disclaimer as readers of ``locale_id`` see it (:func:`disclaimer_for`), kept until
        the settings or any disclaimer change."""
        return None if site is None else _disclaimers.get((site.pk, None, locale_id))

    @classmethod
    def clear_cache(cls, **kwargs):
        bump(DEFAULT_DISCLAIMERS)


def disclaimer_for(disclaimer_id, locale_id):
    """The disclaimer ``disclaimer_id`` as readers of ``locale_id`` see it, kept until any disclaimer changes."""
    return _disclaimers.get((None, disclaimer_id, locale_id))


def _load_disclaimer(key):
    """For ``(site id, disclaimer id, locale id)``, the disclaimer (the site's default when no disclaimer is
    given) as readers of that language see it: its published version in that language, else its published
    English one. One query.

    A page in another language with no published translation of its disclaimer shows the English one (the
    page template marks its language): for patients, a disclaimer they may have to read with help is better
    than none at all.
    """
    site_id, disclaimer_id, locale_id = key
    default = PublishingSettings.objects.filter(site_id=site_id).values("default_disclaimer")[:1]
    chosen = MedicalDisclaimer.objects.filter(pk=disclaimer_id if disclaimer_id else Subquery(default))
    published = MedicalDisclaimer.objects.filter(translation_key__in=chosen.values("translation_key"), live=True)
    english = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    versions = {version.locale_id: version for version in published.select_related("locale")}
    in_english = [version for version in versions.values() if version.locale.language_code == english]
    return versions.get(locale_id) or next(iter(in_english), None)


_disclaimers = SharedValue(DEFAULT_DISCLAIMERS, _load_disclaimer)


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
    translated_from_revision = source_revision_field("page")

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

    @transaction.atomic
    def copy_for_translation(self, locale, *args, **kwargs):
        """Wagtail's copy, all or nothing: a copy of English never signed off is refused
        (``health_content.translation``) and then not left behind half made."""
        return super().copy_for_translation(locale, *args, **kwargs)

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
        """The page's own disclaimer if it is published, else the site's default (published) one, each in the
        page's language when it has a published translation (see :func:`_load_disclaimer`)."""
        if self.disclaimer_id:
            if self.disclaimer.live and self.disclaimer.locale_id == self.locale_id:
                return self.disclaimer  # the usual case, already loaded with the page
            own = disclaimer_for(self.disclaimer_id, self.locale_id)
            if own is not None:
                return own
        return PublishingSettings.cached_default_disclaimer(Site.find_for_request(request), self.locale_id)

    def get_related_terms(self):
        """Live terms this page lists, in the editor's order, then live terms whose pages list this one."""
        return self.related_pages()[0]

    def get_related_articles(self):
        """Live articles this page lists, in the editor's order, then live articles that list this one."""
        return self.related_pages()[1]

    def related_pages(self, request=None):
        """The related terms and the related articles (two lists), each as :func:`related_page_rows` gives
        them; for the live page being served, from this process's memory (:func:`live_parts`)."""
        if serves_live_page(request):
            rows = live_parts(self).related_rows
        else:
            rows = related_page_rows(self, self.related_kinds())
        return pages_from_rows(rows)

    def autolink_exclusion_ids(self, request=None):
        """The ids of the terms the editor chose not to auto-link on this page; for the live page being
        served, from this process's memory (:func:`live_parts`)."""
        if serves_live_page(request):
            return live_parts(self).autolink_exclusions
        return {exclusion.term_id for exclusion in self.autolink_exclusions.all()}

    def references_shown(self, request=None):
        """The page's references, in the editor's order; for the live page being served, from this process's
        memory (:func:`live_parts`)."""
        if serves_live_page(request):
            model = self.references.model
            return [model.from_db(self._state.db, REFERENCE_FIELDS, row) for row in live_parts(self).references]
        return list(self.references.all())

    def related_kinds(self):
        """The kinds of related page this page lists (:class:`RelatedKind`): terms, then articles."""
        from articles.models import ArticlePage
        from glossary.models import TermPage

        return [
            RelatedKind(TermPage, self.related_term_links.all(), "term", self.incoming_term_links()),
            RelatedKind(ArticlePage, self.related_article_links.all(), "article", self.incoming_article_links()),
        ]

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
        context["related_terms"], context["related_articles"] = self.related_pages(request)
        show_pages(request, [*context["related_terms"], *context["related_articles"]])
        context["references"] = self.references_shown(request)
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


def related_page_rows(page, kinds):
    """For each of ``kinds``, the visible pages the editor chose (in the editor's order: links without an
    order last), then the visible pages that link back, each group A-Z by title, with no repeats: as rows of
    ``LINKED_PAGE_FIELDS`` and ``summary``, all kinds together in that order.

    Besides reading the page's own links, this is one query for every kind together, whatever the number of
    links.
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
    # Sorted by rank alone, so pages of the same rank keep the database's order by title.
    return tuple(sorted(found, key=lambda row: chosen.get(row["id"], NOT_CHOSEN)))


def pages_from_rows(rows):
    """The related terms and the related articles (two lists) of :func:`related_page_rows`, each page a new
    object of its own type with its title, address and summary loaded."""
    from articles.models import ArticlePage
    from glossary.models import TermPage

    lists = {ContentType.objects.get_for_model(model).pk: [] for model in (TermPage, ArticlePage)}
    for row in rows:
        lists[row["content_type_id"]].append(linked_page(row))
    return list(lists.values())


@dataclass(frozen=True)
class LiveParts:
    """What readers see of a live page besides its own fields: its related pages (rows of
    :func:`related_page_rows`), the ids of the terms auto-linking leaves alone on it, and its references (rows
    of ``REFERENCE_FIELDS``)."""

    related_rows: tuple
    autolink_exclusions: frozenset
    references: tuple


def serves_live_page(request):
    """Whether ``request`` is served the live page, as stored, rather than a preview of an edit or a
    revision (whose links are held in the page object) or no request at all (the API, reports)."""
    return request is not None and not getattr(request, "is_preview", False)


def _load_live_parts(key):
    label, page_id, _restricted = key
    page = apps.get_model(label).objects.only("id").get(pk=page_id)
    return LiveParts(
        related_rows=related_page_rows(page, page.related_kinds()),
        autolink_exclusions=frozenset(page.autolink_exclusions.values_list("term_id", flat=True)),
        references=tuple(page.references.values_list(*REFERENCE_FIELDS)),
    )


# A live page's parts change only when it, or a page it lists or that lists it, is published, unpublished,
# moved or deleted (all bump ``pages``; saving a draft writes none of them), or when view restrictions change
# (part of the key). So each process reads them once per version, not on each view.
_live_parts = SharedValue(PAGES, _load_live_parts)


def live_parts(page):
    """The :class:`LiveParts` of the live ``page``, from this process's memory."""
    return _live_parts.get((page._meta.label, page.pk, tuple(restricted_paths())))


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


# Every column of a reference, but the page's (a reference is shown only on its own page).
REFERENCE_FIELDS = ["id", "sort_order", "title", "source", "year", "doi", "pubmed_id", "url"]


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
