"""The language of a request, from its address alone: ``/es/…`` is Spanish, every other address English.

Django's ``LocaleMiddleware`` would also read the browser's ``Accept-Language`` and a cookie, send
``Vary: Accept-Language`` on every English page and redirect to a guessed language. A shared cache would then
keep one copy per browser language, or none, and two readers of one address could be shown different pages.
Here an address always means one language: readers change language with the switcher on each page, which links
to the other version's own address.
"""

from django.conf import settings
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from .shared_state import SharedValue, bump

LOCALES = "locales"
# The content languages' Locale ids by language code, renewed in every process when a Locale changes.
_locale_ids = SharedValue(LOCALES, lambda key: dict(Locale.objects.values_list("language_code", "pk")))


def active_locale_id():
    """The id of the active language's Locale, from this process's memory: None when there is none."""
    return locale_id_of(translation.get_language())


def locale_id_of(language_code):
    """The id of the Locale of a language ("es", "en-gb"), from this process's memory: None when there is
    none."""
    try:
        code = get_supported_content_language_variant(language_code)
    except LookupError:
        return None
    return _locale_ids.get().get(code)


def language_tag(code):
    """A Django language code as HTML's ``lang`` and ``hreflang`` write it (BCP 47): en-gb is en-GB."""
    language, _, region = code.partition("-")
    return f"{language}-{region.upper()}" if region else language


def locale_codes():
    """Every content language's code by its Locale's id, from this process's memory."""
    return {pk: code for code, pk in _locale_ids.get().items()}


def language_code_of(locale_id):
    """The language code ("en-gb", "es") of the Locale ``locale_id``, from this process's memory: the default
    language when it is unknown (None, or a Locale not saved yet)."""
    return locale_codes().get(locale_id, settings.LANGUAGE_CODE)


def language_name(code):
    """A content language's name in English, for messages to staff: "en-gb" -> "English", "es" -> "Spanish"."""
    return translation.get_language_info(code.split("-")[0])["name"]


def locales_changed(**kwargs):
    """A Locale was added, changed or removed."""
    bump(LOCALES)


class URLLanguageMiddleware:
    """Activate the language the address's prefix names (the default language when it names none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        # Only for this request: work the same thread does next (another request, a task) starts in English.
        with translation.override(language):
            request.LANGUAGE_CODE = translation.get_language()
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
