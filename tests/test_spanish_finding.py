"""Reading and finding in the page's language: the Spanish A-Z (Ñ after N, accents ignored), search and
suggestions per language, auto-links within a language, and the Spanish readability score."""

import pytest
import textstat
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import render_to_string
from django.utils import translation

from articles.models import ArticleIndexPage
from glossary.models import GlossaryIndexPage, TermPage, TermSynonym
from glossary.names import initial_of, sort_name_of
from health_content.readability import inflesz_band, measure, spanish_syllables
from tests.factories import ArticlePageFactory, TermPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish(glossary, article_index, committed, request):
    """The Spanish home, made after the English glossary and article list (the translations of them), and
    committed, as ``migrate`` would: what waits for the commit (the auto-link rebuild) has run."""
    with committed():
        return request.getfixturevalue("spanish_home")


@pytest.fixture
def spanish_glossary(spanish):
    return GlossaryIndexPage.objects.child_of(spanish).get()


@pytest.fixture
def spanish_articles(spanish):
    return ArticleIndexPage.objects.child_of(spanish).get()


def spanish_term(spanish_glossary, title, definition="", synonyms=(), slug=None):
    addressed = {"slug": slug} if slug else {}
    term = TermPageFactory(
        parent=spanish_glossary,
        locale=spanish_glossary.locale,
        title=title,
        **addressed,
        definition=definition or f"{title}: una palabra que usan los médicos.",
        what_is="",
        why_it_matters="",
    )
    for name in synonyms:
        term.synonyms.add(TermSynonym(name=name))
    term.save_revision().publish()
    return term


def entries(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.find(["a", "dt"]).get_text(" ", strip=True) for item in soup.select(".term-list__item")]


def strip_letters(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.get_text(" ", strip=True).split(" ")[0] for item in soup.select(".az-strip li")]


class TestSpanishAToZ:
    def test_spanish_sort_key_ignores_accents_and_puts_n_tilde_after_n(self):
        words = ["ñame", "nuez", "úlcera", "ácido", "caña", "cano", "cao", "Anemia", "óseo", "ojo"]
        assert sorted(words, key=lambda word: sort_name_of(word, "es")) == [
            "ácido", "Anemia", "cano", "caña", "cao", "nuez", "ñame", "ojo", "óseo", "úlcera",
        ]  # fmt: skip
        assert [initial_of(word, "es") for word in ("ácido", "úlcera", "Ñame", "ñu", "9 meses")] == [
            "A", "U", "Ñ", "Ñ", "#",
        ]  # fmt: skip

    def test_english_keys_do_not_change(self):
        assert sort_name_of("Ácido fólico") == "ácido fólico"
        assert initial_of("Ñandú") == "N"

    def test_each_glossary_lists_only_its_own_terms_in_spanish_order(
        self, client, glossary, spanish_glossary, committed
    ):
        TermPageFactory(parent=glossary, title="Anemia").save_revision().publish()
        for title in ("Nódulo", "Ñame", "Náusea", "Ácido fólico", "Anemia", "Úlcera", "Oncólogo"):
            spanish_term(spanish_glossary, title)

        assert entries(client.get("/es/glosario/", {"letter": "n"})) == ["Náusea", "Nódulo"]
        assert entries(client.get("/es/glosario/", {"letter": "ñ"})) == ["Ñame"]
        assert entries(client.get("/es/glosario/", {"letter": "a"})) == ["Ácido fólico", "Anemia"]
        assert entries(client.get("/es/glosario/")) == [
            "Ácido fólico", "Anemia", "Náusea", "Nódulo", "Ñame", "Oncólogo", "Úlcera",
        ]  # fmt: skip
        assert entries(client.get("/glossary/")) == ["Anemia"]

    def test_the_spanish_letter_strip_has_n_tilde_after_n(self, client, glossary, spanish_glossary):
        spanish_term(spanish_glossary, "Ñame")
        spanish_letters = strip_letters(client.get("/es/glosario/"))
        assert spanish_letters[13:16] == ["N", "Ñ", "O"]
        soup = BeautifulSoup(client.get("/es/glosario/").content, "html.parser")
        assert soup.select_one(".az-strip a")["href"] == "/es/glosario/?letter=%C3%91"
        assert "Ñ" not in strip_letters(client.get("/glossary/"))

    def test_the_order_is_the_keys_not_the_databases_collation(self, spanish_glossary):
        for title in ("Zona", "a b", "ab", "Ñu", "nz", "Á", "Z-1", "9 meses"):
            spanish_term(spanish_glossary, title)
        keys = list(TermPage.objects.filter(locale=spanish_glossary.locale).values_list("sort_name", flat=True))
        by_database = list(
            TermPage.objects.filter(locale=spanish_glossary.locale)
            .order_by("sort_name")
            .values_list("sort_name", flat=True)
        )
        assert by_database == sorted(keys)  # character (byte) order, as Python compares

    @pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's column collation")
    def test_sort_name_columns_use_the_c_collation_on_postgresql(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT table_name, collation_name FROM information_schema.columns "
                "WHERE column_name = 'sort_name' AND table_name IN ('glossary_termpage', 'glossary_termsynonym')"
            )
            assert dict(cursor.fetchall()) == {"glossary_termpage": "C", "glossary_termsynonym": "C"}


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [(item.a.get_text(strip=True), item.a["href"]) for item in soup.select(".search-result")]


