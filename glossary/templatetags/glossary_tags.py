"""Template tags for glossary auto-linking: ``{% autolink value %}`` renders rich text with term links."""

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from delivery.cache_tags import add_cache_tags, show_pages
from glossary.linking.matcher import AutoLinker
from glossary.linking.store import AUTOLINK_TAG, current_matcher
from glossary.models import TermPage

register = template.Library()


def page_autolinker(context):
    """The auto-linker of the page being rendered, shared by all its sections through the request.

    Term pages never link to themselves, and editors can list terms not to link on a page. A page links
    only the terms of its own language (locale).
    """
    page = context.get("page")
    if page is None or not hasattr(page, "autolink_exclusions"):
        return None
    request = context.get("request")
    linkers = getattr(request, "_glossary_autolinkers", None) if request else None
    if linkers is None:
        linkers = {}
        if request is not None:
            request._glossary_autolinkers = linkers
    if page.pk not in linkers:
        skipped = set(page.autolink_exclusion_ids(request))
        if isinstance(page, TermPage):
            skipped.add(page.pk)
        linkers[page.pk] = AutoLinker(current_matcher(page.locale_id), skipped)
    return linkers[page.pk]


@register.simple_tag(takes_context=True)
def autolink(context, value):
    """Rich text with the first mention of each glossary term on the page linked to the term."""
    markup = richtext(value)
    linker = page_autolinker(context)
    if linker is None:
        return markup
    # The rich text is already safe HTML; the linker escapes every piece of text it rewrites.
    linked = mark_safe(linker.link_html(str(markup)))  # noqa: S308
    # The page shows each linked term's pop-up definition, and changes when the linkable names do.
    request = context.get("request")
    add_cache_tags(request, AUTOLINK_TAG)
    show_pages(request, linker.linked)
    return linked
