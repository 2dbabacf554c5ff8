"""A small live glossary with one article, shared by the read API tests."""

import datetime

import pytest

from glossary.models import TermSynonym
from health_content.models import MedicalDisclaimer
from tests.factories import ArticlePageFactory, TermPageFactory


@pytest.fixture
def article(article_index):
    return ArticlePageFactory(
        parent=article_index,
        title="Living with cancer",
        slug="living-with-cancer",
        summary="Help with everyday life during and after treatment.",
        body=[("paragraph", "<p>Plan rest into each day.</p>")],
    )


@pytest.fixture
def remission(glossary, article, default_disclaimer):
    term = TermPageFactory(
        parent=glossary,
        title="Remission",
        slug="remission",
        pronunciation="ree-MISH-un",
        definition="A time when the signs of cancer have gone or got smaller.",
        what_is=f'<p>See <a linktype="page" id="{article.pk}">living with cancer</a>.</p>',
        why_it_matters="<p>It tells you how treatment is <b>working</b>.</p>",
        extra_sections=[
            (
                "section",
                {"heading": "After remission", "body": f'<p><a linktype="page" id="{article.pk}">Life</a></p>'},
            )
        ],
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
        reviewed_by="Dr Asha Patel, MRCP",
    )
    TermSynonym.objects.create(page=term, name="Complete response", sort_order=0)
    TermSynonym.objects.create(page=term, name="Cancer-free", sort_order=1)
    term.related_article_links.create(article=article, sort_order=0)
    term.references.create(title="Remission explained", source="NHS", year=2024, doi="10.1000/xyz123")
    term.tags.add("Cancer", "Treatment")
    term.disclaimer = MedicalDisclaimer.objects.create(title="Cancer terms", body="<p>Ask your care team.</p>")
    term.save()
    return term


@pytest.fixture
def terms(glossary, remission):
    """Remission plus five more live terms, one draft-only term and one under '#'."""
    made = [remission]
    for title in ["Relapse", "Radiotherapy", "Biopsy", "Benign", "Chemotherapy", "5-FU"]:
        made.append(TermPageFactory(parent=glossary, title=title, slug=title.lower()))
    TermSynonym.objects.create(page=made[3], name="Tissue sample", sort_order=0)
    draft = TermPageFactory(parent=glossary, title="Rare draft", slug="rare-draft", live=False)
    made[1].related_term_links.create(term=remission, sort_order=0)
    made[1].save()
    return {"live": made, "draft": draft}
