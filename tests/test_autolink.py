"""Glossary auto-linking: the first mention of each live term links to it, with its definition to hand."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from glossary.autolink import AutoLinker, Term, build_matcher, current_matcher
from glossary.models import TermAutolinkExclusion, TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory


def term(term_id, title):
    return Term(term_id, title, f"/glossary/{title.lower().replace(' ', '-')}/", f"What {title} means.")


CANCER, CANCER_CELL, REMISSION, RESPONSE = (
    term(1, "Cancer"),
    term(2, "Cancer cell"),
    term(3, "Remission"),
    term(4, "Response"),
)


def link(markup, *skip):
    matcher = build_matcher(
        [
            ("Cancer", CANCER),
            ("Cancer cell", CANCER_CELL),
            ("Remission", REMISSION),
            ("Complete response", REMISSION),
            ("Response", RESPONSE),
        ]
    )
    return AutoLinker(matcher, skip).link_html(markup)


def links(markup):
    soup = BeautifulSoup(markup, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("a.glossary-link")]


class TestMatching:
    def test_only_the_first_mention_links_whatever_its_case(self):
        assert links(link("<p>CANCER is common. Cancer can be treated. cancer.</p>")) == [
            ("CANCER", "/glossary/cancer/")
        ]

    def test_whole_words_only(self):
        assert links(link("<p>Cancerous and precancer and cancer-free.</p>")) == [("cancer", "/glossary/cancer/")]

    def test_a_plain_plural_links_to_its_term(self):
        assert links(link("<p>Cancer cells divide. Responses vary.</p>")) == [
            ("Cancer cells", "/glossary/cancer-cell/"),
            ("Responses", "/glossary/response/"),
        ]

    def test_longest_phrase_wins(self):
        assert links(link("<p>A cancer cell divides.</p>")) == [("cancer cell", "/glossary/cancer-cell/")]
        assert links(link("<p>A complete response.</p>")) == [("complete response", "/glossary/remission/")]

    def test_phrase_spanning_spaces_and_line_breaks_still_matches(self):
        assert links(link("<p>A complete\n   response.</p>")) == [
            ("complete\n   response", "/glossary/remission/")
        ]

    def test_a_synonym_counts_as_the_terms_first_mention(self):
        assert links(link("<p>Complete response, also called remission.</p>")) == [
            ("Complete response", "/glossary/remission/")
        ]

    def test_text_inside_existing_links_headings_and_code_is_left_alone(self):
        markup = (
            '<h2>Cancer</h2><h3 id="x">Remission</h3><p><a href="/elsewhere/">cancer <b>remission</b></a>'
            "<code>response</code> and then remission.</p>"
        )
        linked = link(markup)
        assert links(linked) == [("remission", "/glossary/remission/")]
        assert linked.startswith('<h2>Cancer</h2><h3 id="x">Remission</h3><p><a href="/elsewhere/">cancer <b>')

    def test_skipped_terms_are_never_linked(self):
        assert links(link("<p>Remission and cancer.</p>", REMISSION.id)) == [("cancer", "/glossary/cancer/")]

    def test_the_link_describes_itself_with_the_definition(self):
        soup = BeautifulSoup(link("<p>In remission.</p>"), "html.parser")
        anchor = soup.select_one("a.glossary-link")
        tip = soup.find(id=anchor["aria-describedby"])

        assert tip["role"] == "tooltip"
        assert tip.has_attr("hidden")
        assert tip.get_text() == "Remission: What Remission means."

    def test_entities_and_markup_survive(self):
        linked = link("<p>Fish &amp; chips &lt;script&gt; then <em>cancer</em>.</p>")
        assert linked.startswith("<p>Fish &amp; chips &lt;script&gt; then <em>")
        assert links(linked) == [("cancer", "/glossary/cancer/")]

    def test_no_terms_means_no_change(self):
        assert AutoLinker(build_matcher([])).link_html("<p>Cancer.</p>") == "<p>Cancer.</p>"


def page_links(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("main a.glossary-link")]


@pytest.fixture
def remission(glossary):
    page = TermPageFactory(
        parent=glossary,
        title="Remission",
        definition="Remission means tests cannot find signs of the cancer.",
        what_is="<p>Remission can follow chemotherapy. Remission is good news.</p>",
    )
    page.synonyms.add(TermSynonym(name="Complete response"))
    page.save_revision().publish()
    return page


@pytest.fixture
def chemotherapy(glossary):
    return TermPageFactory(
        parent=glossary,
        title="Chemotherapy",
        definition="Medicine that kills cancer cells.",
        what_is="<p>Chemotherapy is often given before remission.</p>",
        why_it_matters="<p>Remission after chemotherapy is common.</p>",
    )


@pytest.mark.django_db
class TestTermAndArticlePages:
    def test_term_page_links_other_terms_once_and_never_itself(self, client, remission, chemotherapy):
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        assert page_links(client, chemotherapy) == [("remission", "/glossary/remission/")]

    def test_article_links_first_mentions_across_blocks_but_not_headings(
        self, client, article_index, remission, chemotherapy
    ):
        article = ArticlePageFactory(
            parent=article_index,
            body=[
                ("heading", "Chemotherapy and remission"),
                ("paragraph", "<p>After a complete response, chemotherapy stops.</p>"),
                (
                    "callout",
                    {"level": "information", "heading": "Remission", "body": "<p>Remission and chemotherapy.</p>"},
                ),
            ],
        )
        assert page_links(client, article) == [
            ("complete response", "/glossary/remission/"),
            ("chemotherapy", "/glossary/chemotherapy/"),
        ]
        soup = BeautifulSoup(client.get(article.url).content, "html.parser")
        assert soup.select_one('script[src$="js/glossary-tips.js"]').has_attr("defer")
        assert soup.find(id=f"glossary-tip-{remission.pk}").get_text(" ", strip=True) == (
            "Remission: Remission means tests cannot find signs of the cancer."
        )

    def test_editors_can_exclude_a_term_on_one_page(self, client, remission, chemotherapy):
        chemotherapy.autolink_exclusions.add(TermAutolinkExclusion(term=remission))
        chemotherapy.save_revision().publish()

        assert page_links(client, chemotherapy) == []
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]

    def test_a_draft_term_is_not_linked_until_published(self, client, glossary, remission):
        draft = TermPageFactory(parent=glossary, title="Chemotherapy", live=False)
        assert page_links(client, remission) == []

        draft.save_revision().publish()
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]

    def test_unpublishing_or_deleting_a_term_removes_its_links(self, client, remission, chemotherapy):
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        chemotherapy.unpublish()
        assert page_links(client, remission) == []

        chemotherapy.save_revision().publish()
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        chemotherapy.delete()
        assert page_links(client, remission) == []

    def test_renaming_a_term_changes_what_links_and_where(self, client, remission, chemotherapy):
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        chemotherapy.title = "Remission drugs"
        chemotherapy.slug = "remission-drugs"
        chemotherapy.save_revision().publish()
        remission.what_is = "<p>Chemotherapy or other remission drugs.</p>"
        remission.save_revision().publish()

        assert page_links(client, remission) == [("remission drugs", "/glossary/remission-drugs/")]

    def test_warm_index_costs_no_queries_and_term_page_stays_in_budget(self, client, remission, chemotherapy):
        page_links(client, remission)  # warms the caches

        with CaptureQueriesContext(connection) as index_queries:
            current_matcher()
        with CaptureQueriesContext(connection) as page_queries:
            assert page_links(client, chemotherapy) == [("remission", "/glossary/remission/")]

        assert len(index_queries) == 0
        assert len(page_queries) <= 12


@pytest.mark.django_db
def test_renaming_the_glossary_moves_every_link(client, glossary, remission, chemotherapy):
    assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
    glossary.slug = "words"
    glossary.save_revision().publish()
    remission.refresh_from_db()

    assert page_links(client, remission) == [("chemotherapy", "/words/chemotherapy/")]


@pytest.mark.django_db
def test_editor_excludes_a_term_through_the_admin_form(admin_client, client, remission, chemotherapy):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    empty = inline_formset([])
    data = nested_form_data(
        {
            "title": chemotherapy.title,
            "slug": chemotherapy.slug,
            "definition": chemotherapy.definition,
            "what_is": rich_text(chemotherapy.what_is),
            "why_it_matters": rich_text(chemotherapy.why_it_matters),
            "extra_sections": streamfield([]),
            "synonyms": empty,
            "related_term_links": empty,
            "related_article_links": empty,
            "references": empty,
            "autolink_exclusions": inline_formset([{"term": remission.pk}]),
            "action-publish": "publish",
        }
    )

    response = admin_client.post(f"/admin/pages/{chemotherapy.pk}/edit/", data)

    assert response.status_code == 302
    assert page_links(client, chemotherapy) == []
