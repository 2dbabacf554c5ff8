"""What readers see on the Spanish site: Spanish wording and dates, the page's language for browsers and
screen readers, links between the English and Spanish versions (switcher, hreflang, sitemap), Spanish home,
search and 404 pages, and the cache purges that keep those links right."""

import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.views.defaults import server_error

from articles.models import ArticleIndexPage
from glossary.models import GlossaryIndexPage
from home.models import HomeFeaturedArticle
from tests.factories import ArticlePageFactory, ReviewerProfileFactory, TermPageFactory, UserFactory
from tests.review_helpers import REVIEWERS, make_editor, signed_off

pytestmark = pytest.mark.django_db


def html_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def sign_off_english(page, reviewed_on=datetime.date(2026, 3, 1), next_review_due=datetime.date(2027, 3, 1)):
    """Sign ``page`` off through the workflow, as every English page is before anyone may translate it."""
    reviewer = UserFactory(username="patel", groups=[REVIEWERS])
    if not hasattr(reviewer, "reviewer_profile"):
        ReviewerProfileFactory(user=reviewer, display_name="Dr Asha Patel", credentials="consultant oncologist")
    signed_off(page, make_editor(), reviewer, reviewed_on, next_review_due)
    page.refresh_from_db()
    return page


def translate(page, locale, **fields):
    """Translate ``page`` (already live) as a translator would, then publish the translation."""
    spanish = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(spanish, name, value)
    spanish.draft_title = spanish.title
    spanish.save()
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    return spanish


@pytest.fixture
def spanish(spanish_home):
    return spanish_home.locale


@pytest.fixture
def remission(glossary, spanish_home, default_disclaimer):
    term = TermPageFactory(
        parent=glossary,
        title="Remission",
        slug="remission",
        definition="Remission means tests cannot find signs of the cancer.",
    )
    return sign_off_english(term)


@pytest.fixture
def remision(remission, spanish):
    return translate(
        remission,
        spanish,
        title="Remisión",
        slug="remision",
        definition="Remisión quiere decir que las pruebas no encuentran señales del cáncer.",
        what_is="<p>Las pruebas no muestran cáncer.</p>",
        why_it_matters="<p>Indica que el tratamiento funciona.</p>",
        last_reviewed=datetime.date(2026, 12, 1),
        next_review_due=datetime.date(2027, 12, 1),
        reviewed_by="Dra. Lucía Gómez",
    )


def alternates(html):
    return {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}


def json_ld(html):
    return json.loads(html.find("script", type="application/ld+json").string)["@graph"]


def test_a_spanish_term_page_is_in_spanish(client, remision):
    html = html_of(client.get("/es/glosario/remision/"))
    assert html.html["lang"] == "es"
    assert html.find("article")["lang"] == "es"
    assert html.find(class_="term__kind").get_text() == "Palabra del glosario"
    assert html.find(id="what-is-heading").get_text() == "¿Qué es remisión?"
    assert html.find(id="why-it-matters-heading").get_text() == "Por qué es importante"
    assert html.find("a", class_="skip-link").get_text() == "Ir al contenido principal"
    assert html.find("legend").get_text() == "¿Le resultó útil esta página?"
    assert html.find("form", role="search")["action"] == "/es/search/"
    assert html.find("label", attrs={"for": "site-search"}).get_text() == "Busque palabras de salud y artículos"
    assert "No reemplaza los consejos de su médico" in html.find("footer", class_="site-footer").get_text()
    assert html.find("meta", property="og:locale")["content"] == "es"
    assert html.find("link", rel="canonical")["href"] == "http://localhost/es/glosario/remision/"


