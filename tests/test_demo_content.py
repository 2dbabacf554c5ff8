"""The demo a newcomer sees after `make run`: demo pages render completely, reloading is safe, logins are local."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage, ArticleRelatedArticle, ArticleRelatedTerm
from glossary.models import (
    DEFINITION_MAX_LENGTH,
    GlossaryIndexPage,
    TermPage,
    TermRelatedArticle,
    TermRelatedTerm,
    TermSynonym,
)
from health_content.models import MedicalDisclaimer
from home.demo_content import spanish
from home.demo_content.articles import ARTICLES
from home.demo_content.logins import DEFAULT_DEMO_PASSWORD
from home.demo_content.schema import Term
from home.demo_content.site import DISCLAIMER_TITLE, FEATURED_ARTICLES, HOME_INTRO
from home.demo_content.terms import TERMS
from home.models import HomeFeaturedArticle
from review.models import SignOff
from tests.factories import home_page

TERMS_BY_SLUG = {term.slug: term for term in TERMS}
ARTICLES_BY_SLUG = {article.slug: article for article in ARTICLES}


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Loads the demo once for this module and rolls it back afterwards, so other modules start clean."""
    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        home_page()
        out = StringIO()
        call_command("load_demo_content", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def demo(demo_output, db):
    return demo_output


def load(**kwargs):
    out = StringIO()
    call_command("load_demo_content", stdout=out, **kwargs)
    return out.getvalue()


def test_creates_about_twenty_live_terms_and_five_live_articles_under_menu_pages(demo):
    home = home_page()
    glossary = GlossaryIndexPage.objects.child_of(home).get()
    article_index = ArticleIndexPage.objects.child_of(home).get()

    assert (glossary.title, glossary.slug, glossary.live, glossary.show_in_menus) == (
        "Glossary A to Z",
        "glossary",
        True,
        True,
    )
    assert (article_index.title, article_index.slug, article_index.live, article_index.show_in_menus) == (
        "Articles",
        "articles",
        True,
        True,
    )
    assert 18 <= TermPage.objects.child_of(glossary).live().count() == len(TERMS) <= 25
    assert ArticlePage.objects.child_of(article_index).live().count() == len(ARTICLES) == 5
    # Only the page the demo leaves waiting for clinical review has a newer, unpublished revision.
    waiting = [
        page.title
        for model in (TermPage, ArticlePage)
        for page in model.objects.filter(has_unpublished_changes=True)
    ]
    assert waiting == [state.content_object.title for state in WorkflowState.objects.active()]
    assert len(waiting) == 1
    assert f"{len(TERMS)} glossary terms; {len(ARTICLES)} articles" in demo


@pytest.mark.parametrize("model", [TermPage, ArticlePage])
def test_demo_pages_open_in_the_admin_editor(demo, admin_client, model):
    page = model.objects.first()

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()


def test_review_dates_come_from_real_sign_offs(demo):
    for model in (TermPage, ArticlePage):
        for page in model.objects.exclude(last_reviewed=None):
            sign_off = SignOff.objects.filter(page=page).latest("signed_off_at")
            assert page.reviewed_by.startswith(sign_off.reviewer_name)
            assert page.live_revision_id == sign_off.revision_id
    english = SignOff.objects.filter(page__locale=Locale.get_default())
    # Every English page but the one awaiting review, and the English page changed after its translation.
    assert english.count() == len(TERMS) + len(ARTICLES) - 1 + 1


@pytest.mark.parametrize("slug", TERMS_BY_SLUG)
def test_term_page_shows_every_part(demo, client, slug):
    data = TERMS_BY_SLUG[slug]
    page = TermPage.objects.get(slug=slug, locale=Locale.get_default())

    response = client.get(f"/glossary/{slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{escape(data.title)}</h1>" in html
    assert f'<p class="term__definition">{escape(data.definition)}</p>' in html
    assert f'<h2 id="what-is-heading">{escape(page.what_is_title)}</h2>' in html
    assert '<h2 id="why-it-matters-heading">Why it matters</h2>' in html
    assert '<h2 id="related-terms-heading">Related terms</h2>' in html
    for related in data.related_terms:
        assert f'<a href="/glossary/{related}/">{escape(TERMS_BY_SLUG[related].title)}</a>' in html
    for related in data.related_articles:
        assert f'<a href="/articles/{related}/">{escape(ARTICLES_BY_SLUG[related].title)}</a>' in html
    for name in data.also_called:
        assert f"<span>{escape(name)}</span>" in html
    for source in data.references:
        assert f'<a href="{source.url}">{escape(source.title)}</a>' in html
    assert f'<h2 id="disclaimer-heading">{DISCLAIMER_TITLE}</h2>' in html


@pytest.mark.parametrize("slug", ARTICLES_BY_SLUG)
def test_article_page_shows_every_part(demo, client, slug):
    data = ARTICLES_BY_SLUG[slug]

    response = client.get(f"/articles/{slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{escape(data.title)}</h1>" in html
    assert f'<p class="article__summary">{escape(data.summary)}</p>' in html
    for block in data.body:
        if block["type"] == "heading":
            assert f"<h2>{escape(block['value'])}</h2>" in html
        elif block["type"] == "callout":
            assert f'class="callout callout--{block["value"]["level"]}"' in html
            assert escape(block["value"]["heading"]) in html
    for related in data.related_terms:
        assert f'<a href="/glossary/{related}/">{escape(TERMS_BY_SLUG[related].title)}</a>' in html
    for source in data.references:
        assert f'<a href="{source.url}">{escape(source.title)}</a>' in html
    assert f'<h2 id="disclaimer-heading">{DISCLAIMER_TITLE}</h2>' in html


def test_articles_use_every_body_block_and_callout_level(demo):
    blocks = [block for article in ArticlePage.objects.all() for block in article.body]

    assert {"heading", "paragraph", "key_points", "callout", "quote"} <= {block.block_type for block in blocks}
    assert {block.value["level"] for block in blocks if block.block_type == "callout"} == {
        "information",
        "urgent",
        "emergency",
    }


def test_some_terms_have_callouts_and_every_page_has_tags_and_references(demo):
    terms_with_callouts = [
        term for term in TermPage.objects.all() if any(b.block_type == "callout" for b in term.extra_sections)
    ]

    assert len(terms_with_callouts) >= 2
    for page in [*TermPage.objects.all(), *ArticlePage.objects.all()]:
        assert page.tags.exists(), page.title
        assert page.references.exists(), page.title
        assert all(reference.url.startswith("https://") for reference in page.references.all()), page.title


def test_every_related_link_points_to_a_live_page(demo):
    link_count = sum(len(item.related_terms) + len(item.related_articles) for item in [*TERMS, *ARTICLES])
    in_english = {"page__locale": Locale.get_default()}
    term_links = [
        *TermRelatedTerm.objects.filter(**in_english).select_related("term"),
        *ArticleRelatedTerm.objects.filter(**in_english).select_related("term"),
    ]
    article_links = [
        *TermRelatedArticle.objects.filter(**in_english).select_related("article"),
        *ArticleRelatedArticle.objects.filter(**in_english).select_related("article"),
    ]

    assert len(term_links) + len(article_links) == link_count
    assert all(link.term.live for link in term_links)
    assert all(link.article.live for link in article_links)
    assert all(link.article.live for link in HomeFeaturedArticle.objects.select_related("article"))


def test_home_page_shows_intro_and_featured_articles_in_order(demo, client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert HOME_INTRO in html
    featured = html[html.index('id="featured-heading"') :]
    positions = [featured.index(f'<a href="/articles/{slug}/">') for slug in FEATURED_ARTICLES]
    assert positions == sorted(positions)


def test_definitions_fit_the_model_limit_and_are_one_or_two_sentences(demo):
    for term in TermPage.objects.all():
        assert len(term.definition) <= DEFINITION_MAX_LENGTH, term.title
        assert term.definition.endswith("."), term.title
        assert term.definition.count(". ") <= 1, term.title
    for article in ArticlePage.objects.all():
        assert len(article.summary) <= ArticlePage._meta.get_field("summary").max_length, article.title


def test_running_again_creates_nothing_and_adds_no_revisions(demo):
    def counts():
        return {
            model.__name__: model.objects.count()
            for model in (
                Page,
                Revision,
                MedicalDisclaimer,
                TermRelatedTerm,
                ArticleRelatedTerm,
                HomeFeaturedArticle,
                TermSynonym,
                SignOff,
                WorkflowState,
            )
        }

    before = counts()

    output = load()

    assert output.startswith("Demo content is already loaded; nothing changed.")
    assert "Review history already loaded; left as it is." in output
    assert "Spanish demo already loaded; left as it is." in output
    assert counts() == before


def test_a_deleted_term_is_recreated_and_other_pages_are_left_alone(demo):
    TermPage.objects.get(slug="remission").delete()
    relapse = TermPage.objects.get(slug="relapse")
    relapse.definition = "An editor's own wording."
    relapse.save_revision().publish()
    revisions_before = Revision.objects.count()

    output = load()

    assert "Created: 1 glossary term." in output
    assert TermPage.objects.get(slug="remission").live
    assert TermPage.objects.get(slug="relapse").definition == "An editor's own wording."
    assert Revision.objects.count() == revisions_before + 1


def test_invalid_content_stops_with_a_clear_error_and_saves_nothing(demo, monkeypatch):
    valid = Term(title="Valid", definition="A fine word.", what_is="<p>a</p>", why_it_matters="<p>b</p>")
    too_long = Term(
        title="Too long",
        definition="x" * (DEFINITION_MAX_LENGTH + 1),
        what_is="<p>a</p>",
        why_it_matters="<p>b</p>",
    )
    monkeypatch.setattr("home.management.commands.load_demo_content.TERMS", [*TERMS, valid, too_long])
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match="Too long: definition: .*600 characters"):
        load()

    assert Page.objects.count() == pages_before
    assert not Page.objects.filter(slug="valid").exists()


def test_a_link_to_a_missing_term_is_reported_before_anything_is_saved(db, monkeypatch):
    orphan = Term(
        title="Orphan",
        definition="A test word.",
        what_is="<p>a</p>",
        why_it_matters="<p>b</p>",
        related_terms=("no-such-term",),
    )
    monkeypatch.setattr("home.management.commands.load_demo_content.TERMS", [*TERMS, orphan])
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match="Orphan: no term 'no-such-term'"):
        load()

    assert Page.objects.count() == pages_before


SPANISH_PAGES = [(TermPage, slug, term) for slug, term in spanish.TERMS.items()] + [
    (ArticlePage, slug, article) for slug, article in spanish.ARTICLES.items()
]


def spanish_version(model, english_slug):
    english = model.objects.get(slug=english_slug, locale=Locale.get_default())
    return english, english.get_translation(Locale.objects.get(language_code="es"))


def test_the_spanish_demo_has_remission_among_eight_or_more_terms_and_two_articles():
    assert len(spanish.TERMS) >= 8
    assert spanish.TERMS["remission"].title == "Remisión"
    assert spanish.TERMS["remission"].slug == "remision"
    assert len(spanish.ARTICLES) == 2


@pytest.mark.parametrize(("model", "slug", "item"), SPANISH_PAGES, ids=[slug for _, slug, _ in SPANISH_PAGES])
def test_spanish_pages_are_live_translations_signed_off_by_the_spanish_reviewer_not_the_translator(
    demo, model, slug, item
):
    english, page = spanish_version(model, slug)

    assert (page.title, page.slug, page.live, page.has_unpublished_changes) == (item.title, item.slug, True, False)
    assert page.translation_key == english.translation_key
    assert page.get_parent().specific.get_parent().url == "/es/"
    # Made from a signed-off English revision (the one the English sign-off published at the time).
    assert SignOff.objects.filter(page=english, revision_id=page.translated_from_revision_id).exists()
    sign_offs = SignOff.objects.filter(page=page)
    assert [(record.reviewer.username, record.revision_id) for record in sign_offs] == [
        ("revisora", page.live_revision_id)
    ]
    assert page.reviewed_by.startswith("Dra. Lucía Fernández")
    # The translator submitted it; a reviewer qualified in Spanish, someone else, signed it off.
    translator = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk)).requested_by
    reviewer = sign_offs.get().reviewer
    assert translator.username == "editor" and reviewer != translator
    assert "es" in reviewer.reviewer_profile.languages.values_list("language_code", flat=True)
    # Related pages are the Spanish versions only, and the references are the English page's sources.
    related = [link.term for link in page.related_term_links.all()] + [
        link.article for link in page.related_article_links.all()
    ]
    assert related and {target.locale.language_code for target in related} == {"es"}
    assert list(page.references.values_list("url", flat=True)) == list(
        english.references.values_list("url", flat=True)
    )


