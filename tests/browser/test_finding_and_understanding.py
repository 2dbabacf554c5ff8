"""In a real browser: search suggestions by keyboard, and glossary definitions on focus and hover."""

import pytest

from glossary.models import TermSynonym
from tests.factories import ArticlePageFactory, TermPageFactory


def publish_remission(glossary):
    term = TermPageFactory(
        parent=glossary, title="Remission", definition="Remission means tests cannot find signs of the cancer."
    )
    term.synonyms.add(TermSynonym(name="Complete response"))
    term.save_revision().publish()
    return term


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_picks_a_suggestion_with_the_keyboard(live_server, new_page, glossary):
    publish_remission(glossary)
    page = new_page()
    page.goto(live_server.url + "/search/")

    box = page.get_by_role("combobox", name="Search health words and articles").last
    box.fill("compl")
    option = page.get_by_role("option", name="Complete response (see Remission), glossary term")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url("**/glossary/remission/")
    assert page.locator("h1").inner_text() == "Remission"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_escape_closes_suggestions_and_enter_still_searches(live_server, new_page, glossary):
    publish_remission(glossary)
    page = new_page()
    page.goto(live_server.url + "/search/")

    box = page.get_by_role("combobox").last
    box.fill("remission")
    page.get_by_role("option").first.wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    box.press("Enter")
    page.wait_for_url("**/search/?q=remission")
    assert page.locator(".search-result a").first.inner_text() == "Remission"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_definition_shows_on_focus_and_hover_and_escape_hides_it(live_server, new_page, glossary, article_index):
    publish_remission(glossary)
    article = ArticlePageFactory(
        parent=article_index, body=[("paragraph", "<p>Many people stay in remission for years.</p>")]
    )
    page = new_page()
    page.goto(live_server.url + article.url)

    link = page.get_by_role("link", name="remission")
    tip = page.get_by_role("tooltip")
    assert link.get_attribute("href") == "/glossary/remission/"
    assert not tip.is_visible()

    link.focus()
    assert tip.is_visible()
    assert tip.inner_text() == "Remission: Remission means tests cannot find signs of the cancer."
    page.keyboard.press("Escape")
    assert not tip.is_visible()

    page.locator("h1").hover()
    link.hover()
    assert tip.is_visible()
