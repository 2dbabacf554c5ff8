"""The Spanish site in a real browser at phone width: axe-core finds no violations on any Spanish page type,
and the language switcher takes a reader between the two versions of a page.

With ``SPANISH_SCREENSHOTS=<folder>`` set, the test also saves each page at 390 pixels wide.
"""

import json
import os
from pathlib import Path

from glossary.models import GlossaryIndexPage, TermSynonym
from tests.browser import test_accessibility
from tests.browser.test_accessibility import assert_no_violations, live_db
from tests.review_helpers import sign_off_published

SCREENSHOTS = os.environ.get("SPANISH_SCREENSHOTS")
PHONE = {"width": 390, "height": 844}

demo = test_accessibility.demo  # the English pages the Spanish ones translate


def callout(level, heading, body):
    return {"type": "callout", "value": {"level": level, "heading": heading, "body": f"<p>{body}</p>"}}


def publish_translation(page, locale, **fields):
    spanish = sign_off_published(page).copy_for_translation(locale)
    for name, value in fields.items():
        setattr(spanish, name, value)
    spanish.draft_title = spanish.title
    spanish.save()
    spanish.save_revision().publish()
    spanish.refresh_from_db()
    return spanish


KEY_POINTS = {"type": "key_points", "value": {"heading": "Puntos clave", "points": ["Descanse.", "Pida apoyo."]}}


def spanish_demo(demo, spanish_home):
    locale = spanish_home.locale
    term = publish_translation(
        demo["term"],
        locale,
        title="Remisión",
        slug="remision",
        pronunciation="rre-mi-SIÓN",
        definition="Remisión quiere decir que las pruebas no encuentran señales del cáncer.",
        what_is="<p>Las pruebas y los estudios de imagen muestran menos cáncer, o nada.</p>",
        why_it_matters="<p>Indica que el tratamiento está funcionando.</p>",
        extra_sections=json.dumps(
            [
                {
                    "type": "section",
                    "value": {
                        "heading": "Preguntas para su equipo médico",
                        "body": "<p>Pregunte qué pasa en las citas de control.</p>",
                    },
                },
                callout("information", "Las citas de control siguen", "Su equipo le dirá cada cuánto."),
                callout("urgent", "Pida una cita pronto si", "Nota un bulto nuevo."),
                callout("emergency", "Llame al 999 si", "Le cuesta mucho respirar."),
            ]
        ),
        image_alt_text="Una enfermera habla con un paciente en la consulta.",
        reviewed_by="Dra. Lucía Gómez, oncóloga",
    )
    term.synonyms.all().delete()
    TermSynonym.objects.create(page=term, name="Respuesta completa", sort_order=0)
    term.save_revision().publish()
    article = publish_translation(
        demo["article"],
        locale,
        title="La vida después del tratamiento",
        slug="la-vida-despues-del-tratamiento",
        summary="Qué esperar cuando termina el tratamiento y dónde pedir ayuda.",
        body=json.dumps(
            [
                {"type": "heading", "value": "Cuando termina el tratamiento"},
                {"type": "paragraph", "value": "<p>Muchas personas sienten <b>alivio</b> y miedo a la vez.</p>"},
                KEY_POINTS,
                callout("urgent", "Pida una cita urgente si", "Tiene fiebre."),
            ]
        ),
    )
    spanish_home.featured_article_links.create(article=article, sort_order=0)
    spanish_home.save_revision().publish()
    glossary = GlossaryIndexPage.objects.child_of(spanish_home).get()
    return {"term": term, "article": article, "glossary": glossary}


PAGES = {
    "home page": lambda pages: "/es/",
    "A to Z": lambda pages: pages["glossary"].url,
    "letter page": lambda pages: pages["glossary"].url + "?letter=R",
    "term page": lambda pages: pages["term"].url,
    "article page": lambda pages: pages["article"].url,
    "search page": lambda pages: "/es/search/",
    "search results": lambda pages: "/es/search/?q=remisi%C3%B3n",
    "page not found": lambda pages: "/es/no-existe/",
}


def snap(page, name):
    """Save the page at phone width, when screenshots were asked for."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(SCREENSHOTS) / f"es-{name.replace(' ', '-')}.png", full_page=True)


@live_db
def test_no_axe_violations_on_any_spanish_page_type(live_server, new_page, demo, spanish_home):
    pages = spanish_demo(demo, spanish_home)
    page = new_page(viewport=PHONE)
    checked = []
    for name, path in PAGES.items():
        response = page.goto(live_server.url + path(pages))
        assert response.status == (404 if name == "page not found" else 200), name
        assert page.locator("html").get_attribute("lang") == "es", name
        assert_no_violations(page, name)
        snap(page, name)
        checked.append(name)
    assert checked == list(PAGES)


@live_db
def test_the_switcher_takes_a_reader_to_the_other_language_and_back(live_server, new_page, demo, spanish_home):
    pages = spanish_demo(demo, spanish_home)
    page = new_page(viewport=PHONE)
    page.goto(live_server.url + demo["term"].url)
    page.get_by_role("navigation", name="Other languages").get_by_role("link", name="Español").click()
    page.wait_for_url("**" + pages["term"].url)
    assert page.locator("h1").inner_text() == "Remisión"
    page.get_by_role("navigation", name="Otros idiomas").get_by_role("link", name="English").click()
    page.wait_for_url("**" + demo["term"].url)
    assert page.locator("h1").inner_text() == "Remission"
