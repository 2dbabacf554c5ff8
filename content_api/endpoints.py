"""The Wagtail API v2 router: live, public pages and the images they show, read-only.

Bad query parameters get a 400 with a message, never a 500: ``?search=`` is read the way the search page
reads a query (``search.query.clean``), ``search_operator`` must be ``and`` or ``or``, ``locale`` must be a
content language, and ``find``'s ``id`` must be a whole number.
"""

import re

from django.conf import settings
from django.http import Http404
from django.utils import translation
from modelsearch.query import PlainText
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site

from health_content.models import HealthContentPage
from media_governance.usage import shown_publicly
from search.query import MAX_QUERY_LENGTH, clean

# Past this, an offset is a mistake (and databases refuse offsets beyond 64 bits with an error).
MAX_OFFSET = 1_000_000
WHOLE_NUMBER = re.compile(r"[0-9]+")
# The content languages' codes ("en-gb", "es"), and the short codes the glossary lookups' ``lang`` takes
# ("en", "es"), each naming its language's code.
CONTENT_LANGUAGES = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]
SHORT_LANGUAGES = {code.split("-")[0]: code for code in CONTENT_LANGUAGES}
# What the pages endpoint's ``locale`` takes: either form ("en-gb", "es", "en").
LOCALE_VALUES = {code: code for code in CONTENT_LANGUAGES} | SHORT_LANGUAGES


def with_query_value(request, name, value):
    """Make the view read ``value`` for the query parameter ``name`` (a cleaned or canonical form)."""
    changed = request.GET.copy()
    changed[name] = value
    request._request.GET = changed


class CleanSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with the text cleaned as the search page cleans it and the operator checked."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        operator = request.GET.get("search_operator")
        if operator is not None and operator.lower() not in PlainText.OPERATORS:
            raise BadRequestError(f"search_operator must be one of {', '.join(PlainText.OPERATORS)}")
        text, problem = clean(request.GET["search"])
        if problem == "too-long":
            raise BadRequestError(f"search must be at most {MAX_QUERY_LENGTH} characters")
        if not text:
            return queryset.none()
        with_query_value(request, "search", text)
        return super().filter_queryset(request, queryset, view)


class ContentLocaleFilter(LocaleFilter):
    """Wagtail's ``?locale=``, limited to the content languages (a 400 for any other, where Wagtail answers
    404), and taking the glossary lookups' short codes too: ``locale=en`` is English (``en-gb``)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            given = request.GET["locale"]
            if given not in LOCALE_VALUES:
                raise BadRequestError(f"locale must be one of {', '.join(LOCALE_VALUES)}; got {given!r}")
            with_query_value(request, "locale", LOCALE_VALUES[given])
        return super().filter_queryset(request, queryset, view)


def with_clean_search(filter_backends):
    """An endpoint's filters, with :class:`CleanSearchFilter` in place of Wagtail's own."""
    return [CleanSearchFilter if backend is SearchFilter else backend for backend in filter_backends]


class HealthPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, loading a term's or article's parts together for a whole listing.

    Related pages are worked out per page, so they are shown on a page's detail only, keeping a
    listing's query count the same however many pages it holds.
    """

    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "related_terms", "related_articles"]
    filter_backends = [
        ContentLocaleFilter if backend is LocaleFilter else backend
        for backend in with_clean_search(PagesAPIViewSet.filter_backends)
    ]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        offset = self.request.GET.get("offset", "")
        if WHOLE_NUMBER.fullmatch(offset) and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset must be at most {MAX_OFFSET}")

    def find_object(self, queryset, request):
        if "id" in request.GET and not WHOLE_NUMBER.fullmatch(request.GET["id"]):
            raise BadRequestError("id must be a whole number")
        language = translation.get_language_from_path(request.GET.get("html_path", ""))
        if language and language != settings.LANGUAGE_CODE:
            return self.find_translated(queryset, request, language)
        return super().find_object(queryset, request)

    @staticmethod
    def find_translated(queryset, request, language):
        """The page at an address in another language (``/es/glosario/remision/``), routed from that language's
        home page as the site serves it; Wagtail's ``find`` routes every address from the default home page."""
        site = Site.find_for_request(request)
        locale = Locale.objects.filter(language_code=language).first()
        home = site.root_page.get_translation_or_none(locale) if site and locale else None
        if home is None:
            return None
        components = [component for component in request.GET["html_path"].split("/") if component][1:]
        try:
            page, _, _ = home.specific.route(request, components)
        except Http404:
            return None
        return page if queryset.filter(id=page.id).exists() else None

    def get_queryset(self):
        queryset = super().get_queryset()
        if not issubclass(queryset.model, HealthContentPage):
            return queryset
        queryset = queryset.select_related("locale", "disclaimer", "image").prefetch_related("references", "tags")
        if hasattr(queryset.model, "synonyms"):
            queryset = queryset.prefetch_related("synonyms")
        return queryset


class HealthImagesAPIViewSet(ImagesAPIViewSet):
    """Wagtail's images endpoint, limited to the images live, unrestricted pages show (the ones the pages
    endpoint links to), with ``?search=`` read as the pages endpoint reads it. Uploads no reader sees yet,
    such as a replacement waiting for its page's review, are not listed (docs/images-and-documents.md)."""

    filter_backends = with_clean_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return shown_publicly(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", HealthPagesAPIViewSet)
api_router.register_endpoint("images", HealthImagesAPIViewSet)
