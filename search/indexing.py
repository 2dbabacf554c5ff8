"""Keeps a term's "also called" names in the search index.

Wagtail indexes a page as it saves the page row, before modelcluster saves the page's child rows, so
newly added synonyms would miss the index until the next save. Publishing indexes the term again once
everything is saved, as Wagtail's own updates are: in a background task (``TASKS``), not in the request.
"""

from wagtail.search.tasks import insert_or_update_object_task


def reindex_published_term(instance, **kwargs):
    insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))
