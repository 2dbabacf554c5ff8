"""factory_boy / wagtail-factories factories for the site's page types and snippets."""

import factory
import wagtail_factories
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from articles.models import ArticleIndexPage, ArticlePage
from glossary.models import GlossaryIndexPage, TermPage
from health_content.models import MedicalDisclaimer
from home.models import HomePage


class MedicalDisclaimerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MedicalDisclaimer
        django_get_or_create = ("title",)

    title = "Medical disclaimer"
    body = "<p>This page gives general information. It is not a substitute for advice from your doctor.</p>"


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = GlossaryIndexPage

    title = "Glossary A to Z"
    slug = "glossary"
    show_in_menus = True


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticleIndexPage

    title = "Articles"
    slug = "articles"
    show_in_menus = True


class TermPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = TermPage

    title = factory.Sequence(lambda n: f"Term {n}")
    definition = factory.LazyAttribute(lambda o: f"{o.title} is a word used by doctors.")
    what_is = factory.LazyAttribute(lambda o: f"<p>More about {o.title}.</p>")
    why_it_matters = "<p>Knowing this word helps you follow what your care team says.</p>"


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "A short plain-language summary."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Article text.</p>")])


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Health Words"
    slug = "home"


def home_page():
    """The default site's HomePage: the one the migrations made, or a new one after a flushed database."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    # A flush can also remove the default locale and the root page the migrations made.
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Health Words"}
    )
    return home


class UserFactory(factory.django.DjangoModelFactory):
    """A staff user; pass ``groups=[...]`` (group names) to give them a role."""

    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@healthwords.example")
    password = factory.django.Password("password")

    @factory.post_generation
    def groups(self, create, names):
        if create and names:
            from django.contrib.auth.models import Group

            self.groups.add(*Group.objects.filter(name__in=names))


class ReviewerProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "review.ReviewerProfile"
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda o: f"Dr {o.user.username.title()}")
    credentials = "MBBS, consultant oncologist"

    @factory.post_generation
    def languages(self, create, codes):
        """The languages the reviewer may sign off, as language codes (English unless given)."""
        if create:
            codes = codes if codes is not None else [settings.LANGUAGE_CODE]
            self.languages.set([Locale.objects.get_or_create(language_code=code)[0] for code in codes])
