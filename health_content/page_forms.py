"""The admin forms of term and article pages and of disclaimers.

Pages: a web address left empty is made from the title, and one already taken is explained beside the title.
Wagtail reports a slug clash on the Promote tab, under a generic "validation errors" message; an editor creating
a term that already exists looks at the title. So the title gets the error too, with a link to the page that
has the address.

Translations (pages and disclaimers): when the English was signed off again with changes, the translator ticks
"This translation matches the current English" once they have brought it up to date. The new draft revision
then records that English revision as its source; it goes through clinical review like any change.
"""

from django import forms
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.coreutils import cautious_slugify
from wagtail.models import Page

MATCHES_ENGLISH = "matches_english"


def matches_english_field():
    return forms.TypedMultipleChoiceField(
        label="This translation matches the current English",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick this once the translation says what the English now says. Reviewers will check it.",
        error_messages={
            "invalid_choice": "The English was signed off again while you were editing. "
            "Compare the English versions again, then tick this."
        },
    )


class TranslationSourceFormMixin:
    """Offers the "matches the current English" box on a translation whose English has changed, and records
    the English revision on the instance when it is ticked. Each form using it declares ``matches_english``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_matches_english()

    def save(self, commit=True):
        chosen = self.cleaned_data.get(MATCHES_ENGLISH)
        if chosen:
            self.instance.translated_from_revision_id = chosen[0]
        return super().save(commit=commit)

    def offer_matches_english(self):
        from review.translations import out_of_date

        status = out_of_date(self.instance) if self.instance.pk else None
        if status is None:
            del self.fields[MATCHES_ENGLISH]
            return
        signed_off = status.sign_off
        when = f" on {signed_off.signed_off_at:%-d %B %Y}" if signed_off else ""
        self.fields[MATCHES_ENGLISH].choices = [
            (status.english_revision.pk, f"It matches the English signed off{when}.")
        ]


class HealthPageForm(TranslationSourceFormMixin, WagtailAdminPageForm):
    matches_english = matches_english_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made from the title when left empty (see clean()), as the admin's script does while the editor types.
        self.fields["slug"].required = False

    def clean(self):
        if not self.cleaned_data.get("slug") and self.cleaned_data.get("title"):
            # Sent before the admin's script filled it in (a slow phone, a quick click): the same address.
            self.cleaned_data["slug"] = cautious_slugify(self.cleaned_data["title"])
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


class DisclaimerForm(TranslationSourceFormMixin, WagtailAdminModelForm):
    matches_english = matches_english_field()
