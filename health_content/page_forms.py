"""The admin form of term and article pages: a web address already taken is explained beside the title.

Wagtail reports a slug clash on the Promote tab, under a generic "validation errors" message; an editor
creating a term that already exists looks at the title. So the title gets the error too, with a link to
the page that has the address.
"""

from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class HealthPageForm(WagtailAdminPageForm):
    def clean(self):
        slug = self.cleaned_data.get("slug")  # Wagtail's clean() removes it when it is taken
        cleaned_data = super().clean()
        if slug and self.has_error("slug") and self.parent_page is not None:
            holder = Page.objects.child_of(self.parent_page).filter(slug=slug).exclude(pk=self.instance.pk).first()
            if holder is not None:
                self.add_error("title", self.clash_message(holder, slug))
        return cleaned_data

    @staticmethod
    def clash_message(holder, slug):
        return format_html(
            '<a href="{}">“{}”</a> already has the address “{}”. Edit that page instead, or give this one a '
            "different title (or a different slug on the Promote tab).",
            reverse("wagtailadmin_pages:edit", args=[holder.pk]),
            holder.get_admin_display_title(),
            slug,
        )
