"""Importing sign-off history: each bad value is reported with its place, and a missing reviewer is a note."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from glossary.models import TermPage
from portability.synthetic import synthetic_document
from review.models import SignOff
from tests.factories import TermPageFactory, UserFactory
from tests.portability.test_import_checks import run_import

pytestmark = pytest.mark.django_db


def sign_off_of(slug, **changes):
    return {
        "page": slug,
        "type": "term",
        "page_title": "A term",
        "signed_off_exported_version": True,
        "reviewer": "okafor",
        "reviewer_name": "Dr Amara Okafor",
        "reviewer_credentials": "MBChB, FRCP",
        "signed_off_at": "2026-03-01T09:30:00+00:00",
        "clinically_accurate": True,
        "sources_checked": True,
        "plain_language": True,
        "comment": "",
        "last_reviewed": "2026-03-01",
        "next_review_due": "2027-03-01",
        **changes,
    }


def document_with(*sign_offs):
    document = synthetic_document(1)
    document["sign_offs"] = list(sign_offs)
    return document


def test_every_sign_off_problem_is_reported_with_its_place_and_nothing_is_written(tmp_path, glossary):
    slug = synthetic_document(1)["terms"][0]["slug"]
    document = document_with(
        sign_off_of(slug, signed_off_at="yesterday", clinically_accurate="yes"),
        sign_off_of("no-such-term", signed_off_at="2026-03-01T09:30:00"),
        sign_off_of(slug, type="glossary", last_reviewed="soon", reviewer=["okafor"]),
        sign_off_of(slug, type=["term"], sources_checked=None),
        sign_off_of(slug, next_review_due="2026-02-01", reviewer_credentials="", colour="blue"),
    )
    message, stderr = run_import(tmp_path, document)

    assert message.endswith("problem(s) found. Nothing was imported.")
    problems = [
        "sign_offs[0].signed_off_at: must be a date and time with a UTC offset, got 'yesterday'",
        "sign_offs[0].clinically_accurate: must be true or false, got str",
        "sign_offs[1].signed_off_at: must be a date and time with a UTC offset, got '2026-03-01T09:30:00'",
        "sign_offs[1].page: no term with the slug 'no-such-term' in the file or the database",
        "sign_offs[2].type: must be 'term' or 'article', got 'glossary'",
        "sign_offs[2].last_reviewed: must be a date such as 2026-03-01, got 'soon'",
        "sign_offs[2].reviewer: must be a username or null, got list",
        "sign_offs[3].type: must be 'term' or 'article', got ['term']",
        "sign_offs[3].sources_checked: must be true or false, got NoneType",
        "sign_offs[4]: unknown field(s) colour",
        "sign_offs[4].reviewer_credentials: This field cannot be blank.",
        "sign_offs[4].next_review_due: The next review must be due after the last review.",
    ]
    for problem in problems:
        assert problem in stderr
    assert stderr.count("sign_offs[") == len(problems)  # A wrong value is not also reported as missing.
    assert not TermPage.objects.exists()
    assert not SignOff.objects.exists()


def test_only_a_page_in_the_file_can_have_its_exported_version_signed_off(tmp_path, glossary):
    TermPageFactory(parent=glossary, title="Remission", slug="remission")
    message, stderr = run_import(tmp_path, document_with(sign_off_of("remission"), sign_off_of(None, type=None)))

    assert "Nothing was imported" in message
    assert (
        "sign_offs[0].signed_off_exported_version: can only be true for a page in this file; "
        "the term 'remission' is already here"
    ) in stderr
    assert (
        "sign_offs[1].signed_off_exported_version: can only be true for a page in this file; it has no page"
    ) in stderr


def test_sign_offs_of_an_earlier_version_or_a_deleted_page_are_kept(tmp_path, glossary, admin_client):
    existing = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    UserFactory(username="okafor")
    deleted_page = sign_off_of(None, type=None, signed_off_exported_version=False, page_title="Old term")
    run_import(tmp_path, document_with(sign_off_of("remission", signed_off_exported_version=False), deleted_page))

    sign_off, of_deleted_page = SignOff.objects.order_by("pk")
    assert (sign_off.page_id, sign_off.revision_id, sign_off.reviewer.username) == (existing.pk, None, "okafor")
    assert (of_deleted_page.page_id, of_deleted_page.revision_id, of_deleted_page.page_title) == (
        None,
        None,
        "Old term",
    )
    # The history report lists it, without a link to a revision this database does not have.
    history = BeautifulSoup(admin_client.get(reverse("review_reports:sign_off_history")).content, "html.parser")
    row = history.select("tbody tr")[-1]
    assert "A term" in row.get_text() and "Dr Amara Okafor, MBChB, FRCP" in row.get_text()
    assert not row.select("a[href*='/revisions/']")


def test_a_reviewer_without_an_account_here_is_a_note_and_the_sign_off_keeps_their_name(
    tmp_path, glossary, admin_client
):
    slug = synthetic_document(1)["terms"][0]["slug"]
    message, stderr = run_import(tmp_path, document_with(sign_off_of(slug, comment="Clear and accurate.")))

    assert "Imported 1 terms and 0 articles as drafts, 1 disclaimers and 1 sign-offs." in message
    assert (
        "Note: sign_offs[0].reviewer: no user 'okafor' in this database; the sign-off is kept with "
        "the name and credentials 'Dr Amara Okafor', 'MBChB, FRCP'"
    ) in stderr
    sign_off = SignOff.objects.get()
    term = TermPage.objects.get(slug=slug)
    assert (sign_off.reviewer, sign_off.reviewer_signature) == (None, "Dr Amara Okafor, MBChB, FRCP")
    assert (sign_off.page_id, sign_off.revision_id) == (term.pk, term.latest_revision_id)
    assert sign_off.signed_off_at == datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)

    history = admin_client.get(reverse("review_reports:sign_off_history")).content.decode()
    assert "Dr Amara Okafor, MBChB, FRCP" in history and "Clear and accurate." in history
