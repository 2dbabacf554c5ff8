"""Glossary lookups in the style of NCI's Glossary API: one term, search with synonyms, A-Z, counts.

Searches use the search page's engine (``search.query``, ``search.ranking``), so both find the same terms.

Every view reads live, public term pages from the database rows (never revisions), accepts only GET,
HEAD and OPTIONS, and answers bad query parameters with a 400 that says what to fix.

Each view answers in one language, ``?lang=en`` (the default) or ``?lang=es``: only that language's terms,
each listing its live translations into the others. Every response under ``/api/`` carries the
``api-list`` cache tag, which any page's publish purges (``delivery.purge``), so publishing a Spanish term
also purges the English answers that list it as a translation.
"""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from rest_framework.exceptions import APIException
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler
from wagtail.rich_text import expand_db_html

from content_api.endpoints import MAX_OFFSET, SHORT_LANGUAGES
from glossary.models import TermPage, TermSynonym
from glossary.names import LETTERS, fold, letters_of, parse_letter
from health_content.visibility import visible
from search.query import parse
from search.ranking import EXACT, RELATED, SPELLING, STARTS, match_terms

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_QUERY_LENGTH = 100
# Which of the engine's tiers each ``match`` keeps (``contains`` is a plain substring lookup).
MATCHES = {
    "best": {EXACT, STARTS, RELATED, SPELLING},
    "begins": {EXACT, STARTS, RELATED},
    "exact": {EXACT},
    "contains": set(),
}


DEFAULT_LANGUAGE = settings.LANGUAGE_CODE.split("-")[0]


def api_language(language_code):
    """The API's code for a Locale's language code: "en-gb" -> "en"."""
    return language_code.split("-")[0]


def language_param(request):
    """The Locale language code ``?lang=`` asks for (English when not given)."""
    lang = request.query_params.get("lang", DEFAULT_LANGUAGE)
    if lang not in SHORT_LANGUAGES:
        raise BadParameter(f"lang must be one of {', '.join(SHORT_LANGUAGES)}; got {lang!r}.")
    return SHORT_LANGUAGES[lang]


def live_terms(language_code=None):
    """Live, public terms (in one language when ``language_code`` is given)."""
    terms = TermPage.objects.all()
    if language_code is not None:
        terms = terms.filter(locale__language_code=language_code)
    return visible(terms)


def translations_of(terms, request):
    """Translation key -> the live translations of ``terms`` in other languages, as the lookups list them
    (language, id, public URL), in one query for the whole list."""
    found = {}
    others = (
        live_terms()
        .filter(translation_key__in={term.translation_key for term in terms})
        .exclude(pk__in=[term.pk for term in terms])
        .select_related("locale")
        .order_by("locale__language_code", "pk")
    )
    for other in others:
        found.setdefault(other.translation_key, []).append(
            {"lang": api_language(other.locale.language_code), "id": other.pk, "url": other.get_full_url(request)}
        )
    return found


def term_json(term, request, translations, detail=False):
    """A term as the lookups return it, with its ``translations`` (from :func:`translations_of`); ``detail``
    adds the sections and review fields."""
    data = {
        "id": term.pk,
        "slug": term.slug,
        "term": term.title,
        "initial": term.initial,
        "pronunciation": term.pronunciation,
        "also_called": [synonym.name for synonym in term.synonyms.all()],
        "definition": term.definition,
        "url": term.get_full_url(request),
        "api_url": request.build_absolute_uri(reverse("wagtailapi:pages:detail", args=[term.pk])),
        "translations": translations.get(term.translation_key, []),
    }
    if detail:
        data.update(
            what_is_title=term.what_is_title,
            what_is=expand_db_html(term.what_is),
            why_it_matters=expand_db_html(term.why_it_matters),
            last_reviewed=term.last_reviewed.isoformat() if term.last_reviewed else None,
            next_review_due=term.next_review_due.isoformat() if term.next_review_due else None,
            reviewed_by=term.reviewed_by,
        )
    return data


class BadParameter(APIException):
    status_code = 400
    default_code = "bad_parameter"


def message_exception_handler(exc, context):
    """DRF's error responses, reshaped to Wagtail API v2's ``{"message": "..."}``."""
    response = exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response


def refuse_unknown(request, known):
    unknown = set(request.query_params) - known
    if unknown:
        raise BadParameter(f"Unknown parameter(s): {', '.join(sorted(unknown))}.")


def integer_param(request, name, default, maximum=None):
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number, got {raw!r}.") from None
    if value < 0:
        raise BadParameter(f"{name} must be 0 or more, got {value}.")
    if maximum is not None and value > maximum:
        raise BadParameter(f"{name} must be at most {maximum}, got {value}.")
    return value


