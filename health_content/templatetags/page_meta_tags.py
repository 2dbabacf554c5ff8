"""Template tags for a page's <head>: description, canonical URL, Open Graph tags and JSON-LD."""

from django import template
from django.conf import settings
from wagtail.models import Site

from health_content.models import HealthContentPage
from health_content.structured_data import describe, json_ld_script, page_graph

register = template.Library()


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Tags that tell search engines and link previews what the page is and where it lives."""
    page = context.get("page")
    if page is None:
        return {}
    request = context["request"]
    site = Site.find_for_request(request)
    return {
        "title": page.seo_title or page.title,
        "description": describe(page),
        "canonical_url": page.get_full_url(request),
        "og_type": "article" if isinstance(page, HealthContentPage) else "website",
        "site_name": (site and site.site_name) or settings.WAGTAIL_SITE_NAME,
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org graph as a JSON-LD script element (nothing for views without a page)."""
    page = context.get("page")
    if page is None:
        return ""
    return json_ld_script(page_graph(page, context["request"], context))
