"""Editors can only build a sane tree: home > glossary > terms, home > articles > articles."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticleIndexPage, ArticlePage
from glossary.models import GlossaryIndexPage, TermPage
from home.models import HomePage
from tests.factories import ArticleIndexPageFactory, GlossaryIndexPageFactory, home_page


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_sits_at_the_root_and_holds_the_two_indexes(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {GlossaryIndexPage, ArticleIndexPage})

    def test_terms_live_only_under_the_glossary(self):
        self.assertAllowedParentPageTypes(TermPage, {GlossaryIndexPage})
        self.assertAllowedSubpageTypes(GlossaryIndexPage, {TermPage})
        self.assertAllowedSubpageTypes(TermPage, set())

    def test_articles_live_only_under_the_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_only_one_home_glossary_and_article_index(self):
        home = home_page()
        GlossaryIndexPageFactory(parent=home)
        ArticleIndexPageFactory(parent=home)
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))
        self.assertFalse(GlossaryIndexPage.can_create_at(home))
        self.assertFalse(ArticleIndexPage.can_create_at(home))
