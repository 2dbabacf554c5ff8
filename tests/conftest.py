"""Shared fixtures: the page tree every test starts from."""

import pytest

from tests.factories import ArticleIndexPageFactory, GlossaryIndexPageFactory, MedicalDisclaimerFactory, home_page


@pytest.fixture
def home(db):
    return home_page()


@pytest.fixture
def spanish_home(home):
    """The Spanish home page and listing pages, as ``migrate`` makes them (home/skeleton.py): translations
    of the English ones, with the English glossary and article list made first if the test has none."""
    from wagtail.models import Locale

    from articles.models import ArticleIndexPage
    from glossary.models import GlossaryIndexPage
    from home.skeleton import translate_skeleton

    Locale.objects.get_or_create(language_code="es")
    if not GlossaryIndexPage.objects.child_of(home).exists():
        GlossaryIndexPageFactory(parent=home)
    if not ArticleIndexPage.objects.child_of(home).exists():
        ArticleIndexPageFactory(parent=home)
    translate_skeleton()
    return home.get_translation(Locale.objects.get(language_code="es"))


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
    """Each test starts with an empty cache, as a fresh server would."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def fresh_shared_state():
    """Each test starts with nothing kept in memory, as a fresh worker process would, with the version
    numbers frozen so query counts do not depend on the clock (other processes are tested in their own)."""
    from delivery import shared_state

    shared_state.reset(frozen=True)
    yield
    shared_state.reset()


@pytest.fixture(autouse=True)
def fresh_autolink_store():
    """Each test starts with no auto-link snapshot loaded, as a fresh worker process would."""
    from glossary.linking.store import loaded

    loaded.reset()
    yield
    loaded.reset()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (such as the auto-link rebuild) at the end of the ``with`` block,
    as a real transaction would; tests otherwise run inside one that never commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
