"""URLs under /api/v2/: the glossary lookups first, then Wagtail's pages and images endpoints."""

from django.urls import include, path

from content_api import glossary_lookups
from content_api.endpoints import api_router

glossary_patterns = [
    path("terms/", glossary_lookups.TermListView.as_view(), name="terms"),
    # "count" is matched before slugs, so a term with the slug "count" is reachable through pages/.
    path("terms/count/", glossary_lookups.TermCountView.as_view(), name="term-count"),
    path("terms/<slug:slug>/", glossary_lookups.TermDetailView.as_view(), name="term"),
]

urlpatterns = [
    path("glossary/", include((glossary_patterns, "glossary_api"))),
    path("", api_router.urls),
]
