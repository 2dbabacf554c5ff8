"""How a term's or article's structured parts appear in the read API (Wagtail API v2 serializer fields).

Each field reads the saved (live) database row of the page, never a revision, and renders rich text
as display HTML with internal links resolved.
"""

from rest_framework import serializers
from wagtail.rich_text import expand_db_html


def page_summary(page, request):
    """The short form of a linked page: enough for a client to show a link or fetch the page."""
    return {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}


class RelatedPagesField(serializers.Field):
    """Live related pages as ``{id, title, url}``, from a page method such as ``get_related_terms``."""

    def __init__(self, method_name, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.method_name = method_name

    def to_representation(self, page):
        request = self.context.get("request")
        return [page_summary(item, request) for item in getattr(page, self.method_name)()]


class SynonymsField(serializers.Field):
    """The term's other names ("also called"), in the editor's order."""

    def to_representation(self, synonyms):
        return [synonym.name for synonym in synonyms.all()]


class ReferencesField(serializers.Field):
    """The published sources behind a page, with the best link to each."""

    def to_representation(self, references):
        return [
            {
                "title": reference.title,
                "source": reference.source,
                "year": reference.year,
                "doi": reference.doi,
                "pubmed_id": reference.pubmed_id,
                "url": reference.link,
            }
            for reference in references.all()
        ]


class DisclaimerField(serializers.Field):
    """The disclaimer readers see: the page's own choice, else the site's default, as HTML."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        disclaimer = page.get_disclaimer(self.context.get("request"))
        if disclaimer is None:
            return None
        return {"title": disclaimer.title, "body": expand_db_html(disclaimer.body)}


class TagNamesField(serializers.Field):
    """Tag names A-Z, as Wagtail's TagsField gives them, but read from the tags a listing loaded already
    (Wagtail's own field asks the database once per page)."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())
