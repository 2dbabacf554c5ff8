"""Page routing that loads each child in one query, keeping page views within their query budget."""

from django.http import Http404
from wagtail.models import Page


class OneQueryChildRoutingMixin:
    """Route to a child page with one query instead of Wagtail's two (generic row, then specific row).

    With ``routing_child_model`` set, children are loaded as that model directly; otherwise they are
    loaded generically and made specific lazily, so pages that are only passed through are never loaded
    in full. ``routing_child_related`` names foreign keys to load in that same query.
    """

    routing_child_model = None
    routing_child_related = ()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        model = self.routing_child_model or Page
        children = model.objects.child_of(self)
        if self.routing_child_related:  # with no names, select_related() would follow every foreign key
            children = children.select_related(*self.routing_child_related)
        try:
            child = children.get(slug=path_components[0])
        except model.DoesNotExist as error:
            raise Http404 from error
        if self.routing_child_model is None:
            child = child.specific_deferred
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])
