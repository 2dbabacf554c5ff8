"""Which live pages show an image or document, read from Wagtail's reference index.

Wagtail records every reference a saved object makes (foreign keys, StreamField blocks, rich text) in its
``ReferenceIndex``. A page's entries describe the page row, which for a live page holds its live content:
draft revisions are not indexed, so a draft that drops an image does not free the image while the live
page still shows it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from health_content.visibility import visible


def live_pages_using(item):
    """The live pages that show ``item``, restricted sections included: readers there see it too."""
    if item.pk is None:
        return Page.objects.none()
    references = ReferenceIndex.get_references_to(item).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    keys = references.values_list("object_id", flat=True)
    return Page.objects.live().filter(pk__in=[int(key) for key in keys]).order_by("title")


def shown_publicly(queryset):
    """The images or documents in ``queryset`` that a live page outside any restricted section shows."""
    public_pages = visible(Page.objects.all()).annotate(key=Cast("pk", CharField())).values("key")
    shown = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=public_pages,
        to_content_type=ContentType.objects.get_for_model(queryset.model),
    ).annotate(item_id=Cast("to_object_id", IntegerField()))
    # A plain ``pk__in`` filter, which search backends accept on a queryset they search (``?search=``).
    return queryset.filter(pk__in=shown.values("item_id"))


def is_shown_publicly(item):
    return shown_publicly(type(item).objects.filter(pk=item.pk)).exists()
