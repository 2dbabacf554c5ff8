"""The Wagtail API v2 router: live, public pages and images, read-only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from health_content.models import HealthContentPage


class HealthPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, loading a term's or article's parts together for a whole listing."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if not issubclass(queryset.model, HealthContentPage):
            return queryset
        queryset = queryset.select_related("locale", "disclaimer", "image").prefetch_related("references")
        if hasattr(queryset.model, "synonyms"):
            queryset = queryset.prefetch_related("synonyms")
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HealthPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
