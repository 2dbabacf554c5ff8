"""The Spanish demo, made the way a translator and a Spanish-speaking reviewer make it in the admin.

Each English page named in ``home.demo_content.spanish`` is copied into Spanish from its live (signed-off)
version with ``copy_for_translation``, which records that revision (``health_content.translation``). The
translator (the demo editor) fills in the Spanish words, points the related pages at their Spanish versions and
submits the page for review; the demo Spanish-speaking reviewer signs it off through the real workflow. The
disclaimer is translated the same way. Then one English page is changed and signed off again in English, so
its Spanish version is out of date and shows in "Translations to update".

``load_demo_content`` runs this in its transaction, after the English review history. A page or disclaimer
that already has its Spanish version, or whose Spanish slug is taken, is left as it is, so a second run
changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.models import Locale

from articles.models import ArticleIndexPage, ArticlePage
from glossary.models import GlossaryIndexPage, TermPage, TermSynonym
from health_content.models import MedicalDisclaimer
from home.demo_content import spanish
from home.demo_content.site import DISCLAIMER_TITLE
from home.demo_pages import clean_stream, ordered, reported_as
from home.models import HomeFeaturedArticle
from review.translations import translating_as
from review.workflow import default_next_review_due, sign_off, submit_for_review

TRANSLATOR = "editor"  # the demo editor also makes the English change
SPANISH_REVIEWER = "revisora"
ENGLISH_REVIEWER = "reviewer"


def load_spanish_demo(home, stdout):
    """Add whatever of the Spanish demo is missing under ``home``'s Spanish translation, and say what."""
    locale = Locale.objects.filter(language_code="es").first()
    spanish_home = home.get_translation_or_none(locale) if locale else None
    if spanish_home is None:
        stdout.write("There is no Spanish home page, so no Spanish demo was added.")
        return
    demo = SpanishDemo(locale)
    # Submitting starts the workflow, which emails reviewers: not for demo data.
    # The demo editor makes the translations: recorded as their author, so they cannot sign them off.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        translating_as(demo.translator),
    ):
        made = demo.translate_disclaimer()
        made += demo.translate_pages(home)
        made += demo.feature_articles(spanish_home.specific)
    if made:
        stdout.write("Spanish demo added: " + "; ".join(made) + ".")
    else:
        stdout.write("Spanish demo already loaded; left as it is.")


