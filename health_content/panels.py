"""Admin panels for health content pages."""

from wagtail.admin.panels import Panel


class ReadabilityPanel(Panel):
    """Read-only: the Flesch-Kincaid grade and reading age of the version being edited, with the target."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "health_content/panels/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = self.instance.readability() if self.instance.pk else None
            return context
