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


def language_code_of(locale_id):
    """The language code ("en-gb", "es") of the Locale ``locale_id``, from this process's memory: the default
    language when it is unknown (None, or a Locale not saved yet)."""
    for code, pk in _locale_ids.get().items():
        if pk == locale_id:
            return code
    return settings.LANGUAGE_CODE


def locales_changed(**kwargs):
    """A Locale was added, changed or removed."""
    bump(LOCALES)


class URLLanguageMiddleware:
    """Activate the language the address's prefix names (the default language when it names none)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
