"""Template tags for the reader's language: the ``lang`` of a language code, dates written in full in the
page's language, the switcher to the other language versions of the page, and the note on a translation
naming the reviewed English version it was made from."""

import datetime

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext
from wagtail.models import Revision

from delivery import languages
from home import translations

register = template.Library()


@register.filter
def language_tag(code):
    """A Django language code as HTML's ``lang`` writes it: en-gb is en-GB."""
    return languages.language_tag(code)


@register.filter
def long_date(value):
    """A date in full in the active language: "1 December 2026", "1 de diciembre de 2026"."""
    # Translators: a date in full, in Django's date format characters (j day, F month name, Y year).
    return date_filter(value, pgettext("date in full", "j F Y"))


@register.filter
def time_element(value):
    """A ``<time>`` element holding a date in full in the active language."""
    return format_html('<time datetime="{}">{}</time>', date_filter(value, "Y-m-d"), long_date(value))


@register.simple_tag
def other_language(target, page, link=True):
    """``lang`` (and for a link ``hreflang``) when ``target`` is in another language than ``page``, such as
    a related page or a disclaimer with no translation yet, so screen readers read it in its own language;
    nothing when it is in the page's language."""
    code = languages.locale_codes().get(target.locale_id)
    if code is None or target.locale_id == getattr(page, "locale_id", target.locale_id):
        return ""
    tag = languages.language_tag(code)
    return format_html(' lang="{}" hreflang="{}"', tag, tag) if link else format_html(' lang="{}"', tag)


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page in the other languages readers can read it in (nothing when there are none)."""
    page, request = context.get("page"), context.get("request")
    if request is None:
        return {"versions": []}
    if page is None:
        return {"versions": translations.view_versions(request)}
    if not hasattr(page, "translation_key"):
        return {"versions": []}
    current = get_language()
    return {"versions": [v for v in translations.page_versions(page, request) if v.language_code != current]}


@register.inclusion_tag("includes/translation_source.html", takes_context=True)
def translation_source(context):
    """On a translation: the English page it was made from, and the date that version was reviewed."""
    page, request = context.get("page"), context.get("request")
    made_from = getattr(page, "translated_from_revision_id", None)
    if made_from is None or request is None:
        return {}
    reviewed = Revision.objects.filter(pk=made_from).values_list("content__last_reviewed", flat=True).first()
    original = translations.default_version(translations.page_versions(page, request))
    return {
        "shown": True,
        "reviewed": datetime.date.fromisoformat(reviewed) if reviewed else None,
        "original": original if original and original.language_code != get_language() else None,
    }
