"""A server error leaves one JSON line on stderr with its traceback and request id, and mails the admins."""

import io
import json
import logging.config

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_stderr():
    """What the project's LOGGING, as production runs it, writes to stderr; pytest's own capture handlers
    are put back afterwards."""
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    logging.config.dictConfig(settings.LOGGING)
    stream = io.StringIO()
    for handler in logging.getLogger("django.request").handlers:
        if handler.name == "stderr":
            handler.setStream(stream)
    yield stream
    logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
    root.handlers[:], root.level = saved


@override_settings(ROOT_URLCONF="tests.delivery.failing_urls", ADMINS=[("Ops", "ops@health.example")])
def test_a_server_error_is_one_json_line_with_request_id_and_traceback(site_stderr):
    response = Client(raise_request_exception=False).get("/broken/")

    assert response.status_code == 500
    events = [json.loads(line) for line in site_stderr.getvalue().splitlines()]
    error = next(event for event in events if event["logger"] == "django.request")
    assert error["level"] == "ERROR"
    assert error["request_id"] == response["X-Request-ID"]
    assert "RuntimeError: Something broke while serving this page" in error["exc_info"]
    assert [message.to for message in mail.outbox] == [["ops@health.example"]]
    assert "Something broke" in mail.outbox[0].body


def test_every_response_names_its_request_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


@override_settings(LOG_REQUEST_ID_HEADER="HTTP_X_REQUEST_ID")
def test_a_trusted_proxys_request_id_is_kept(client):
    response = client.get("/healthz", headers={"X-Request-ID": "varnish-1234"})
    assert response["X-Request-ID"] == "varnish-1234"
