"""Two people sign off a term in a real browser: an editor submits it, a reviewer approves it from the dashboard,
and an anonymous visitor then sees who reviewed it."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import TermPageFactory
from tests.review_helpers import make_editor, make_reviewer


def log_in(page, base_url, username):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def sign_off_from_dashboard(page, title, comment=""):
    """As a reviewer on the dashboard: open the sign-off dialog for ``title``, tick the checklist, sign off."""
    page.get_by_role("row").filter(has_text=title).get_by_role("button", name="Sign off and publish").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("The content is clinically accurate").check()
    dialog.get_by_label("I have checked the sources and references").check()
    dialog.get_by_label("The language is plain and suitable for patients").check()
    dialog.get_by_label("Comment").fill(comment)
    dialog.get_by_role("button", name="Sign off and publish").click()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_submits_reviewer_signs_off_from_dashboard_visitor_sees_reviewer(live_server, new_page, glossary):
    new_definition = "Remission means tests can no longer find signs of the cancer."
    term = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    make_editor("edna")
    make_reviewer("okafor", credentials="MBChB, consultant oncologist")

    editor = new_page()
    log_in(editor, live_server.url, "edna")
    editor.goto(f"{live_server.url}/admin/pages/{term.pk}/edit/")
    editor.get_by_role("textbox", name="Definition").fill(new_definition)
    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Clinical review").click()
    expect(editor.get_by_text("has been sent for clinical review")).to_be_visible()

    reviewer = new_page()
    log_in(reviewer, live_server.url, "okafor")
    expect(reviewer.get_by_text("1 awaiting my review")).to_be_visible()
    sign_off_from_dashboard(reviewer, "Remission", comment="Accurate and easy to follow.")
    expect(reviewer.get_by_text("0 awaiting my review")).to_be_visible(timeout=30_000)  # a slow, shared machine

    visitor = new_page()
    visitor.goto(live_server.url + term.url)
    expect(visitor.locator("main")).to_contain_text(new_definition)
    expect(visitor.locator(".review-dates")).to_contain_text(
        "Medically reviewed by Dr Okafor, MBChB, consultant oncologist."
    )
    expect(visitor.locator(".review-dates")).to_contain_text("Next review due:")
