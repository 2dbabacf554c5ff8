"""Review dates readers can trust: once a page's next review date has passed, readers are told plainly that
it is due for review, even when nobody has published it since and it was cached the day before."""

import datetime
import types

import pytest
from bs4 import BeautifulSoup
from django.core.cache.backends import base as cache_base
from django.core.cache.backends import locmem
from django.utils import timezone
from django.utils.cache import get_max_age

from delivery import shared_state
from health_content.review_dates import overdue_from
from tests.factories import TermPageFactory

DAY = datetime.timedelta(days=1)
NOTICE = "This page is due for review."


@pytest.fixture
def reviewed_term(glossary):
    def make(next_review_due, title="Remission"):
        return TermPageFactory(
            parent=glossary,
            title=title,
            last_reviewed=datetime.date(2025, 3, 3),
            next_review_due=next_review_due,
            reviewed_by="Dr Rahman, MBBS",
        )

    return make


def footer_text(client, page):
    footer = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".review-dates")
    return " ".join(footer.get_text(" ").split())


def test_a_page_past_its_review_date_says_it_is_due_for_review(client, reviewed_term):
    text = footer_text(client, reviewed_term(timezone.localdate() - DAY))
    assert text == (
        "This page is due for review. It was last reviewed on 3 March 2025 by Dr Rahman, MBBS. "
        "Some of it may have changed since then, so check anything important with your care team."
    )
    assert "Next review due" not in text


def test_a_page_due_today_is_not_overdue_yet(client, reviewed_term):
    today = timezone.localdate()
    text = footer_text(client, reviewed_term(today))
    assert NOTICE not in text
    assert f"Next review due: {today:%-d %B %Y}" in text


def test_no_cache_keeps_the_page_past_its_review_date(client, reviewed_term, settings):
    settings.CACHE_SHARED_MAX_AGE = 7 * 24 * 60 * 60  # longer than the time left today
    today = timezone.localdate()
    response = client.get(reviewed_term(today).url)
    left = (overdue_from(today) - timezone.now()).total_seconds()
    cache_control = response["Cache-Control"]
    s_maxage = int(cache_control.split("s-maxage=")[1].split(",")[0])
    assert 0 <= s_maxage <= left
    assert get_max_age(response) <= left

    later = client.get(
        reviewed_term(today + 400 * DAY, title="Relapse").url
    )  # not due for long: the usual lifetimes
    assert f"s-maxage={settings.CACHE_SHARED_MAX_AGE}" in later["Cache-Control"]


class Clock:
    """Moves Django's clock and the cache's clock forward together."""

    def __init__(self, monkeypatch):
        self.ahead = datetime.timedelta()
        real_now, real_time = timezone.now, locmem.time.time
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.ahead)
        fake_time = types.SimpleNamespace(time=lambda: real_time() + self.ahead.total_seconds())
        monkeypatch.setattr(locmem, "time", fake_time)
        monkeypatch.setattr(cache_base, "time", fake_time)

    def move_to(self, moment):
        self.ahead = moment - timezone.now() + self.ahead


def test_the_stored_page_shows_the_notice_once_the_date_passes_without_republishing(
    client, reviewed_term, settings, monkeypatch, django_assert_max_num_queries
):
    settings.PAGE_CACHE_SECONDS = 7 * 24 * 60 * 60
    clock = Clock(monkeypatch)
    today = timezone.localdate()
    term = reviewed_term(today)
    client.get(term.url)  # the first page view creates the site's publishing settings (a change)
    shared_state.versions.recheck()
    assert NOTICE not in footer_text(client, term)
    with django_assert_max_num_queries(1):  # from the page cache (at most the shared version numbers)
        assert NOTICE not in footer_text(client, term)

    clock.move_to(overdue_from(today) + datetime.timedelta(minutes=1))

    assert NOTICE in footer_text(client, term)
