"""The whole review loop in a real browser: an editor submits a changed term, one reviewer requests changes,
the editor finds the comment on the edit view and the dashboard, fixes the term and resubmits, and a second
reviewer sees what changed since the last sign-off and signs it off. Every step confirms what happened.

With ``REVIEW_SCREENSHOTS=<folder>`` set, the test also saves each of those screens at desktop and phone width.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import TermPageFactory
from tests.review_helpers import make_editor, make_reviewer, signed_off

from .test_review_workflow import log_in

SCREENSHOTS = os.environ.get("REVIEW_SCREENSHOTS")
# Each step waits on a live server that shares the machine with other work; allow it time.
expect.set_options(timeout=20_000)
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def snap(page, name):
    """Save the screen at desktop and phone width, when screenshots were asked for."""
    if not SCREENSHOTS:
        return
    folder = Path(SCREENSHOTS)
    folder.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(300)  # let the admin's layout settle after the resize
        page.screenshot(path=folder / f"{name}-{label}.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def messages(page):
    return page.locator(".messages")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_and_two_reviewers_go_round_the_review_loop(live_server, new_page, glossary, settings):
    # The edit view autosaves a draft half a second after each change, and pings "still editing" while open.
    # Either can write to the test's in-memory SQLite database at the moment a submission does, which SQLite
    # refuses with "table is locked"; neither plays a part in the loop.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 60 * 60 * 1000
    term = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    editor_user = make_editor("edna")
    make_reviewer("okafor", credentials="MBChB, FRCP, consultant oncologist")
    rahman = make_reviewer("rahman", credentials="MBBS, MRCGP, general practitioner")
    today = timezone.localdate()
    signed_off(
        term, editor_user, rahman, today - datetime.timedelta(days=30), today + datetime.timedelta(days=300)
    )

    # The editor changes the definition and submits it.
    editor = new_page(viewport=DESKTOP)
    log_in(editor, live_server.url, "edna")
    editor.goto(f"{live_server.url}/admin/pages/{term.pk}/edit/")
    editor.get_by_role("textbox", name="Definition").fill("Remission means tests find fewer signs of the cancer.")
    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Clinical review").click()
    expect(messages(editor)).to_contain_text("“Remission” has been sent for clinical review")

    # The first reviewer requests changes from the dashboard row, without opening a menu.
    reviewer = new_page(viewport=DESKTOP)
    log_in(reviewer, live_server.url, "okafor")
    row = reviewer.get_by_role("row").filter(has_text="Remission")
    expect(row.get_by_role("button", name="Sign off and publish")).to_be_visible()
    snap(reviewer, "dashboard-row-actions")
    row.get_by_role("button", name="Request changes").click()
    dialog = reviewer.get_by_role("dialog")
    dialog.get_by_label("Comment").fill("Say what remission means for treatment: does it stop?")
    dialog.get_by_role("button", name="Request changes").click()
    expect(messages(reviewer)).to_contain_text("You requested changes to “Remission”")
    snap(reviewer, "confirmation-changes-requested")

    # The editor sees who asked, with what credentials, and what they said: on the dashboard and the page.
    editor.goto(f"{live_server.url}/admin/")
    panel = editor.get_by_role("region", name="Clinical reviews")
    expect(panel).to_contain_text("changes requested by Dr Okafor, MBChB, FRCP, consultant oncologist")
    expect(panel).to_contain_text("Say what remission means for treatment: does it stop?")
    snap(editor, "dashboard-changes-requested")
    panel.get_by_role("link", name="Remission").click()
    banner = editor.get_by_role("region", name="Changes requested by Dr Okafor")
    expect(banner).to_contain_text("MBChB, FRCP, consultant oncologist")
    expect(banner).to_contain_text("Say what remission means for treatment: does it stop?")
    snap(editor, "edit-view-banner")

    # The status panel names the reviewer, not the editor, and speaks our words.
    editor.get_by_role("button", name="Toggle status").click()
    editor.get_by_role("button", name="View details").click()
    status = editor.get_by_role("dialog", name="Clinical review")
    expect(status).to_contain_text("by Dr Okafor, MBChB, FRCP, consultant oncologist")
    expect(status).not_to_contain_text(re.compile("moderation|rejected", re.IGNORECASE))
    status.get_by_role("button", name="Close").click()

    # The editor fixes the definition and resubmits.
    editor.get_by_role("textbox", name="Definition").fill(
        "Remission means tests find fewer signs of the cancer. Treatment may stop or go on."
    )
    editor.locator("footer").get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Resubmit to Clinical sign-off").click()
    expect(messages(editor)).to_contain_text("“Remission” has been sent for clinical review")
    snap(editor, "confirmation-resubmitted")

    # The second reviewer sees what changed since the last sign-off, and signs it off from the dashboard.
    second = new_page(viewport=DESKTOP)
    log_in(second, live_server.url, "rahman")
    second.get_by_role("row").filter(has_text="Remission").get_by_role(
        "button", name="Sign off and publish"
    ).click()
    dialog = second.get_by_role("dialog")
    changes = dialog.get_by_role("region", name="What changed since the last sign-off")
    expect(changes).to_contain_text("Last signed off by Dr Rahman, MBBS, MRCGP, general practitioner")
    expect(changes.get_by_role("listitem").first).to_have_text("Definition")
    expect(changes).not_to_contain_text("Title")
    compare = changes.get_by_role("link", name="Compare with the last signed-off version")
    expect(compare).to_have_attribute(
        "href", re.compile(rf"/admin/pages/{term.pk}/revisions/compare/\d+\.\.\.\d+/$")
    )
    compare_url = compare.get_attribute("href")
    snap(second, "sign-off-dialog-changes")
    dialog.get_by_label("The content is clinically accurate").check()
    dialog.get_by_label("I have checked the sources and references").check()
    dialog.get_by_label("The language is plain and suitable for patients").check()
    dialog.get_by_role("button", name="Sign off and publish").click()
    expect(messages(second)).to_contain_text("You signed off “Remission”. It is now published")
    snap(second, "confirmation-signed-off")

    comparison = new_page(viewport=DESKTOP)
    log_in(comparison, live_server.url, "rahman")
    comparison.goto(live_server.url + compare_url)
    expect(comparison.locator("main")).to_contain_text("Treatment may stop or go on.")

    visitor = new_page()
    visitor.goto(live_server.url + term.url)
    expect(visitor.locator("main")).to_contain_text("Treatment may stop or go on.")
    expect(visitor.locator(".review-dates")).to_contain_text("Medically reviewed by Dr Rahman")