@pytest.fixture
def both_glossaries(glossary, spanish_glossary, article_index, spanish_articles):
    english = TermPageFactory(
        parent=glossary, title="Remission", definition="Remission means tests cannot find signs of the cancer."
    )
    english.save_revision().publish()
    remision = spanish_term(
        spanish_glossary,
        "Remisión",
        "La remisión quiere decir que las pruebas no encuentran signos del cáncer tras el tratamiento.",
        synonyms=["Respuesta completa"],
        slug="remision",
    )
    quimio = spanish_term(
        spanish_glossary,
        "Quimioterapia",
        "Medicamentos que destruyen las células del cáncer. Los tratamientos duran meses.",
        slug="quimioterapia",
    )
    article = ArticlePageFactory(
        parent=spanish_articles,
        locale=spanish_articles.locale,
        title="La vida después del cáncer",
        slug="la-vida-despues-del-cancer",
        summary="Qué revisiones esperar.",
        body=[("paragraph", "<p>Muchas personas tienen revisiones durante años.</p>")],
    )
    article.save_revision().publish()
    return english, remision, quimio, article


class TestSearchPerLanguage:
    def test_spanish_search_finds_spanish_pages_only(self, client, both_glossaries):
        assert results(client.get("/es/search/", {"q": "remisión"})) == [("Remisión", "/es/glosario/remision/")]
        assert results(client.get("/search/", {"q": "remision"})) == [("Remission", "/glossary/remission/")]

    def test_accents_do_not_matter(self, client, both_glossaries):
        assert results(client.get("/es/search/", {"q": "remision"})) == [("Remisión", "/es/glosario/remision/")]
        assert results(client.get("/es/search/", {"q": "QUIMIOTERAPIA"})) == [
            ("Quimioterapia", "/es/glosario/quimioterapia/")
        ]
        # "cáncer" is in the article's title and both definitions: the article first, then the terms.
        found = results(client.get("/es/search/", {"q": "cancer"}))
        assert found[0] == ("La vida después del cáncer", "/es/articulos/la-vida-despues-del-cancer/")
        assert sorted(found[1:]) == [
            ("Quimioterapia", "/es/glosario/quimioterapia/"),
            ("Remisión", "/es/glosario/remision/"),
        ]

    def test_spanish_words_are_found_in_other_forms(self, client, both_glossaries):
        # "tratamientos" is in Quimioterapia's definition, "tratamiento" in Remisión's.
        assert sorted(results(client.get("/es/search/", {"q": "tratamiento"}))) == [
            ("Quimioterapia", "/es/glosario/quimioterapia/"),
            ("Remisión", "/es/glosario/remision/"),
        ]
        assert results(client.get("/es/search/", {"q": "¿Qué es la remisión?"})) == [
            ("Remisión", "/es/glosario/remision/")
        ]

    def test_a_word_of_the_other_language_finds_no_page_of_it(self, client, both_glossaries):
        assert results(client.get("/search/", {"q": "quimioterapia"})) == []
        # The English word is near a Spanish name: "Did you mean Remisión?", never the English term.
        spanish = client.get("/es/search/", {"q": "remission"})
        assert results(spanish) == [("Remisión", "/es/glosario/remision/")]
        assert "/glossary/remission/" not in spanish.content.decode()

    def test_suggestions_stay_in_the_language_of_the_address(self, client, both_glossaries):
        spanish = client.get("/es/search/suggest/", {"q": "re"}).json()["suggestions"]
        assert [(item["title"], item["url"]) for item in spanish] == [("Remisión", "/es/glosario/remision/")]
        other_name = client.get("/es/search/suggest/", {"q": "respuesta"}).json()["suggestions"]
        assert other_name == [
            {"title": "Respuesta completa", "url": "/es/glosario/remision/", "type": "term", "see": "Remisión"}
        ]
        english = client.get("/search/suggest/", {"q": "re"}).json()["suggestions"]
        assert [(item["title"], item["url"]) for item in english] == [("Remission", "/glossary/remission/")]
        articles = client.get("/es/search/suggest/", {"q": "vida"}).json()["suggestions"]
        assert [item["url"] for item in articles] == ["/es/articulos/la-vida-despues-del-cancer/"]


