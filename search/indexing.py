"""Keeps a term's "also called" names in the search index.

Wagtail indexes a page as it saves the page row, before modelcluster saves the page's child rows, so
newly added synonyms would miss the index until the next save. Publishing indexes the term again once
everything is saved.
"""

from wagtail.search import index


def reindex_published_term(instance, **kwargs):
    index.insert_or_update_object(instance)
