"""The reader's answer: yes or no, and an optional plain-text comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH, PageFeedback


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no."), "invalid_choice": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea,
        # Django puts the limit in for %(limit_value)d.
        error_messages={"max_length": _("Keep your comment to %(limit_value)d characters or fewer.")},
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "comment"]
