"""Load balancers ask /healthz (alive) and /readyz (can serve: the database answers; the cache is reported)."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from tests.delivery.redis_server import UNREACHABLE_REDIS_CACHES

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "alive"})
    assert "no-cache" in response["Cache-Control"]


def test_readyz_checks_the_database_and_the_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_503_when_the_database_does_not_answer(client):
    with mock.patch("delivery.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unavailable", "cache": "ok"}}


def test_readyz_reports_an_unreachable_cache_but_stays_ready(client):
    with override_settings(CACHES=UNREACHABLE_REDIS_CACHES):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}
