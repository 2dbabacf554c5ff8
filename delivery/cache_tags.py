"""Cache tags: what content each public response shows, so publishing purges exactly the copies showing it.

Views, page models and template tags name what they put on a response with :func:`add_cache_tags` (or
:func:`show_pages`); :class:`CacheTagsMiddleware` writes the tags into the ``X-Cache-Tags`` header of public
responses, where Varnish keeps them with the cached copy (and strips them before readers see them).
``delivery.purge`` then bans every copy carrying a tag. The tags:

- ``page-<id>``: the page itself, and every page the response shows a piece of (related items, featured
  articles, an auto-linked term's pop-up definition);
- ``children-<id>``: a page's list of its children (Wagtail pages get it from ``wagtail_hooks``);
- ``az``: the glossary's A-Z (index, letter pages, the home page's strip);
- ``autolink``: text with glossary auto-links, which changes when the set of linkable names does;
- ``api-list``, ``search``, ``sitemap``: by address (in any language: ``/es/search/`` too), below;
  ``not-found``: 404 and 410 answers;
- ``site``: every response, for what every page shows (disclaimer, navigation, view restrictions).

This module knows no page types: the page apps call it.
"""

import re

from django.utils.translation import get_language_from_path

from .cache_policy import SAFE_METHODS

HEADER = "X-Cache-Tags"
SITE = "site"
NOT_FOUND = "not-found"
TAG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
PATH_TAGS = (("/api/", "api-list"), ("/search/", "search"), ("/sitemap", "sitemap"))


def page_tag(page):
    """The tag of a page (or page id)."""
    return f"page-{getattr(page, 'pk', page)}"


def children_tag(page):
    """The tag of a page's (or page id's) list of children."""
    return f"children-{getattr(page, 'pk', page)}"


def check_tag(tag):
    if not isinstance(tag, str) or not TAG.match(tag):
        raise ValueError(f"A cache tag is lower-case letters, digits and hyphens; got {tag!r}.")
    return tag


def add_cache_tags(request, *tags):
    """Record that the response to ``request`` shows what ``tags`` name."""
    if request is None:
        return
    checked = [check_tag(tag) for tag in tags]
    request.__dict__.setdefault("_cache_tags", set()).update(checked)


def show_pages(request, pages):
    """Record that the response to ``request`` shows a piece of each of ``pages``."""
    add_cache_tags(request, *(page_tag(page) for page in pages))


def without_language(path):
    """The address without its language prefix: /es/search/ is /search/."""
    language = get_language_from_path(path)
    return path.removeprefix(f"/{language}") if language and path.startswith(f"/{language}/") else path


def tags_of(request, response):
    tags = {SITE, *getattr(request, "_cache_tags", ())}
    path = without_language(request.path)
    tags.update(tag for prefix, tag in PATH_TAGS if path.startswith(prefix))
    if response.status_code in (404, 410):
        tags.add(NOT_FOUND)
    return tags


class CacheTagsMiddleware:
    """Puts the response's cache tags in ``X-Cache-Tags`` when a shared cache may keep the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in SAFE_METHODS and "public" in response.get("Cache-Control", ""):
            response[HEADER] = " ".join(sorted(tags_of(request, response)))
        return response
