"""Site-wide demo content: the home page intro, the two listing pages, featured articles and the disclaimer."""

from dataclasses import dataclass

from .schema import IndexPage

HOME_INTRO = (
    "<p>Health Words explains medical words in plain language. Look up a word from A to Z, or read our "
    "articles about cancer tests, treatment and support. Every page is checked by a clinical reviewer "
    "before it is published.</p>"
)

GLOSSARY_INDEX = IndexPage(
    title="Glossary A to Z",
    slug="glossary",
    intro=(
        "<p>Words that doctors and nurses use, explained simply. Choose a letter, or search for the word "
        "you heard.</p>"
    ),
)

ARTICLE_INDEX = IndexPage(
    title="Articles",
    slug="articles",
    intro="<p>Longer guides about tests, treatment and living with cancer, written in plain language.</p>",
)

# Slugs of the articles shown on the home page, in order.
FEATURED_ARTICLES = (
    "understanding-your-cancer-diagnosis",
    "chemotherapy-what-to-expect",
    "after-treatment-remission-check-ups-and-relapse",
)

DISCLAIMER_TITLE = "This is general information"
DISCLAIMER_BODY = (
    "<p>This page explains health words and topics in general. It is not advice about your own health. "
    "Talk to your doctor, nurse or care team about what it means for you. <b>In an emergency, call 999.</b></p>"
)


@dataclass(frozen=True)
class TranslatedSite:
    """A language's wording for the home page and the two listing pages, which exist in every language."""

    home_title: str
    home_intro: str
    glossary_index: IndexPage
    article_index: IndexPage


TRANSLATED_SITES = {
    "es": TranslatedSite(
        home_title="Health Words en español",
        home_intro=(
            "<p>Health Words explica palabras médicas con lenguaje sencillo. Busque una palabra de la A a la Z "
            "o lea nuestros artículos sobre pruebas, tratamiento y apoyo para el cáncer. Un revisor clínico "
            "revisa cada página antes de publicarla.</p>"
        ),
        glossary_index=IndexPage(
            title="Glosario de la A a la Z",
            slug="glosario",
            intro=(
                "<p>Palabras que usan los médicos y las enfermeras, explicadas de forma sencilla. Elija una letra "
                "o busque la palabra que escuchó.</p>"
            ),
        ),
        article_index=IndexPage(
            title="Artículos",
            slug="articulos",
            intro=(
                "<p>Guías más largas sobre pruebas, tratamiento y la vida con cáncer, escritas con lenguaje "
                "sencillo.</p>"
            ),
        ),
    ),
}
