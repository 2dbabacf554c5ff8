"""Readability: Flesch-Kincaid grade and reading age for editors, reviewers and the admin report."""

from io import StringIO

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

from health_content.readability import html_to_text, measure, sentences_of, syllables
from tests.factories import ArticlePageFactory, TermPageFactory

# Grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59, worked by hand for each text.
CAT = "The cat sat on the mat."  # 6 words, 1 sentence, 6 syllables: 2.34 + 11.8 - 15.59 = -1.45
REMISSION = (  # 14 words, 2 sentences, 20 syllables: 2.73 + 16.86 - 15.59 = 4.0
    "Remission means tests cannot find signs of the cancer. Your doctor will keep checking."
)
DENSE = (  # 15 words, 1 sentence, 53 syllables: 5.85 + 41.69 - 15.59 = 31.95
    "Immunohistochemical characterisation of the neoplasm demonstrated considerable heterogeneity, "
    "necessitating multidisciplinary deliberation regarding adjuvant chemotherapeutic intervention."
)


NO_WORDS = "<p>&nbsp;</p>"


class TestFigures:
    def test_known_texts_give_the_hand_worked_grades(self):
        assert measure([CAT]).grade == -1.4  # -1.45 to one decimal place
        assert measure([REMISSION]).grade == 4.0
        assert (measure([REMISSION]).words, measure([REMISSION]).sentences) == (14, 2)

    def test_reading_age_is_grade_plus_five_and_never_below_five(self):
        assert measure([REMISSION]).reading_age == 9
        assert measure([CAT]).reading_age == 5

    def test_dense_medical_text_is_far_above_target(self):
        dense = measure([DENSE])
        assert dense.grade > 25
        assert dense.above_target
        assert "shorter sentences" in dense.hint
        assert not measure([REMISSION]).above_target

    def test_syllables_come_from_the_dictionary_then_hyphenation(self):
        assert [syllables(word) for word in ("the", "people", "chemotherapy", "check-ups")] == [1, 2, 5, 2]
        assert syllables("immunohistochemical") >= 6  # not in the dictionary: counted from hyphenation

    def test_only_full_stops_question_and_exclamation_marks_end_sentences(self):
        text = html_to_text(
            "<h3>Side effects</h3><p>These include:</p><ul><li>feeling tired</li><li>feeling sick</li></ul>"
            "<p>Rest &amp; eat. Is it 3.5 days?</p><blockquote>“It helped.” It did!</blockquote>"
        )
        assert sentences_of(text) == [
            ["Side", "effects", "These", "include", "feeling", "tired", "feeling", "sick", "Rest", "eat"],
            ["Is", "it", "3", "5", "days"],
            ["It", "helped"],
            ["It", "did"],
        ]

    def test_a_heading_or_list_item_is_not_a_sentence_of_its_own(self):
        # The remission text with a two-word heading before it: 16 words, still 2 sentences.
        assert measure(["Key points", REMISSION]).sentences == 2
        assert measure(["Key points", REMISSION]).grade == measure([f"Key points {REMISSION}"]).grade

    def test_no_words_means_no_figure(self):
        assert measure(["", "<>", "..."]) is None

    def test_target_comes_from_settings(self, settings):
        settings.READABILITY_TARGET_GRADE = 3
        assert measure([REMISSION]).above_target
        assert measure([REMISSION]).target_reading_age == 8


@pytest.mark.django_db
class TestPages:
    def test_term_is_measured_on_definition_and_sections(self, glossary):
        term = TermPageFactory(
            parent=glossary,
            definition="Remission means tests cannot find signs of the cancer.",
            what_is="<p>Your doctor will keep checking.</p>",
            why_it_matters="<p>The cat sat on the mat.</p>",
            extra_sections=[("section", {"heading": "Next", "body": "<p>The cat sat on the mat.</p>"})],
        )
        figures = term.readability()
        # Definition 9 words, "what is" 5, "why it matters" 6, the section's heading 1 and body 6 (the
        # heading runs on into the body's sentence).
        assert (figures.words, figures.sentences) == (27, 4)
        assert term.readability_grade == figures.grade

    def test_article_is_measured_on_summary_and_body_but_not_block_settings(self, article_index):
        article = ArticlePageFactory(
            parent=article_index,
            summary=REMISSION,
            body=[
                ("callout", {"level": "information", "heading": "Tip", "body": f"<p>{CAT}</p>"}),
                (
                    "image",
                    {"image": {"image": wagtail_factories.ImageFactory(), "decorative": True}, "caption": ""},
                ),
            ],
        )
        figures = article.readability()
        assert (figures.words, figures.sentences) == (14 + 1 + 6, 3)  # the callout's heading runs on

    def test_shared_include_shows_grade_age_and_target_for_reviewers(self, glossary):
        term = TermPageFactory(parent=glossary, definition=DENSE, what_is=NO_WORDS, why_it_matters=NO_WORDS)
        html = render_to_string("health_content/includes/readability.html", {"readability": term.readability()})
        text = " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
        assert f"Flesch-Kincaid grade {term.readability().grade}" in text
        assert f"Reading age {term.readability().reading_age} years" in text
        assert "Target Grade 8 or lower (reading age 13 or lower)" in text
        assert "Above target." in text