def test_the_spanish_foot_gives_the_reviewer_and_dates_in_spanish(client, remission, remision):
    foot = html_of(client.get(remision.url)).find("footer", class_="review-dates")
    text = " ".join(foot.get_text().split())
    assert "Revisado por Dra. Lucía Gómez." in text
    assert "Última revisión: 1 de diciembre de 2026." in text
    assert "Próxima revisión: 1 de diciembre de 2027." in text
    assert foot.find("time")["datetime"] == "2026-12-01"
    # The English version it was translated from, and when that version was reviewed.
    assert "Esta página es una traducción de la página en inglés revisada el 1 de marzo de 2026." in text
    link = foot.find("a", hreflang="en-GB")
    assert link["href"] == "/glossary/remission/"


def test_what_is_not_yet_translated_is_marked_as_english(client, glossary, remission, remision):
    relapse = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    remision.related_term_links.create(term=relapse, sort_order=0)
    remision.save_revision().publish()
    html = html_of(client.get(remision.url))
    link = html.find("section", class_="related").find("a")
    assert (link.get_text(), link["lang"], link["hreflang"]) == ("Relapse", "en-GB", "en-GB")
    # So is the English disclaimer until a Spanish one is chosen.
    assert html.find("section", class_="disclaimer")["lang"] == "en-GB"
    remission.related_term_links.create(term=relapse, sort_order=0)
    remission.save_revision().publish()
    html = html_of(client.get(remission.url))
    assert not html.find("section", class_="related").find("a").has_attr("lang")
    assert not html.find("section", class_="disclaimer").has_attr("lang")


def test_an_overdue_spanish_page_says_so_in_spanish(client, remision):
    remision.next_review_due = datetime.date(2026, 1, 1)
    remision.last_reviewed = datetime.date(2025, 1, 1)
    remision.save_revision().publish()
    foot = html_of(client.get(remision.url)).find("footer", class_="review-dates")
    text = " ".join(foot.get_text().split())
    assert "Ya es hora de revisar esta página." in text
    assert "Su última revisión fue el 1 de enero de 2025, a cargo de Dra. Lucía Gómez." in text


def test_the_english_page_is_unchanged_in_english(client, remission, remision):
    html = html_of(client.get(remission.url))
    assert html.html["lang"] == "en-GB"
    assert html.find("article")["lang"] == "en-GB"
    text = " ".join(html.find("footer", class_="review-dates").get_text().split())
    assert text == (
        "Medically reviewed by Dr Asha Patel, consultant oncologist. Page last reviewed: 1 March 2026. "
        "Next review due: 1 March 2027."
    )


def test_each_version_links_to_the_other_both_ways(client, remission, remision):
    expected = {
        "en-GB": "http://localhost/glossary/remission/",
        "es": "http://localhost/es/glosario/remision/",
        "x-default": "http://localhost/glossary/remission/",
    }
    english, spanish = html_of(client.get(remission.url)), html_of(client.get(remision.url))
    assert alternates(english) == alternates(spanish) == expected

    switch = english.find("nav", class_="language-switcher")
    assert switch["aria-label"] == "Other languages"
    [link] = switch.find_all("a")
    assert (link.get_text(), link["href"], link["lang"], link["hreflang"]) == (
        "Español",
        "/es/glosario/remision/",
        "es",
        "es",
    )
    switch = spanish.find("nav", class_="language-switcher")
    assert switch["aria-label"] == "Otros idiomas"
    [link] = switch.find_all("a")
    assert (link.get_text(), link["href"], link["lang"]) == ("English", "/glossary/remission/", "en-GB")


def test_a_translation_readers_cannot_see_is_never_linked(client, remission, spanish):
    draft = remission.copy_for_translation(spanish)  # a translator's draft, not signed off
    html = html_of(client.get(remission.url))
    assert not alternates(html)
    assert html.find("nav", class_="language-switcher") is None
    draft.save_revision().publish()
    assert "es" in alternates(html_of(client.get(remission.url)))
    draft.refresh_from_db()
    draft.unpublish()
    html = html_of(client.get(remission.url))
    assert not alternates(html)
    assert html.find("nav", class_="language-switcher") is None


