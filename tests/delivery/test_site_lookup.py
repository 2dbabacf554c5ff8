"""Page views find their Wagtail Site from each process's memory, and follow every change to the sites."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from delivery import site_lookup
from tests.factories import TermPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def term(glossary):
    return TermPageFactory(parent=glossary, title="Remission", slug="remission")


def site_queries(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, [q["sql"] for q in queries.captured_queries if "wagtailcore_site" in q["sql"]]


def test_a_page_view_after_the_first_asks_nothing_about_the_sites(client, term):
    client.get(term.url)

    response, queries = site_queries(client, term.url)

    assert response.status_code == 200
    assert "Remission" in response.content.decode()
    assert queries == []


def test_any_unknown_host_name_gets_the_default_site_and_they_all_share_one_answer_in_memory(client, term):
    client.get(term.url, HTTP_HOST="made-up.example")

    for number in range(20):
        response, queries = site_queries(client, term.url, HTTP_HOST=f"made-up-{number}.example")
        assert response.status_code == 200
        assert queries == []
    # Arbitrary Host headers cannot fill a process's memory: localhost and every unknown name, two answers.
    assert len(site_lookup._tables.get().answers) <= 2


def test_a_second_site_serves_its_own_pages_as_soon_as_it_is_saved(client, home, glossary, term):
    client.get(term.url)
    Site.objects.create(hostname="words.example", port=80, root_page=glossary, site_name="Words")

    response = client.get("/remission/", HTTP_HOST="words.example")
    assert response.status_code == 200
    assert "Remission" in response.content.decode()
    assert client.get("/remission/").status_code == 404  # the default site still starts at the home page


def test_a_site_whose_address_changes_is_found_at_its_new_address_at_once(client, home, glossary, term):
    other = Site.objects.create(hostname="words.example", port=80, root_page=glossary, site_name="Words")
    assert client.get("/remission/", HTTP_HOST="words.example").status_code == 200

    other.hostname = "glossary.example"
    other.save()

    assert client.get("/remission/", HTTP_HOST="glossary.example").status_code == 200
    assert client.get("/remission/", HTTP_HOST="words.example").status_code == 404
