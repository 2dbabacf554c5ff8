"""'Was this page helpful?': the form readers see, what gets stored, limits, and the admin report."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.utils import timezone

from feedback import rate_limit
from feedback.models import AnswerCount, PageFeedback, pages_with_feedback
from review.due import is_flagged, pages_with_review_dates
from tests.factories import ArticlePageFactory, TermPageFactory


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission")


@pytest.fixture
def client():
    """A reader's browser: its form posts say they come from this site, as every current browser's do."""
    return Client(headers={"Origin": "http://testserver"})


def feedback_url(page):
    return f"/feedback/{page.pk}/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_term_page_asks_for_feedback_after_the_disclaimer(client, term, default_disclaimer):
    html = soup(client.get(term.url))
    form = html.find("form", action=feedback_url(term))
    assert form["method"] == "post"
    assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("legend").get_text() == "Was this page helpful?"
    assert [radio["value"] for radio in form.find_all("input", type="radio")] == ["yes", "no"]
    hint = html.find(id=form.find("textarea")["aria-describedby"])
    assert "Do not include personal or medical details" in hint.get_text()
    headings = [section["aria-labelledby"] for section in html.find_all("section")]
    assert headings.index("feedback-heading") > headings.index("disclaimer-heading")


@pytest.mark.django_db
def test_article_page_asks_for_feedback(client, article_index):
    article = ArticlePageFactory(parent=article_index)
    assert soup(client.get(article.url)).find("form", action=feedback_url(article))


@pytest.mark.django_db
def test_answer_is_stored_and_reader_is_thanked_instead_of_asked_again(client, term):
    response = client.post(feedback_url(term), {"helpful": "no", "comment": "  Too many long words.  "})
    assert response.status_code == 302
    assert response["Location"] == "/glossary/remission/?feedback=sent#feedback"
    assert not response.cookies

    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment) == (term.pk, False, "Too many long words.")

    thanked = client.get(response["Location"])
    html = soup(thanked)
    assert html.find(role="status").get_text() == "Thank you for your feedback."
    assert html.find("form", action=feedback_url(term)) is None
    assert not thanked.cookies
    # The thank-you is on that address only; the page itself asks again.
    assert soup(client.get(term.url)).find("form", action=feedback_url(term))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://attacker.example"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"},
        {"Referer": "https://attacker.example/page/"},
        {},
    ],
)
def test_a_post_that_does_not_come_from_this_sites_pages_is_refused(term, headers):
    response = Client(headers=headers).post(feedback_url(term), {"helpful": "no"})
    assert response.status_code == 403
    assert "Your feedback was not sent" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [{"Sec-Fetch-Site": "same-origin"}, {"Referer": "http://testserver/glossary/remission/"}],
)
def test_a_post_from_this_sites_pages_is_accepted_without_a_csrf_cookie(term, headers):
    response = Client(enforce_csrf_checks=True, headers=headers).post(feedback_url(term), {"helpful": "yes"})
    assert response.status_code == 302
    assert PageFeedback.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"comment": "Unclear"}, "Choose yes or no."),
        ({"helpful": "maybe"}, "Choose yes or no."),
        ({"helpful": "yes", "comment": "x" * 501}, "Keep your comment to 500 characters or fewer."),
    ],
)
def test_invalid_answer_is_explained_and_not_stored(client, term, data, message):
    response = client.post(feedback_url(term), data)
    assert response.status_code == 400
    html = soup(response)
    assert html.find(role="alert").find("a").get_text() == message
    assert html.find("form", action=feedback_url(term))  # the reader can correct it and send again
    assert html.find("textarea").get_text() == data.get("comment", "")
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_pages_that_do_not_take_feedback_give_not_found(client, home, glossary):
    draft = TermPageFactory(parent=glossary, live=False)
    for page in (home, glossary, draft):
        assert client.post(feedback_url(page), {"helpful": "yes"}).status_code == 404
    assert client.post("/feedback/999999/", {"helpful": "yes"}).status_code == 404
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_feedback_url_only_accepts_post(client, term):
    assert client.get(feedback_url(term)).status_code == 405


@pytest.mark.django_db
def test_answers_are_rate_limited_per_client_and_page(client, term, glossary):
    assert client.post(feedback_url(term), {"helpful": "maybe"}).status_code == 400  # not counted
    per_page, _ = rate_limit.PER_PAGE
    for _ in range(per_page):
        assert client.post(feedback_url(term), {"helpful": "no"}).status_code == 302

    response = client.post(feedback_url(term), {"helpful": "no"})
    assert response.status_code == 429
    assert "Please try again later" in response.content.decode()
    assert PageFeedback.objects.count() == per_page

    other_term = TermPageFactory(parent=glossary)
    assert client.post(feedback_url(other_term), {"helpful": "yes"}).status_code == 302
    other_reader = Client(REMOTE_ADDR="203.0.113.9", headers={"Origin": "http://testserver"})
    assert other_reader.post(feedback_url(term), {"helpful": "yes"}).status_code == 302


@pytest.mark.django_db
def test_one_client_cannot_flood_many_pages(client, glossary, monkeypatch):
    monkeypatch.setattr(rate_limit, "PER_CLIENT", (2, 60 * 60))
    terms = TermPageFactory.create_batch(3, parent=glossary)
    statuses = [client.post(feedback_url(term), {"helpful": "no"}).status_code for term in terms]
    assert statuses == [302, 302, 429]


@pytest.mark.django_db
def test_a_reader_may_answer_again_once_the_window_is_over_and_old_counts_are_deleted(client, term, glossary):
    assert client.post(feedback_url(term), {"helpful": "no"}).status_code == 302
    assert client.post(feedback_url(term), {"helpful": "no"}).status_code == 429
    other = TermPageFactory(parent=glossary)
    assert client.post(feedback_url(other), {"helpful": "no"}).status_code == 302
    assert AnswerCount.objects.count() == 3  # this client, and this client on each page

    AnswerCount.objects.update(expires_at=timezone.now())  # as if a day had gone by
    assert client.post(feedback_url(term), {"helpful": "yes"}).status_code == 302
    assert sorted(AnswerCount.objects.values_list("count", flat=True)) == [1, 1]
    assert PageFeedback.objects.filter(page=term).count() == 2
    assert not any("127.0.0.1" in key for key in AnswerCount.objects.values_list("key", flat=True))


def test_rate_limit_key_does_not_contain_the_address(rf):
    request = rf.post("/", REMOTE_ADDR="203.0.113.9")
    key = rate_limit.client_key(request)
    assert "203.0.113.9" not in key
    assert key == rate_limit.client_key(rf.post("/", REMOTE_ADDR="203.0.113.9"))
    assert key != rate_limit.client_key(rf.post("/", REMOTE_ADDR="203.0.113.10"))


def give_feedback(page, helpful, comment="", days_ago=0):
    feedback = PageFeedback.objects.create(page=page, helpful=helpful, comment=comment)
    PageFeedback.objects.filter(pk=feedback.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


@pytest.mark.django_db
def test_pages_with_several_no_answers_since_their_review_are_flagged(glossary, article_index, settings):
    today = timezone.localdate()
    reviewed_term = TermPageFactory(parent=glossary, last_reviewed=today - datetime.timedelta(days=10))
    for days_ago in (20, 30, 40):  # before the review: already dealt with
        give_feedback(reviewed_term, False, days_ago=days_ago)
    give_feedback(reviewed_term, False, days_ago=1)
    give_feedback(reviewed_term, True)

    flagged_article = ArticlePageFactory(parent=article_index, last_reviewed=today - datetime.timedelta(days=10))
    for days_ago in (0, 5, 10):  # on the day of the review counts
        give_feedback(flagged_article, False, days_ago=days_ago)

    never_reviewed = TermPageFactory(parent=glossary)
    for _ in range(3):
        give_feedback(never_reviewed, False, days_ago=100)

    def flagged():
        return set(pages_with_review_dates().filter(is_flagged()).values_list("pk", flat=True))

    assert flagged() == {flagged_article.pk, never_reviewed.pk}
    settings.FEEDBACK_FLAG_MIN_NO = 1
    assert flagged() == {
        reviewed_term.pk,
        flagged_article.pk,
        never_reviewed.pk,
    }


def report_rows(response):
    """The text of each cell of the report's listing table, row by row."""
    rows = soup(response).select("table.listing tbody tr")
    return [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in rows]


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pw"))
    return client


