"""404 and 500 pages in the site's style that help a worried reader find their way."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.views.defaults import server_error

from glossary.models import TermPage
from tests.factories import TermPageFactory


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/no-such-page/", "/glossary/no-such-term/"])
def test_missing_page_offers_search_and_the_main_sections(client, glossary, article_index, path):
    response = client.get(path)
    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert html.title.get_text() == "Page not found | Health Words"
    assert html.h1.get_text() == "Page not found"
    assert html.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    main = html.find("main")
    search = main.find("form", role="search")
    assert search["action"] == "/search/"
    assert search.find("input", attrs={"name": "q"})
    links = {a.get_text(): a["href"] for a in main.find_all("a")}
    assert links["Go to the Health Words home page"] == "/"
    assert links["Glossary A to Z"] == "/glossary/"
    assert links["Articles"] == "/articles/"


@pytest.mark.django_db
def test_server_error_page_is_styled_and_needs_no_database(rf, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = BeautifulSoup(response.content, "html.parser")
    assert html.h1.get_text() == "Sorry, something went wrong"
    assert html.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    assert html.find("a", string="go to the Health Words home page")["href"] == "/"


@pytest.mark.django_db
def test_a_crashing_page_shows_the_friendly_error(glossary, monkeypatch):
    term = TermPageFactory(parent=glossary)

    def broken(*args, **kwargs):
        raise RuntimeError("Simulated failure")

    monkeypatch.setattr(TermPage, "get_context", broken)
    response = Client(raise_request_exception=False).get(term.url)
    assert response.status_code == 500
    assert b"Sorry, something went wrong" in response.content
    assert b"Simulated failure" not in response.content
