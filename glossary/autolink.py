"""Glossary auto-linking: the first mention of each live term on a page links to the term.

One regular expression matches every live term title and "also called" name. It is built from a trie of
the phrases, so matching costs about the same with 10 terms or 10,000, and it prefers the longest phrase
at each position ("complete response" before "response"). The phrases come from the database once per
version of the glossary: publishing, unpublishing, moving or deleting a term starts a new version, so
links never point at a page that has gone. A warm cache costs no queries.
"""

import html
import re
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.html import escape

VERSION_CACHE_KEY = "glossary:autolink:version"
ENTRIES_CACHE_KEY = "glossary:autolink:entries:{version}"

# Text inside these elements is never linked: links cannot nest, headings stay plain, code stays exact.
SKIPPED_ELEMENTS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button"})
TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")


@dataclass(frozen=True)
class Term:
    """What a link needs to know about a term: where it is and what it means."""

    id: int
    title: str
    url: str
    definition: str


@dataclass
class Matcher:
    """The compiled pattern for every phrase, and the term each lower-cased phrase stands for."""

    pattern: re.Pattern
    terms_by_phrase: dict = field(default_factory=dict)


def normalise(phrase):
    return " ".join(phrase.split()).lower()


def trie_pattern(phrases):
    """A regular expression source matching any of the phrases, longest first, built from a trie.

    Spaces in a phrase match any run of white space. Each character is escaped.
    """
    trie = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern_for(node):
        ends_here = "" in node
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern_for(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        if len(branches) == 1 and not ends_here:
            return branches[0]
        return f"(?:{'|'.join(branches)})" + ("?" if ends_here else "")

    return pattern_for(trie)


def build_matcher(entries):
    """The matcher for (phrase, Term) pairs; when two terms share a phrase the first one wins."""
    terms_by_phrase = {}
    for phrase, term in entries:
        key = normalise(phrase)
        if key:
            terms_by_phrase.setdefault(key, term)
    if not terms_by_phrase:
        return None
    # A plain English plural ("tumours", "side effects") links to its term too.
    source = rf"(?<!\w)(?P<phrase>{trie_pattern(terms_by_phrase)})(?:e?s)?(?!\w)"
    return Matcher(re.compile(source, re.IGNORECASE), terms_by_phrase)


def live_term_entries():
    """Every (phrase, Term) pair of terms readers may see: each title, then each "also called" name."""
    from health_content.visibility import visible

    from .models import TermPage, TermSynonym

    pages = visible(TermPage.objects.all())
    terms = {
        page.pk: Term(page.pk, page.title, page.get_url(), page.definition)
        for page in pages.only("id", "title", "url_path", "definition")
    }
    entries = [(term.title, term) for term in terms.values()]
    entries += [
        (name, terms[page_id])
        for name, page_id in TermSynonym.objects.filter(page__in=pages.values("pk")).values_list("name", "page_id")
        if page_id in terms
    ]
    return entries


_local = {"version": None, "matcher": None}


def current_matcher():
    """This process's matcher for the current glossary version, rebuilt only when the version changes."""
    version = cache.get(VERSION_CACHE_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(VERSION_CACHE_KEY, version, timeout=None)
    if _local["version"] != version:
        entries = cache.get(ENTRIES_CACHE_KEY.format(version=version))
        if entries is None:
            entries = live_term_entries()
            cache.set(ENTRIES_CACHE_KEY.format(version=version), entries, timeout=None)
        _local.update(version=version, matcher=build_matcher(entries))
    return _local["matcher"]


def invalidate(**kwargs):
    """Start a new glossary version: every process rebuilds its matcher on its next render."""
    cache.delete(VERSION_CACHE_KEY)


class AutoLinker:
    """Links terms in the HTML of one page, remembering across sections which terms are linked already."""

    def __init__(self, matcher, skip_term_ids=()):
        self.matcher = matcher
        self.linked = set(skip_term_ids)

    def link_html(self, markup):
        if self.matcher is None:
            return markup
        parts = TAG.split(markup)
        open_skipped = []
        for index, part in enumerate(parts):
            if index % 2:
                self._track(part, open_skipped)
            elif part and not open_skipped:
                parts[index] = self._link_text(part)
        return "".join(parts)

    @staticmethod
    def _track(tag, open_skipped):
        name = TAG_NAME.match(tag)
        if not name or name.group(1).lower() not in SKIPPED_ELEMENTS or tag.endswith("/>"):
            return
        if tag.startswith("</"):
            if open_skipped:
                open_skipped.pop()
        else:
            open_skipped.append(name.group(1).lower())

    def _link_text(self, text):
        plain = html.unescape(text)
        pieces, position = [], 0
        for match in self.matcher.pattern.finditer(plain):
            term = self.matcher.terms_by_phrase.get(normalise(match.group("phrase")))
            if term is None or term.id in self.linked:
                continue
            self.linked.add(term.id)
            pieces += [escape(plain[position : match.start()]), self._link(match.group(), term)]
            position = match.end()
        if not pieces:
            return text
        return "".join(pieces) + escape(plain[position:])

    @staticmethod
    def _link(words, term):
        tip_id = f"glossary-tip-{term.id}"
        return (
            f'<a class="glossary-link" href="{escape(term.url)}" aria-describedby="{tip_id}">{escape(words)}</a>'
            f'<span class="glossary-tip" id="{tip_id}" role="tooltip" hidden>'
            f"<strong>{escape(term.title)}:</strong> {escape(term.definition)}</span>"
        )