def links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [(a.get_text(), a["href"]) for a in soup.select("main a.glossary-link")]


class TestAutolinksPerLanguage:
    @pytest.fixture
    def terms(self, glossary, spanish_glossary, committed):
        with committed():
            TermPageFactory(
                parent=glossary, title="Remission", definition="Tests find no cancer."
            ).save_revision().publish()
            TermPageFactory(parent=glossary, title="Chemotherapy").save_revision().publish()
            spanish_term(spanish_glossary, "Remisión", "Las pruebas no encuentran cáncer.", slug="remision")
            spanish_term(spanish_glossary, "Biopsia", slug="biopsia")
            spanish_term(spanish_glossary, "Quimioterapia", slug="quimioterapia")

    def article(self, index, text):
        page = ArticlePageFactory(parent=index, locale=index.locale, body=[("paragraph", f"<p>{text}</p>")])
        page.save_revision().publish()
        return page

    def test_a_spanish_article_links_spanish_terms_only(self, client, spanish_articles, terms):
        article = self.article(spanish_articles, "Tras la quimioterapia (chemotherapy) llegó la remisión.")
        response = client.get(article.url)
        assert links(response) == [
            ("quimioterapia", "/es/glosario/quimioterapia/"),
            ("remisión", "/es/glosario/remision/"),
        ]
        soup = BeautifulSoup(response.content, "html.parser")
        tip = soup.select_one(f"#{soup.select('main a.glossary-link')[1]['aria-describedby']}")
        assert tip.get_text(" ", strip=True) == "Remisión: Las pruebas no encuentran cáncer."

    def test_an_english_page_never_links_a_spanish_term(self, client, article_index, terms):
        article = self.article(article_index, "Biopsia is the Spanish word; remission follows chemotherapy.")
        assert links(client.get(article.url)) == [
            ("remission", "/glossary/remission/"),
            ("chemotherapy", "/glossary/chemotherapy/"),
        ]

    def test_spanish_plurals_link_but_a_missing_accent_does_not(self, client, spanish_articles, terms):
        plural = self.article(spanish_articles, "Hubo dos remisiones y varias biopsias.")
        assert links(client.get(plural.url)) == [
            ("remisiones", "/es/glosario/remision/"),
            ("biopsias", "/es/glosario/biopsia/"),
        ]
        unaccented = self.article(spanish_articles, "Una remision sin tilde no se enlaza.")
        assert links(client.get(unaccented.url)) == []


