"""Links to pages inside rich text, resolved from each process's memory.

Wagtail's handler loads every linked page in full, as its specific type (two queries, every column), only
to write its address. The address comes from the page's tree fields alone, and changes only when a page is
published, unpublished, moved or deleted (the ``pages`` shared version, ``delivery.page_cache``) or the sites
change (``SITES``, part of the key). So each process looks up the addresses of a piece of rich text's links
once, with one light query, and keeps them until then.
"""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from delivery.page_cache import PAGES
from delivery.shared_state import SharedValue, version
from delivery.site_root_paths import SITES

# What ``page.localized.url`` reads: the page's place in the tree, whether it is live, and its locale.
ADDRESS_FIELDS = ("id", "path", "depth", "url_path", "live", "locale_id", "translation_key", "alias_of_id")


def _load_addresses(key):
    ids, _sites = key
    return {str(page.pk): page.localized.url for page in Page.objects.filter(id__in=ids).only(*ADDRESS_FIELDS)}


_addresses = SharedValue(PAGES, _load_addresses)


def page_addresses(ids):
    """The address of each page in ``ids`` (strings, as rich text holds them) that exists, by id."""
    return _addresses.get((tuple(sorted(set(ids))), version(SITES)))


class LightPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        addresses = page_addresses(ids)
        return [f'<a href="{escape(addresses[id_])}">' if id_ in addresses else "<a>" for id_ in ids]
