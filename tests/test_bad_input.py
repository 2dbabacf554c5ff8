"""No input gives a server error: hostile text in any public query parameter, address or feedback form gets a
page, an empty result or a 400 that says what is wrong, on SQLite and PostgreSQL alike.

The named cases are the ones that once gave a 500 (issue 10). The property-based test throws arbitrary
text (quotes, NUL and other control characters, very long strings, any Unicode) at every public GET
parameter and asserts no 5xx; the test client re-raises a view's exception, so Hypothesis shrinks it to
the smallest input that fails.
"""

from urllib.parse import quote, urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delivery.null_bytes import MESSAGE as NULL_MESSAGE
from tests.factories import ArticlePageFactory, TermPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(glossary, article_index):
    cancer = TermPageFactory(
        parent=glossary, title="Cancer", slug="cancer", definition="Cells that grow out of control."
    )
    TermPageFactory(parent=glossary, title="Remission", slug="remission", definition="Signs of cancer have gone.")
    article = ArticlePageFactory(
        parent=article_index,
        title="Living with cancer",
        summary="Help with everyday life.",
        body=[("paragraph", "<p>Plan rest into each day.</p>")],
    )
    return cancer, article


FORM = "application/x-www-form-urlencoded"


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [item.a.get_text(strip=True) for item in soup.select(".search-result")]


def test_an_unclosed_quote_in_the_search_page_finds_the_words(client, content):
    response = client.get("/search/", {"q": '"cancer'})

    assert response.status_code == 200
    assert titles(response)[:2] == ["Cancer", "Living with cancer"]


def test_an_unclosed_quote_in_the_api_search_finds_the_words(client, content):
    response = client.get("/api/v2/pages/", {"search": '"cancer', "type": "glossary.TermPage"})

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Cancer", "Remission"]


def test_a_search_of_quotes_only_asks_for_a_word(client, content):
    assert client.get("/api/v2/pages/", {"search": '""'}).json()["items"] == []
    response = client.get("/search/", {"q": '"'})
    assert response.status_code == 200
    assert "Type a word to search for" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=cancer%00",
        "/search/suggest/?q=can%00",
        "/api/v2/pages/?search=%00",
        "/api/v2/images/?search=a%00b",
        "/api/v2/glossary/terms/?q=%00",
        "/api/v2/pages/find/?html_path=/glossary/%00/",
        "/glossary/%00/",
        "/glossary/?letter=%00",
        "/search/?%00=1",
    ],
)
def test_a_nul_character_anywhere_is_refused_with_a_400(client, content, url):
    response = client.get(url)

    assert response.status_code == 400
    assert NULL_MESSAGE in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_nul_character_in_a_form_is_refused_before_the_view(client, content):
    cancer, _ = content
    response = client.post(
        f"/feedback/{cancer.pk}/", urlencode({"helpful": "yes", "comment": "a\x00b"}), content_type=FORM
    )

    assert response.status_code == 400
    assert NULL_MESSAGE in response.content.decode()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?search=a&search_operator=xor", "search_operator must be one of and, or"),
        ("/api/v2/images/?search=a&search_operator=xor", "search_operator must be one of and, or"),
        (f"/api/v2/pages/?search={'a' * 201}", "search must be at most 200 characters"),
        ("/api/v2/pages/find/?id=abc", "id must be a whole number"),
        ("/api/v2/pages/find/?id=%C2%B2", "id must be a whole number"),
        ("/api/v2/glossary/terms/count/?letter=a", "Unknown parameter(s): letter."),
    ],
)
def test_bad_api_parameters_get_a_400_that_says_what_to_fix(client, content, url, message):
    response = client.get(url)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_the_search_operators_still_work(client, content):
    response = client.get("/api/v2/pages/", {"search": "cancer remission", "search_operator": "OR"})

    assert response.status_code == 200
    assert "Remission" in [item["title"] for item in response.json()["items"]]


# Values that once broke something, or might: quotes, NUL, operators of the full-text syntaxes, numbers
# too big for any column, digits that are not 0-9, and long text.
HOSTILE = st.sampled_from(
    ['"', "\x00", "-1", "abc", "9" * 30, "xor", 'a"b', '""', "'", "*", "(", ")", "NEAR", "a:b", "^", "%", "\\",
     "²", "١٢", " ", "", "\x1f", "\u200b", "a" * 5000, "../", "OR", "AND NOT"]
)  # fmt: skip
TEXT = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    HOSTILE,
    st.lists(st.one_of(HOSTILE, st.text(max_size=5)), max_size=4).map("".join),
)
GET_PARAMETERS = {
    "/search/": ["q", "page"],
    "/search/suggest/": ["q"],
    "/glossary/": ["letter", "page"],
    "/articles/": ["page"],
    "/api/v2/pages/": [
        "search", "search_operator", "type", "fields", "order", "limit", "offset", "child_of", "descendant_of",
        "ancestor_of", "translation_of", "locale", "slug", "title", "show_in_menus",
    ],
    "/api/v2/pages/find/": ["id", "html_path"],
    "/api/v2/images/": ["search", "search_operator", "fields", "order", "limit", "offset"],
    "/api/v2/glossary/terms/": ["q", "match", "letter", "limit", "offset"],
    "/api/v2/glossary/terms/count/": ["q"],
}  # fmt: skip
# Addresses with a part chosen by the visitor.
PATHS = ["/api/v2/glossary/terms/{}/", "/api/v2/pages/{}/", "/glossary/{}/", "/{}/"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def answer(client, *args, method="get", **kwargs):
    """The status of one request, in a savepoint so that a database error (the bug this looks for) cannot
    leave PostgreSQL refusing every later request of the run."""
    with transaction.atomic():
        return getattr(client, method)(*args, **kwargs).status_code


@FUZZ
@given(data=st.data())
def test_no_query_parameter_gives_a_server_error(client, content, data):
    url = data.draw(st.sampled_from(sorted(GET_PARAMETERS)))
    names = data.draw(st.lists(st.sampled_from(GET_PARAMETERS[url]), min_size=1, max_size=3, unique=True))
    params = {name: data.draw(TEXT, label=name) for name in names}

    assert answer(client, url, params) < 500


@FUZZ
@given(template=st.sampled_from(PATHS), part=TEXT)
def test_no_address_gives_a_server_error(client, content, template, part):
    assert answer(client, template.format(quote(part, safe=""))) < 500


@FUZZ
@given(query=st.text(alphabet="%0123456789abcdefABCDEF=&q+", max_size=40))
def test_no_raw_query_string_gives_a_server_error(client, content, query):
    assert answer(client, f"/search/?q={query}") < 500
    assert answer(client, f"/api/v2/pages/?search={query}") < 500


@FUZZ
@given(helpful=TEXT, comment=TEXT)
def test_no_feedback_gives_a_server_error(client, content, helpful, comment):
    cancer, _ = content
    data = urlencode({"helpful": helpful, "comment": comment})
    url = f"/feedback/{cancer.pk}/"
    assert answer(client, url, data, method="post", content_type=FORM, HTTP_ORIGIN="http://testserver") < 500
