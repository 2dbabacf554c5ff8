"""``manage.py load_demo_content``: puts the demo glossary, articles and home page content on the default site.

The words live in ``home.demo_content``; this module only turns them into pages. The listing pages are found
by type under the home page, terms and articles by slug under their listing page. Anything already there is
left as it is (even if an editor changed it), so a second run changes nothing. Each new
page gets exactly one published revision. Then come the review history (``review.demo``) and the Spanish
versions (``home.demo_translation``). Everything runs in one transaction: if any item is invalid, the command
stops with a message naming it and nothing is saved.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from glossary.models import GlossaryIndexPage, TermPage, TermSynonym
from health_content.models import MedicalDisclaimer, PublishingSettings
from home.demo_content import spanish
from home.demo_content.articles import ARTICLES
from home.demo_content.site import (
    ARTICLE_INDEX,
    DISCLAIMER_BODY,
    DISCLAIMER_TITLE,
    FEATURED_ARTICLES,
    GLOSSARY_INDEX,
    HOME_INTRO,
)
from home.demo_content.terms import TERMS
from home.demo_pages import clean_stream, ordered, reported_as
from home.demo_translation import load_spanish_demo
from home.models import HomeFeaturedArticle, HomePage
from home.skeleton import add_index, translate_skeleton
from review.demo import load_review_demo


class Command(BaseCommand):
    help = (
        "Create the demo glossary terms, articles, listing pages, home page intro and default disclaimer. "
        "Safe to run again: existing pages are left as they are."
    )

    def handle(self, *args, **options):
        problems = link_problems(TERMS, ARTICLES, FEATURED_ARTICLES) + translation_problems(TERMS, ARTICLES)
        if problems:
            raise CommandError("The demo content has broken links; nothing was saved:\n" + "\n".join(problems))
        with transaction.atomic():
            home = default_home_page()
            created = DemoLoader(home).load(TERMS, ARTICLES)
            created += translate_skeleton()
            if created:
                self.stdout.write(self.style.SUCCESS("Demo content loaded. Created: " + "; ".join(created) + "."))
            else:
                self.stdout.write("Demo content is already loaded; nothing changed.")
            load_review_demo(self.stdout)
            load_spanish_demo(home, self.stdout)


def link_problems(terms, articles, featured):
    """Slugs that are repeated, or linked to but missing from the demo data, as readable lines."""
    term_slugs = [term.slug for term in terms]
    article_slugs = [article.slug for article in articles]
    problems = [
        f"- two {kind} share the slug {slug!r}"
        for kind, slugs in (("terms", term_slugs), ("articles", article_slugs))
        for slug in sorted({slug for slug in slugs if slugs.count(slug) > 1})
    ]
    for item in [*terms, *articles]:
        problems += [f"- {item.title}: no term {slug!r}" for slug in item.related_terms if slug not in term_slugs]
        problems += [
            f"- {item.title}: no article {slug!r}" for slug in item.related_articles if slug not in article_slugs
        ]
    problems += [
        f"- featured on the home page: no article {slug!r}" for slug in featured if slug not in article_slugs
    ]
    return problems


def translation_problems(terms, articles):
    """Spanish versions of terms or articles the English demo does not have, or repeated Spanish slugs."""
    problems = []
    for kind, english, translations in (("term", terms, spanish.TERMS), ("article", articles, spanish.ARTICLES)):
        english_slugs = {item.slug for item in english}
        problems += [
            f"- Spanish {item.title}: no English {kind} {slug!r}"
            for slug, item in translations.items()
            if slug not in english_slugs
        ]
        slugs = [item.slug for item in translations.values()]
        problems += [
            f"- two Spanish {kind}s share the slug {slug!r}"
            for slug in sorted({s for s in slugs if slugs.count(s) > 1})
        ]
    problems += [
        f"- featured on the Spanish home page: no Spanish article for {slug!r}"
        for slug in spanish.FEATURED_ARTICLES
        if slug not in spanish.ARTICLES
    ]
    if spanish.OUT_OF_DATE.slug not in spanish.TERMS:
        problems.append(f"- left out of date: no Spanish term for {spanish.OUT_OF_DATE.slug!r}")
    return problems


def default_home_page():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        raise CommandError("The default site has no HomePage at its root. Run `manage.py migrate` first.")
    return home


class DemoLoader:
    """Creates whatever part of the demo is missing under one home page and reports what it made."""

    def __init__(self, home):
        self.home = home
        self.created = []

    def load(self, terms, articles):
        self.ensure_default_disclaimer()
        glossary = self.ensure_index(GlossaryIndexPage, GLOSSARY_INDEX)
        article_index = self.ensure_index(ArticleIndexPage, ARTICLE_INDEX)
        term_pages, new_terms = self.ensure_children(glossary, TermPage, terms, build_term)
        article_pages, new_articles = self.ensure_children(article_index, ArticlePage, articles, build_article)
        # Links are set once every page exists, so each new page is published once, with all its links.
        # Wagtail validates a page's fields when the revision is saved.
        for page, item in [*new_terms, *new_articles]:
            set_links(page, item, term_pages, article_pages)
            with reported_as(item.title):
                page.save_revision().publish()
        self.ensure_home_content(article_pages)
        return self.created

    def ensure_default_disclaimer(self):
        disclaimer, made = MedicalDisclaimer.objects.get_or_create(
            title=DISCLAIMER_TITLE, defaults={"body": DISCLAIMER_BODY}
        )
        if made:
            self.created.append(f"disclaimer {disclaimer.title!r}")
        settings = PublishingSettings.for_site(self.home.get_site())
        if settings.default_disclaimer_id is None:
            settings.default_disclaimer = disclaimer
            settings.save()
            self.created.append("default disclaimer setting")

    def ensure_index(self, model, data):
        page = model.objects.child_of(self.home).first()
        if page is None:  # `migrate` made it on an empty tree (home.skeleton), unless pages were there
            with reported_as(data.title):
                page = add_index(self.home, model, data)
            self.created.append(f"page {data.title!r}")
        return page

    def ensure_children(self, parent, model, items, build):
        """All pages for ``items`` by slug, and the (page, item) pairs that were new, saved as drafts."""
        pages = {page.slug: page for page in model.objects.child_of(parent)}
        new = []
        for item in items:
            if item.slug not in pages:
                with reported_as(item.title):
                    page = build_page(build, item)
                    parent.add_child(instance=page)
                pages[item.slug] = page
                new.append((page, item))
        if new:
            name = model._meta.verbose_name if len(new) == 1 else model._meta.verbose_name_plural
            self.created.append(f"{len(new)} {name}")
        return pages, new

    def ensure_home_content(self, article_pages):
        home = self.home
        changed = []
        if not home.intro:
            home.intro = HOME_INTRO
            changed.append("home page intro")
        if not home.featured_article_links.exists():
            home.featured_article_links = ordered(
                HomeFeaturedArticle, article=[article_pages[s] for s in FEATURED_ARTICLES]
            )
            changed.append("featured articles")
        if changed:
            home.save_revision().publish()
            self.created += changed


def build_term(item):
    page = TermPage(
        title=item.title,
        slug=item.slug,
        pronunciation=item.pronunciation,
        definition=item.definition,
        what_is_heading=item.what_is_heading,
        what_is=item.what_is,
        why_it_matters=item.why_it_matters,
        extra_sections=clean_stream(TermPage, "extra_sections", item.extra_sections),
    )
    page.synonyms = ordered(TermSynonym, name=item.also_called)
    return page


def build_article(item):
    return ArticlePage(
        title=item.title, slug=item.slug, summary=item.summary, body=clean_stream(ArticlePage, "body", item.body)
    )


def build_page(build, item):
    """An unsaved draft page for ``item``, with its references and tags."""
    page = build(item)
    reference_model = page._meta.get_field("references").related_model
    references = [
        reference_model(title=source.title, source=source.source, year=source.year, url=source.url, sort_order=i)
        for i, source in enumerate(item.references)
    ]
    for reference in references:
        reference.full_clean(exclude=["page"])
    page.live = False
    page.references = references
    page.tags.add(*item.tags)
    return page


def set_links(page, item, term_pages, article_pages):
    term_link = page._meta.get_field("related_term_links").related_model
    article_link = page._meta.get_field("related_article_links").related_model
    page.related_term_links = ordered(term_link, term=[term_pages[slug] for slug in item.related_terms])
    page.related_article_links = ordered(
        article_link, article=[article_pages[slug] for slug in item.related_articles]
    )
