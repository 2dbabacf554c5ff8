"""A Redis outage is a cache miss: readers keep getting pages, and each failure is logged."""

import logging

import pytest
import redis
from django.test import override_settings

from tests.delivery.redis_server import RedisServer, redis_caches
from tests.factories import ArticlePageFactory, TermPageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not RedisServer.available(), reason="redis-server is not installed"),
]


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    with override_settings(CACHES=redis_caches(server.port)):
        yield server
    server.stop()


@pytest.fixture
def public_urls(glossary, article_index):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    article = ArticlePageFactory(parent=article_index, title="Living with cancer")
    return [
        "/",
        term.url,
        glossary.url + "?letter=r",
        article.url,
        "/search/?q=remission",
        "/api/v2/glossary/terms/remission/",
        "/api/v2/pages/?type=glossary.TermPage",
        "/sitemap.xml",
    ]


def test_pages_are_served_while_redis_is_down_and_each_failure_is_logged(
    client, redis_server, public_urls, caplog
):
    assert [client.get(url).status_code for url in public_urls] == [200] * len(public_urls)
    assert redis.Redis(port=redis_server.port).dbsize() > 0, "the pages did use the shared cache"

    redis_server.stop()
    with caplog.at_level(logging.ERROR, logger="healthwords.cache"):
        statuses = [client.get(url).status_code for url in public_urls]

    assert statuses == [200] * len(public_urls)
    failures = [record for record in caplog.records if record.name == "healthwords.cache"]
    assert failures and all(record.exc_info for record in failures)


def test_feedback_is_taken_while_redis_is_down(client, redis_server, public_urls, glossary):
    from feedback.models import PageFeedback
    from glossary.models import TermPage

    term = TermPage.objects.get(slug="remission")
    redis_server.stop()
    response = client.post(f"/feedback/{term.pk}/", {"helpful": "yes"}, headers={"Origin": "http://testserver"})
    assert response.status_code == 302
    assert PageFeedback.objects.filter(page=term).count() == 1
