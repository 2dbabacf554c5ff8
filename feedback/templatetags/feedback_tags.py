"""The "Was this page helpful?" form, or the thank-you that replaces it after the reader answers."""

from django import template
from django.contrib.messages import get_messages

register = template.Library()


@register.inclusion_tag("feedback/includes/feedback_form.html", takes_context=True)
def feedback_form(context, page=None, form=None):
    request = context["request"]
    thanks = [message for message in get_messages(request) if "feedback" in message.tags]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": page or context["page"],
        "form": form,
        "thanks": thanks[0] if thanks else None,
    }
