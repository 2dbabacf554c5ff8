"""Receives a feedback answer, then sends the reader back to the page (post/redirect/get, no JavaScript)."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from delivery.languages import locale_codes
from health_content.models import health_content_page_models

from . import rate_limit
from .forms import FeedbackForm
from .origin import comes_from_this_site

# The page shows its thank-you instead of the form when the address says so: the same for every reader,
# so the page can still come from the shared cache.
SENT_PARAMETER = ("feedback", "sent")


@csrf_exempt  # No cookie for readers: the origin check below stands in for the token (see origin.py).
@require_POST
def submit(request, page_id):
    if not comes_from_this_site(request):
        return TemplateResponse(request, "feedback/not_from_this_site.html", status=403)
    page = get_object_or_404(Page.objects.live().public(), pk=page_id).specific
    if type(page) not in health_content_page_models():
        raise Http404("This page does not take feedback.")
    # The form's address has no language in it: answer in the page's language.
    translation.activate(locale_codes().get(page.locale_id, translation.get_language()))
    request.LANGUAGE_CODE = translation.get_language()

    form = FeedbackForm(request.POST)
    if not form.is_valid():
        context = {"feedback_page": page, "feedback_form": form}
        return TemplateResponse(request, "feedback/invalid.html", context, status=400)

    # Counted only for valid answers, so a mistake the reader corrects does not use up their answer.
    if not rate_limit.allow(request, page.pk):
        return TemplateResponse(request, "feedback/rate_limited.html", {"feedback_page": page}, status=429)

    form.instance.page = page
    form.save()
    name, value = SENT_PARAMETER
    return HttpResponseRedirect(f"{page.get_url(request)}?{name}={value}#feedback")
