"""The Wagtail API v2 router: live, public pages and images, read-only."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from health_content.models import HealthContentPage

# Past this, an offset is a mistake (and databases refuse offsets beyond 64 bits with an error).
MAX_OFFSET = 1_000_000


class HealthPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, loading a term's or article's parts together for a whole listing.

    Related pages are worked out per page, so they are shown on a page's detail only, keeping a
    listing's query count the same however many pages it holds.
    """

    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "related_terms", "related_articles"]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        offset = self.request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")

    def get_queryset(self):
        queryset = super().get_queryset()
        if not issubclass(queryset.model, HealthContentPage):
            return queryset
        queryset = queryset.select_related("locale", "disclaimer", "image").prefetch_related("references", "tags")
        if hasattr(queryset.model, "synonyms"):
            queryset = queryset.prefetch_related("synonyms")
        return queryset


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HealthPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
