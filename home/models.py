"""The home page: the root of the public site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from delivery.cache_tags import add_cache_tags, show_pages
from delivery.languages import active_locale_id
from glossary.models import AZ_TAG, GlossaryIndexPage
from health_content.routing import OneQueryChildRoutingMixin


class HomePage(OneQueryChildRoutingMixin, Page):
    """Intro, featured articles, a search box and an A-Z strip into the glossary."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("featured_article_links", heading="Featured articles", label="Article", max_num=6),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["glossary.GlossaryIndexPage", "articles.ArticleIndexPage"]
    max_count = 1

    @property
    def localized(self):
        """This home page in the active language. Wagtail asks on every page view, starting with a query for
        the active Locale; the answer for a page already in that language comes from memory instead."""
        if active_locale_id() == self.locale_id:
            return self
        return super().localized

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each language's home page features its own articles: one in another language is left out.
        context["featured_articles"] = [
            link.article
            for link in self.featured_article_links.select_related("article")
            if link.article.live and link.article.locale_id == self.locale_id
        ]
        context["glossary"] = GlossaryIndexPage.objects.live().descendant_of(self).first()
        show_pages(request, context["featured_articles"])
        add_cache_tags(request, AZ_TAG)  # the A-Z strip
        return context


class HomeFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_article_links")
    article = models.ForeignKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article")]
