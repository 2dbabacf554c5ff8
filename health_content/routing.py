"""Page routing that loads each child in one query, keeping page views within their query budget."""

from django.http import Http404
from wagtail.models import Page

from delivery.passed_through import passed_through_child


class OneQueryChildRoutingMixin:
    """Route to a child page with one query instead of Wagtail's two (generic row, then specific row).

    With ``routing_child_model`` set, children are loaded as that model directly; otherwise they are
    loaded generically and made specific lazily, so pages that are only passed through are never loaded
    in full. ``routing_child_related`` names foreign keys to load in that same query.

    A child that routing only passes through (the address goes on below it) needs no query at all: it
    comes from each process's memory (``delivery.passed_through``). The page served is always read afresh.
    """

    routing_child_model = None
    routing_child_related = ()

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        if len(path_components) > 1:
            child = passed_through_child(self, path_components[0])
            if child is None:
                raise Http404
        else:
            child = self.routed_child(path_components[0])
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def routed_child(self, slug):
        """The child with ``slug``, read from the database (see the class docstring)."""
        model = self.routing_child_model or Page
        children = model.objects.child_of(self)
        if self.routing_child_related:  # with no names, select_related() would follow every foreign key
            children = children.select_related(*self.routing_child_related)
        try:
            child = children.get(slug=slug)
        except model.DoesNotExist as error:
            raise Http404 from error
        return child if self.routing_child_model else child.specific_deferred
