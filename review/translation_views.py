"""The admin's "Translate" screens (``wagtail.contrib.simple_translation``) under clinical governance.

They are Wagtail's own views at Wagtail's own addresses (registered first, so they answer instead), with two
additions: content that was never signed off is refused with a message saying why, and the user who makes a
translation is recorded as the author of its first revision, so the four-eyes rule keeps them from signing it
off.
"""

from django.shortcuts import redirect
from django.urls import path
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail.models import Page

from .translations import translating_as, translation_refusal

MAX_NAMED = 5


class GovernedTranslationMixin:
    def source(self):
        """What is translated, as readers see it: the row, not a draft (snippets' views load the draft)."""
        return self.object if isinstance(self.object, Page) else type(self.object).objects.get(pk=self.object.pk)

    def refusal(self):
        return translation_refusal(self.source())

    def refuse(self, refusal):
        messages.error(self.request, refusal)
        return redirect(AdminURLFinder(self.request.user).get_edit_url(self.source()))

    def get(self, request, *args, **kwargs):
        refusal = self.refusal()
        return self.refuse(refusal) if refusal else super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        refusal = self.refusal()
        if refusal:
            return self.refuse(refusal)
        with translating_as(request.user):
            return super().post(request, *args, **kwargs)


class GovernedPageTranslationView(GovernedTranslationMixin, SubmitPageTranslationView):
    def refusal(self):
        """The page's refusal, or, when its subtree is to be translated too, the pages below never signed off."""
        refusal = super().refusal()
        if refusal or not self.request.POST.get("include_subtree"):
            return refusal
        unreviewed = [
            page.specific
            for page in self.object.get_descendants().specific()
            if translation_refusal(page.specific) is not None
        ]
        if not unreviewed:
            return None
        named = ", ".join(f"“{page.get_admin_display_title()}”" for page in unreviewed[:MAX_NAMED])
        more = f" and {len(unreviewed) - MAX_NAMED} more" if len(unreviewed) > MAX_NAMED else ""
        return (
            f"Pages below “{self.object.get_admin_display_title()}” have no signed-off version to translate: "
            f"{named}{more}. Translate without “Include subtree”, then each page once it is signed off."
        )


class GovernedSnippetTranslationView(GovernedTranslationMixin, SubmitSnippetTranslationView):
    pass


urls = [
    path("translation/submit/page/<int:page_id>/", GovernedPageTranslationView.as_view()),
    path(
        "translation/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        GovernedSnippetTranslationView.as_view(),
    ),
]
