"""WCAG 2.2 AA in a real browser: axe-core finds no violations on any public page type, and the site
works from the keyboard alone (skip link first, a visible focus indicator on everything focusable).

axe-core's script ships inside axe-playwright-python, so these tests need no network.
"""

import datetime
import json

import pytest
import wagtail_factories
from axe_playwright_python.sync_playwright import Axe

from glossary.models import TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory

# Every WCAG 2.0, 2.1 and 2.2 A/AA rule, plus axe's best practices (landmarks, headings, regions).
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}

# The live server reads the database from another thread, so these tests commit, then restore the data.
live_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def callout(level, heading):
    return {
        "type": "callout",
        "value": {
            "level": level,
            "heading": heading,
            "body": "<p>Call your care team and say you are on treatment.</p>",
        },
    }


@pytest.fixture
def demo(home, glossary, article_index, default_disclaimer):
    """A small site like the demo content: terms with every part filled in, and an article with every block."""
    image = wagtail_factories.ImageFactory(title="Nurse and patient")
    relapse = TermPageFactory(
        parent=glossary, title="Relapse", definition="Relapse means the illness has come back."
    )
    remission = TermPageFactory(
        parent=glossary,
        title="Remission",
        pronunciation="ree-MISH-un",
        definition="Remission means tests cannot find signs of the cancer.",
        extra_sections=json.dumps(
            [
                {
                    "type": "section",
                    "value": {"heading": "Questions to ask", "body": "<p>Ask what happens at check-ups.</p>"},
                },
                callout("information", "Check-ups carry on"),
                callout("urgent", "Ask for an appointment soon if"),
                callout("emergency", "Call 999 if"),
            ]
        ),
        image=image,
        image_alt_text="A nurse talks with a patient in a clinic room.",
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
        reviewed_by="Dr Asha Patel, consultant oncologist",
    )
    TermSynonym.objects.create(page=remission, name="Complete response", sort_order=0)
    TermSynonym.objects.create(page=remission, name="Partial remission", sort_order=1)
    remission.related_term_links.create(term=relapse, sort_order=0)
    remission.references.create(
        title="Remission in cancer", source="Example Journal", year=2024, doi="10.1000/xyz123", sort_order=0
    )
    remission.tags.add("Cancer")
    remission.save_revision().publish()

    article = ArticlePageFactory(
        parent=article_index,
        title="Life after treatment",
        summary="What to expect when treatment ends, and where to get help.",
        body=json.dumps(
            [
                {"type": "heading", "value": "When treatment ends"},
                {"type": "paragraph", "value": "<p>Many people feel <b>relieved</b> and worried at once.</p>"},
                {
                    "type": "image",
                    "value": {
                        "image": {"image": image.pk, "alt_text": "A nurse with a patient.", "decorative": False},
                        "caption": "Your nurse can answer questions.",
                    },
                },
                {"type": "key_points", "value": {"heading": "Key points", "points": ["Rest.", "Ask for help."]}},
                callout("information", "Support groups"),
                callout("urgent", "Ask for an urgent appointment if"),
                callout("emergency", "Call 999 if"),
                {"type": "quote", "value": {"quote": "Talking helped me.", "attribution": "A patient"}},
            ]
        ),
    )
    article.related_term_links.create(term=remission, sort_order=0)
    article.save_revision().publish()

    home.featured_article_links.create(article=article, sort_order=0)
    home.save_revision().publish()
    return {"term": remission, "article": article, "glossary": glossary}


PAGES = {
    "home page": lambda demo: "/",
    "A to Z": lambda demo: demo["glossary"].url,
    "letter page": lambda demo: demo["glossary"].url + "?letter=R",
    "term page": lambda demo: demo["term"].url,
    "article page": lambda demo: demo["article"].url,
    "search results": lambda demo: "/search/?q=remission",
    "no results": lambda demo: "/search/?q=xyzzy",
    "page not found": lambda demo: "/no-such-page/",
}


def assert_no_violations(page, name):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"


def test_axe_reports_a_known_violation(new_page):
    """Guards the checks below: an image without a text alternative must be reported."""
    page = new_page()
    page.set_content('<!DOCTYPE html><html lang="en"><title>T</title><main><img src="x.png"></main></html>')
    assert "image-alt" in Axe().run(page, options=AXE_OPTIONS).generate_snapshot()


@live_db
def test_no_axe_violations_on_any_page_type(live_server, new_page, demo):
    page = new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    checked = []
    for name, path in PAGES.items():
        response = page.goto(live_server.url + path(demo))
        assert response.status == (404 if name == "page not found" else 200), name
        assert_no_violations(page, name)
        checked.append(name)
    assert checked == list(PAGES)
    # Nothing is fetched from other sites: no third-party fonts, scripts or trackers to block rendering.
    assert [url for url in requested if not url.startswith(live_server.url)] == []


@live_db
def test_no_axe_violations_in_the_feedback_journey(live_server, new_page, demo):
    page = new_page()
    page.goto(live_server.url + demo["term"].url)
    page.get_by_role("button", name="Send feedback").click()  # no answer chosen: the error page
    assert page.get_by_role("alert").is_visible()
    assert_no_violations(page, "feedback error")

    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Send feedback").click()
    assert page.get_by_role("status").filter(has_text="Thank you").inner_text() == "Thank you for your feedback."
    assert_no_violations(page, "feedback thank-you")


def focus_style(page):
    """How the focused element looks: its outline, and whether it is on screen."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            const box = element.getBoundingClientRect();
            return {
                tag: element.tagName.toLowerCase(), text: (element.innerText || element.name || "").trim(),
                outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
                visible: box.width > 0 && box.height > 0 && box.right > 0 && box.left < innerWidth,
            };
        }"""
    )


@live_db
def test_keyboard_reader_gets_skip_link_first_and_always_sees_focus(live_server, new_page, demo):
    page = new_page()
    page.goto(live_server.url + demo["term"].url)

    page.keyboard.press("Tab")
    first = focus_style(page)
    assert first["text"] == "Skip to main content"
    assert first["visible"], "the skip link must appear on screen when focused"

    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        style = focus_style(page)
        if style["tag"] == "body":
            break
        seen.append(style)
        assert style["visible"], f"focused element is off screen: {style}"
        assert style["outline"] != "none" and style["outlineWidth"] >= 2, f"no visible focus outline: {style}"
    reached = {style["text"] for style in seen}
    assert {"Search", "Relapse", "Send feedback"} <= reached

    page.goto(live_server.url + demo["term"].url)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@live_db
def test_printed_page_keeps_the_content_and_drops_the_site_furniture(live_server, new_page, demo):
    page = new_page()
    page.goto(live_server.url + demo["article"].url)
    page.emulate_media(media="print")

    assert page.get_by_role("heading", level=1, name="Life after treatment").is_visible()
    # The callout's level, on screen only for screen readers, is printed in full.
    level = page.locator(".callout--emergency .callout__heading .visually-hidden")
    assert level.inner_text().strip() == "Emergency:"
    assert level.bounding_box()["width"] > 20
    for hidden in ("header.site-header", "form[role=search]", "#feedback", "footer.site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