def test_the_structured_data_names_the_page_language(client, remission, remision):
    [page] = [node for node in json_ld(html_of(client.get(remision.url))) if node["@type"] == "MedicalWebPage"]
    assert page["inLanguage"] == "es"
    assert page["url"] == "http://localhost/es/glosario/remision/"
    [page] = [node for node in json_ld(html_of(client.get(remission.url))) if node["@type"] == "MedicalWebPage"]
    assert page["inLanguage"] == "en-GB"
    site = json_ld(html_of(client.get("/es/")))[-1]
    assert site["inLanguage"] == "es"
    assert site["potentialAction"]["target"] == "http://localhost/es/search/?q={search_term_string}"


@pytest.fixture
def spanish_article(home, spanish):
    english_index = ArticleIndexPage.objects.child_of(home).get()  # made by spanish_home when missing
    article = ArticlePageFactory(parent=english_index, title="After treatment", slug="after-treatment")
    return translate(
        sign_off_english(article), spanish, title="Después del tratamiento", slug="despues-del-tratamiento"
    )


def test_the_spanish_home_page_has_its_own_featured_articles_and_a_spanish_a_to_z(
    client, remision, home, spanish_home, spanish_article
):
    english_article = spanish_article.get_translation(home.locale)
    HomeFeaturedArticle.objects.create(page=home, article=english_article)
    HomeFeaturedArticle.objects.create(page=spanish_home, article=spanish_article, sort_order=0)
    HomeFeaturedArticle.objects.create(page=spanish_home, article=english_article, sort_order=1)  # left out
    html = html_of(client.get("/es/"))
    assert html.html["lang"] == "es"
    assert html.find(id="az-heading").get_text() == "Busque una palabra de la A a la Z"
    assert html.find("nav", class_="az-strip")["aria-label"] == "Glosario de la A a la Z"
    assert html.find("nav", class_="az-strip").find("a", string="R")["href"] == "/es/glosario/?letter=R"
    assert html.find(id="featured-heading").get_text() == "Artículos destacados"
    featured = html.find("ul", class_="card-list").find_all("a")
    assert [(a.get_text(), a["href"]) for a in featured] == [
        ("Después del tratamiento", "/es/articulos/despues-del-tratamiento/")
    ]
    assert html.find("form", role="search")["action"] == "/es/search/"
    menu = html.find("nav", class_="site-nav")
    assert menu["aria-label"] == "Principal"
    assert {a["href"] for a in menu.find_all("a")} <= {"/es/glosario/", "/es/articulos/"}
    assert html.find("a", class_="site-header__name")["href"] == "/es/"
    assert html.find("nav", class_="language-switcher").find("a")["href"] == "/"


def test_an_article_page_in_spanish(client, spanish_article):
    html = html_of(client.get("/es/articulos/despues-del-tratamiento/"))
    assert html.find("article")["lang"] == "es"
    assert alternates(html)["en-GB"] == "http://localhost/articles/after-treatment/"
    assert html.find(id="feedback-heading").get_text() == "Ayúdenos a mejorar esta página"


def test_the_spanish_search_page_is_in_spanish_and_links_the_spanish_glossary(client, spanish_home):
    html = html_of(client.get("/es/search/"))
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "Buscar"
    assert html.title.get_text() == "Buscar | Health Words"
    assert html.find("main").find("a", string="glosario de la A a la Z")["href"] == "/es/glosario/"
    html = html_of(client.get("/es/search/", {"q": "zzzzqqq"}))
    assert "No encontramos nada para “zzzzqqq”." in html.find("main").get_text()


def test_the_search_page_links_to_the_search_page_in_the_other_language(client, spanish_home):
    link = html_of(client.get("/search/")).find("nav", class_="language-switcher").find("a")
    assert (link.get_text(), link["href"], link["lang"]) == ("Español", "/es/search/", "es")
    link = html_of(client.get("/es/search/")).find("nav", class_="language-switcher").find("a")
    assert (link.get_text(), link["href"], link["lang"]) == ("English", "/search/", "en-GB")