SPANISH_TEXTS = [
    "La remisión quiere decir que los signos del cáncer han bajado o se han ido. Su médico le hará pruebas "
    "para saberlo. Puede ser parcial o completa.",
    "La quimioterapia es un tratamiento con medicamentos que destruyen las células del cáncer. Se puede dar "
    "por la vena o en pastillas. Puede causar cansancio.",
    "La administración concomitante de agentes quimioterapéuticos citotóxicos incrementa significativamente "
    "la probabilidad de toxicidad hematológica acumulativa en pacientes con insuficiencia renal.",
]


class TestSpanishReadability:
    def test_syllables_follow_spanish_spelling(self):
        counts = {
            "que": 1, "muy": 1, "rey": 1, "ciudad": 2, "día": 2, "leer": 2, "país": 2, "cáncer": 2,
            "remisión": 3, "ayuda": 3, "prohibir": 3, "tratamiento": 4, "quimioterapia": 5,
        }  # fmt: skip
        assert {word: spanish_syllables(word) for word in counts} == counts

    @pytest.mark.parametrize("text", SPANISH_TEXTS)
    def test_scores_agree_with_textstat_on_the_inflesz_band(self, text):
        """textstat counts syllables from hyphenation points (pyphen), which misses some ("á-ci-do" is
        hyphenated "áci-do"): our scores are a little lower, never in another INFLESZ band here."""
        textstat.set_lang("es")
        try:
            reference = textstat.szigriszt_pazos(text)
        finally:
            textstat.set_lang("en_US")
        ours = measure([text], "es")
        assert ours.score == pytest.approx(reference, abs=10)
        assert ours.score <= reference + 0.5
        assert ours.band == inflesz_band(reference)

    def test_a_spanish_page_stores_its_score_not_a_grade_and_shows_it(self, spanish_glossary, glossary):
        term = spanish_term(spanish_glossary, "Remisión", SPANISH_TEXTS[0], slug="remision")
        term.refresh_from_db()
        assert term.readability_grade is None
        assert term.readability_inflesz == measure([SPANISH_TEXTS[0]], "es").score > 55
        english = TermPageFactory(parent=glossary, title="Remission")
        assert english.readability_inflesz is None and english.readability_grade is not None

        with translation.override("en-gb"):  # the editor's language
            html = render_to_string(
                "health_content/includes/readability.html", {"readability": term.readability()}
            )
        soup = BeautifulSoup(html, "html.parser")
        figures = {dt.get_text(): " ".join(dt.find_next("dd").get_text().split()) for dt in soup.select("dt")}
        assert figures == {
            "Szigriszt-Pazos score (Spanish, INFLESZ scale)": f"{term.readability_inflesz}: muy fácil (very easy)",
            "Target": "55 or higher (normal or easier; higher is easier)",
        }
        text = soup.get_text()
        assert "Flesch-Kincaid" not in text

    def test_the_report_lists_hard_spanish_pages_by_their_own_scale(
        self, admin_client, spanish_glossary, glossary
    ):
        spanish_term(spanish_glossary, "Insuficiencia renal", SPANISH_TEXTS[2], slug="insuficiencia-renal")
        spanish_term(spanish_glossary, "Remisión", SPANISH_TEXTS[0], slug="remision")
        hard = TermPageFactory(
            parent=glossary,
            title="Nephrotoxicity",
            definition="Concomitant administration of cytotoxic chemotherapeutic agents significantly "
            "increases the probability of cumulative haematological toxicity in renal insufficiency.",
        )
        hard.save_revision().publish()

        response = admin_client.get("/admin/reports/readability/")
        soup = BeautifulSoup(response.content, "html.parser")
        rows = [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in soup.select("tbody tr")]
        titles = [row[0].split(" ")[0] for row in rows]
        assert titles == ["Nephrotoxicity", "Insuficiencia"]
        assert rows[1][-3:-1] == ["—", "—"] and float(rows[1][-1]) < 0
        export = admin_client.get("/admin/reports/readability/", {"export": "csv"})
        csv = b"".join(export.streaming_content).decode()
        assert "Szigriszt-Pazos score (INFLESZ)" in csv.splitlines()[0]
