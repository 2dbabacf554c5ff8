"""Page routing that needs at most one query per view, keeping page views within their query budget."""

from django.http import Http404
from wagtail.models import Page

from delivery.page_rows import from_memory, remembered_child


class OneQueryChildRoutingMixin:
    """Route to a child page with at most one query instead of Wagtail's two (generic row, then specific).

    A child that routing passes through (the address goes on below it), and the page served to a reader,
    come from each process's memory (``delivery.page_rows``). Otherwise, for a request with a session, the
    child is read with one query: as ``routing_child_model`` directly when it is set, or generically and
    made specific lazily. ``routing_child_related`` names foreign keys to load in that same query.
    """

    routing_child_model = None
    routing_child_related = ()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        if from_memory(request, passing_through=len(path_components) > 1):
            child = remembered_child(self, slug)
            if child is None or not isinstance(child, self.routing_child_model or Page):
                raise Http404
        else:
            child = self.routed_child(slug)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def routed_child(self, slug):
        """The child with ``slug``, read from the database."""
        model = self.routing_child_model or Page
        children = model.objects.child_of(self)
        if self.routing_child_related:  # with no names, select_related() would follow every foreign key
            children = children.select_related(*self.routing_child_related)
        try:
            child = children.get(slug=slug)
        except model.DoesNotExist as error:
            raise Http404 from error
        return child if self.routing_child_model else child.specific_deferred
