"""Several staff saving at once: an editor saving drafts, a second editor's tab saving the same page, and a
reviewer publishing, each in its own worker process with its own database connection. On SQLite every save
waits its turn instead of failing with "database is locked" (WAL, a busy timeout and immediate transactions,
config/settings/base.py); PostgreSQL runs the same test.
"""

import json
import subprocess

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from glossary.models import TermPage
from tests.factories import TermPageFactory
from tests.processes import copy_back, manage_shell, shared_database_url

SAVES = 6

# Logs in, says it is ready, waits for "go", then posts the real admin edit form SAVES times.
STAFF = """
import json, sys
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from wagtail.models import Page
from tests.review_helpers import edit_page

client = Client()
client.force_login(get_user_model().objects.get(username="admin"))
page = Page.objects.get(pk={page_pk})
with connection.cursor() as cursor:
    names = ("journal_mode", "busy_timeout") if connection.vendor == "sqlite" else ()
    pragmas = {{name: cursor.execute(f"PRAGMA {{name}}").fetchone()[0] for name in names}}
print(json.dumps(pragmas), flush=True)
sys.stdin.readline()
statuses, errors = [], []
for number in range({saves}):
    try:
        response = edit_page(client, page, {action}, title="{name} " + str(number))
        statuses.append(response.status_code)
    except Exception as error:
        errors.append(repr(error))
print(json.dumps({{"statuses": statuses, "errors": errors}}), flush=True)
"""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editors_and_a_publisher_saving_at_once_all_succeed(tmp_path, glossary):
    get_user_model().objects.create_superuser("admin", "admin@example.com", "password")
    shared_page = TermPageFactory(parent=glossary, title="Shared")
    published_page = TermPageFactory(parent=glossary, title="Published")
    revisions_before = shared_page.revisions.count()
    database_url = shared_database_url(tmp_path)
    roles = [
        (shared_page, None, "Editor one"),
        (shared_page, None, "Editor two"),
        (published_page, "'action-publish'", "Reviewer"),
    ]
    workers = [
        manage_shell(
            database_url,
            STAFF.format(page_pk=page.pk, action=action, name=name, saves=SAVES),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        for page, action, name in roles
    ]
    try:
        pragmas = [json.loads(worker.stdout.readline()) for worker in workers]
        for worker in workers:  # all start together
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = [json.loads(worker.stdout.readline()) for worker in workers]
    finally:
        for worker in workers:
            worker.kill()
            worker.wait()
    copy_back(database_url)

    assert [result["errors"] for result in results] == [[], [], []]
    assert [result["statuses"] for result in results] == [[302] * SAVES] * 3
    if connection.vendor == "sqlite":
        assert pragmas == [{"journal_mode": "wal", "busy_timeout": 20000}] * 3
    assert TermPage.objects.get(pk=shared_page.pk).revisions.count() == revisions_before + 2 * SAVES
    assert TermPage.objects.get(pk=published_page.pk).title == f"Reviewer {SAVES - 1}"
