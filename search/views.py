"""The public search page and its autocomplete feed: live, public terms first, then articles."""

import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from articles.models import ArticlePage
from glossary.models import GlossaryIndexPage, TermPage, TermSynonym

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
MAX_SUGGESTIONS = 8
HAS_WORD_CHARACTER = re.compile(r"\w")


def clean_query(raw):
    """The visitor's words with spacing tidied, and the reason they cannot be searched for, if any."""
    query = " ".join(raw.split())
    if not query:
        return query, ""
    if len(query) > MAX_QUERY_LENGTH:
        return query[:MAX_QUERY_LENGTH], "too-long"
    if not HAS_WORD_CHARACTER.search(query):
        return query, "no-words"
    return query, ""


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
            self._counts = [results.count() for results in self.result_sets]
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


def live_public(model):
    return model.objects.live().public()


@require_GET
def search(request):
    query, problem = clean_query(request.GET.get("q", ""))
    page_obj = None
    if query and not problem:
        results = CombinedResults(
            ("Glossary term", live_public(TermPage).search(query)),
            ("Article", live_public(ArticlePage).search(query)),
        )
        page_obj = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    glossary = GlossaryIndexPage.objects.live().only("id", "url_path").first()
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query,
            "problem": problem,
            "searched": page_obj is not None,
            "page_obj": page_obj,
            "glossary": glossary,
        },
    )


def starts_a_word(field, text):
    """Match text at the start of the field or of any word in it ("resp" finds "Complete response")."""
    return Q(**{f"{field}__istartswith": text}) | Q(**{f"{field}__icontains": f" {text}"})


@require_GET
@cache_control(max_age=300, public=True)
def suggest(request):
    """Up to eight terms, other names and articles whose words start with the letters typed, as JSON."""
    query, problem = clean_query(request.GET.get("q", ""))
    if not query or problem:
        return JsonResponse({"query": query, "suggestions": []})
    suggestions = [
        {"title": term.title, "url": term.url, "type": "term"}
        for term in live_public(TermPage)
        .filter(starts_a_word("title", query))
        .order_by("title")
        .only("id", "title", "url_path")[:MAX_SUGGESTIONS]
    ]
    synonyms = (
        TermSynonym.objects.filter(starts_a_word("name", query), page__in=live_public(TermPage))
        .select_related("page")
        .only("name", "page__title", "page__url_path")
        .order_by("name")[:MAX_SUGGESTIONS]
    )
    suggestions += [
        {"title": synonym.name, "url": synonym.page.url, "type": "term", "see": synonym.page.title}
        for synonym in synonyms
    ]
    suggestions += [
        {"title": article.title, "url": article.url, "type": "article"}
        for article in live_public(ArticlePage)
        .filter(starts_a_word("title", query))
        .order_by("title")
        .only("id", "title", "url_path")[:MAX_SUGGESTIONS]
    ]
    return JsonResponse({"query": query, "suggestions": suggestions[:MAX_SUGGESTIONS]})
