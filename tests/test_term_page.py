"""What a reader sees on a term page: every part, in order, and only live related pages."""

import datetime
import math

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from glossary.models import TermAutolinkExclusion, TermReference, TermRelatedArticle, TermRelatedTerm, TermSynonym
from tests.factories import ArticlePageFactory, MedicalDisclaimerFactory, TermPageFactory

# A reader's view of a term page its process has shown before: its tags. Routing (the Site, home page, glossary
# and term), related pages, other names, references and auto-link exclusions come from the process's memory
# until a page is published, unpublished, moved or deleted; no view-restriction queries.
QUERY_COUNT = 1


def section_headings(html):
    soup = BeautifulSoup(html, "html.parser")
    return [h2.get_text(strip=True) for h2 in soup.select("main h2")]


@pytest.fixture
def remission(glossary, article_index, default_disclaimer):
    term = TermPageFactory(
        parent=glossary,
        title="Remission",
        pronunciation="ree-MISH-un",
        definition="Remission means the signs of cancer have gone down or cannot be found.",
        what_is="<p>Scans and tests show less cancer, or none.</p>",
        why_it_matters="<p>It shows treatment is working.</p>",
        extra_sections=[
            ("section", {"heading": "Questions to ask", "body": "<p>Ask what happens next.</p>"}),
            (
                "callout",
                {"level": "urgent", "heading": "Call your team if", "body": "<p>You feel a new lump.</p>"},
            ),
        ],
    )
    TermSynonym.objects.create(page=term, name="complete response", sort_order=0)
    TermSynonym.objects.create(page=term, name="partial response", sort_order=1)
    term.tags.add("Leukaemia")
    term.save()
    return term