def test_a_missing_page_under_es_is_in_spanish(client, spanish_home):
    response = client.get("/es/no-existe/")
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "No encontramos la página"
    main = html.find("main")
    assert main.find("form", role="search")["action"] == "/es/search/"
    links = {a.get_text(): a["href"] for a in main.find_all("a")}
    assert links["Ir a la página de inicio de Health Words"] == "/es/"
    assert links["Glosario de la A a la Z"] == "/es/glosario/"
    assert links["Artículos"] == "/es/articulos/"
    assert html.find("nav", class_="language-switcher") is None  # no such page in English either


def test_feedback_on_a_spanish_page_is_answered_in_spanish(client, remision):
    response = client.post(f"/feedback/{remision.pk}/", {"helpful": ""}, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 400
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "Hay un problema con su comentario"
    assert "Elija sí o no." in html.find(class_="error-summary").get_text()


SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def alternate_links(links):
    return ((link.get("hreflang"), link.get("href")) for link in links)


def sitemap_alternates(client):
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own sitemap, in a test)
    found = {}
    for part in index.findall("sm:sitemap", SITEMAP):
        address = part.findtext("sm:loc", namespaces=SITEMAP).removeprefix("http://localhost")
        for url in ET.fromstring(client.get(address).content).findall("sm:url", SITEMAP):  # noqa: S314
            links = url.findall("xhtml:link", SITEMAP)
            found[url.findtext("sm:loc", namespaces=SITEMAP)] = {
                link.get("hreflang"): link.get("href") for link in links
            }
    return found


def test_the_sitemap_lists_spanish_pages_with_their_english_alternates(client, home, remission, remision):
    entries = sitemap_alternates(client)
    pair = {
        "en-GB": "http://localhost/glossary/remission/",
        "es": "http://localhost/es/glosario/remision/",
        "x-default": "http://localhost/glossary/remission/",
    }
    assert entries["http://localhost/glossary/remission/"] == pair
    assert entries["http://localhost/es/glosario/remision/"] == pair
    assert entries["http://localhost/es/"]["en-GB"] == "http://localhost/"
    assert entries["http://localhost/"]["es"] == "http://localhost/es/"
    assert "http://localhost/es/glosario/" in entries


@pytest.fixture
def purged(monkeypatch):
    """The cache tags each change asks to purge."""
    batches = []
    monkeypatch.setattr("delivery.purge.purge_tags", lambda tags: batches.append(set(tags)))
    return batches


def test_publishing_or_unpublishing_a_translation_purges_both_languages_pages(
    remission, spanish, spanish_home, purged
):
    spanish_glossary = GlossaryIndexPage.objects.child_of(spanish_home).get()
    draft = remission.copy_for_translation(spanish)
    purged.clear()
    draft.save_revision().publish()
    [tags] = purged
    # The Spanish page, its place in the Spanish A-Z (and the /es/ home page's A-Z strip), and the English
    # page, whose language switcher and hreflang links now name it.
    assert {f"page-{draft.pk}", f"children-{spanish_glossary.pk}", "az", f"page-{remission.pk}"} <= tags
    purged.clear()
    draft.refresh_from_db()
    draft.unpublish()
    assert f"page-{remission.pk}" in purged[-1]


def test_spanish_search_and_home_responses_carry_the_tags_a_publish_purges(client, spanish_home):
    def tags(response):
        return set(response.get("X-Cache-Tags", "").split())

    assert "search" in tags(client.get("/es/search/", {"q": "remisión"}))
    assert "az" in tags(client.get("/es/"))


def test_a_server_error_under_es_is_explained_in_spanish(rf):
    with translation.override("es"):  # as the address /es/… makes it
        response = server_error(rf.get("/es/glosario/remision/"))
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "es"
    assert html.h1.get_text() == "Lo sentimos, algo salió mal"
    assert html.find("a", string="vaya a la página de inicio de Health Words")["href"] == "/es/"
