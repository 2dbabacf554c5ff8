"""Glossary auto-linking: the first mention of each live term links to it, with its definition to hand,
and only where the name can only mean the term."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from glossary.linking.matcher import AutoLinker, Matcher, Term
from glossary.linking.policy import AutolinkSetting
from glossary.linking.store import current_matcher, loaded, matchers_from_json, matchers_to_json
from glossary.models import AutolinkSnapshot, TermAutolinkExclusion, TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory


def term(term_id, title):
    return Term(term_id, title, f"/glossary/{title.lower().replace(' ', '-')}/", f"What {title} means.")


CANCER, CANCER_CELL, REMISSION, RESPONSE, LYMPH_NODE, BIOPSY, CT_SCAN, TUMOUR, HODGKIN = (
    term(1, "Cancer"),
    term(2, "Cancer cell"),
    term(3, "Remission"),
    term(4, "Response"),
    term(5, "Lymph node"),
    term(6, "Biopsy"),
    term(7, "CT scan"),
    term(8, "Tumour"),
    term(9, "Hodgkin lymphoma"),
)
TERMS = [CANCER, CANCER_CELL, REMISSION, RESPONSE, LYMPH_NODE, BIOPSY, CT_SCAN, TUMOUR, HODGKIN]
NAMES = [
    ("Cancer", False, 0),
    ("Cancer cell", False, 1),
    ("Remission", False, 2),
    ("Complete response", False, 2),
    ("Response", False, 3),
    ("Lymph node", False, 4),
    ("biopsy", False, 5),
    ("CT scan", True, 6),
    ("Tumour", False, 7),
    ("Hodgkin lymphoma", False, 8),
]


def link(markup, *skip):
    return AutoLinker(Matcher.build(TERMS, NAMES), skip).link_html(markup)


def links(markup):
    soup = BeautifulSoup(markup, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("a.glossary-link")]


class TestMatching:
    def test_only_the_first_mention_links_whatever_its_case(self):
        assert links(link("<p>CANCER is common. Cancer can be treated. cancer.</p>")) == [
            ("CANCER", "/glossary/cancer/")
        ]

    def test_whole_words_only(self):
        assert links(link("<p>Cancerous and precancer and cancer-free. Cancer.</p>")) == [
            ("Cancer", "/glossary/cancer/")
        ]

    def test_a_name_inside_a_hyphenated_name_is_not_linked(self):
        assert links(link("<p>Non-Hodgkin lymphoma differs from Hodgkin lymphoma.</p>")) == [
            ("Hodgkin lymphoma", "/glossary/hodgkin-lymphoma/")
        ]

    def test_the_regular_plural_of_the_whole_name_links_to_its_term(self):
        assert links(link("<p>Cancer cells divide. Responses vary. Two biopsies, swollen lymph nodes.</p>")) == [
            ("Cancer cells", "/glossary/cancer-cell/"),
            ("Responses", "/glossary/response/"),
            ("biopsies", "/glossary/biopsy/"),
            ("lymph nodes", "/glossary/lymph-node/"),
        ]
        assert links(link("<p>Tumours shrink.</p>")) == [("Tumours", "/glossary/tumour/")]

    def test_no_other_inflection_or_partial_word_links(self):
        text = "<p>Tumoural tissue was biopsied; the tumourous lymph nodal area and a cancer cells' count.</p>"
        assert links(link(text)) == [("cancer cells", "/glossary/cancer-cell/")]
        assert links(link("<p>Biopsys, biopsyes, tumoures and responsees.</p>")) == []

    def test_longest_phrase_wins(self):
        assert links(link("<p>A cancer cell divides.</p>")) == [("cancer cell", "/glossary/cancer-cell/")]
        assert links(link("<p>A complete response.</p>")) == [("complete response", "/glossary/remission/")]

    def test_a_phrase_across_spaces_line_breaks_and_hyphens_matches_but_not_across_punctuation(self):
        assert links(link("<p>A complete\n   response.</p>")) == [
            ("complete\n   response", "/glossary/remission/")
        ]
        assert links(link("<p>A lymph-node check.</p>")) == [("lymph-node", "/glossary/lymph-node/")]
        assert links(link("<p>Check the lymph. Node two.</p>")) == []

    def test_exact_case_names_link_only_with_their_written_capitals(self):
        assert links(link("<p>A ct scan, a CT Scan, a Ct scan.</p>")) == []
        assert links(link("<p>A ct scan, then a CT scan and two CT scans.</p>")) == [
            ("CT scan", "/glossary/ct-scan/")
        ]

    def test_a_synonym_counts_as_the_terms_first_mention(self):
        assert links(link("<p>Complete response, also called remission.</p>")) == [
            ("Complete response", "/glossary/remission/")
        ]

    def test_a_name_already_linked_does_not_leave_a_shorter_name_inside_it_to_link(self):
        assert links(link("<p>Remission. A complete response.</p>")) == [("Remission", "/glossary/remission/")]

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
        assert AutoLinker(Matcher.build([], [])).link_html("<p>Cancer.</p>") == "<p>Cancer.</p>"

    def test_the_matcher_survives_its_json_round_trip(self):
        matcher = matchers_from_json(matchers_to_json({1: Matcher.build(TERMS, NAMES)}))[1]
        assert links(AutoLinker(matcher).link_html("<p>Two CT scans, remission.</p>")) == [
            ("CT scans", "/glossary/ct-scan/"),
            ("remission", "/glossary/remission/"),
        ]


def page_links(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("main a.glossary-link")]


@pytest.fixture
def remission(glossary, committed):
    page = TermPageFactory(
        parent=glossary,
        title="Remission",
        definition="Remission means tests cannot find signs of the cancer.",
        what_is="<p>Remission can follow chemotherapy. Remission is good news.</p>",
    )
    page.synonyms.add(TermSynonym(name="Complete response"))
    with committed():
        page.save_revision().publish()
    return page


@pytest.fixture
def chemotherapy(glossary, committed):
    page = TermPageFactory(
        parent=glossary,
        title="Chemotherapy",
        definition="Medicine that kills cancer cells.",
        what_is="<p>Chemotherapy is often given before remission.</p>",
        why_it_matters="<p>Remission after chemotherapy is common.</p>",
    )
    with committed():
        page.save_revision().publish()
    return page


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

    def test_names_set_to_never_or_exact_case_link_as_set(self, client, committed, remission, chemotherapy):
        chemotherapy.autolink = AutolinkSetting.NEVER
        remission.synonyms.add(TermSynonym(name="Full Response", autolink=AutolinkSetting.EXACT_CASE))
        remission.what_is = "<p>Chemotherapy helps. A full response, then a Full Response.</p>"
        with committed():
            chemotherapy.save_revision().publish()
            remission.save_revision().publish()

        assert page_links(client, remission) == []
        assert page_links(client, chemotherapy) == [("remission", "/glossary/remission/")]
        chemotherapy.what_is = "<p>A full response, then a Full Response.</p>"
        chemotherapy.save_revision().publish()
        assert page_links(client, chemotherapy) == [("Full Response", "/glossary/remission/")]

    def test_an_editor_can_switch_on_a_name_that_defaults_to_never(self, client, glossary, committed, remission):
        who = TermPageFactory(parent=glossary, title="WHO", definition="The World Health Organization.")
        remission.what_is = "<p>The WHO says remission is possible.</p>"
        with committed():
            who.save_revision().publish()
            remission.save_revision().publish()
        assert who.autolink == AutolinkSetting.NEVER
        assert page_links(client, remission) == []

        who.autolink = AutolinkSetting.EXACT_CASE
        with committed():
            who.save_revision().publish()
        assert page_links(client, remission) == [("WHO", who.url)]

    def test_editors_can_exclude_a_term_on_one_page(self, client, remission, chemotherapy):
        chemotherapy.autolink_exclusions.add(TermAutolinkExclusion(term=remission))
        chemotherapy.save_revision().publish()

        assert page_links(client, chemotherapy) == []
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]

    def test_a_draft_term_is_not_linked_until_published(self, client, glossary, committed, remission):
        draft = TermPageFactory(parent=glossary, title="Chemotherapy", live=False)
        with committed():
            draft.save_revision()
        assert page_links(client, remission) == []

        with committed():
            draft.save_revision().publish()
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]

    def test_unpublishing_or_deleting_a_term_removes_its_links(self, client, committed, remission, chemotherapy):
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        with committed():
            chemotherapy.unpublish()
        assert page_links(client, remission) == []

        with committed():
            chemotherapy.save_revision().publish()
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        with committed():
            chemotherapy.delete()
        assert page_links(client, remission) == []

    def test_a_term_in_a_restricted_section_is_not_linked(self, client, committed, remission, chemotherapy):
        from wagtail.models import PageViewRestriction

        with committed():
            PageViewRestriction.objects.create(page=chemotherapy, restriction_type="login")
        assert page_links(client, remission) == []

    def test_renaming_a_term_changes_what_links_and_where(self, client, committed, remission, chemotherapy):
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
        chemotherapy.title = "Remission drugs"
        chemotherapy.slug = "remission-drugs"
        remission.what_is = "<p>Chemotherapy or other remission drugs.</p>"
        with committed():
            chemotherapy.save_revision().publish()
            remission.save_revision().publish()

        assert page_links(client, remission) == [("remission drugs", "/glossary/remission-drugs/")]

    def test_one_rebuild_per_transaction_and_none_for_readers(self, client, glossary, committed, remission):
        before = AutolinkSnapshot.objects.count()
        with committed(), transaction.atomic():
            for title in ("Alpha word", "Beta word", "Gamma word"):
                TermPageFactory(parent=glossary, title=title).save_revision().publish()
        assert AutolinkSnapshot.objects.count() == before + 1

        remission.what_is = "<p>Alpha word, beta word, gamma word.</p>"
        remission.save_revision().publish()  # not committed: the glossary is unchanged for readers
        for _ in range(3):
            assert len(page_links(client, remission)) == 3
        assert AutolinkSnapshot.objects.count() == before + 1

    def test_readers_keep_the_previous_version_until_the_rebuild_is_saved(self, client, glossary, remission):
        newcomer = TermPageFactory(parent=glossary, title="Chemotherapy", live=False)
        newcomer.save_revision().publish()  # its rebuild waits for a commit that has not happened yet

        assert page_links(client, remission) == []

    def test_after_migrate_a_database_without_a_snapshot_gets_one(self, client, remission, chemotherapy):
        from django.core.management.sql import emit_post_migrate_signal

        AutolinkSnapshot.objects.all().delete()
        loaded.reset()
        assert page_links(client, remission) == []

        emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
        assert AutolinkSnapshot.objects.count() == 1
        assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]

    def test_warm_matcher_costs_no_queries_and_term_page_stays_in_budget(self, client, remission, chemotherapy):
        page_links(client, remission)  # loads the snapshot

        with CaptureQueriesContext(connection) as index_queries:
            current_matcher(remission.locale_id)
        with CaptureQueriesContext(connection) as page_queries:
            assert page_links(client, chemotherapy) == [("remission", "/glossary/remission/")]

        assert len(index_queries) == 0
        assert len(page_queries) <= 10


@pytest.mark.django_db
def test_renaming_the_glossary_moves_every_link(client, committed, glossary, remission, chemotherapy):
    assert page_links(client, remission) == [("chemotherapy", "/glossary/chemotherapy/")]
    glossary.slug = "words"
    with committed():
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


def test_an_exact_case_name_in_lower_case_may_start_a_sentence_with_a_capital():
    matcher = Matcher.build([HODGKIN, term(10, "mTOR")], [("non-Hodgkin lymphoma", True, 0), ("mTOR", True, 1)])
    assert links(AutoLinker(matcher).link_html("<p>Non-Hodgkin lymphoma. MTOR, Mtor.</p>")) == [
        ("Non-Hodgkin lymphoma", "/glossary/hodgkin-lymphoma/")
    ]
    assert links(AutoLinker(matcher).link_html("<p>NON-HODGKIN LYMPHOMA and non-hodgkin lymphoma.</p>")) == []