@pytest.mark.django_db
def test_report_lists_pages_with_counts_worst_first(admin_client, glossary):
    calm = TermPageFactory(parent=glossary, title="Biopsy")
    give_feedback(calm, True)
    troubled = TermPageFactory(parent=glossary, title="Remission")
    give_feedback(troubled, False, "Confusing")
    give_feedback(troubled, False)
    give_feedback(troubled, True)

    response = admin_client.get("/admin/reports/page-feedback/")
    assert response.status_code == 200
    rows = report_rows(response)
    assert [row[:4] for row in rows] == [["Remission", "1", "2", "1"], ["Biopsy", "1", "0", "0"]]
    assert [(p.title, p.no_count) for p in pages_with_feedback()] == [("Remission", 2), ("Biopsy", 0)]


@pytest.mark.django_db
def test_report_exports_as_csv_and_xlsx(admin_client, term):
    give_feedback(term, False, "Confusing")
    csv = admin_client.get("/admin/reports/page-feedback/?export=csv")
    lines = b"".join(csv.streaming_content).decode().splitlines()
    assert lines[0] == "Page,URL,Yes,No,Comments,Latest answer"
    assert lines[1].startswith("Remission,http://localhost/glossary/remission/,0,1,1,")
    xlsx = admin_client.get("/admin/reports/page-feedback/?export=xlsx")
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.django_db
def test_comments_are_shown_as_text_never_as_html(admin_client, term):
    give_feedback(term, False, '<script>alert("x")</script><b>bold</b>')
    response = admin_client.get(f"/admin/reports/page-feedback/{term.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in html
    [row] = report_rows(response)
    assert row[1:] == ["No", '<script>alert("x")</script><b>bold</b>']


@pytest.mark.django_db
def test_comment_export_cannot_run_as_a_spreadsheet_formula(admin_client, term):
    give_feedback(term, False, '=HYPERLINK("http://evil.example","Click")')
    csv = admin_client.get(f"/admin/reports/page-feedback/{term.pk}/?export=csv")
    content = b"".join(csv.streaming_content).decode()
    assert "'=HYPERLINK" in content
    assert csv["Content-Disposition"].startswith('attachment; filename="feedback-')


@pytest.mark.django_db
def test_only_people_allowed_to_view_feedback_see_the_report(client, django_user_model, term):
    give_feedback(term, False, "Confusing")
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    outsider_group = Group.objects.create(name="Admin users without feedback access")
    outsider_group.permissions.add(admin_access)
    outsider = django_user_model.objects.create_user("outsider", "outsider@example.com", "pw")
    outsider.groups.add(outsider_group)
    editor = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    editor.groups.add(Group.objects.get(name="Clinical editors"))

    client.force_login(outsider)
    response = client.get("/admin/reports/page-feedback/")
    assert response.status_code == 302 and "Confusing" not in response.content.decode()
    assert client.get(f"/admin/reports/page-feedback/{term.pk}/").status_code == 302
    assert "Page feedback" not in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert "Confusing" in client.get(f"/admin/reports/page-feedback/{term.pk}/").content.decode()
    assert "/admin/reports/page-feedback/" in client.get("/admin/").content.decode()


def reader(remote_addr, forwarded_for=None):
    """A browser reaching the site from remote_addr, through a proxy that sent forwarded_for if given."""
    headers = {"Origin": "http://testserver"}
    if forwarded_for:
        headers["X-Forwarded-For"] = forwarded_for
    return Client(REMOTE_ADDR=remote_addr, headers=headers)


@pytest.mark.django_db
def test_behind_a_trusted_proxy_readers_are_told_apart_by_the_address_it_saw(term, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # Varnish on loopback appends the address it was reached from; a load balancer in 10/8 did so before it.
    assert (
        reader("127.0.0.1", "203.0.113.9, 10.0.0.7").post(feedback_url(term), {"helpful": "no"}).status_code == 302
    )
    assert reader("127.0.0.1", "203.0.113.10").post(feedback_url(term), {"helpful": "no"}).status_code == 302
    # What a client wrote itself, left of the address the proxy saw, changes nothing.
    again = reader("127.0.0.1", "198.51.100.1, 203.0.113.9, 10.0.0.7").post(feedback_url(term), {"helpful": "no"})
    assert again.status_code == 429


@pytest.mark.django_db
def test_a_client_reaching_the_site_directly_cannot_pose_as_others_with_a_forwarded_header(term, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert reader("203.0.113.9", "198.51.100.1").post(feedback_url(term), {"helpful": "no"}).status_code == 302
    assert reader("203.0.113.9", "198.51.100.2").post(feedback_url(term), {"helpful": "no"}).status_code == 429


@pytest.mark.django_db
def test_without_trusted_proxies_the_forwarded_header_is_ignored(term, settings):
    settings.TRUSTED_PROXIES = []
    assert reader("127.0.0.1", "203.0.113.9").post(feedback_url(term), {"helpful": "no"}).status_code == 302
    assert reader("127.0.0.1", "203.0.113.10").post(feedback_url(term), {"helpful": "no"}).status_code == 429


def test_a_mistyped_trusted_proxy_is_refused_by_name(rf, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "varnish.local"]
    with pytest.raises(ImproperlyConfigured, match="'varnish.local' is not an IP address or network"):
        rate_limit.client_key(rf.post("/", REMOTE_ADDR="127.0.0.1"))
