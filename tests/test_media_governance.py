"""Images and documents that live pages show change only through page review (docs/images-and-documents.md).

The permission matrix runs through the real admin views: anonymous visitors, a clinical editor (who uploaded
every item here, as in the problem found), a clinical reviewer and an administrator (a superuser), each
uploading, editing the title of, replacing the file of and deleting an item a live page shows and an unused
one, for images and documents; then what the public API and document downloads give away.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry, PageViewRestriction
from wagtail.signal_handlers import disable_reference_index_auto_update

from media_governance.forms import REPLACED_ON_LIVE_PAGES
from tests.factories import ArticlePageFactory, TermPageFactory, UserFactory
from tests.review_helpers import make_editor, make_reviewer

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()

ROLES = ["anonymous", "editor", "reviewer", "administrator"]


@pytest.fixture
def editor():
    return make_editor("edna")


@pytest.fixture
def users(editor):
    return {
        "anonymous": None,
        "editor": editor,
        "reviewer": make_reviewer("rhys"),
        "administrator": UserFactory(username="ada", is_superuser=True, is_staff=True),
    }


def new_image(owner, title):
    return Image.objects.create(title=title, file=get_test_image_file(), uploaded_by_user=owner)


def new_document(owner, title):
    return Document.objects.create(
        title=title, file=SimpleUploadedFile(f"{title}.txt", b"Plain words about scans."), uploaded_by_user=owner
    )


def image_file():
    return SimpleUploadedFile("replacement.png", get_test_image_file(filename="replacement.png").file.getvalue())


def document_file():
    return SimpleUploadedFile("replacement.txt", b"Different words.")


class Kind:
    def __init__(self, name, model, make, new_file, extra_fields):
        self.name, self.model, self.make, self.new_file, self.extra_fields = (
            name,
            model,
            make,
            new_file,
            extra_fields,
        )

    def url(self, view, item=None):
        app = "wagtailimages" if self.name == "image" else "wagtaildocs"
        return reverse(f"{app}:{view}", args=[item.pk] if item else [])

    def form(self, title, file=None):
        data = {"title": title, "tags": "", **self.extra_fields}
        if file is not None:
            data["file"] = file
        return data


IMAGE = Kind(
    "image",
    Image,
    new_image,
    image_file,
    {
        "description": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    },
)
DOCUMENT = Kind("document", Document, new_document, document_file, {})
KINDS = {"image": IMAGE, "document": DOCUMENT}


@pytest.fixture
def items(glossary, editor):
    """For each kind, an unused item and one a live term page shows, both uploaded by the editor."""
    shown_image, unused_image = new_image(editor, "Scan"), new_image(editor, "Spare scan")
    shown_document, unused_document = new_document(editor, "leaflet"), new_document(editor, "spare")
    page = TermPageFactory(
        parent=glossary,
        title="Remission",
        image=shown_image,
        image_alt_text="A doctor pointing at a scan.",
        what_is=f'<p>Read the <a linktype="document" id="{shown_document.pk}">leaflet</a>.</p>',
    )
    return {"image": (unused_image, shown_image), "document": (unused_document, shown_document), "page": page}


def log_in(client, user):
    if user is not None:
        client.force_login(user)


# What each role may do to an item, (unused, shown by a live page). Anonymous visitors are sent to log in.
ALLOWED = {
    "anonymous": {"edit": (False, False), "replace": (False, False), "delete": (False, False)},
    # The uploader keeps Wagtail's ownership rights, except over the file and existence of a live item.
    "editor": {"edit": (True, True), "replace": (True, False), "delete": (True, False)},
    # Reviewers may upload and choose items, not change other people's.
    "reviewer": {"edit": (False, False), "replace": (False, False), "delete": (False, False)},
    "administrator": {"edit": (True, True), "replace": (True, True), "delete": (True, True)},
}


@pytest.mark.parametrize("kind_name", KINDS)
@pytest.mark.parametrize("role", ROLES)
def test_upload(client, users, kind_name, role, home):
    kind = KINDS[kind_name]
    log_in(client, users[role])
    client.post(kind.url("add"), kind.form("New upload", kind.new_file()))
    assert kind.model.objects.filter(title="New upload").exists() == (role != "anonymous")


@pytest.mark.parametrize("shown", [False, True], ids=["unused", "shown-by-a-live-page"])
@pytest.mark.parametrize("kind_name", KINDS)
@pytest.mark.parametrize("role", ROLES)
def test_edit_replace_and_delete(client, users, items, kind_name, role, shown):
    kind = KINDS[kind_name]
    item = items[kind_name][shown]
    allowed = {action: both[shown] for action, both in ALLOWED[role].items()}
    original_file = item.file.name
    log_in(client, users[role])

    client.post(kind.url("edit", item), kind.form("Renamed"))
    item.refresh_from_db()
    assert (item.title == "Renamed") == allowed["edit"]

    response = client.post(kind.url("edit", item), kind.form(item.title, kind.new_file()))
    item.refresh_from_db()
    assert (item.file.name != original_file) == allowed["replace"]
    if allowed["edit"] and not allowed["replace"]:
        # The editor is told why, and what to do instead, and nothing is saved.
        page = response.content.decode()
        assert response.status_code == 200
        assert f"This {kind.name} is on a live page that readers can see: “Remission”." in page
        assert f"upload a new {kind.name} and choose it on each page instead" in page

    client.post(kind.url("delete", item))
    assert kind.model.objects.filter(pk=item.pk).exists() != allowed["delete"]


@pytest.mark.parametrize("kind_name", KINDS)
def test_the_edit_view_offers_no_delete_and_a_locked_file_for_a_live_item(client, editor, items, kind_name):
    kind = KINDS[kind_name]
    unused, shown = items[kind_name]
    client.force_login(editor)

    locked = client.get(kind.url("edit", shown)).content.decode()
    assert kind.url("delete", shown) not in locked
    assert 'name="file"' in locked and "disabled" in locked.split('name="file"')[1].split(">")[0]
    free = client.get(kind.url("edit", unused)).content.decode()
    assert kind.url("delete", unused) in free
    assert "readers can see" not in free


def test_an_administrator_replacing_a_live_file_is_recorded_with_the_pages(client, users, items):
    image = items["image"][1]
    client.force_login(users["administrator"])

    client.post(IMAGE.url("edit", image), IMAGE.form("Scan", image_file()))

    entry = ModelLogEntry.objects.get(action=REPLACED_ON_LIVE_PAGES)
    assert entry.object_id == str(image.pk)
    assert entry.user == users["administrator"]
    assert [page["title"] for page in entry.data["pages"]] == ["Remission"]
    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "File replaced while live pages showed it, without clinical review: “Remission”." in history


def test_editor_cannot_delete_a_live_image_through_bulk_actions(client, editor, items):
    unused, shown = items["image"]
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailimages", "image", "delete"])

    client.post(f"{url}?id={shown.pk}&id={unused.pk}")

    assert list(Image.objects.filter(pk__in=[shown.pk, unused.pk])) == [shown]


def test_an_image_in_an_articles_body_is_locked_and_a_draft_dropping_it_does_not_free_it(
    client, editor, article_index
):
    figure = new_image(editor, "Diagram")
    article = ArticlePageFactory(
        parent=article_index,
        title="Living with cancer",
        body=[
            {
                "type": "image",
                "value": {
                    "image": {"image": figure.pk, "alt_text": "A diagram.", "decorative": False},
                    "caption": "",
                },
            }
        ],
    )
    article.body = [("paragraph", "<p>No diagram now.</p>")]
    article.save_revision(user=editor)
    client.force_login(editor)

    client.post(IMAGE.url("delete", figure))

    assert Image.objects.filter(pk=figure.pk).exists()
    assert "Living with cancer" in client.get(IMAGE.url("edit", figure)).content.decode()


def test_an_unpublished_page_frees_its_image(client, editor, items):
    image = items["image"][1]
    items["page"].unpublish()
    client.force_login(editor)

    client.post(IMAGE.url("delete", image))

    assert not Image.objects.filter(pk=image.pk).exists()


def test_publishing_locks_an_image_before_the_background_index_update_runs(client, editor, glossary):
    image = new_image(editor, "Scan")
    page = TermPageFactory(parent=glossary, title="Biopsy", live=False)
    page.image, page.image_alt_text = image, "A needle."
    with disable_reference_index_auto_update():
        page.save_revision(user=editor).publish()
    client.force_login(editor)

    client.post(IMAGE.url("delete", image))

    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_images_api_lists_only_images_live_pages_show(client, users, items, role):
    unused, shown = items["image"]
    log_in(client, users[role])

    listing = client.get("/api/v2/images/").json()

    assert [item["id"] for item in listing["items"]] == [shown.pk]
    assert [item["id"] for item in client.get("/api/v2/images/?search=scan").json()["items"]] == [shown.pk]
    assert client.get(f"/api/v2/images/{shown.pk}/").status_code == 200
    assert client.get(f"/api/v2/images/{unused.pk}/").status_code == 404


def test_images_api_leaves_out_images_only_a_restricted_page_shows(client, editor, glossary, items, committed):
    shown = items["image"][1]
    with committed():
        PageViewRestriction.objects.create(page=glossary, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/api/v2/images/").json()["items"] == []
    # Readers who log in still see the image, so it stays locked.
    client.force_login(editor)
    client.post(IMAGE.url("delete", shown))
    assert Image.objects.filter(pk=shown.pk).exists()


def test_there_is_no_documents_api(client, items):
    assert client.get("/api/v2/documents/").status_code == 404


# Who may download a document a live page links to, and an unused one.
DOWNLOADS = {
    "anonymous": (False, True),
    "editor": (True, True),
    "reviewer": (True, True),
    "administrator": (True, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_document_downloads(client, users, items, role):
    log_in(client, users[role])
    for shown, document in enumerate(items["document"]):
        response = client.get(document.url)
        assert (response.status_code == 200) == DOWNLOADS[role][shown], document.title
