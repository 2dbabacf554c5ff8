"""The forms a reviewer fills in inside the workflow's approve and request-changes dialogs."""

from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput

from .workflow import default_next_review_due


class SignOffForm(forms.Form):
    """The sign-off checklist: every box must be ticked before a revision goes to patients."""

    clinically_accurate = forms.BooleanField(
        label="The content is clinically accurate",
        error_messages={"required": "Confirm the content is clinically accurate."},
    )
    sources_checked = forms.BooleanField(
        label="I have checked the sources and references",
        error_messages={"required": "Confirm you have checked the sources."},
    )
    plain_language = forms.BooleanField(
        label="The language is plain and suitable for patients",
        error_messages={"required": "Confirm the language is suitable for patients."},
    )
    comment = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Optional. Kept in the audit record."
    )
    next_review_due = forms.DateField(
        widget=AdminDateInput,
        initial=default_next_review_due,
        help_text="When this page must be reviewed again. Change it if the topic moves faster or slower.",
    )

    def clean_next_review_due(self):
        next_review_due = self.cleaned_data["next_review_due"]
        if next_review_due <= timezone.localdate():
            raise forms.ValidationError("The next review must be due after today.")
        return next_review_due


class RequestChangesForm(forms.Form):
    """Sending a page back needs a reason the editor can act on."""

    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Tell the editor what to change. They receive this by email.",
        error_messages={"required": "Say what needs to change."},
    )