@pytest.mark.django_db
class TestAdmin:
    def test_editor_sees_readability_of_the_draft_in_the_edit_view(self, admin_client, glossary):
        term = TermPageFactory(parent=glossary, definition=REMISSION, what_is=NO_WORDS, why_it_matters=NO_WORDS)
        term.definition = DENSE
        term.save_revision()

        response = admin_client.get(f"/admin/pages/{term.pk}/edit/")

        text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
        assert response.status_code == 200
        assert f"Flesch-Kincaid grade {measure([DENSE]).grade}" in text
        assert "Above target." in text

    def test_new_page_form_asks_for_a_draft_first(self, admin_client, glossary):
        response = admin_client.get(f"/admin/pages/add/glossary/termpage/{glossary.pk}/")
        assert "Save a draft to see how easy this page is to read." in response.content.decode()

    def test_report_lists_live_pages_above_target_hardest_first(self, admin_client, glossary, article_index):
        TermPageFactory(
            parent=glossary, title="Plain term", definition=REMISSION, what_is=NO_WORDS, why_it_matters=NO_WORDS
        )
        TermPageFactory(
            parent=glossary, title="Hard term", definition=DENSE, what_is=NO_WORDS, why_it_matters=NO_WORDS
        )
        TermPageFactory(parent=glossary, title="Hard draft", definition=DENSE, live=False)
        ArticlePageFactory(parent=article_index, title="Hard article", summary=f"{DENSE} {REMISSION}")

        response = admin_client.get("/admin/reports/readability/")

        soup = BeautifulSoup(response.content, "html.parser")
        titles = [cell.get_text(" ", strip=True) for cell in soup.select("td.title a")]
        assert response.status_code == 200
        assert [
            title for title in titles if title in {"Hard term", "Hard article", "Plain term", "Hard draft"}
        ] == [
            "Hard term",
            "Hard article",
        ]

    def test_report_exports_grades(self, admin_client, glossary):
        TermPageFactory(
            parent=glossary, title="Hard term", definition=DENSE, what_is=NO_WORDS, why_it_matters=NO_WORDS
        )

        response = admin_client.get("/admin/reports/readability/", {"export": "csv"})

        rows = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
        assert "Flesch-Kincaid grade" in rows.splitlines()[0]
        assert "Hard term" in rows
        assert str(measure([DENSE]).grade) in rows

    def test_report_is_in_the_reports_menu_and_needs_a_login(self, client, admin_client):
        assert client.get("/admin/reports/readability/").status_code == 302
        assert "/admin/reports/readability/" in admin_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_report_follows_the_live_version_not_drafts(admin_client, glossary):
    term = TermPageFactory(parent=glossary, title="Changing term", definition=REMISSION, what_is=NO_WORDS)
    term.definition = DENSE
    revision = term.save_revision()

    def reported():
        return "Changing term" in admin_client.get("/admin/reports/readability/").content.decode()

    assert not reported()
    revision.publish()
    assert reported()


@pytest.mark.django_db
def test_measure_readability_command_fills_in_missing_grades(glossary):
    from django.core.management import call_command

    from glossary.models import TermPage

    term = TermPageFactory(parent=glossary, definition=REMISSION, what_is=NO_WORDS, why_it_matters=NO_WORDS)
    TermPage.objects.filter(pk=term.pk).update(readability_grade=None)
    output = StringIO()

    call_command("measure_readability", stdout=output)

    assert TermPage.objects.get(pk=term.pk).readability_grade == 4.0
    assert "Glossary terms: 1 grade(s) updated." in output.getvalue()


@pytest.mark.django_db
def test_article_editor_sees_readability_and_the_terms_not_to_link(admin_client, article_index):
    article = ArticlePageFactory(parent=article_index, summary=REMISSION)

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert f"Flesch-Kincaid grade {article.readability().grade}" in text
    assert "Within target." in text
    assert "Terms not to link on this page" in text
