"""Site-wide files that are not pages: robots.txt, which points crawlers at the sitemap."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Site


@require_safe
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    site = Site.find_for_request(request)
    root_url = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    context = {"sitemap_url": root_url + reverse("sitemap")}
    return TemplateResponse(request, "robots.txt", context, content_type="text/plain; charset=utf-8")
