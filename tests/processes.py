"""The test database, shared with processes a test starts (``manage.py`` commands with their own connections).

On PostgreSQL they open the test database itself. On SQLite the test database lives in memory, so it is
copied to a file they share, and ``copy_back`` brings what they wrote back into the test's database.
"""

import sqlite3

from django.db import connection


def shared_database_url(tmp_path):
    """A URL for the test database that another process can open."""
    db = connection.settings_dict
    if connection.vendor != "sqlite":
        host = db["HOST"] or "localhost"
        return f"postgres://{db['USER']}@{host}:{db['PORT'] or 5432}/{db['NAME']}"
    path = tmp_path / "shared.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return f"sqlite:///{path}"


def copy_back(database_url):
    """Make the test's database what the other processes left in the shared one (nothing to do on PostgreSQL)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as shared:
            shared.backup(connection.connection)
