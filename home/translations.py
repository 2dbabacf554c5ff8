"""The language versions of a page that readers may see, for everything that links one to another: the
language switcher, the ``hreflang`` links in the page's head and the sitemap's alternates.

Search engines want each version to name every version, itself included, and the one to show readers whose
language is none of them (``x-default``: English). A version is named only once it is live and visible, so no
link ever leads to a draft, an unpublished page or a restricted one.

Which pages have visible versions in more than one language changes only when a page is published,
unpublished, moved or deleted (the ``pages`` shared version) or a view restriction changes. So each process
keeps them in memory (``delivery.shared_state``), read with one query after such a change, and a page view
or a sitemap part asks the database nothing for them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page

from delivery.languages import language_tag, locale_codes
from delivery.page_cache import PAGES
from delivery.shared_state import SharedValue, version
from health_content.visibility import RESTRICTIONS, visible


def _load_translated(key):
    """Every visible page with a visible version in another language, as (id, locale id, url_path) by
    translation key."""
    pages = visible(Page.objects.order_by())
    translated = pages.values("translation_key").annotate(versions=Count("pk")).filter(versions__gt=1)
    rows = pages.filter(translation_key__in=translated.values("translation_key"))
    found = {}
    for translation_key, *row in rows.values_list("translation_key", "pk", "locale_id", "url_path"):
        found.setdefault(translation_key, []).append(tuple(row))
    return found


_translated = SharedValue(PAGES, _load_translated)


@dataclass(frozen=True)
class Version:
    """One language version of a page: its language and its address (on this site, and in full)."""

    language_code: str
    url: str
    full_url: str

    @property
    def tag(self):
        return language_tag(self.language_code)

    @property
    def name(self):
        """The language's name in that language ("English", "Español")."""
        return dict(settings.LANGUAGES)[self.language_code]


def version_of(pk, locale_id, url_path, request, codes):
    parts = Page(pk=pk, locale_id=locale_id, url_path=url_path).get_url_parts(request)
    if parts is None or parts[2] is None or locale_id not in codes:
        return None
    _, root_url, path = parts
    return Version(codes[locale_id], path, (root_url or "") + path)


def versions_of(pages, request=None):
    """For each of ``pages`` that has a visible version in another language, by id: every visible version,
    itself included, in the order of ``LANGUAGES``."""
    codes = locale_codes()
    if len(codes) < 2:
        return {}
    translated = _translated.get(version(RESTRICTIONS))
    order = [code for code, _ in settings.LANGUAGES]
    result = {}
    for page in pages:
        group = translated.get(page.translation_key, [])
        if not any(pk == page.pk for pk, _, _ in group):
            continue
        versions = [version_of(*row, request, codes) for row in group]
        versions = [found for found in versions if found is not None]
        if len(versions) > 1:
            result[page.pk] = sorted(versions, key=lambda found: order.index(found.language_code))
    return result


def page_versions(page, request):
    """Every visible version of the page being shown, itself included ([] when it has no other)."""
    return versions_of([page], request).get(page.pk, [])


def view_versions(request):
    """The view being shown at its address in each other language, for views in every language that are not
    pages (the search page); none for Wagtail's pages, a missing page, or views with one address."""
    match = request.resolver_match
    if match is None or match.url_name == "wagtail_serve":
        return []
    found = []
    for code, _ in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if code != get_language() and url != request.path:
            found.append(Version(code, url, request.build_absolute_uri(url)))
    return found


def default_version(versions):
    """The version for readers of any other language: the site's default language's."""
    return next((found for found in versions if found.language_code == settings.LANGUAGE_CODE), None)
