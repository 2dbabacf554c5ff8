"""Creating a page in the admin: no draft left by autosave, a taken address explained beside the title,
and the Settings tab (go-live and expiry dates, comments) on terms and articles."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Comment, Page
from wagtail.test.utils.form_data import inline_formset, querydict_from_html

from articles.models import ArticlePage
from glossary.models import TermPage
from tests.factories import ArticlePageFactory, TermPageFactory
from tests.test_admin_create_forms import term_form_data


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.com", "pw"))
    return client


def add_term_url(glossary):
    return reverse("wagtailadmin_pages:add", args=("glossary", "termpage", glossary.pk))


def edit_form(html):
    return BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")


def test_autosave_request_on_the_create_view_creates_no_page(admin_client, glossary):
    response = admin_client.post(add_term_url(glossary), term_form_data(), HTTP_ACCEPT="application/json")

    assert response.status_code == 400
    assert json.loads(response.content)["success"] is False
    assert not TermPage.objects.exists()
    assert not Page.objects.filter(slug="biopsy").exists()


def test_create_form_does_not_autosave_but_the_edit_form_does(admin_client, glossary):
    create = edit_form(admin_client.get(add_term_url(glossary)).content.decode())
    assert "w-autosave" not in create["data-controller"]

    term = TermPageFactory(parent=glossary, title="Biopsy")
    edit = edit_form(admin_client.get(reverse("wagtailadmin_pages:edit", args=[term.pk])).content.decode())
    assert "w-autosave" in edit["data-controller"]


def test_save_draft_on_the_create_view_still_creates_the_draft(admin_client, glossary):
    response = admin_client.post(add_term_url(glossary), term_form_data())

    term = TermPage.objects.get(slug="biopsy")
    assert response.status_code == 302 and not term.live


def test_a_term_that_exists_is_explained_beside_the_title_with_a_link(admin_client, glossary):
    existing = TermPageFactory(parent=glossary, title="Biopsy", slug="biopsy")

    response = admin_client.post(add_term_url(glossary), term_form_data())

    assert response.status_code == 200
    assert TermPage.objects.count() == 1
    page = BeautifulSoup(response.content, "html.parser")
    title_field = page.find(id="id_title").find_parent(class_="w-field")
    error = title_field.find(class_="error-message")
    assert "already has the address “biopsy”" in error.text
    assert error.a["href"] == reverse("wagtailadmin_pages:edit", args=[existing.pk])
    assert error.a.text == "“Biopsy”"


def test_a_term_that_exists_is_explained_beside_the_title_before_the_browser_fills_in_the_slug(
    admin_client, glossary
):
    """Submitted before the admin's script copied the title into the slug: the page makes the slug."""
    existing = TermPageFactory(parent=glossary, title="Biopsy", slug="biopsy")

    response = admin_client.post(add_term_url(glossary), term_form_data(slug=""))

    assert TermPage.objects.count() == 1
    title_field = BeautifulSoup(response.content, "html.parser").find(id="id_title").find_parent(class_="w-field")
    error = title_field.find(class_="error-message")
    assert "already has the address “biopsy”" in error.text
    assert error.a["href"] == reverse("wagtailadmin_pages:edit", args=[existing.pk])


def test_article_slug_clash_is_beside_the_title_too(admin_client, article_index):
    ArticlePageFactory(parent=article_index, title="Living with cancer", slug="living-with-cancer")
    url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", article_index.pk))
    form = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    form.update({"title": "Living with cancer", "slug": "living-with-cancer", "summary": "How to live well."})
    form["body-count"] = "0"

    response = admin_client.post(url, form)

    assert ArticlePage.objects.count() == 1
    title_field = BeautifulSoup(response.content, "html.parser").find(id="id_title").find_parent(class_="w-field")
    assert "already has the address “living-with-cancer”" in title_field.find(class_="error-message").text


@pytest.mark.parametrize("model", ["term", "article"])
def test_edit_form_has_go_live_expiry_and_comments(admin_client, glossary, article_index, model):
    page = (
        TermPageFactory(parent=glossary, title="Biopsy")
        if model == "term"
        else ArticlePageFactory(parent=article_index, title="Living with cancer")
    )
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # Wagtail draws the go-live and expiry fields in the "Set schedule" dialog of the status side panel.
    assert soup.find(id="schedule-publishing-dialog") is not None
    assert soup.find("input", attrs={"name": "go_live_at"}) is not None
    assert soup.find("input", attrs={"name": "expire_at"}) is not None
    assert soup.find("script", id="comments-data") is not None  # the comments panel (drawn by JavaScript)


def test_an_editor_comment_on_a_term_is_saved(admin_client, glossary):
    term = TermPageFactory(parent=glossary, title="Biopsy")
    data = term_form_data(
        slug=term.slug,
        comments=inline_formset(
            [{"contentpath": "definition", "text": "Is this plain enough?", "position": "", "resolved": ""}]
        ),
    )
    data.update({"comments-0-replies-TOTAL_FORMS": "0", "comments-0-replies-INITIAL_FORMS": "0"})

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[term.pk]), data)

    assert response.status_code == 302
    comment = Comment.objects.get(page=term)
    assert (comment.text, comment.contentpath) == ("Is this plain enough?", "definition")
