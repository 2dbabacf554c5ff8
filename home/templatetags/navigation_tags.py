"""The site's main navigation: the home page's live children marked "show in menus", kept per site and
language (the Spanish menu lists the Spanish home page's children).

Every process keeps the menu in memory and drops it within a second of any page being published,
unpublished, moved or deleted (``delivery.shared_state``).
"""

from django import template
from wagtail.models import Site

from delivery.languages import active_locale_id
from delivery.shared_state import SharedValue, bump

register = template.Library()

NAVIGATION = "main-navigation"


def _load_menu_items(key):
    site_id, locale_id = key
    site = Site.objects.select_related("root_page").get(pk=site_id)
    root = site.root_page
    if locale_id is not None and locale_id != root.locale_id:
        root = root.get_translation_or_none(locale_id) or root
    children = root.get_children().live().in_menu()
    return [
        {"title": page.title, "url": page.get_url(current_site=site), "path": page.url_path} for page in children
    ]


_menus = SharedValue(NAVIGATION, _load_menu_items)


def menu_items(request):
    """The site's main sections in the active language, as dicts of title, url and path (the page's url_path)."""
    site = Site.find_for_request(request)
    return [] if site is None else _menus.get((site.pk, active_locale_id()))


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    current = context.get("page")
    return {"items": menu_items(context["request"]), "current_path": getattr(current, "url_path", "")}


def clear_navigation_cache(**kwargs):
    """Forget every site's menu; called whenever a page is published, unpublished, moved or deleted."""
    bump(NAVIGATION)
