"""The "Was this page helpful?" form, or the thank-you that replaces it after the reader answers."""

from django import template
from django.utils.translation import gettext_lazy as _

from feedback.views import SENT_PARAMETER

register = template.Library()
THANK_YOU = _("Thank you for your feedback.")


@register.inclusion_tag("feedback/includes/feedback_form.html", takes_context=True)
def feedback_form(context, page=None, form=None):
    request = context["request"]
    name, value = SENT_PARAMETER
    return {
        "request": request,
        "target": page or context["page"],
        "form": form,
        "thanks": THANK_YOU if request.GET.get(name) == value else None,
    }
