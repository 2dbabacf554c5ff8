"""Helpers for tests that run real worker processes against the test database, as gunicorn's workers would.

On SQLite the test database (in memory) is copied to a file the processes share, and ``copy_back`` brings
what they wrote back into the test's database; on PostgreSQL they use the test database itself. Each process
is a ``manage.py`` command (often ``shell``) with its own database connection and its own per-process cache.
"""

import json
import os
import sqlite3
import subprocess
import sys

from django.conf import settings
from django.db import connection

# Runs in a worker: answers each JSON line on stdin ({"do": name, ...arguments}) with one JSON line.
COMMAND_LOOP = """
import json, sys
for line in sys.stdin:
    command = json.loads(line)
    print(json.dumps(globals()[command.pop("do")](**command)), flush=True)
"""


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


def manage_env(database_url, env=None):
    """The environment of a ``manage.py`` process on the shared test database, with ``env`` added."""
    return {
        **os.environ,
        **(env or {}),
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
    }


def manage_shell(database_url, script, env=None, **kwargs):
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", script]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=manage_env(database_url, env), text=True, **kwargs)  # noqa: S603 (our own script)


class Worker:
    """A worker process running ``script`` (which defines functions), then called one function at a time."""

    def __init__(self, database_url, script, env=None):
        self.process = manage_shell(
            database_url, script + COMMAND_LOOP, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def call(self, name, **arguments):
        self.process.stdin.write(json.dumps({"do": name, **arguments}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"the worker ended (exit status {self.process.wait()}); its errors are above")
        return json.loads(answer)

    def stop(self):
        self.process.kill()
        self.process.wait()
