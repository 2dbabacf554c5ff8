"""Site-wide responses that are not pages: robots.txt (pointing crawlers at the sitemap) and the 404 page."""

from django.shortcuts import render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site

from home.templatetags.navigation_tags import menu_items


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    context = {"sitemap_url": root_url + reverse("sitemap")}
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """A 404 that helps the reader on: a search box and the site's main sections."""
    return render(request, "404.html", {"sections": menu_items(request)}, status=404)
