"""A visitor reads a term page in a real browser and can skip straight to the content."""

import pytest

from tests.factories import TermPageFactory


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_visitor_reads_term_and_uses_skip_link(live_server, new_page, glossary):
    term = TermPageFactory(
        parent=glossary, title="Remission", definition="Remission means the cancer cannot be found."
    )
    page = new_page()
    page.goto(live_server.url + term.url)

    assert page.locator("h1").inner_text() == "Remission"
    assert page.get_by_role("heading", name="What is remission?").is_visible()

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    skip_link.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"
