"""In a real browser, readers and staff use the site under its Content-Security-Policy and Permissions-Policy
without the browser blocking anything: no `securitypolicyviolation` event and no policy error in the console."""

import re

import pytest
import wagtail_factories
from playwright.sync_api import expect

from review.workflow import submit_for_review
from tests.browser.test_finding_and_understanding import publish_remission
from tests.browser.test_review_workflow import log_in, sign_off_from_dashboard
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory
from tests.review_helpers import make_editor, make_reviewer

live_db = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Chromium's console messages for a blocked resource or a header it could not read.
POLICY_MESSAGE = re.compile(
    r"Content Security Policy|Content-Security-Policy|Permissions[- ]Policy", re.IGNORECASE
)
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    const { effectiveDirective, blockedURI, documentURI } = event;
    window.reportPolicyViolation(`${effectiveDirective} blocked ${blockedURI} on ${documentURI}`);
});
"""


def watched(page):
    """``page`` with every policy violation and policy console message, in every frame, added to a list."""
    problems = []
    page.expose_binding("reportPolicyViolation", lambda source, text: problems.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", lambda message: POLICY_MESSAGE.search(message.text) and problems.append(message.text))
    return page, problems


def visit(page, url):
    response = page.goto(url)
    assert response.status == 200, url


@pytest.fixture
def site(glossary, article_index):
    remission = publish_remission(glossary)
    relapse = TermPageFactory(parent=glossary, title="Relapse", definition="Relapse means the cancer came back.")
    image = wagtail_factories.ImageFactory(title="Nurse and patient")
    article = ArticlePageFactory(
        parent=article_index,
        title="Life after treatment",
        body=[("paragraph", "<p>Many people stay in remission for years.</p>")],
    )
    article.save_revision().publish()
    return {"remission": remission, "relapse": relapse, "article": article, "glossary": glossary, "image": image}


@live_db
def test_an_injected_inline_script_is_blocked_and_reported(live_server, new_page, site):
    """Guards the checks below: the public policy refuses inline script, and the watcher sees it."""
    page, problems = watched(new_page())
    visit(page, live_server.url + site["remission"].url)
    page.evaluate(
        "const script = document.createElement('script');"
        "script.textContent = 'window.injected = true';"
        "document.head.append(script);"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert any("script-src-elem blocked inline" in problem for problem in problems), problems


@live_db
def test_readers_pages_work_under_the_public_policy(live_server, new_page, site):
    page, problems = watched(new_page())
    base = live_server.url
    for path in ("/", site["glossary"].url, site["glossary"].url + "?letter=R", site["remission"].url):
        visit(page, base + path)
    visit(page, base + site["article"].url)
    page.get_by_role("link", name="remission").focus()  # the auto-link's definition pop-up (script and styles)
    expect(page.get_by_role("tooltip")).to_be_visible()

    visit(page, base + "/search/")
    page.get_by_role("main").get_by_role("combobox").fill("remi")  # suggestions are fetched from /search/suggest/
    expect(page.get_by_role("option", name="Remission")).to_be_visible()
    visit(page, base + "/search/?q=remission")
    expect(page.locator(".search-result").first).to_contain_text("Remission")
    assert problems == []


@live_db
def test_an_editor_sees_the_userbar_on_public_pages_under_the_public_policy(live_server, new_page, site):
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    page, problems = watched(new_page())
    log_in(page, live_server.url, "admin")
    visit(page, live_server.url + site["remission"].url)
    page.get_by_role("button", name=re.compile("View Wagtail quick actions")).click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert problems == []


@live_db
def test_staff_use_the_main_admin_screens_under_the_admin_policy(live_server, new_page, site):
    UserFactory(username="admin", is_superuser=True, is_staff=True)
    page, problems = watched(new_page())
    base, remission = live_server.url, site["remission"]
    log_in(page, base, "admin")
    screens = [
        "/admin/",
        f"/admin/pages/{site['glossary'].pk}/",
        "/admin/images/",
        f"/admin/images/{site['image'].pk}/",
        "/admin/images/multiple/add/",
        "/admin/reports/review/reviews-due/",
        "/admin/reports/review/sign-offs/",
        "/django-admin/",
    ]
    for path in screens:
        visit(page, base + path)
    visit(page, base + "/admin/2fa/enrol/")
    expect(page.get_by_role("img", name=re.compile("QR code", re.IGNORECASE))).to_be_visible()

    visit(page, base + f"/admin/pages/{remission.pk}/edit/")
    page.get_by_role("button", name=re.compile("Add .*(name|also)", re.IGNORECASE)).first.click()
    page.get_by_role("textbox", name="Definition").fill("Remission means tests no longer find signs of cancer.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    assert problems == []


@live_db
def test_a_reviewer_signs_off_under_the_admin_policy(live_server, new_page, site):
    submit_for_review(site["relapse"], make_editor("edna"))
    make_reviewer("okafor")
    page, problems = watched(new_page())
    log_in(page, live_server.url, "okafor")
    sign_off_from_dashboard(page, "Relapse")
    expect(page.get_by_text("0 awaiting my review")).to_be_visible(timeout=30_000)  # a slow, shared machine
    assert problems == []
