"""Links to pages inside rich text, resolved with one light query.

Wagtail's handler loads every linked page in full, as its specific type (two queries, every column), only
to write its address. The address comes from the page's tree fields alone, so these are all it loads.
"""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

# What ``page.localized.url`` reads: the page's place in the tree, whether it is live, and its locale.
ADDRESS_FIELDS = ("id", "path", "depth", "url_path", "live", "locale_id", "translation_key", "alias_of_id")


class LightPageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = {str(page.pk): page for page in Page.objects.filter(id__in=ids).only(*ADDRESS_FIELDS)}
        return [pages.get(str(id_)) for id_ in ids]
