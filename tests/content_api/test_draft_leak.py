"""A draft or in-review edit of a live page never appears in any read API response."""

import pytest

from glossary.models import TermSynonym

pytestmark = pytest.mark.django_db

SECRET = "zqxsecretdraft"


@pytest.fixture
def drafted(terms, remission):
    """Remission with an unpublished revision that puts SECRET into every editable part."""
    draft = remission.get_latest_revision_as_object()
    draft.title = f"Remission {SECRET}"
    draft.slug = f"remission-{SECRET}"
    draft.definition = f"{SECRET} definition"
    draft.what_is = f"<p>{SECRET}</p>"
    draft.reviewed_by = SECRET
    draft.synonyms.add(TermSynonym(name=SECRET))
    draft.tags.add(SECRET)
    draft.save_revision()
    remission.refresh_from_db()
    assert remission.has_unpublished_changes and remission.live
    return remission


def api_urls(remission):
    return [
        "/api/v2/pages/",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=glossary.TermPage&fields=*",
        f"/api/v2/pages/?search={SECRET}",
        "/api/v2/pages/?type=glossary.TermPage&fields=*&rich_text_format=db_html",
        f"/api/v2/pages/{remission.pk}/",
        f"/api/v2/pages/{remission.pk}/?fields=*",
        f"/api/v2/pages/find/?html_path=/glossary/remission-{SECRET}/",
        f"/api/v2/pages/{terms_relapse_pk(remission)}/",
        "/api/v2/glossary/terms/?limit=100",
        "/api/v2/glossary/terms/?letter=r",
        f"/api/v2/glossary/terms/?q={SECRET}&match=contains",
        "/api/v2/glossary/terms/remission/",
        f"/api/v2/glossary/terms/remission-{SECRET}/",
        "/api/v2/glossary/terms/count/",
    ]


def terms_relapse_pk(remission):
    return remission.get_siblings().get(slug="relapse").pk


def test_draft_content_appears_in_no_endpoint(client, drafted):
    for url in api_urls(drafted):
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), url
        assert SECRET not in response.content.decode(), url


def test_live_content_is_still_served_while_a_draft_waits(client, drafted):
    assert client.get(f"/api/v2/pages/{drafted.pk}/").json()["title"] == "Remission"
    assert client.get("/api/v2/glossary/terms/remission/").json()["definition"] == drafted.definition
    assert client.get(f"/api/v2/glossary/terms/remission-{SECRET}/").status_code == 404