class SpanishDemo:
    """Makes the missing Spanish versions; each method returns what it made, as readable phrases."""

    def __init__(self, locale):
        self.locale = locale
        users = get_user_model().objects.in_bulk(
            [TRANSLATOR, SPANISH_REVIEWER, ENGLISH_REVIEWER], field_name="username"
        )
        self.translator, self.reviewer, self.english_reviewer = (
            users[TRANSLATOR],
            users[SPANISH_REVIEWER],
            users[ENGLISH_REVIEWER],
        )
        self.today = timezone.localdate()

    def review(self, content, reviewer, reviewed_on, comment=spanish.SIGN_OFF_COMMENT):
        """Submit ``content`` as the demo editor and have ``reviewer`` sign it off on ``reviewed_on``."""
        sign_off(
            submit_for_review(content, self.translator),
            reviewer,
            clinically_accurate=True,
            sources_checked=True,
            plain_language=True,
            next_review_due=default_next_review_due(reviewed_on),
            comment=comment,
            reviewed_on=reviewed_on,
        )

    def translate_disclaimer(self):
        english = MedicalDisclaimer.objects.filter(title=DISCLAIMER_TITLE, locale=Locale.get_default()).first()
        if english is None or english.has_translation(self.locale):
            return []
        made = []
        if english.live_revision_id is None:
            # The demo wrote the English wording without a review; a translation starts from a signed-off one.
            self.review(english, self.english_reviewer, self.today - datetime.timedelta(days=3), comment="")
            made.append("the English disclaimer signed off")
            english.refresh_from_db()  # the sign-off published it through another copy
        translation = english.copy_for_translation(self.locale)
        translation.title, translation.body = spanish.DISCLAIMER_TITLE, spanish.DISCLAIMER_BODY
        # A copy of a published wording starts as a draft that only the sign-off publishes.
        translation.live, translation.live_revision, translation.has_unpublished_changes = False, None, True
        translation.first_published_at = translation.last_published_at = None
        with reported_as(spanish.DISCLAIMER_TITLE):
            translation.full_clean()
            translation.save()
        self.review(translation, self.reviewer, self.today - datetime.timedelta(days=2))
        return [*made, f"disclaimer {translation.title!r}"]

    def translate_pages(self, home):
        """Translate the demo terms and articles that have no Spanish version yet; sign them off."""
        new = {}
        for index_model, model, items in (
            (GlossaryIndexPage, TermPage, spanish.TERMS),
            (ArticleIndexPage, ArticlePage, spanish.ARTICLES),
        ):
            index = index_model.objects.child_of(home).get()
            # As in English, a page found by its slug is left alone, even if its English page was made again.
            spanish_slugs = set(
                model.objects.child_of(index.get_translation(self.locale)).values_list("slug", flat=True)
            )
            for english in model.objects.child_of(index).filter(slug__in=items):
                item = items[english.slug]
                if item.slug not in spanish_slugs and not english.has_translation(self.locale):
                    new[english.slug] = self.copy_page(english, item)
        # Links are set once every Spanish page exists, as a translator would after translating them all.
        for page in new.values():
            self.point_links_to_spanish(page)
            with reported_as(page.title):
                page.save()
            self.review(page, self.reviewer, self.today - datetime.timedelta(days=2))
        if spanish.OUT_OF_DATE.slug in new:
            self.change_english(spanish.OUT_OF_DATE)
        terms = sum(isinstance(page, TermPage) for page in new.values())
        made = [f"{count} {kind}" for count, kind in ((terms, "terms"), (len(new) - terms, "articles")) if count]
        if spanish.OUT_OF_DATE.slug in new:
            made.append(f"{new[spanish.OUT_OF_DATE.slug].title!r} left out of date")
        return made

    def copy_page(self, english, item):
        """The translator's copy of ``english``'s live version (saved as a draft in Spanish), with ``item``'s
        Spanish words filled in but not saved yet."""
        page = english.copy_for_translation(self.locale)
        page.title = page.draft_title = item.title
        page.slug = item.slug
        if isinstance(page, TermPage):
            page.definition, page.what_is_heading = item.definition, item.what_is_heading
            page.what_is, page.why_it_matters = item.what_is, item.why_it_matters
            page.pronunciation = item.pronunciation
            with reported_as(item.title):
                page.extra_sections = clean_stream(TermPage, "extra_sections", item.extra_sections)
            page.synonyms = ordered(TermSynonym, name=item.also_called)
        else:
            page.summary = item.summary
            with reported_as(item.title):
                page.body = clean_stream(ArticlePage, "body", item.body)
        page.tags.set(list(item.tags))
        return page

    def point_links_to_spanish(self, page):
        """Related terms and articles point at their Spanish versions; links to pages without one are dropped."""
        for relation, field in (("related_term_links", "term"), ("related_article_links", "article")):
            link_model = page._meta.get_field(relation).related_model
            targets = [
                getattr(link, field).get_translation_or_none(self.locale) for link in getattr(page, relation).all()
            ]
            setattr(page, relation, ordered(link_model, **{field: [t for t in targets if t is not None]}))

    def change_english(self, change):
        """An English editor's later, signed-off change, which leaves the Spanish version out of date."""
        english = TermPage.objects.get(
            slug=change.slug, locale=Locale.get_default()
        ).get_latest_revision_as_object()
        setattr(english, change.field, change.value)
        self.review(
            english, self.english_reviewer, self.today - datetime.timedelta(days=1), comment=change.comment
        )

    def feature_articles(self, spanish_home):
        if spanish_home.featured_article_links.exists():
            return []
        english = ArticlePage.objects.filter(slug__in=spanish.FEATURED_ARTICLES, locale=Locale.get_default())
        by_slug = {page.slug: page.get_translation_or_none(self.locale) for page in english}
        articles = [by_slug[slug] for slug in spanish.FEATURED_ARTICLES if by_slug.get(slug)]
        if not articles:
            return []
        spanish_home.featured_article_links = ordered(HomeFeaturedArticle, article=articles)
        spanish_home.save_revision().publish()
        return ["featured articles on the Spanish home page"]
