"""Playwright in Debian's Chromium against pytest-django's live server; skipped when Chromium is missing."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_MISSING = not os.path.exists(CHROMIUM)
SKIP_REASON = f"Chromium not found at {CHROMIUM}; install Debian's chromium package to run browser tests"

# Playwright's sync API runs an event loop in this thread; the Django ORM calls the tests make are
# still synchronous, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            if CHROMIUM_MISSING:
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def keep_serialized_contents_for_new_connections():
    """Let serialized_rollback work on the connection objects Django creates once Playwright is running.

    Playwright's sync API runs an asyncio loop in this thread, and from then on Django's per-context
    connection store hands out new connection objects. Django restores the migration data for
    ``serialized_rollback`` tests from ``_test_serialized_contents`` on the connection, which only the
    original object has; on the class, every connection of that backend sees it.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from playwright.sync_api import sync_playwright

    keep_serialized_contents_for_new_connections()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (one per user); all are closed after the test."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(**context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