def test_one_spanish_term_is_out_of_date_after_a_signed_off_english_change(demo):
    out_of_date = []
    for model, slug, _item in SPANISH_PAGES:
        english, page = spanish_version(model, slug)
        if page.translated_from_revision_id != english.live_revision_id:
            out_of_date.append(slug)
            latest = SignOff.objects.filter(page=english).first()
            assert latest.reviewer.username == "reviewer"
            assert latest.revision_id == english.live_revision_id
            changed = getattr(english, spanish.OUT_OF_DATE.field)
            assert changed == spanish.OUT_OF_DATE.value
            assert page.translated_from_revision.as_object().why_it_matters != changed

    assert out_of_date == [spanish.OUT_OF_DATE.slug]


def test_spanish_remission_page_shows_spanish_words_and_links(demo, client):
    item = spanish.TERMS["remission"]

    response = client.get("/es/glosario/remision/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{item.title}</h1>" in html
    assert f'<p class="term__definition">{item.definition}</p>' in html
    assert f'<h2 id="what-is-heading">{item.what_is_heading}</h2>' in html
    assert '<a href="/es/glosario/recaida/">Recaída</a>' in html
    assert (
        '<a href="/es/articulos/despues-del-tratamiento-remision-controles-y-recaida/">'
        "Después del tratamiento: remisión, controles y recaída</a>"
    ) in html
    related = html[html.index('id="related-terms-heading"') : html.index('id="references-heading"')]
    assert 'href="/glossary/' not in related and 'href="/articles/' not in related
    assert "Dra. Lucía Fernández" in html


@pytest.mark.parametrize("slug", spanish.ARTICLES)
def test_spanish_articles_render_with_their_spanish_headings(demo, client, slug):
    _english, page = spanish_version(ArticlePage, slug)

    response = client.get(page.url)

    assert page.url.startswith("/es/articulos/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{page.title}</h1>" in html
    for block in spanish.ARTICLES[slug].body:
        if block["type"] == "heading":
            assert f"<h2>{block['value']}</h2>" in html


def test_spanish_home_page_features_the_spanish_articles_in_order(demo, client):
    response = client.get("/es/")

    html = response.content.decode()
    featured = html[html.index('id="featured-heading"') :]
    urls = [spanish_version(ArticlePage, slug)[1].url for slug in spanish.FEATURED_ARTICLES]
    positions = [featured.index(f'<a href="{url}">') for url in urls]
    assert positions == sorted(positions)


def test_the_disclaimer_has_a_spanish_translation_signed_off_by_the_spanish_reviewer(demo):
    english = MedicalDisclaimer.objects.get(title=DISCLAIMER_TITLE, locale=Locale.get_default())
    translation = english.get_translation(Locale.objects.get(language_code="es"))

    assert (translation.title, translation.body, translation.live) == (
        spanish.DISCLAIMER_TITLE,
        spanish.DISCLAIMER_BODY,
        True,
    )
    assert translation.translated_from_revision_id == english.live_revision_id is not None
    records = SignOff.objects.filter(object_id=str(translation.pk), page=None, page_title=translation.title)
    assert [record.reviewer.username for record in records] == ["revisora"]


def test_a_spanish_version_of_a_missing_english_term_is_reported_before_anything_is_saved(db, monkeypatch):
    stray = Term(title="Palabra", definition="Una palabra.", what_is="<p>a</p>", why_it_matters="<p>b</p>")
    monkeypatch.setitem(spanish.TERMS, "no-such-term", stray)
    pages_before = Page.objects.count()

    with pytest.raises(CommandError, match="Spanish Palabra: no English term 'no-such-term'"):
        load()

    assert Page.objects.count() == pages_before


def logins(*args):
    out = StringIO()
    call_command("create_demo_logins", *args, stdout=out)
    return out.getvalue()


def test_create_demo_logins_makes_a_superuser_who_can_open_the_admin(db, settings, monkeypatch, client):
    settings.DEBUG = True
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)

    output = logins()

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_active
    assert "for local demo use only" in output
    assert "Admin: http://testserver/admin/" in output
    assert "username: admin" in output
    assert "username: revisora" in output and "Dra. Lucía Fernández" in output
    assert f"password: {DEFAULT_DEMO_PASSWORD}" in output
    assert client.login(username="admin", password=DEFAULT_DEMO_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_create_demo_logins_resets_an_existing_user_to_the_password_from_the_environment(
    db, settings, monkeypatch
):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "another-local-secret")
    get_user_model().objects.create_user(username="admin", password="forgotten", is_active=False)

    output = logins()
    logins()

    user = get_user_model().objects.get(username="admin")
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert user.is_superuser and user.is_active
    assert user.check_password("another-local-secret")
    assert "password: another-local-secret" in output


def test_create_demo_logins_refuses_when_debug_is_off_unless_forced(db, settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG is off"):
        logins()
    assert not get_user_model().objects.filter(username="admin").exists()

    logins("--force")
    assert get_user_model().objects.get(username="admin").is_superuser
