"""Content worth round-tripping: linked terms and articles, a disclaimer, the site default, a draft, and
two clinical sign-offs made through the real review workflow."""

import datetime

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from glossary.models import TermPage, TermSynonym
from health_content.models import MedicalDisclaimer, PublishingSettings
from review.models import SignOff
from tests.factories import ArticlePageFactory, ReviewerProfileFactory, TermPageFactory, UserFactory
from tests.review_helpers import REVIEWERS, make_editor, signed_off


@pytest.fixture
def content(glossary, article_index, default_disclaimer):
    own = MedicalDisclaimer.objects.create(title="Cancer terms", body="<p>Ask your care team.</p>")
    article = ArticlePageFactory(parent=article_index, title="Living with cancer", slug="living-with-cancer")
    remission = TermPageFactory(
        parent=glossary,
        title="Remission",
        slug="remission",
        pronunciation="ree-MISH-un",
        definition="A time when the signs of cancer have gone or got smaller.",
        what_is=f'<p>Read <a linktype="page" id="{article.pk}">living with cancer</a>.</p>',
        extra_sections=[
            ("section", {"heading": "After", "body": f'<p><a linktype="page" id="{article.pk}">More</a></p>'}),
            ("callout", {"level": "urgent", "heading": "Call us if", "body": "<ul><li>you feel unwell</li></ul>"}),
        ],
        disclaimer=own,
        last_reviewed=datetime.date(2026, 3, 1),
        next_review_due=datetime.date(2027, 3, 1),
        reviewed_by="Dr Asha Patel, MRCP",
        seo_title="Remission: what it means",
    )
    TermSynonym.objects.create(page=remission, name="Complete response", sort_order=0)
    remission.references.create(title="Remission explained", source="NHS", year=2024, doi="10.1000/xyz123")
    remission.related_article_links.create(article=article, sort_order=0)
    remission.tags.add("Cancer", "Treatment")
    remission.save()
    relapse = TermPageFactory(parent=glossary, title="Relapse", slug="relapse")
    relapse.related_term_links.create(term=remission, sort_order=0)
    relapse.save()
    scan = Image.objects.create(title="Scan", file=get_test_image_file())
    article.image, article.image_alt_text = scan, "A nurse explaining a scan."
    figure = {"image": {"image": scan.pk, "alt_text": "The scan", "decorative": False}, "caption": "A scan"}
    article.body = [
        {"type": "paragraph", "value": f'<p>See <a linktype="page" id="{remission.pk}">remission</a>.</p>'},
        {"type": "key_points", "value": {"heading": "Key points", "points": ["Rest", "Eat well"]}},
        {"type": "image", "value": figure},
    ]
    article.related_term_links.create(term=relapse, sort_order=0)
    article.tags.add("Wellbeing")
    article.save_revision().publish()
    draft = TermPageFactory(parent=glossary, title="Biopsy", slug="biopsy", live=False)
    draft.definition = "Taking a small sample of tissue to look at."
    draft.save_revision()
    editor = make_editor()
    reviewer = UserFactory(username="patel", groups=[REVIEWERS])
    ReviewerProfileFactory(user=reviewer, display_name="Dr Asha Patel", credentials="MRCP")
    signed_off(
        TermPage.objects.get(pk=remission.pk),
        editor,
        reviewer,
        datetime.date(2025, 3, 1),
        datetime.date(2026, 3, 1),
        comment="Checked against the 2024 guidance.",
    )
    signed_off(
        TermPage.objects.get(pk=remission.pk),
        editor,
        reviewer,
        datetime.date(2026, 3, 1),
        datetime.date(2027, 3, 1),
    )
    remission = TermPage.objects.get(pk=remission.pk)
    return {"remission": remission, "relapse": relapse, "article": article, "draft": draft, "reviewer": reviewer}


def empty_the_database():
    """What a fresh database holds: the page tree down to the index pages, and no content."""
    Page.objects.type(TermPage).delete()
    from articles.models import ArticlePage

    Page.objects.type(ArticlePage).delete()
    settings = PublishingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_disclaimer = None
    settings.save()
    MedicalDisclaimer.objects.all().delete()
    SignOff.objects.all().delete()
