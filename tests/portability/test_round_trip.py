"""export_content -> a fresh database -> import_content -> export_content gives the same document."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from glossary.models import TermPage
from review.models import SignOff
from tests.portability.conftest import empty_the_database

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


def export(tmp_path, name):
    path = tmp_path / name
    call_command("export_content", str(path), stderr=io.StringIO())
    return json.loads(path.read_text())


def test_export_describes_content_by_slug_and_path(tmp_path, content):
    document = export(tmp_path, "out.json")
    assert document["format"] == "healthwords-content" and document["version"] == 1
    assert document["settings"] == {"default_disclaimer": "Medical disclaimer"}
    assert [item["title"] for item in document["disclaimers"]] == ["Cancer terms", "Medical disclaimer"]
    terms = {term["slug"]: term for term in document["terms"]}
    remission = terms["remission"]
    assert (
        remission["what_is"]
        == '<p>Read <a linktype="page" path="/articles/living-with-cancer/">living with cancer</a>.</p>'
    )
    assert remission["also_called"] == ["Complete response"]
    assert remission["related_articles"] == ["living-with-cancer"]
    assert remission["tags"] == ["Cancer", "Treatment"]
    assert remission["disclaimer"] == "Cancer terms"
    assert remission["references"][0]["doi"] == "10.1000/xyz123"
    assert (remission["last_reviewed"], remission["reviewed_by"]) == ("2026-03-01", "Dr Asha Patel, MRCP")
    assert terms["relapse"]["related_terms"] == ["remission"]
    # A page that was never published is exported as its latest draft.
    assert terms["biopsy"]["definition"] == "Taking a small sample of tissue to look at."
    article = document["articles"][0]
    assert article["image"] == "Scan" and article["image_alt_text"] == "A nurse explaining a scan."
    assert article["body"][2]["value"]["image"] == {"image": "Scan", "alt_text": "The scan", "decorative": False}
    section = remission["extra_sections"][0]["value"]
    assert section["body"] == '<p><a linktype="page" path="/articles/living-with-cancer/">More</a></p>'
    earlier, latest = document["sign_offs"]
    assert earlier == {
        "page": "remission",
        "type": "term",
        "locale": "en-gb",
        "page_title": "Remission",
        "signed_off_exported_version": False,
        "reviewer": "patel",
        "reviewer_name": "Dr Asha Patel",
        "reviewer_credentials": "MRCP",
        "signed_off_at": earlier["signed_off_at"],
        "clinically_accurate": True,
        "sources_checked": True,
        "plain_language": True,
        "comment": "Checked against the 2024 guidance.",
        "last_reviewed": "2025-03-01",
        "next_review_due": "2026-03-01",
    }
    assert earlier["signed_off_at"] < latest["signed_off_at"]
    assert datetime.datetime.fromisoformat(latest["signed_off_at"]).utcoffset() == datetime.timedelta(0)
    # The live (exported) version of the page is the one the latest sign-off approved.
    assert latest["signed_off_exported_version"] is True
    assert (latest["last_reviewed"], latest["next_review_due"]) == ("2026-03-01", "2027-03-01")


def test_round_trip_into_an_empty_database_loses_nothing(tmp_path, content, admin):
    before = export(tmp_path, "before.json")
    old_ids = set(TermPage.objects.values_list("pk", flat=True))
    empty_the_database()
    assert not TermPage.objects.exists()

    call_command(
        "import_content",
        str(tmp_path / "before.json"),
        "--publish",
        "--user",
        "admin",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    remission = TermPage.objects.get(slug="remission")
    assert remission.live and remission.pk not in old_ids
    # The latest sign-off links to the revision the import made; the earlier one's revision was not exported.
    latest, earlier = SignOff.objects.all()
    assert (latest.page_id, latest.revision, latest.reviewer) == (
        remission.pk,
        remission.live_revision,
        content["reviewer"],
    )
    assert (earlier.page_id, earlier.revision, earlier.reviewer_signature) == (
        remission.pk,
        None,
        "Dr Asha Patel, MRCP",
    )
    assert latest.content_object == earlier.content_object == remission  # the sign-off history report's link
    after = export(tmp_path, "after.json")
    assert after == before
    assert (tmp_path / "after.json").read_text() == (tmp_path / "before.json").read_text()


def test_round_trip_of_drafts_keeps_the_public_site_empty(tmp_path, content, client):
    before = export(tmp_path, "before.json")
    empty_the_database()
    call_command(
        "import_content",
        str(tmp_path / "before.json"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    assert not TermPage.objects.live().exists()
    assert all(page.has_unpublished_changes and page.latest_revision_id for page in TermPage.objects.all())
    assert client.get("/api/v2/glossary/terms/").json()["meta"]["total_count"] == 0
    # The same content, now all unpublished drafts.
    for key in ("disclaimers", "terms", "articles"):
        for item in before[key]:
            item["live"] = False
    assert export(tmp_path, "after.json") == before


def test_imported_pages_are_ordinary_wagtail_pages(tmp_path, content, admin, client):
    """The bulk import leaves a valid tree, rendered pages, search entries, references and an audit log."""
    from wagtail.models import Page, PageLogEntry, ReferenceIndex

    export(tmp_path, "before.json")
    empty_the_database()
    call_command(
        "import_content",
        str(tmp_path / "before.json"),
        "--publish",
        "--user",
        "admin",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )

    assert Page.find_problems() == ([], [], [], [], [])
    remission = TermPage.objects.get(slug="remission")
    article = remission.related_article_links.get().article
    response = client.get("/glossary/remission/")
    assert response.status_code == 200
    assert 'href="/articles/living-with-cancer/"' in response.content.decode()
    assert [page.pk for page in TermPage.objects.live().search("remission")] == [remission.pk]
    assert ReferenceIndex.get_references_to(article).filter(object_id=str(remission.pk)).exists()
    assert PageLogEntry.objects.filter(page=remission, action="wagtail.publish", user=admin).exists()
    assert remission.live_revision == remission.latest_revision
    assert remission.live_revision.as_object().what_is == remission.what_is

    client.force_login(admin)
    assert client.get(f"/admin/pages/{remission.pk}/edit/").status_code == 200
    glossary = remission.get_parent()
    assert client.get(f"/admin/pages/{glossary.pk}/").status_code == 200


def test_an_imported_draft_can_be_published_later(tmp_path, content, admin):
    export(tmp_path, "before.json")
    empty_the_database()
    call_command("import_content", str(tmp_path / "before.json"), stdout=io.StringIO(), stderr=io.StringIO())

    relapse = TermPage.objects.get(slug="relapse")
    relapse.latest_revision.publish(user=admin)
    relapse.refresh_from_db()
    assert relapse.live and relapse.related_term_links.get().term.slug == "remission"


def test_a_link_to_a_deleted_page_is_exported_as_plain_text(tmp_path, content):
    remission = content["remission"]
    remission.why_it_matters = '<p>See <a linktype="page" id="99999">an old page</a>.</p>'
    remission.save_revision().publish()
    terms = {term["slug"]: term for term in export(tmp_path, "out.json")["terms"]}
    assert terms["remission"]["why_it_matters"] == "<p>See <a>an old page</a>.</p>"


def test_export_to_standard_output(content):
    out = io.StringIO()
    call_command("export_content", "-", stdout=out, stderr=io.StringIO())
    assert json.loads(out.getvalue())["format"] == "healthwords-content"
