from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from wagtail.signals import page_published

        from glossary.models import TermPage

        from .indexing import reindex_published_term

        page_published.connect(reindex_published_term, sender=TermPage, dispatch_uid="search-reindex-term")
