"""After PostgreSQL drops its connections (a restart, a failover), each process reconnects by itself."""

import psycopg
import pytest
from django.conf import settings
from django.db import close_old_connections, connection
from django.test import RequestFactory

from delivery.health import readyz

pytestmark = pytest.mark.skipif(not settings.DATABASE_IS_POSTGRES, reason="needs PostgreSQL (DATABASE_URL)")


def drop_connection(backend_pid):
    """End one server connection from outside, as a database restart ends all of them."""
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**{**params, "autocommit": True}) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend_pid])


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_persistent_connections_are_checked_and_renewed_after_the_database_drops_them():
    assert (connection.settings_dict["CONN_MAX_AGE"], connection.settings_dict["CONN_HEALTH_CHECKS"]) == (
        600,
        True,
    )
    request = RequestFactory().get("/readyz")
    assert readyz(request).status_code == 200
    old_pid = connection.connection.info.backend_pid

    drop_connection(old_pid)
    close_old_connections()  # what Django does when each request starts

    response = readyz(request)
    assert response.status_code == 200, response.content
    assert connection.connection.info.backend_pid != old_pid
