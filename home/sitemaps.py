"""``sitemap.xml``: a sitemap index naming one part per section (site pages, terms, articles), each paginated.

Crawlers fetch the index and then each part. Every answer is kept in Django's cache, keyed by the shared
version stamps (``delivery.page_cache.cached_for_everyone``), so a publish, unpublish, move or delete of any
page, or a change to a view restriction, is in every process's sitemap within a second; until then the index
costs one cache read whatever the size of the glossary. Addresses (and the index's) use the Wagtail Site's
address, which ``PUBLIC_SITE_URL`` sets, with each page's last publication date.

Pages in every language are listed (Spanish ones under ``/es/``), each naming its visible versions in other
languages as ``xhtml:link`` alternates, itself included, with ``x-default`` for English
(``home.translations``): one more query per part, whatever its length.
"""

from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.db.models import Max, Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from articles.models import ArticlePage
from delivery.page_cache import cached_for_everyone
from glossary.models import TermPage
from health_content.visibility import visible

from .translations import default_version, versions_of

URLS_PER_PART = 2_000


class TranslatedSitemap(Sitemap):
    """Each address with its versions in other languages as alternates."""

    def _urls(self, page, protocol, domain):
        """Wagtail's, with the alternates of every page of this part found in one query."""
        items = list(self.paginator.page(page).object_list)
        versions = versions_of(items, self.request)
        urls = []
        for item in items:
            alternates = [{"lang_code": v.tag, "location": v.full_url} for v in versions.get(item.pk, [])]
            if english := default_version(versions.get(item.pk, [])):
                alternates.append({"lang_code": "x-default", "location": english.full_url})
            urls += [info | {"alternates": alternates} for info in item.get_sitemap_urls(self.request)]
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:  # none when the whole site is private
            self.latest_lastmod = max(last_mods)
        return urls


class SitePagesSitemap(TranslatedSitemap):
    """Live public pages other than terms and articles, in every language: home, the A-Z, the article list."""

    def items(self):
        # Each language's home page is a translation of the site's, beside it in the tree.
        homes = Page.objects.filter(translation_key=self.get_wagtail_site().root_page.translation_key)
        in_a_home = Q()
        for path in homes.values_list("path", flat=True):
            in_a_home |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
            .not_type(TermPage, ArticlePage)
        )


class PageTypeSitemap(TranslatedSitemap):
    """Live public pages of one type, in tree order, loaded with only what an address and a date need."""

    model = None
    limit = URLS_PER_PART

    def items(self):
        fields = (
            "id",
            "path",
            "depth",
            "url_path",
            "slug",
            "locale_id",
            "translation_key",
            "last_published_at",
            "latest_revision_created_at",
        )
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
