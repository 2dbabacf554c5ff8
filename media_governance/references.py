"""Keeps the reference index current the moment a page is published.

Wagtail updates a saved object's index entries in a background task, which in production waits for a
worker. Until it runs, a newly published page's images and documents would look unused and so be
replaceable; indexing the published page in the publishing transaction closes that gap.
"""

from wagtail.models import ReferenceIndex


def index_published_page(sender, instance, **kwargs):
    ReferenceIndex.create_or_update_for_object(instance)
