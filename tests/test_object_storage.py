"""Uploaded images, their renditions and documents go to S3-compatible object storage when a bucket is set,
and nothing lands on the app server's own disk: tested against moto's S3 emulator in server mode."""

import io
import socket
import urllib.error
import urllib.request

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from config.settings.base import media_storage

BUCKET = "healthwords-media"
KEYS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3_endpoint(monkeypatch, settings):
    """moto's S3 emulator on a free port, with an empty bucket."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError as error:  # pragma: no cover - moto[server] is in requirements-dev.txt
        pytest.skip(f"moto[server] cannot start: {error}")
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    endpoint = f"http://127.0.0.1:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="eu-west-2")
    s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
    s3.put_bucket_policy(
        Bucket=BUCKET,
        Policy=(settings.BASE_DIR / "deploy" / "bucket-policy.json").read_text().replace("BUCKET", BUCKET),
    )
    yield endpoint
    server.stop()


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (the emulator, over http)
        return response.read()


def test_without_a_bucket_uploads_stay_on_the_local_disk():
    assert media_storage({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_uploads_renditions_and_documents_live_in_the_bucket_not_on_disk(
    s3_endpoint, settings, tmp_path, admin_client
):
    settings.MEDIA_ROOT = tmp_path / "media"
    environ = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_S3_REGION_NAME": "eu-west-2",
    }
    settings.STORAGES = {**settings.STORAGES, "default": media_storage(environ)}
    root = Collection.get_first_root_node().pk

    for _ in range(2):  # two uploads with the same file name keep both files
        response = admin_client.post(
            reverse("wagtailimages:add"),
            {"title": "Chest X-ray", "file": SimpleUploadedFile("xray.png", png(640, 480)), "collection": root},
        )
    assert response.status_code == 302
    first, second = get_image_model().objects.order_by("pk")
    assert first.file.name != second.file.name

    rendition = second.get_rendition("fill-120x90")
    assert rendition.url.startswith(f"{s3_endpoint}/{BUCKET}/images/")
    assert "Signature" not in rendition.url  # the same address every time a page shows it
    assert PILImage.open(io.BytesIO(fetch(rendition.url))).size == (120, 90)
    assert PILImage.open(io.BytesIO(fetch(second.file.url))).size == (640, 480)

    leaflet = b"%PDF-1.4 What remission means\n"
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Remission leaflet", "file": SimpleUploadedFile("leaflet.pdf", leaflet), "collection": root},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    served = admin_client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == leaflet  # through Wagtail's view, which checks privacy
    with pytest.raises(urllib.error.HTTPError, match="403"):
        fetch(document.file.url)  # never straight from the bucket

    stored = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-west-2").list_objects_v2(Bucket=BUCKET)
    keys = sorted(item["Key"] for item in stored["Contents"])
    assert keys == sorted([first.file.name, second.file.name, rendition.file.name, document.file.name])
    assert [key.split("/")[0] for key in keys] == ["documents", "images", "original_images", "original_images"]
    assert not (tmp_path / "media").exists()
