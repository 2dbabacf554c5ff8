"""Site-wide demo content: the home page intro, the two listing pages, featured articles and the disclaimer."""

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
