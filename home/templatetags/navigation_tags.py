"""The site's main navigation: the home page's live children marked "show in menus", cached per site."""

from django import template
from django.core.cache import cache
from wagtail.models import Site

register = template.Library()


def navigation_cache_key(site_id):
    return f"home:main-navigation:{site_id}"


def menu_items(request):
    """The site's main sections as dicts of title, url and path (the page's url_path), cached per site."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    key = navigation_cache_key(site.pk)
    items = cache.get(key)
    if items is None:
        children = site.root_page.get_children().live().in_menu()
        items = [{"title": page.title, "url": page.get_url(request), "path": page.url_path} for page in children]
        cache.set(key, items, timeout=None)
    return items


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    return {"items": menu_items(context["request"]), "current_path": getattr(current, "url_path", "")}


def clear_navigation_cache(**kwargs):
    """Forget every site's cached menu; called whenever a page is published, unpublished, moved or deleted."""
    cache.delete_many([navigation_cache_key(site_id) for site_id in Site.objects.values_list("pk", flat=True)])
