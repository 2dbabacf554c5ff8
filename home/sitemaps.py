"""``sitemap.xml``: a sitemap index naming one part per section (site pages, terms, articles), each paginated.

Crawlers fetch the index and then each part. Every answer is kept in Django's cache, keyed by the shared
version stamps (``delivery.page_cache.cached_for_everyone``), so a publish, unpublish, move or delete of any
page, or a change to a view restriction, is in every process's sitemap within a second; until then the index
costs one cache read whatever the size of the glossary. Addresses (and the index's) use the Wagtail Site's
address, which ``PUBLIC_SITE_URL`` sets, with each page's last publication date.
"""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap

from articles.models import ArticlePage
from delivery.page_cache import cached_for_everyone
from glossary.models import TermPage
from health_content.visibility import visible

URLS_PER_PART = 2_000


class SitePagesSitemap(Sitemap):
    """Live public pages other than terms and articles: home, the A-Z, the article list."""

    def items(self):
        return super().items().not_type(TermPage, ArticlePage)


class PageTypeSitemap(Sitemap):
    """Live public pages of one type, in tree order, loaded with only what an address and a date need."""

    model = None
    limit = URLS_PER_PART

    def items(self):
        fields = ("id", "path", "depth", "url_path", "slug", "last_published_at", "latest_revision_created_at")
        return visible(self.model.objects.all()).order_by("path").only(*fields)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]


class TermsSitemap(PageTypeSitemap):
    model = TermPage


class ArticlesSitemap(PageTypeSitemap):
    model = ArticlePage


SECTIONS = {"pages": SitePagesSitemap, "terms": TermsSitemap, "articles": ArticlesSitemap}


def site_for(request):
    return Sitemap(request).get_wagtail_site()


@require_safe
@cached_for_everyone
@x_robots_tag
def sitemap_index(request):
    """The index: one entry per page of each section, at the site's public address."""
    root_url = site_for(request).root_url
    entries = []
    for section, sitemap_class in SECTIONS.items():
        sitemap = sitemap_class(request)
        location = root_url + reverse("sitemap_part", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        pages = sitemap.paginator.num_pages
        entries += [
            SitemapIndexItem(location if page == 1 else f"{location}?p={page}", lastmod)
            for page in range(1, pages + 1)
        ]
    return TemplateResponse(request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml")


@require_safe
@cached_for_everyone
def sitemap_part(request, section):
    """One page (``?p=``) of one section's addresses."""
    if section not in SECTIONS:
        raise Http404("No such sitemap section.")
    return django_sitemap(request, {section: SECTIONS[section](request)}, section=section)
