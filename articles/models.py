"""Article page types: the article list and the article page."""

from django.core.paginator import Paginator
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from health_content.blocks import ArticleBodyBlock
from health_content.models import (
    AutolinkExclusion,
    HealthContentPage,
    HealthIndexPage,
    Reference,
    RelatedArticleLink,
    RelatedTermLink,
)
from health_content.panels import CONNECTION_PANELS, IMAGE_PANELS, READABILITY_PANELS, health_page_tabs
from health_content.readability import block_texts

ARTICLES_PER_PAGE = 12
SUMMARY_MAX_LENGTH = 300


class ArticleIndexPage(HealthIndexPage):
    """Lists live articles, newest first."""

    subpage_types = ["articles.ArticlePage"]

    @property
    def routing_child_model(self):
        return ArticlePage

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            ArticlePage.objects.child_of(self)
            .live()
            .order_by("-first_published_at")
            .only("id", "title", "url_path", "summary", "first_published_at", "last_reviewed")
        )
        context["page_obj"] = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(HealthContentPage):
    """A plain-language health article with care-card callouts and references."""

    summary = models.TextField(
        max_length=SUMMARY_MAX_LENGTH,
        help_text="One or two sentences. Shown in lists and used as the description in search engines.",
    )
    body = StreamField(ArticleBodyBlock(), use_json_field=True)
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, help_text="Topics, such as cancer types.")

    content_panels = Page.content_panels + [
        *READABILITY_PANELS,
        FieldPanel("summary"),
        *IMAGE_PANELS,
        FieldPanel("body"),
        *CONNECTION_PANELS,
    ]
    edit_handler = health_page_tabs(content_panels)

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("live"),
    ]

    api_fields = [APIField("summary"), APIField("body"), *HealthContentPage.api_fields]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "article"

    summary_field = "summary"

    def readability_texts(self):
        return [self.summary, *block_texts(self.body.stream_block, self.body)]

    def incoming_term_links(self):
        from glossary.models import TermRelatedArticle

        return TermRelatedArticle.objects.filter(article=self)

    def incoming_article_links(self):
        return ArticleRelatedArticle.objects.filter(article=self)


class ArticleRelatedTerm(RelatedTermLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_term_links")


class ArticleRelatedArticle(RelatedArticleLink):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_article_links")


class ArticleReference(Reference):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")


class ArticleAutolinkExclusion(AutolinkExclusion):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="autolink_exclusions")