class ReadOnlyLookup(APIView):
    """Public, read-only JSON: no login, no browsable HTML, writes answered with 405."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def get_exception_handler(self):
        return message_exception_handler


class TermListView(ReadOnlyLookup):
    """``?q=&match=best|begins|exact|contains`` finds terms by their titles and other names with the
    search page's engine (``search.ranking``), best first; ``?letter=`` lists A-Z."""

    def get(self, request):
        refuse_unknown(request, {"q", "match", "letter", "limit", "offset", "lang"})
        language = language_param(request)
        terms = self.filter_by_letter(request, live_terms(language), language)
        ranked_ids = self.ranked_ids(request, terms, language)
        limit = integer_param(request, "limit", DEFAULT_LIMIT, maximum=MAX_LIMIT)
        offset = integer_param(request, "offset", 0, maximum=MAX_OFFSET)
        if ranked_ids is None:
            total = terms.count()
            page = terms.order_by("title", "pk").prefetch_related("synonyms")[offset : offset + limit]
        else:
            total = len(ranked_ids)
            page_ids = ranked_ids[offset : offset + limit]
            found = terms.filter(pk__in=page_ids).prefetch_related("synonyms").in_bulk()
            page = [found[pk] for pk in page_ids]
        page = list(page)
        translations = translations_of(page, request)
        return Response(
            {
                "meta": {"total_count": total, "limit": limit, "offset": offset},
                "items": [term_json(term, request, translations) for term in page],
            }
        )

    @staticmethod
    def filter_by_letter(request, terms, language):
        letter = request.query_params.get("letter")
        if letter is None:
            return terms
        letter = parse_letter(letter, language)
        if not letter:
            extra = "".join(f" or {letter}" for letter in letters_of(language) if letter not in LETTERS)
            raise BadParameter(f"letter must be one letter from A to Z{extra}, or # for other characters.")
        return terms.filter(initial=letter)

    @staticmethod
    def ranked_ids(request, terms, language):
        """The ids of the ``terms`` that match ``q``, best first, or None when there is no ``q``.

        ``best`` (the default) is what the search page lists first: the same name, another form of it,
        names starting with it, and, when none of these, names spelt nearly like it. ``begins`` leaves
        out the spelling matches, ``exact`` keeps only the same name in another form, ``contains``
        lists names with the text anywhere in them (ignoring case, accents and UK/US spelling), A-Z.
        """
        raw = request.query_params.get("q")
        match = request.query_params.get("match", "best")
        if match not in MATCHES:
            raise BadParameter(f"match must be one of {', '.join(MATCHES)}; got {match!r}.")
        if raw is None:
            if "match" in request.query_params:
                raise BadParameter("match needs a search text in q.")
            return None
        if not raw.strip():
            raise BadParameter("q must not be empty.")
        if len(raw.strip()) > MAX_QUERY_LENGTH:
            raise BadParameter(f"q must be at most {MAX_QUERY_LENGTH} characters.")
        query = parse(raw, max_length=MAX_QUERY_LENGTH, language_code=language)
        if not query:
            return []
        if match == "contains":
            text = fold(query.typed, query.language)
            synonym_pages = TermSynonym.objects.filter(name_fold__contains=text).values("page")
            matching = terms.filter(Q(name_fold__contains=text) | Q(pk__in=synonym_pages))
            return list(matching.order_by("title", "pk").values_list("pk", flat=True))
        matches = [m for m in match_terms(query) if m.tier in MATCHES[match]]
        allowed = set(terms.filter(pk__in=[m.term_id for m in matches]).values_list("pk", flat=True))
        return [m.term_id for m in matches if m.term_id in allowed]


class TermDetailView(ReadOnlyLookup):
    """One live term of the asked language by its slug, in any case ("Remission" finds "remission"), with its
    sections and review fields."""

    def get(self, request, slug):
        refuse_unknown(request, {"lang"})
        terms = live_terms(language_param(request))
        term = terms.filter(slug__iexact=slug).prefetch_related("synonyms").order_by("pk").first()
        if term is None:
            raise Http404("No live term has this slug.")
        return Response(term_json(term, request, translations_of([term], request), detail=True))


class TermCountView(ReadOnlyLookup):
    """How many live terms file under each letter A-Z and '#' (digits, symbols, other scripts), in one query."""

    def get(self, request):
        refuse_unknown(request, {"lang"})
        language = language_param(request)
        rows = live_terms(language).values("initial").annotate(count=Count("pk")).order_by()
        counts = dict.fromkeys(letters_of(language), 0)
        for row in rows:
            counts[row["initial"]] += row["count"]
        return Response(
            {
                "meta": {"total_count": sum(counts.values())},
                "letters": [{"letter": letter, "count": count} for letter, count in counts.items()],
            }
        )
