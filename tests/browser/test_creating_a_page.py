"""An editor on a phone creates a term that already exists: the form says so under the title, with a link to
the existing term, and nothing is created."""

import pytest
from playwright.sync_api import expect

from glossary.models import TermPage
from tests.browser.test_review_workflow import log_in
from tests.factories import TermPageFactory
from tests.review_helpers import make_editor

PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_term_again_is_explained_beside_the_title(live_server, new_page, glossary):
    existing = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    make_editor("edna")
    page = new_page(viewport=PHONE)
    log_in(page, live_server.url, "edna")

    page.goto(f"{live_server.url}/admin/pages/add/glossary/termpage/{glossary.pk}/")
    page.get_by_role("textbox", name="Title").fill("Remission")
    page.get_by_role("textbox", name="Definition").fill("Remission means the cancer has gone or got smaller.")
    page.get_by_role("button", name="Save draft").click()

    title_field = page.locator("[data-contentpath='title']")
    error = title_field.locator(".error-message")
    expect(error).to_be_visible()
    expect(error).to_contain_text("already has the address “remission”")
    link = error.get_by_role("link", name="“Remission”")
    expect(link).to_have_attribute("href", f"/admin/pages/{existing.pk}/edit/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert TermPage.objects.count() == 1
