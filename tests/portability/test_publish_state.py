"""``--publish`` publishes only what was live where the file was exported; everything else stays a draft."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page

from articles.models import ArticlePage
from glossary.models import TermPage
from health_content.models import MedicalDisclaimer
from portability.synthetic import synthetic_document
from tests.portability.conftest import empty_the_database
from tests.portability.test_import_checks import run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")


def export(tmp_path, name="out.json"):
    path = tmp_path / name
    call_command("export_content", str(path), stderr=io.StringIO())
    return json.loads(path.read_text())


def import_file(tmp_path, name, *args):
    call_command("import_content", str(tmp_path / name), *args, stdout=io.StringIO(), stderr=io.StringIO())


def test_export_says_whether_each_page_and_disclaimer_was_live(tmp_path, content):
    MedicalDisclaimer.objects.create(title="Unreviewed wording", body="<p>Draft.</p>", live=False)
    document = export(tmp_path)
    assert {term["slug"]: term["live"] for term in document["terms"]} == {
        "remission": True,
        "relapse": True,
        "biopsy": False,
    }
    assert [article["live"] for article in document["articles"]] == [True]
    assert {item["title"]: item["live"] for item in document["disclaimers"]} == {
        "Cancer terms": True,
        "Medical disclaimer": True,
        "Unreviewed wording": False,
    }


def test_publish_leaves_a_never_published_draft_unpublished(tmp_path, content, admin, client):
    before = export(tmp_path, "before.json")
    empty_the_database()
    import_file(tmp_path, "before.json", "--publish", "--user", "admin")

    biopsy = TermPage.objects.get(slug="biopsy")
    assert not biopsy.live and biopsy.live_revision is None
    assert biopsy.latest_revision.as_object().definition == "Taking a small sample of tissue to look at."
    assert client.get("/glossary/biopsy/").status_code == 404
    assert client.get("/glossary/remission/").status_code == 200
    assert client.get("/api/v2/glossary/terms/biopsy/").status_code == 404
    assert client.get("/api/v2/glossary/terms/remission/").status_code == 200
    assert export(tmp_path, "after.json") == before


def test_a_file_without_live_flags_is_imported_as_drafts_even_with_publish(
    tmp_path, glossary, article_index, admin
):
    document = synthetic_document(2, articles=1)
    for key in ("disclaimers", "terms", "articles"):
        for item in document[key]:
            del item["live"]
    run_import(tmp_path, document, "--publish", "--user", "admin")
    assert TermPage.objects.count() == 2
    assert not TermPage.objects.live().exists() and not ArticlePage.objects.live().exists()
    assert not MedicalDisclaimer.objects.get().live


def test_live_must_be_true_or_false(tmp_path, glossary):
    document = synthetic_document(1)
    document["terms"][0]["live"] = "yes"
    document["disclaimers"][0]["live"] = 1
    _, stderr = run_import(tmp_path, document)
    assert "terms[0].live: must be true or false, got str" in stderr
    assert "disclaimers[0].live: must be true or false, got int" in stderr
    assert not TermPage.objects.exists() and not MedicalDisclaimer.objects.exists()


def test_imported_disclaimers_are_draft_revisions_without_publish(tmp_path, glossary, client):
    document = synthetic_document(1)
    document["terms"][0]["live"] = False
    run_import(tmp_path, document)

    disclaimer = MedicalDisclaimer.objects.get()
    assert not disclaimer.live and disclaimer.live_revision is None
    assert disclaimer.latest_revision.as_object().body == document["disclaimers"][0]["body"]


def test_publish_publishes_only_disclaimers_that_were_live(tmp_path, glossary, admin):
    document = synthetic_document(1)
    document["disclaimers"].append({"title": "Unreviewed wording", "live": False, "body": "<p>Draft.</p>"})
    run_import(tmp_path, document, "--publish", "--user", "admin")

    published = MedicalDisclaimer.objects.get(title="Synthetic disclaimer")
    assert published.live and published.live_revision == published.latest_revision
    draft = MedicalDisclaimer.objects.get(title="Unreviewed wording")
    assert not draft.live and draft.latest_revision is not None and draft.live_revision is None


def test_publish_needs_permission_to_publish_disclaimers(tmp_path, glossary):
    """Someone who may publish pages but not disclaimers cannot use --publish."""
    group = Group.objects.create(name="Page publishers")
    for permission in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group, page=Page.get_first_root_node(), permission=Permission.objects.get(codename=permission)
        )
    user = get_user_model().objects.create_user("publisher", password="pw")
    user.groups.add(group)

    message, _ = run_import(tmp_path, synthetic_document(1), "--publish", "--user", "publisher")
    assert message == "publisher may not publish medical disclaimers; ask an administrator."
    assert not TermPage.objects.exists() and not MedicalDisclaimer.objects.exists()

    group.permissions.add(Permission.objects.get(codename="publish_medicaldisclaimer"))
    user = get_user_model().objects.get(pk=user.pk)  # Permissions are cached on the user object.
    message, _ = run_import(tmp_path, synthetic_document(1), "--publish", "--user", "publisher")
    assert message.startswith("Imported 1 terms")
    assert TermPage.objects.live().count() == 1 and MedicalDisclaimer.objects.get().live
