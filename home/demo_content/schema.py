"""The shapes of demo content, and helpers that write StreamField blocks in their stored (JSON) form."""

from dataclasses import dataclass

from django.utils.text import slugify


@dataclass(frozen=True)
class Source:
    """A published page that supports the text. ``year`` is when the page was last checked or updated."""

    title: str
    source: str
    year: int
    url: str


@dataclass(frozen=True, kw_only=True)
class DemoPage:
    """What terms and articles share: a title (which gives the slug), topics, links and sources.

    Related terms and articles are given by slug.
    """

    title: str
    tags: tuple[str, ...] = ()
    related_terms: tuple[str, ...] = ()
    related_articles: tuple[str, ...] = ()
    references: tuple[Source, ...] = ()

    @property
    def slug(self):
        return slugify(self.title)


@dataclass(frozen=True, kw_only=True)
class Term(DemoPage):
    """One glossary term."""

    definition: str
    what_is: str
    why_it_matters: str
    pronunciation: str = ""
    also_called: tuple[str, ...] = ()
    what_is_heading: str = ""
    extra_sections: tuple[dict, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Article(DemoPage):
    """One article."""

    summary: str
    body: tuple[dict, ...]


@dataclass(frozen=True)
class IndexPage:
    """A listing page under the home page (the glossary or the article list)."""

    title: str
    slug: str
    intro: str


def heading(text):
    return {"type": "heading", "value": text}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def section(heading_text, html):
    return {"type": "section", "value": {"heading": heading_text, "body": html}}


def callout(level, heading_text, html):
    """A care card: ``level`` is "information", "urgent" or "emergency"."""
    return {"type": "callout", "value": {"level": level, "heading": heading_text, "body": html}}


def key_points(*points, heading_text="Key points"):
    return {"type": "key_points", "value": {"heading": heading_text, "points": list(points)}}


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}
