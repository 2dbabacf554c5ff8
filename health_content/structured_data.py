"""Schema.org JSON-LD for public pages, built as plain dicts so that tests can parse and check them.

Every page gets a ``MedicalWebPage`` node and (below the home page) a ``BreadcrumbList``. Term pages add
a ``DefinedTerm`` that belongs to the glossary's ``DefinedTermSet``; the glossary index describes that
set. Review details appear only once a clinical reviewer has signed the page off.

Everything here reads data the page view has already loaded: ancestors come from the parents cached by
:mod:`health_content.routing`, and lists come from the template context, so no queries are added.
"""

import json

from django.urls import reverse
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from delivery.languages import language_tag

SCHEMA_CONTEXT = "https://schema.org"

# The characters that could end a <script> element early or start an HTML comment, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def language():
    """The language of the page being shown, which its address gives (en-GB, es)."""
    return language_tag(get_language())


def describe(page):
    """The page's plain-text description: its summary or definition, else the editor's search text."""
    description = getattr(page, "meta_description", "") or page.search_description
    if not description and getattr(page, "intro", ""):
        description = strip_tags(page.intro).strip()
    return description


def breadcrumb_trail(page, request):
    """The pages from the site's home page down to ``page``.

    Routing caches each page's parent, so for a routed page this walks up without queries.
    """
    site = Site.find_for_request(request)
    root_id = site.root_page_id if site else None
    trail = [page]
    while trail[-1].pk != root_id and trail[-1].depth > 2:
        trail.append(trail[-1].get_parent())
    return list(reversed(trail))


def node_id(url, name):
    """A stable identifier for one node of the graph, so that nodes can refer to one another."""
    return f"{url}#{name}"


def breadcrumb_list(trail, request):
    return {
        "@type": "BreadcrumbList",
        "@id": node_id(trail[-1].get_full_url(request), "breadcrumb"),
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": crumb.title, "item": crumb.get_full_url(request)}
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def web_page(page, request, types=("MedicalWebPage",)):
    url = page.get_full_url(request)
    node = {
        "@type": list(types) if len(types) > 1 else types[0],
        "@id": node_id(url, "webpage"),
        "url": url,
        "name": page.seo_title or page.title,
        "inLanguage": language(),
    }
    if description := describe(page):
        node["description"] = description
    if page.first_published_at:
        node["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        node["dateModified"] = page.last_published_at.isoformat()
    if page.depth > 2:
        node["breadcrumb"] = {"@id": node_id(url, "breadcrumb")}
    return node


def add_review(node, page):
    """Review details, only for pages a clinical reviewer has signed off."""
    if page.last_reviewed:
        node["lastReviewed"] = page.last_reviewed.isoformat()
        if page.reviewed_by:
            node["reviewedBy"] = {"@type": "Person", "name": page.reviewed_by}
    return node


def defined_term_set(glossary, request):
    url = glossary.get_full_url(request)
    return {"@type": "DefinedTermSet", "@id": node_id(url, "termset"), "name": glossary.title, "url": url}


def defined_term(term, request, synonyms=(), glossary=None):
    node = defined_term_node(term.title, term.definition, term.get_full_url(request), synonyms)
    if glossary is not None:
        node["inDefinedTermSet"] = {"@id": node_id(glossary.get_full_url(request), "termset")}
    return node


def defined_term_node(name, definition, url, synonyms=()):
    node = {
        "@type": "DefinedTerm",
        "@id": node_id(url, "term"),
        "name": name,
        "description": definition,
        "url": url,
    }
    if synonyms:
        node["alternateName"] = list(synonyms)
    return node


def web_site(home, request):
    """The site as a whole, with the search box that search engines may offer."""
    url = home.get_full_url(request)
    search_url = Site.find_for_request(request).root_url + reverse("search")
    return {
        "@type": "WebSite",
        "@id": node_id(url, "website"),
        "url": url,
        "name": home.title,
        "inLanguage": language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": f"{search_url}?q={{search_term_string}}",
            "query-input": "required name=search_term_string",
        },
    }


def page_graph(page, request, context):
    """The JSON-LD nodes that describe ``page``, using what its view put in the template ``context``."""
    from articles.models import ArticleIndexPage, ArticlePage
    from glossary.models import GlossaryIndexPage, TermPage

    trail = breadcrumb_trail(page, request)
    graph = []

    if isinstance(page, TermPage):
        glossary = trail[-2] if len(trail) > 1 else None
        term = defined_term(page, request, context.get("synonyms", ()), glossary)
        graph += [add_review(web_page(page, request), page) | {"about": {"@id": term["@id"]}}, term]
        if glossary is not None:
            graph.append(defined_term_set(glossary, request))
    elif isinstance(page, ArticlePage):
        node = add_review(web_page(page, request), page)
        about = [defined_term(term, request) for term in context.get("related_terms", ())]
        about += [{"@type": "Thing", "name": tag.name} for tag in context.get("tags", ())]
        if about:
            node["about"] = about
        graph.append(node)
    elif isinstance(page, GlossaryIndexPage):
        term_set = defined_term_set(page, request)
        page_obj = context.get("page_obj")
        if page_obj is not None:
            # The A-Z lists terms and their other names; only the terms themselves are defined terms.
            term_set["hasDefinedTerm"] = [
                defined_term_node(entry["name"], entry["summary"], f"{term_set['url']}{entry['term_slug']}/")
                for entry in page_obj
                if not entry["see"]
            ]
        graph += [web_page(page, request, ("CollectionPage", "MedicalWebPage")) | {"about": term_set}]
    elif isinstance(page, ArticleIndexPage):
        graph.append(web_page(page, request, ("CollectionPage", "MedicalWebPage")))
    else:
        graph.append(web_page(page, request))

    if len(trail) > 1:
        graph.append(breadcrumb_list(trail, request))
    else:
        graph.append(web_site(page, request))
    return {"@context": SCHEMA_CONTEXT, "@graph": graph}


def json_ld_script(data):
    """``data`` as a ``<script type="application/ld+json">`` element that no content can break out of."""
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe: the payload is JSON with <, > and & escaped, the same approach as Django's json_script.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
