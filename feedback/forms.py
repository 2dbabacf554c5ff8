"""The reader's answer: yes or no, and an optional plain-text comment."""

from django import forms

from .models import COMMENT_MAX_LENGTH, PageFeedback


class FeedbackForm(forms.ModelForm):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose yes or no.", "invalid_choice": "Choose yes or no."},
    )
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea,
        error_messages={"max_length": f"Keep your comment to {COMMENT_MAX_LENGTH} characters or fewer."},
    )

    class Meta:
        model = PageFeedback
        fields = ["helpful", "comment"]
