"""Translation under clinical governance: what a translation may be made from, who made it, and whether the
English has changed since.

A translation is made from the English page or disclaimer as readers see it, its live revision, and only
once a clinical reviewer has signed that revision off (:func:`translation_refusal`). It remembers that
revision (``translated_from_revision``, recorded by ``health_content.translation``).

**Out of date** (:func:`out_of_date`, the one definition the report, the editor's notice and the demo use):
the English live revision differs *in content* from the revision the translation was made from, or that
revision is unknown. Content is what editors edit in the form, without the review stamp (reviewed by, last
reviewed, next review due) and the address and scheduling fields: a periodic re-review that changes nothing
does not flag the translation, and neither does the stamp every sign-off writes.
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page, Revision

from .comparison import compare_url_name
from .models import SignOff

# Fields of the edit form that are not what readers read in another language.
NOT_CONTENT = {
    "last_reviewed",
    "next_review_due",
    "reviewed_by",
    "slug",
    "show_in_menus",
    "go_live_at",
    "expire_at",
}

_translator = contextvars.ContextVar("translator", default=None)


class UnreviewedSourceError(PermissionDenied):
    """Raised when something asks for a translation of content whose live revision was never signed off."""


def language_name(locale):
    """The language's name in English, as the admin shows it: "Spanish", "British English"."""
    return get_language_info(locale.language_code)["name"]


def english_locale():
    """The default language's Locale, which every translation is made from."""
    return Locale.get_default()


def signed_off_revision_id(content):
    """The id of ``content``'s live revision if a clinical reviewer signed it off, else None."""
    live_revision_id = content.live_revision_id if content.live else None
    if live_revision_id and SignOff.objects.filter(revision_id=live_revision_id).exists():
        return live_revision_id
    return None


def translation_refusal(content):
    """Why ``content`` (a term, article or disclaimer) may not be translated yet, or None when it may.

    Other pages (the home page, the listing pages) are not clinical content: they are translated freely."""
    if isinstance(content, tuple(translated_models())) and signed_off_revision_id(content) is None:
        return (
            f"“{content}” cannot be translated yet: translations are made from the wording a clinical reviewer "
            "signed off, and it has none. Submit it for clinical review; once it is signed off, translate it."
        )
    return None


def require_signed_off(content):
    """Raise :class:`UnreviewedSourceError` unless ``content``'s live revision was signed off."""
    refusal = translation_refusal(content)
    if refusal:
        raise UnreviewedSourceError(refusal)


@contextlib.contextmanager
def translating_as(user):
    """Within this block, translations made are recorded as made by ``user`` (the author of their first
    revision, so the four-eyes rule keeps them from signing it off)."""
    token = _translator.set(user)
    try:
        yield
    finally:
        _translator.reset(token)


def current_translator():
    """The user making translations in this block of :func:`translating_as`, or None."""
    return _translator.get()


def english_version(translation):
    """The English original of a translated page or disclaimer, or None (for English content, or if gone)."""
    english = english_locale()
    if translation.locale_id == english.pk:
        return None
    model = Page if isinstance(translation, Page) else type(translation)
    found = model.objects.filter(translation_key=translation.translation_key, locale=english).first()
    return found.specific if isinstance(found, Page) else found


def content_differs(old_revision, new_revision):
    """Whether two revisions of the same page or disclaimer differ in what readers read (see module doc).

    A field differs when Wagtail's revision comparison (what "Compare" shows) marks a change in it: rich
    text that the editor stored again with new markup but the same words does not count.
    """
    if old_revision.pk == new_revision.pk:
        return False
    old, new = old_revision.as_object(), new_revision.as_object()
    panel = new.get_edit_handler().get_bound_panel(instance=new, request=None, form=None)
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(old, new)
        if comparison.field.name in NOT_CONTENT or not comparison.has_changed():
            continue
        if comparison.htmldiff() != comparison_class(new, new).htmldiff():
            return True
    return False


@dataclass
class OutOfDate:
    """A translation whose English has changed in content since it was made (or whose source is unknown)."""

    translation: object
    english: object
    source_revision: Revision | None
    english_revision: Revision

    @cached_property
    def sign_off(self):
        """The sign-off that published the current English wording (None for one imported without it)."""
        return SignOff.objects.filter(revision=self.english_revision).first()

    @property
    def changed_at(self):
        """When the current English was signed off (saved, for one imported without its sign-off)."""
        return self.sign_off.signed_off_at if self.sign_off else self.english_revision.created_at

    @property
    def signed_off_by(self):
        return self.sign_off.reviewer_signature if self.sign_off else ""

    @property
    def compare_url(self):
        """Wagtail's comparison of the English the translation was made from with the current English."""
        if self.source_revision is None:
            return None
        return reverse(
            compare_url_name(self.english),
            args=[quote(self.english.pk), self.source_revision.pk, self.english_revision.pk],
        )


def out_of_date(translation, english=None):
    """How ``translation`` (a version of a translated page or disclaimer: the live row, or a draft as an
    object) is out of date against the English live revision, or None when it is not (or is English, or its
    English is not live). ``english`` saves looking the original up."""
    english = english or english_version(translation)
    if english is None or not english.live or english.live_revision_id is None:
        return None
    source_id = translation.translated_from_revision_id
    if source_id == english.live_revision_id:
        return None
    english_revision = Revision.objects.get(pk=english.live_revision_id)
    source = Revision.objects.filter(pk=source_id).first() if source_id else None
    if source is not None and not content_differs(source, english_revision):
        return None
    return OutOfDate(translation, english, source, english_revision)


def translated_models():
    """Content that is translated under clinical review: term and article pages, and disclaimers."""
    from health_content.models import MedicalDisclaimer, health_content_page_models

    return [*health_content_page_models(), MedicalDisclaimer]


def latest_source_revision_id(translation):
    """The source revision recorded on the newest version of ``translation``: its latest revision (a draft
    awaiting review may already record the current English), else its row."""
    if translation.latest_revision_id:
        return translation.latest_revision.content.get("translated_from_revision")
    return translation.translated_from_revision_id


def translations_to_update():
    """Every translation whose newest version is out of date, by the English title."""
    english = english_locale()
    found = []
    for model in translated_models():
        translations = list(model.objects.exclude(locale=english).select_related("latest_revision", "locale"))
        originals = {
            original.translation_key: original
            for original in model.objects.filter(
                locale=english, translation_key__in=[t.translation_key for t in translations]
            )
        }
        for translation in translations:
            original = originals.get(translation.translation_key)
            translation.translated_from_revision_id = latest_source_revision_id(translation)
            if original is not None and (flagged := out_of_date(translation, original)):
                found.append(flagged)
    return sorted(found, key=lambda item: (str(item.english).lower(), item.translation.pk))
