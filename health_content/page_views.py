"""The admin's views for our page types, as Wagtail ``PageViewSet``s: the same views, except that a new page
is not autosaved before its first explicit save.

Wagtail 8 autosaves the edit form every few seconds; on the create view the first autosave creates the page,
so a form opened and abandoned left a draft behind. Autosave stays on once the page exists (the edit view).
"""

from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.viewsets.pages import PageViewSet


class CreateWithoutAutosaveView(CreateView):
    """Wagtail's create view with autosave off: the page is created only by Save draft, Submit or Publish."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context

    def post(self, request):
        # The form no longer autosaves; an autosave request (from a tab opened before this change, say)
        # must not create the page either.
        if self.expects_json_response:
            return self.json_error_response(
                "autosave_off_until_saved", "A new page is saved only when you choose Save draft."
            )
        return super().post(request)


class HealthPageViewSet(PageViewSet):
    """Wagtail's views for one page type, with the create view above."""

    add_view_class = CreateWithoutAutosaveView

    @property
    def parent_models(self):
        # The explorer's listings stay Wagtail's own (this viewset changes no listing).
        return []


def page_viewsets(models):
    return [
        HealthPageViewSet(f"{model._meta.app_label}_{model._meta.model_name}_pages", model=model)
        for model in models
    ]
