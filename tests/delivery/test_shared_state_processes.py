"""What every worker keeps in memory follows a change made in another worker within about a second.

Two real worker processes (tests/processes.py) share the test database: the editor's process makes each
change, the reader's process, which has already served the old state, must serve the new one. Run with each
process's own in-memory cache (the default) and with Redis when ``redis-server`` is installed.
"""

import pytest

from tests.delivery.redis_server import RedisServer
from tests.factories import ArticlePageFactory, TermPageFactory
from tests.processes import Worker, shared_database_url

CLIENT = "203.0.113.7"

# Both workers use Redis when the test gives them a port.
SETUP = """
import os
from django.test import Client, override_settings
if os.environ.get("TEST_REDIS_PORT"):
    from tests.delivery.redis_server import redis_caches
    override_settings(CACHES=redis_caches(int(os.environ["TEST_REDIS_PORT"]))).enable()
reader = Client(REMOTE_ADDR="{client}", headers={{"Origin": "http://testserver"}})

def answer(page_id):
    return reader.post(f"/feedback/{{page_id}}/", {{"helpful": "no"}}).status_code
"""

READER = """
import time
from bs4 import BeautifulSoup

def texts(url, selector):
    soup = BeautifulSoup(reader.get(url).content, "html.parser")
    return [tag.get_text(" ", strip=True) for tag in soup.select(selector)]

def observe(article_url, term_url):
    return {
        "a_to_z": texts("/glossary/?letter=t", ".term-list dt"),
        "api": [term["term"] for term in reader.get("/api/v2/glossary/terms/?letter=t").json()["items"]],
        "auto_links": texts(article_url, "main a.glossary-link"),
        "disclaimer": texts(term_url, "section.disclaimer h2"),
        "menu": texts("/", "nav.site-nav a"),
        "address": reader.get("/api/v2/glossary/terms/tamoxifen/").json()["url"],
    }

def wait_for(expected, since, timeout=5, **urls):
    while True:
        started = time.time()
        seen = observe(**urls)
        if seen == expected or started - since > timeout:
            return {"seen": seen, "seconds": started - since}
"""

EDITOR = """
import time
from wagtail.models import PageViewRestriction, Site
from glossary.models import GlossaryIndexPage, TermPage
from health_content.models import PublishingSettings
from home.models import HomePage
from tests.factories import ArticleIndexPageFactory, MedicalDisclaimerFactory, TermPageFactory

def change():
    PageViewRestriction.objects.create(
        page=TermPage.objects.get(title="Trial protocol"), restriction_type=PageViewRestriction.LOGIN
    )
    TermPageFactory(parent=GlossaryIndexPage.objects.get(), title="Tumour", live=False).save_revision().publish()
    settings = PublishingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_disclaimer = MedicalDisclaimerFactory(title="Talk to your nurse")
    settings.save()
    home = HomePage.objects.get()
    section = ArticleIndexPageFactory(parent=home, title="Living well", slug="living-well", live=False)
    section.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "health.example", 443
    site.save()
    return time.time()
"""


BEFORE = {
    "a_to_z": ["Tamoxifen", "Trial protocol"],
    "api": ["Tamoxifen", "Trial protocol"],
    "auto_links": ["Tamoxifen"],
    "disclaimer": ["Medical disclaimer"],
    "menu": ["Glossary A to Z", "Articles"],
    "address": "http://localhost/glossary/tamoxifen/",
}
# A login restriction on "Trial protocol", a new term, a new default disclaimer, a new menu section and
# the site's new public address.
AFTER = {
    "a_to_z": ["Tamoxifen", "Tumour"],
    "api": ["Tamoxifen", "Tumour"],
    "auto_links": ["Tamoxifen", "tumour"],
    "disclaimer": ["Talk to your nurse"],
    "menu": ["Glossary A to Z", "Articles", "Living well"],
    "address": "https://health.example/glossary/tamoxifen/",
}


@pytest.fixture(params=["per-process cache", "Redis"])
def worker_env(request):
    if request.param == "per-process cache":
        yield {}
        return
    if not RedisServer.available():
        pytest.skip("redis-server is not installed")
    server = RedisServer().start()
    yield {"TEST_REDIS_PORT": str(server.port)}
    server.stop()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_in_one_worker_is_served_by_another_within_a_second(
    tmp_path, worker_env, glossary, article_index, default_disclaimer
):
    TermPageFactory(parent=glossary, title="Trial protocol")
    term = TermPageFactory(parent=glossary, title="Tamoxifen", live=False)
    term.save_revision().publish()  # builds the auto-link snapshot both workers start from
    article = ArticlePageFactory(parent=article_index, body=[("paragraph", "<p>Tamoxifen after a tumour.</p>")])
    other_article = ArticlePageFactory(parent=article_index)
    database_url = shared_database_url(tmp_path)
    urls = {"article_url": article.url, "term_url": term.url}

    setup = SETUP.format(client=CLIENT)
    reader, editor = (
        Worker(database_url, setup + READER, worker_env),
        Worker(database_url, setup + EDITOR, worker_env),
    )
    try:
        before = reader.call("observe", **urls)  # the reader's process now keeps all of this in memory
        assert reader.call("answer", page_id=other_article.pk) == 302
        assert editor.call("answer", page_id=article.pk) == 302
        second_answer = reader.call("answer", page_id=article.pk)
        changed_at = editor.call("change")
        after = reader.call("wait_for", expected=AFTER, since=changed_at, **urls)
    finally:
        reader.stop()
        editor.stop()

    assert before == BEFORE
    assert second_answer == 429, "the same reader's second answer to the page, through the other worker"
    assert after["seen"] == AFTER
    # Within CHECK_SECONDS (1 s) of the change, plus one round of requests on a busy machine.
    assert after["seconds"] < 2