def get_page(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_term_page_shows_every_part_in_reading_order(client, remission, glossary, article_index):
    relapse = TermPageFactory(parent=glossary, title="Relapse")
    article = ArticlePageFactory(parent=article_index, title="After treatment ends")
    TermRelatedTerm.objects.create(page=remission, term=relapse)
    TermRelatedArticle.objects.create(page=remission, article=article)
    remission.last_reviewed = datetime.date(2026, 3, 12)
    remission.next_review_due = datetime.date(2027, 3, 12)
    remission.save()

    html = get_page(client, remission)
    soup = BeautifulSoup(html, "html.parser")

    assert soup.html["lang"] == "en-GB"
    assert [h1.get_text() for h1 in soup.find_all("h1")] == ["Remission"]
    assert "ree-MISH-un" in soup.select_one(".term__pronunciation").get_text()
    assert soup.select_one(".term__also-called").get_text(" ", strip=True) == (
        "Also called: complete response , partial response"
    )
    assert soup.select_one(".term__definition").get_text() == remission.definition
    assert section_headings(html) == [
        "What is remission?",
        "Why it matters",
        "Questions to ask",
        "Related terms",
        "Related articles",
        "Topics",
        "Medical disclaimer",
        "Help us improve this page",
    ]
    assert " ".join(soup.select_one(".callout--urgent h3").get_text().split()) == "Urgent: Call your team if"
    assert [a["href"] for a in soup.select(".related a")] == [
        "/glossary/relapse/",
        "/articles/after-treatment-ends/",
    ]
    footer = soup.select_one(".review-dates").get_text(" ", strip=True)
    assert "Page last reviewed: 12 March 2026" in footer
    assert "Next review due: 12 March 2027" in footer
    order = [
        html.index(marker)
        for marker in (
            "<h1>",
            "term__definition",
            "What is remission?",
            "Why it matters",
            "Questions to ask",
            "Related terms",
            "Related articles",
            "Medical disclaimer",
            "Page last reviewed",
        )
    ]
    assert order == sorted(order)


def test_parts_left_empty_are_not_shown(client, glossary):
    term = TermPageFactory(parent=glossary, title="Benign")
    soup = BeautifulSoup(get_page(client, term), "html.parser")
    assert soup.select_one(".term__pronunciation") is None
    assert soup.select_one(".term__also-called") is None
    assert soup.select_one(".related") is None
    assert soup.select_one(".review-dates") is None
    assert "Page last reviewed" not in str(soup)


def test_what_is_heading_keeps_acronyms_and_editor_wording(client, glossary):
    assert TermPageFactory.build(title="HPV").what_is_title == "What is HPV?"
    biopsy = TermPageFactory(parent=glossary, title="Biopsy", what_is_heading="What is a biopsy?")
    assert "What is a biopsy?" in section_headings(get_page(client, biopsy))


def test_page_disclaimer_replaces_the_site_default(client, remission):
    remission.disclaimer = MedicalDisclaimerFactory(
        title="Information for children", body="<p>Ask a grown-up.</p>"
    )
    remission.save()
    soup = BeautifulSoup(get_page(client, remission), "html.parser")
    assert soup.select_one(".disclaimer h2").get_text() == "Information for children"


def test_default_disclaimer_change_shows_at_once(client, remission, default_disclaimer):
    get_page(client, remission)
    default_disclaimer.title = "About this information"
    default_disclaimer.save()
    assert "About this information" in get_page(client, remission)


def test_related_terms_keep_editor_order_then_add_terms_that_link_here(client, remission, glossary):
    zebra, alpha, backlink = (TermPageFactory(parent=glossary, title=t) for t in ("Zebra", "Alpha", "Prognosis"))
    TermRelatedTerm.objects.create(page=remission, term=zebra, sort_order=0)
    TermRelatedTerm.objects.create(page=remission, term=alpha, sort_order=1)
    TermRelatedTerm.objects.create(page=backlink, term=remission)
    soup = BeautifulSoup(get_page(client, remission), "html.parser")
    assert [a.get_text() for a in soup.select("#related-terms-heading + ul a")] == ["Zebra", "Alpha", "Prognosis"]


def test_drafts_and_unpublished_pages_are_never_listed(client, remission, glossary, article_index):
    draft = TermPageFactory(parent=glossary, title="Draft term", live=False)
    unpublished = ArticlePageFactory(parent=article_index, title="Withdrawn article")
    unpublished.unpublish()
    TermRelatedTerm.objects.create(page=remission, term=draft)
    TermRelatedArticle.objects.create(page=remission, article=unpublished)
    html = get_page(client, remission)
    assert "Draft term" not in html
    assert "Withdrawn article" not in html


def test_reviewers_preview_of_a_draft_shows_its_related_terms_but_the_live_page_does_not(
    client, remission, glossary
):
    newcomer = TermPageFactory(parent=glossary, title="Metastasis")
    draft = remission.get_latest_revision_as_object()
    draft.related_term_links.add(TermRelatedTerm(term=newcomer))
    draft.save_revision()

    preview = remission.get_latest_revision_as_object().make_preview_request()
    assert preview.status_code == 200
    assert "Metastasis" in preview.content.decode()
    assert "Metastasis" not in get_page(client, remission)


@pytest.mark.parametrize("related_count", [1, 10])
def test_term_page_query_count_is_pinned(client, remission, glossary, article_index, related_count, monkeypatch):
    # The once-a-second look for a newer auto-link snapshot is no part of a page's cost (a slow run meets it).
    monkeypatch.setattr("glossary.linking.store.CHECK_SECONDS", math.inf)
    for n in range(related_count):
        TermRelatedTerm.objects.create(page=remission, term=TermPageFactory(parent=glossary))
        TermRelatedArticle.objects.create(page=remission, article=ArticlePageFactory(parent=article_index))
        TermRelatedTerm.objects.create(page=TermPageFactory(parent=glossary), term=remission)
        TermSynonym.objects.create(page=remission, name=f"name {n}")
    get_page(client, remission)  # warm the process's memory, as any earlier visitor would
    with CaptureQueriesContext(connection) as queries:
        html = get_page(client, remission)
    assert html.count('<li><a href="/glossary/term-') == 2 * related_count
    assert f"name {related_count - 1}" in html
    assert len(queries) == QUERY_COUNT, "\n".join(q["sql"] for q in queries.captured_queries)


def test_a_page_link_in_rich_text_shows_the_pages_address_looked_up_once_until_pages_change(
    client, glossary, remission
):
    relapse = TermPageFactory(parent=glossary, title="Relapse")
    remission.what_is = f'<p>It can end in a <a linktype="page" id="{relapse.pk}">return of the illness</a>.</p>'
    remission.save_revision().publish()
    get_page(client, remission)

    with CaptureQueriesContext(connection) as queries:
        html = get_page(client, remission)
    assert '<a href="/glossary/relapse/">return of the illness</a>' in html
    assert not [q["sql"] for q in queries.captured_queries if f"IN ({relapse.pk})" in q["sql"]]

    relapse.slug = "coming-back"
    relapse.save_revision().publish()
    assert '<a href="/glossary/coming-back/">return of the illness</a>' in get_page(client, remission)


def test_what_a_publish_changes_shows_at_once_and_a_draft_never(client, remission, glossary, committed):
    relapse, prognosis = (TermPageFactory(parent=glossary, title=title) for title in ("Relapse", "Prognosis"))
    with committed():  # a new auto-link snapshot, with the new terms
        prognosis.save_revision().publish()
    get_page(client, remission)  # the process now keeps the page and its parts

    draft = remission.get_latest_revision_as_object()
    draft.synonyms.add(TermSynonym(name="cancer-free"))
    draft.related_term_links.add(TermRelatedTerm(term=relapse))
    draft.save_revision()
    html = get_page(client, remission)
    assert "cancer-free" not in html
    assert "Relapse" not in html

    draft.references.add(TermReference(title="Cancer terms", source="A journal", year=2024))
    draft.what_is = "<p>Doctors may talk about your prognosis.</p>"
    draft.save_revision().publish()
    soup = BeautifulSoup(get_page(client, remission), "html.parser")
    assert "cancer-free" in soup.select_one(".term__also-called").get_text()
    assert [a.get_text() for a in soup.select("#related-terms-heading + ul a")] == ["Relapse"]
    assert "Cancer terms" in soup.select_one(".references").get_text()
    assert "Questions to ask" in section_headings(str(soup))  # its sections, from the same memory
    assert soup.select_one("#what-is-heading + p a").get_text() == "prognosis"

    remission.refresh_from_db()
    remission.autolink_exclusions.add(TermAutolinkExclusion(term=prognosis))
    remission.save_revision().publish()
    assert BeautifulSoup(get_page(client, remission), "html.parser").select_one("#what-is-heading + p a") is None


def test_an_unpublished_or_moved_term_leaves_its_address_at_once(client, remission, glossary):
    relapse = TermPageFactory(parent=glossary, title="Relapse")
    get_page(client, remission)
    get_page(client, relapse)

    remission.unpublish()
    assert client.get("/glossary/remission/").status_code == 404

    relapse.slug = "coming-back"
    relapse.save_revision().publish()
    assert client.get("/glossary/relapse/").status_code == 404
    assert client.get("/glossary/coming-back/").status_code == 200


def test_a_related_term_restricted_later_leaves_the_list_at_once(client, remission, glossary):
    relapse = TermPageFactory(parent=glossary, title="Relapse")
    TermRelatedTerm.objects.create(page=remission, term=relapse)
    assert "Relapse" in get_page(client, remission)

    PageViewRestriction.objects.create(page=relapse, restriction_type=PageViewRestriction.LOGIN)
    assert "Relapse" not in get_page(client, remission)
