"""Translation under clinical governance, through the real admin views: a Spanish version is made only from a
signed-off English revision, goes through the same clinical review, is signed off only by a Spanish-qualified
reviewer who did not make it, and is flagged when the English is signed off again with changes."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, TaskState

from glossary.models import TermPage
from health_content.models import MedicalDisclaimer
from review.models import SignOff
from review.translations import UnreviewedSourceError, out_of_date, translations_to_update
from review.workflow import add_months, submit_for_review
from tests.factories import ReviewerProfileFactory, TermPageFactory, UserFactory
from tests.review_helpers import (
    CHECKLIST,
    REVIEWERS,
    approve,
    current_task_state,
    edit_page,
    make_editor,
    make_reviewer,
    signed_off,
    workflow_action_url,
)
from tests.test_review_disclaimers import SNIPPET_URLS, edit_disclaimer

NEXT_YEAR = add_months(timezone.localdate(), 12)
LAST_YEAR = timezone.localdate() - datetime.timedelta(days=365)
SPANISH_DEFINITION = "La remisión significa que el cáncer se ha reducido."


def reviewer_in(username, languages):
    user = UserFactory(username=username, groups=[REVIEWERS])
    ReviewerProfileFactory(user=user, languages=languages)
    return user


@pytest.fixture
def editor(db):
    return make_editor()


@pytest.fixture
def english_reviewer(db):
    return make_reviewer("rahman")  # English only, the default


@pytest.fixture
def spanish_reviewer(db):
    return reviewer_in("garcia", ["es"])


@pytest.fixture
def term(glossary, spanish_home, editor, english_reviewer):
    """An English term signed off last year."""
    page = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    signed_off(page, editor, english_reviewer, LAST_YEAR, NEXT_YEAR)
    return TermPage.objects.get(pk=page.pk)


def translate(client, content, locale_code="es"):
    """Post the admin's "Translate" form, as the translator's browser does."""
    locale = Locale.objects.get(language_code=locale_code)
    if isinstance(content, Page):
        url = reverse("simple_translation:submit_page_translation", args=[content.pk])
    else:
        url = reverse(
            "simple_translation:submit_snippet_translation",
            args=[content._meta.app_label, content._meta.model_name, content.pk],
        )
    return client.post(url, {"locales": [locale.pk]})


def spanish_of(page):
    return page.get_translation(Locale.objects.get(language_code="es")).specific


def approve_in_admin(client, page, task_state):
    return client.post(
        workflow_action_url(page, "approve", task_state), {**CHECKLIST, "next_review_due": NEXT_YEAR.isoformat()}
    )


def edit_view(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()


def test_a_page_never_signed_off_cannot_be_translated(client, glossary, spanish_home, editor):
    term = TermPageFactory(parent=glossary, title="Biopsy")
    term.save_revision().publish()  # live, as an import might leave it, but never signed off
    client.force_login(editor)

    url = reverse("simple_translation:submit_page_translation", args=[term.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[term.pk])
    assert "“Biopsy” cannot be translated yet" in response.content.decode()
    translate(client, term)
    assert not TermPage.objects.filter(locale__language_code="es").exists()

    with pytest.raises(UnreviewedSourceError):
        term.copy_for_translation(spanish_home.locale)
    assert not TermPage.objects.filter(locale__language_code="es").exists()  # nothing left half made


def test_a_translation_is_a_draft_of_the_signed_off_english_made_by_the_translator(client, term, editor):
    TermPage.objects.get(pk=term.pk).save_revision(user=editor)  # an English draft awaiting review is not copied
    client.force_login(editor)
    response = translate(client, term)

    spanish = spanish_of(term)
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    assert not spanish.live and spanish.translated_from_revision_id == term.live_revision_id
    draft = spanish.get_latest_revision()
    assert draft.user == editor and spanish.owner == editor
    # The English reviewer's stamp stays on the English page: the Spanish draft has no review yet.
    assert term.reviewed_by == "Dr Rahman, MBBS, consultant oncologist"
    copy = draft.as_object()
    assert (copy.reviewed_by, copy.last_reviewed, copy.next_review_due) == ("", None, None)
    assert (spanish.reviewed_by, spanish.last_reviewed) == ("", None)
    # Only into a language it is not in yet.
    form = client.get(reverse("simple_translation:submit_page_translation", args=[term.pk])).content.decode()
    assert 'name="locales"' not in form


def test_a_spanish_edit_goes_through_clinical_review_and_only_a_spanish_reviewer_who_did_not_write_it_signs_off(
    client, term, editor, english_reviewer, spanish_reviewer
):
    translator = reviewer_in("lopez", ["en-gb", "es"])  # bilingual, and a reviewer
    client.force_login(translator)
    translate(client, term)
    spanish = spanish_of(term)

    client.force_login(editor)
    edit_page(client, spanish, "action-publish", definition=SPANISH_DEFINITION)
    assert not Page.objects.get(pk=spanish.pk).live  # editors cannot publish a translation either
    edit_page(client, spanish, "action-submit", definition=SPANISH_DEFINITION)
    task_state = current_task_state(spanish)
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    task = task_state.task.specific
    client.force_login(english_reviewer)
    assert task.sign_off_refusal(task_state, english_reviewer) == (
        "Only a reviewer qualified in Spanish can sign off this revision: "
        "your reviewer profile does not list Spanish."
    )
    html = edit_view(client, spanish)
    assert "Only a reviewer qualified in Spanish can sign off" in html and "Sign off and publish" not in html
    approve_in_admin(client, spanish, task_state)
    assert not Page.objects.get(pk=spanish.pk).live

    client.force_login(translator)  # made the translation: its first revision is theirs
    assert "You submitted, wrote or translated part of this revision" in edit_view(client, spanish)
    approve_in_admin(client, spanish, task_state)
    assert not Page.objects.get(pk=spanish.pk).live
    client.force_login(spanish_reviewer)
    assert "Sign off and publish" in edit_view(client, spanish)
    approve_in_admin(client, spanish, task_state)

    published = TermPage.objects.get(pk=spanish.pk)
    assert published.live and published.definition == SPANISH_DEFINITION and published.owner == translator
    assert published.reviewed_by == "Dr Garcia, MBBS, consultant oncologist"
    assert published.last_reviewed == timezone.localdate()
    assert SignOff.objects.filter(page=published, reviewer=spanish_reviewer).exists()
    html = client.get(published.url).content.decode()
    assert "Dr Garcia" in html and "Dr Rahman" not in html


def test_each_reviewer_is_asked_to_review_only_their_languages(client, term, editor, english_reviewer):
    bilingual = reviewer_in("lopez", ["en-gb", "es"])
    spanish = term.copy_for_translation(Locale.objects.get(language_code="es"))
    submit_for_review(Page.objects.get(pk=spanish.pk).specific, editor)
    submit_for_review(TermPage.objects.get(pk=term.pk), editor)

    assert TaskState.objects.reviewable_by(english_reviewer).count() == 1
    assert TaskState.objects.reviewable_by(bilingual).count() == 2
    client.force_login(bilingual)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Español" in dashboard  # the language of each page awaiting review


def resign_english(client, term, editor, reviewer, **changes):
    """The English page signed off again, with ``changes`` (none: a periodic re-review)."""
    client.force_login(editor)
    edit_page(client, term, "action-submit", **changes)
    client.force_login(reviewer)
    approve_in_admin(client, term, current_task_state(term))
    return TermPage.objects.get(pk=term.pk)


def test_an_english_re_review_without_changes_leaves_the_translation_up_to_date(
    client, term, editor, english_reviewer
):
    spanish = term.copy_for_translation(Locale.objects.get(language_code="es"))
    second_reviewer = make_reviewer("okafor")
    english = resign_english(client, term, editor, second_reviewer)
    assert english.live_revision_id != spanish.translated_from_revision_id
    assert out_of_date(TermPage.objects.get(pk=spanish.pk)) is None
    assert translations_to_update() == []


def test_an_english_change_flags_the_translation_until_it_is_updated_and_signed_off(
    client, term, editor, english_reviewer, spanish_reviewer
):
    spanish = term.copy_for_translation(Locale.objects.get(language_code="es"))
    source = spanish.translated_from_revision_id
    second_reviewer = make_reviewer("okafor")
    english = resign_english(
        client, term, editor, second_reviewer, definition="Remission means signs of cancer have gone."
    )

    client.force_login(editor)
    report = client.get(reverse("review_reports:translations_to_update")).content.decode()
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[english.pk, source, english.live_revision_id])
    assert compare in report
    assert reverse("wagtailadmin_pages:edit", args=[spanish.pk]) in report
    assert "Dr Okafor, MBBS, consultant oncologist" in report and "Spanish" in report
    assert "Translations to update" in client.get(reverse("wagtailadmin_home")).content.decode()

    html = edit_view(client, spanish)
    assert "The English version has changed since this translation was made" in html
    assert compare in html and "This translation matches the current English" in html
    assert "The English version has changed" not in edit_view(client, english)

    edit_page(
        client,
        spanish,
        "action-submit",
        definition=SPANISH_DEFINITION,
        matches_english=str(english.live_revision_id),
    )
    task_state = current_task_state(spanish)
    assert task_state.revision.as_object().translated_from_revision_id == english.live_revision_id
    assert translations_to_update() == []  # the update is in review: nothing left to do for translators
    approve(task_state, spanish_reviewer, NEXT_YEAR)
    assert TermPage.objects.get(pk=spanish.pk).translated_from_revision_id == english.live_revision_id
    assert "The English version has changed" not in edit_view(client, spanish)


def test_the_reviewer_profile_screen_shows_languages(
    client, spanish_reviewer, english_reviewer, django_user_model
):
    admin = django_user_model.objects.create_superuser("root", "root@healthwords.example", "password")
    client.force_login(admin)
    listing = client.get(reverse("reviewer_profiles:index")).content.decode()
    assert "Spanish" in listing and "British English" in listing
    edit = client.get(reverse("reviewer_profiles:edit", args=[spanish_reviewer.reviewer_profile.pk]))
    assert 'name="languages"' in edit.content.decode()


SPANISH_DISCLAIMER = "Esta página da información general. No sustituye el consejo de su médico."


def sign_off_disclaimer(client, disclaimer, reviewer):
    client.force_login(reviewer)
    task_state = disclaimer.current_workflow_task_state
    url = reverse(f"{SNIPPET_URLS}:workflow_action", args=[disclaimer.pk, "approve", task_state.pk])
    client.post(url, {**CHECKLIST, "next_review_due": NEXT_YEAR.isoformat()})
    return MedicalDisclaimer.objects.get(pk=disclaimer.pk)


def test_a_disclaimer_never_signed_off_cannot_be_translated(client, default_disclaimer, spanish_home, editor):
    client.force_login(editor)
    response = translate(client, default_disclaimer)
    assert response["Location"] == reverse(f"{SNIPPET_URLS}:edit", args=[default_disclaimer.pk])
    assert not MedicalDisclaimer.objects.filter(locale__language_code="es").exists()


def test_the_spanish_disclaimer_is_reviewed_before_spanish_readers_see_it(
    client, term, default_disclaimer, editor, english_reviewer, spanish_reviewer
):
    approve(submit_for_review(default_disclaimer, editor), english_reviewer, NEXT_YEAR)
    english = MedicalDisclaimer.objects.get(pk=default_disclaimer.pk)
    spanish_page = term.copy_for_translation(Locale.objects.get(language_code="es"))
    signed_off(Page.objects.get(pk=spanish_page.pk).specific, editor, spanish_reviewer, None, NEXT_YEAR)
    spanish_page = TermPage.objects.get(pk=spanish_page.pk)

    client.force_login(editor)
    translate(client, english)
    spanish = MedicalDisclaimer.objects.get(locale__language_code="es")
    assert not spanish.live and spanish.translated_from_revision_id == english.live_revision_id
    assert spanish.get_latest_revision().user == editor
    # No published Spanish wording yet: the Spanish page shows the English one rather than none, marked English.
    html = client.get(spanish_page.url).content.decode()
    assert "not a substitute for advice from your doctor" in html and '<section class="disclaimer"' in html
    assert 'aria-labelledby="disclaimer-heading" lang="en-GB"' in html

    edit_disclaimer(client, spanish, "action-submit", SPANISH_DISCLAIMER)
    assert SPANISH_DISCLAIMER not in client.get(spanish_page.url).content.decode()
    spanish = sign_off_disclaimer(client, spanish, english_reviewer)
    assert not spanish.live  # an English-only reviewer cannot sign off Spanish
    spanish = sign_off_disclaimer(client, spanish, spanish_reviewer)
    assert spanish.live

    html = client.get(spanish_page.url).content.decode()
    assert SPANISH_DISCLAIMER in html and 'aria-labelledby="disclaimer-heading">' in html
    english_html = client.get(term.url).content.decode()
    assert (
        "not a substitute for advice from your doctor" in english_html and SPANISH_DISCLAIMER not in english_html
    )

    # The English wording is signed off again with a change: the Spanish wording is to be updated.
    client.force_login(editor)
    edit_disclaimer(client, english, "action-submit", "Always ask your own doctor or nurse about your care.")
    english = sign_off_disclaimer(client, english, english_reviewer)
    [row] = translations_to_update()
    assert row.translation == spanish and row.english == english
    compare = reverse(
        f"{SNIPPET_URLS}:revisions_compare",
        args=[english.pk, spanish.translated_from_revision_id, english.live_revision_id],
    )
    client.force_login(editor)
    assert compare in client.get(reverse("review_reports:translations_to_update")).content.decode()
    assert (
        "The English version has changed"
        in client.get(reverse(f"{SNIPPET_URLS}:edit", args=[spanish.pk])).content.decode()
    )
