"""The public search page and its autocomplete feed, both answered by the one query engine
(``search.query``, ``search.ranking``, ``search.fulltext``).

The search page lists, in this order: the terms whose names match best (at most ``BEST_TERMS``), the
articles, the other terms whose names match, then the terms whose definitions or sections mention the
words. A patient sees the term they mean first, and articles are not buried behind many weak mentions.

Both answer in the language of the address: ``/search/`` finds English pages, ``/es/search/`` Spanish ones
(``search.query.parse`` reads the active language).
"""

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from articles.models import ArticlePage
from glossary.models import GlossaryIndexPage, TermPage
from search.fulltext import FullTextMatches
from search.query import MAX_QUERY_LENGTH, parse
from search.ranking import SPELLING, match_terms

RESULTS_PER_PAGE = 20
BEST_TERMS = 5
MAX_NAME_MATCHES = 500
MAX_SUGGESTIONS = 8

__all__ = ["MAX_QUERY_LENGTH", "RESULTS_PER_PAGE", "search", "suggest"]


def shown_terms():
    """Terms with only the columns a result shows."""
    return TermPage.objects.only("id", "title", "url_path", "definition")


def shown_articles():
    return ArticlePage.objects.only("id", "title", "url_path", "summary")


class MatchedTerms:
    """Terms in the order the ranking gave, read from the database one slice at a time."""

    def __init__(self, matches):
        self.ids = [match.term_id for match in matches]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        ids = self.ids[index]
        terms = shown_terms().in_bulk(ids)
        return [terms[pk] for pk in ids if pk in terms]


class CombinedResults:
    """Several labelled result sets one after another, sliced lazily so a paginator fetches one page only.

    Each page in a slice gets ``result_type``, the label of the set it came from.
    """

    def __init__(self, *labelled_result_sets):
        self.labels = [label for label, _ in labelled_result_sets]
        self.result_sets = [results for _, results in labelled_result_sets]
        self._counts = None

    def counts(self):
        if self._counts is None:
            self._counts = [len(results) for results in self.result_sets]
        return self._counts

    def __len__(self):
        return sum(self.counts())

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        items = []
        for label, results, count in zip(self.labels, self.result_sets, self.counts(), strict=True):
            if start < count and stop > 0:
                for item in results[max(start, 0) : min(stop, count)]:
                    item.result_type = label
                    items.append(item)
            start, stop = start - count, stop - count
        return items


def did_you_mean(matches):
    """The best match, when it was found by its spelling rather than its name: worth a "Did you mean"."""
    if matches and matches[0].tier == SPELLING:
        match = matches[0]
        return {"name": match.name, "term": TermPage.objects.only("id", "title", "url_path").get(pk=match.term_id)}
    return None


@require_GET
def search(request):
    query = parse(request.GET.get("q", ""))
    page_obj = suggestion = None
    if query:
        matches = match_terms(query, limit=MAX_NAME_MATCHES)
        matched = [match.term_id for match in matches]
        results = CombinedResults(
            ("Glossary term", MatchedTerms(matches[:BEST_TERMS])),
            ("Article", FullTextMatches(shown_articles(), query)),
            ("Glossary term", MatchedTerms(matches[BEST_TERMS:])),
            ("Glossary term", FullTextMatches(shown_terms(), query, exclude_ids=matched)),
        )
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        suggestion = did_you_mean(matches)
    glossary = GlossaryIndexPage.objects.live().filter(locale_id=query.locale_id).only("id", "url_path").first()
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query.typed,
            "problem": query.problem,
            "searched": page_obj is not None,
            "page_obj": page_obj,
            "did_you_mean": suggestion,
            "glossary": glossary,
        },
    )


def starts_a_word(field, text):
    """Match text at the start of the field or of any word in it ("life" finds "Life after remission")."""
    return Q(**{f"{field}__istartswith": text}) | Q(**{f"{field}__icontains": f" {text}"})


@require_GET
@cache_control(max_age=300, public=True)
def suggest(request):
    """Up to eight terms (by a title or other name) and articles for the letters typed so far, as JSON:
    the same matches as the search page, plus names with a later word starting with the letters."""
    query = parse(request.GET.get("q", ""))
    if not query:
        return JsonResponse({"query": query.typed, "suggestions": []})
    matches = match_terms(query, limit=MAX_SUGGESTIONS, inside_names=True)
    terms = TermPage.objects.only("id", "title", "url_path").in_bulk([match.term_id for match in matches])
    suggestions = []
    for match in matches:
        term = terms[match.term_id]
        suggestion = {"title": match.name, "url": term.url, "type": "term"}
        if not match.is_title:
            suggestion["see"] = term.title
        suggestions.append(suggestion)
    articles = (
        ArticlePage.objects.live().public().filter(starts_a_word("title", query.typed), locale_id=query.locale_id)
    )
    suggestions += [
        {"title": article.title, "url": article.url, "type": "article"}
        for article in articles.order_by("title").only("id", "title", "url_path")[:MAX_SUGGESTIONS]
    ]
    return JsonResponse({"query": query.typed, "suggestions": suggestions[:MAX_SUGGESTIONS]})
