"""URL routes: admin, read API, feedback, sitemap, robots.txt, health checks, then search and Wagtail's page
tree in each language (Spanish under /es/)."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from content_api import urls as content_api_urls
from delivery import health
from home import sitemaps
from home import views as home_views
from search import views as search_views

handler404 = "home.views.page_not_found"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", include(content_api_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("feedback/", include("feedback.urls")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap_part, name="sitemap_part"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Readers' pages in each language: English at the addresses they always had, Spanish under /es/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
