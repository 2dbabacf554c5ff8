"""Template tags for a page's <head>: description, canonical URL, Open Graph tags, the addresses of the page
in other languages (``hreflang``) and JSON-LD."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.utils.translation import get_language, to_locale
from wagtail.models import Site

from health_content.models import HealthContentPage
from health_content.structured_data import describe, json_ld_script, page_graph
from home.translations import default_version, page_versions

register = template.Library()

# Link previews (Open Graph) want a JPEG or PNG about 1200 pixels wide.
SHARE_IMAGE_SPEC = "width-1200|format-jpeg"


def canonical_url(page, request, context):
    """The page's address on its site, keeping only the query that changes what the page lists.

    Tracking parameters are dropped; an A-Z letter and a page number past the first are kept, since
    those pages list different terms.
    """
    params = {}
    if context.get("letter"):
        params["letter"] = context["letter"]
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1:
        params["page"] = page_obj.number
    url = page.get_full_url(request)
    return f"{url}?{urlencode(params)}" if params else url


def share_image(page, site):
    """The page's image as an absolute URL and its alt text, for link previews; None without an image."""
    if not getattr(page, "image_id", None):
        return None
    rendition = page.image.get_rendition(SHARE_IMAGE_SPEC)
    url = rendition.url
    if url.startswith("/") and site:
        url = site.root_url + url
    return {"url": url, "alt": page.image_alt_text}


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Tags that tell search engines and link previews what the page is and where it lives."""
    page = context.get("page")
    if page is None:
        return {}
    request = context["request"]
    site = Site.find_for_request(request)
    versions = page_versions(page, request)
    return {
        "title": page.seo_title or page.title,
        "description": describe(page),
        "canonical_url": canonical_url(page, request, context),
        "og_type": "article" if isinstance(page, HealthContentPage) else "website",
        "site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
        "image": share_image(page, site),
        "og_locale": to_locale(get_language()),
        "versions": versions,
        "default_version": default_version(versions),
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org graph as a JSON-LD script element (nothing for views without a page)."""
    page = context.get("page")
    if page is None:
        return ""
    return json_ld_script(page_graph(page, context["request"], context))
