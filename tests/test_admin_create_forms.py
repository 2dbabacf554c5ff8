"""Each page type and the disclaimer snippet can be created through the real Wagtail admin forms."""

from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticlePage
from glossary.models import TermPage
from health_content.models import MedicalDisclaimer
from tests.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    GlossaryIndexPageFactory,
    TermPageFactory,
    home_page,
)


def term_form_data(**overrides):
    data = {
        "title": "Biopsy",
        "slug": "biopsy",
        "pronunciation": "BY-op-see",
        "synonyms": inline_formset([{"name": "tissue sample"}]),
        "definition": "A biopsy is when a doctor takes a small piece of tissue to look at under a microscope.",
        "what_is_heading": "What is a biopsy?",
        "what_is": rich_text("<p>A doctor removes a small sample of cells.</p>"),
        "why_it_matters": rich_text("<p>It shows whether cells are cancer.</p>"),
        "extra_sections": streamfield(
            [
                (
                    "callout",
                    {"level": "information", "heading": "Before your biopsy", "body": rich_text("<p>Eat.</p>")},
                )
            ]
        ),
        "related_term_links": inline_formset([]),
        "related_article_links": inline_formset([]),
        "references": inline_formset([]),
        "autolink_exclusions": inline_formset([]),
        "tags": "cancer, tests",
    }
    data.update(overrides)
    return nested_form_data(data)


class AdminCreateFormTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)
        cls.articles = ArticleIndexPageFactory(parent=cls.home)

    def setUp(self):
        self.login()

    def test_term_page_with_every_part(self):
        related = TermPageFactory(parent=self.glossary, title="Tumour")
        article = ArticlePageFactory(parent=self.articles, title="Your first scan")
        data = term_form_data(
            related_term_links=inline_formset([{"term": related.pk}]),
            related_article_links=inline_formset([{"article": article.pk}]),
            references=inline_formset(
                [{"title": "Biopsy", "source": "NHS", "year": 2024, "url": "https://www.nhs.uk/", "doi": ""}]
            ),
        )
        self.assertCanCreate(self.glossary, TermPage, data)
        term = TermPage.objects.get(slug="biopsy")
        self.assertEqual([s.name for s in term.synonyms.all()], ["tissue sample"])
        self.assertEqual([link.term for link in term.related_term_links.all()], [related])
        self.assertEqual(sorted(tag.name for tag in term.tags.all()), ["cancer", "tests"])
        self.assertEqual(term.extra_sections[0].value["level"], "information")

    def test_term_without_definition_cannot_be_published_and_nothing_is_saved(self):
        url = reverse("wagtailadmin_pages:add", args=("glossary", "termpage", self.glossary.pk))
        response = self.client.post(url, {**term_form_data(definition=""), "action-publish": "action-publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This field is required")
        self.assertFalse(TermPage.objects.filter(slug="biopsy").exists())

    def test_term_definition_over_the_limit_is_refused(self):
        url = reverse("wagtailadmin_pages:add", args=("glossary", "termpage", self.glossary.pk))
        response = self.client.post(url, {**term_form_data(definition="word " * 200), "action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "at most 600 characters")
        self.assertFalse(TermPage.objects.filter(slug="biopsy").exists())

    def test_article_page_with_every_block(self):
        body = streamfield(
            [
                ("heading", "What happens"),
                ("paragraph", rich_text("<p>You lie still.</p>")),
                ("key_points", {"heading": "Key points", "points": streamfield([("item", "It does not hurt.")])}),
                (
                    "callout",
                    {
                        "level": "emergency",
                        "heading": "Call 999 if",
                        "body": rich_text("<p>You cannot breathe.</p>"),
                    },
                ),
                ("quote", {"quote": "It was quicker than I thought.", "attribution": "A patient"}),
            ]
        )
        data = nested_form_data(
            {
                "title": "Having a CT scan",
                "slug": "having-a-ct-scan",
                "summary": "What happens when you have a CT scan, and how to get ready.",
                "body": body,
                "references": inline_formset(
                    [{"title": "CT scan", "source": "NHS", "year": 2023, "doi": "10.1000/xyz123", "url": ""}]
                ),
                "related_term_links": inline_formset([]),
                "related_article_links": inline_formset([]),
                "autolink_exclusions": inline_formset([]),
                "tags": "tests",
            }
        )
        self.assertCanCreate(self.articles, ArticlePage, data)
        article = ArticlePage.objects.get(slug="having-a-ct-scan")
        self.assertEqual(
            [block.block_type for block in article.body],
            ["heading", "paragraph", "key_points", "callout", "quote"],
        )
        self.assertEqual(article.references.get().link, "https://doi.org/10.1000/xyz123")

    def test_reference_with_a_malformed_doi_is_refused(self):
        data = nested_form_data(
            {
                "title": "Bad reference",
                "slug": "bad-reference",
                "summary": "Summary.",
                "body": streamfield([("paragraph", rich_text("<p>Text.</p>"))]),
                "references": inline_formset(
                    [{"title": "X", "source": "Y", "year": 2020, "doi": "not-a-doi", "url": ""}]
                ),
                "related_term_links": inline_formset([]),
                "related_article_links": inline_formset([]),
                "autolink_exclusions": inline_formset([]),
            }
        )
        url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", self.articles.pk))
        response = self.client.post(url, {**data, "action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Enter a DOI such as 10.1000/xyz123.")
        self.assertFalse(ArticlePage.objects.filter(slug="bad-reference").exists())

    def test_medical_disclaimer_snippet_can_be_created(self):
        url = reverse("wagtailsnippets_health_content_medicaldisclaimer:add")
        response = self.client.post(
            url, {"title": "Children's pages", "body": rich_text("<p>Ask a grown-up or your nurse.</p>")}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(MedicalDisclaimer.objects.filter(title="Children's pages").exists())

    def test_editor_cannot_save_an_image_without_alt_text(self):
        from wagtail_factories import ImageFactory

        image = ImageFactory()
        url = reverse("wagtailadmin_pages:add", args=("glossary", "termpage", self.glossary.pk))
        response = self.client.post(
            url, {**term_form_data(image=image.pk, image_alt_text=""), "action-publish": "publish"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Describe the image for people who cannot see it.")
        self.assertFalse(TermPage.objects.filter(slug="biopsy").exists())
