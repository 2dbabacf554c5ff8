"""Shared fixtures: the page tree every test starts from."""

import pytest

from tests.factories import ArticleIndexPageFactory, GlossaryIndexPageFactory, MedicalDisclaimerFactory, home_page


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def glossary(home):
    return GlossaryIndexPageFactory(parent=home)


@pytest.fixture
def article_index(home):
    return ArticleIndexPageFactory(parent=home)


@pytest.fixture
def default_disclaimer(home):
    from wagtail.models import Site

    from health_content.models import PublishingSettings

    disclaimer = MedicalDisclaimerFactory()
    settings = PublishingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_disclaimer = disclaimer
    settings.save()
    return disclaimer


@pytest.fixture(autouse=True)
def empty_cache():
    """Start each test with an empty cache, so nothing cached for one test's pages leaks into the next."""
    from django.core.cache import cache

    cache.clear()
