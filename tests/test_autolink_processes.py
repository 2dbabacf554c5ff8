"""Auto-linking across worker processes: a second process sees a newly published term within about a second,
by loading the snapshot the publishing process built, never by building the matcher itself.

The two workers are real ``manage.py shell`` processes with their own database connections. On SQLite the
test database (in memory) is copied to a file they share; on PostgreSQL they use the test database.
"""

import json
import os
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from glossary.models import AutolinkSnapshot
from tests.factories import ArticlePageFactory, TermPageFactory
from tests.processes import shared_database_url

READER = """
import json, sys, time
from bs4 import BeautifulSoup
from django.test import Client
from glossary.linking.matcher import Matcher

builds = []
build = Matcher.build.__func__
Matcher.build = classmethod(lambda cls, *args: builds.append(1) or build(cls, *args))
client = Client()

def links():
    soup = BeautifulSoup(client.get("{url}").content, "html.parser")
    return [a.get_text() for a in soup.select("main a.glossary-link")]

print(json.dumps({{"before": links()}}), flush=True)
sys.stdin.readline()
started = time.monotonic()
found = links()
while "chemotherapy" not in found and time.monotonic() - started < 5:
    time.sleep(0.05)
    found = links()
print(json.dumps({{"after": found, "seconds": time.monotonic() - started, "builds": len(builds)}}), flush=True)
"""

PUBLISHER = """
from glossary.models import AutolinkSnapshot, GlossaryIndexPage, TermPage

term = TermPage(title="Chemotherapy", slug="chemotherapy", definition="Medicine that kills cancer cells.")
GlossaryIndexPage.objects.get().add_child(instance=term)
term.save_revision().publish()
print(AutolinkSnapshot.objects.latest().pk)
"""


def manage_shell(database_url, script, **kwargs):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    command = [sys.executable, "manage.py", "shell", "--no-imports", "-c", script]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, text=True, **kwargs)  # noqa: S603 (our own script)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_worker_sees_a_newly_published_term_without_rebuilding(tmp_path, client, glossary, article_index):
    TermPageFactory(parent=glossary, title="Remission", live=False).save_revision().publish()
    article = ArticlePageFactory(
        parent=article_index, body=[("paragraph", "<p>Remission can follow chemotherapy.</p>")]
    )
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert [a.get_text() for a in soup.select("main a.glossary-link")] == ["Remission"]
    database_url = shared_database_url(tmp_path)
    loaded_version = AutolinkSnapshot.objects.latest().pk

    reader = manage_shell(
        database_url, READER.format(url=article.url), stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    try:
        assert json.loads(reader.stdout.readline()) == {"before": ["Remission"]}
        publisher = manage_shell(database_url, PUBLISHER, stdout=subprocess.PIPE)
        new_version, _ = publisher.communicate(timeout=120)
        assert publisher.returncode == 0
        assert int(new_version) > loaded_version

        reader.stdin.write("go\n")
        reader.stdin.flush()
        result = json.loads(reader.stdout.readline())
    finally:
        reader.kill()
        reader.wait()

    assert result["after"] == ["Remission", "chemotherapy"]
    assert result["builds"] == 0
    assert result["seconds"] < 2.5
