"""Rich text in an import file is cleaned as the admin editor cleans it: no scripts reach readers or the API."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from portability.synthetic import synthetic_document
from tests.portability.conftest import empty_the_database
from tests.portability.test_import_checks import run_import

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
BROKEN_IMAGE = '<img src="x" onerror="alert(1)">'


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


@pytest.fixture
def hostile_document():
    document = synthetic_document(2, articles=1)
    document["disclaimers"][0]["body"] = f"<p>Not advice.</p>{BROKEN_IMAGE}"
    first, second = document["terms"]
    second["what_is"] = (
        f'<p>See <a linktype="page" path="/glossary/{first["slug"]}/">the first term</a>'
        f" and <b>bold words</b>.{SCRIPT}</p>{BROKEN_IMAGE}"
    )
    second["why_it_matters"] = '<p><a href="javascript:alert(1)">Click</a> or <a href="https://nhs.uk">NHS</a></p>'
    second["extra_sections"][0]["value"]["body"] = f"<p>Rest.</p>{SCRIPT}"
    second["disclaimer"] = "Synthetic disclaimer"
    document["articles"][0]["body"][0]["value"] = f"<p>Made-up text.</p>{BROKEN_IMAGE}"
    return document


def test_scripts_and_event_handlers_never_reach_the_page_or_the_api(
    tmp_path, glossary, article_index, admin, client, hostile_document
):
    message, stderr = run_import(tmp_path, hostile_document, "--publish", "--user", "admin")
    assert message.startswith("Imported 2 terms and 1 articles")
    slug = hostile_document["terms"][1]["slug"]

    page = client.get(f"/glossary/{slug}/").content.decode()
    api = client.get(f"/api/v2/glossary/terms/{slug}/").content.decode()
    article = client.get("/articles/synthetic-article-0/").content.decode()
    for html in (page, api, article):
        assert "<script>alert" not in html and "onerror" not in html and "javascript:" not in html
    # Ordinary formatting, external links and internal page links survive.
    first_url = f"/glossary/{hostile_document['terms'][0]['slug']}/"
    assert f'<a href="{first_url}">the first term</a>' in page and "<b>bold words</b>" in page
    assert '<a href="https://nhs.uk">NHS</a>' in page and "Not advice." in page
    assert f'<a href="{first_url}">the first term</a>' in json.loads(api)["what_is"]

    for place in ("terms[1].what_is", "terms[1].why_it_matters", "terms[1].extra_sections", "articles[0].body"):
        assert f"Note: {place}: rich text cleaned as the editor would" in stderr
    assert "Note: disclaimers[0].body: rich text cleaned" in stderr
    assert "terms[0].what_is" not in stderr


def test_clean_content_round_trips_without_notes(tmp_path, content, admin):
    path = tmp_path / "before.json"
    call_command("export_content", str(path), stderr=io.StringIO())
    empty_the_database()
    stderr = io.StringIO()
    call_command("import_content", str(path), "--publish", "--user", "admin", stdout=io.StringIO(), stderr=stderr)
    assert "rich text cleaned" not in stderr.getvalue()
