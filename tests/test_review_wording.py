"""Our words, not Wagtail's, in every review screen and e-mail: "clinical review", "changes requested", "signed
off"; never "moderation" or "rejected" (review/locale/en/LC_MESSAGES/django.po)."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import WorkflowState

from tests.factories import TermPageFactory
from tests.review_helpers import (
    CHECKLIST,
    current_task_state,
    edit_page,
    make_editor,
    make_reviewer,
    workflow_action_url,
)

WAGTAIL_WORDS = re.compile(r"moderat|reject", re.IGNORECASE)
WAGTAIL_CATALOGUES = ["admin", ".", "snippets", "users"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")  # such as %(rejector)s, a name rather than a word anyone reads


def wagtail_messages(catalogue):
    """The (msgid, msgid_plural) pairs of one of Wagtail's English message catalogues."""
    path = Path(wagtail.__file__).parent / catalogue / "locale/en/LC_MESSAGES/django.po"
    entries, current, key = [], {}, None
    for line in path.read_text().splitlines() + [""]:
        if line.startswith(("msgid ", "msgid_plural ")):
            key, text = line.split(" ", 1)
            current[key] = ast.literal_eval(text)
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip():
            if current.get("msgid"):
                entries.append((current["msgid"], current.get("msgid_plural")))
            current, key = {}, None
        else:
            key = None
    return entries


@pytest.mark.parametrize("language", ["en-gb", "en"])
def test_every_wagtail_message_about_review_is_in_our_words(language):
    """A Wagtail upgrade that adds such a message fails here until review/locale has our words for it."""
    untranslated = []
    with translation.override(language):
        for catalogue in WAGTAIL_CATALOGUES:
            for msgid, plural in wagtail_messages(catalogue):
                if not (WAGTAIL_WORDS.search(msgid) or re.search(r"\bapproved\b", msgid, re.IGNORECASE)):
                    continue
                ours = translation.ngettext(msgid, plural, 2) if plural else translation.gettext(msgid)
                if ours == msgid or WAGTAIL_WORDS.search(PLACEHOLDER.sub("", ours)):
                    untranslated.append(msgid)
    assert untranslated == []


class VisibleText(HTMLParser):
    """The text a person sees or hears: element text and labels, not scripts, class names or URLs."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        self.parts += [value for name, value in attrs if name in ("aria-label", "title", "alt", "placeholder")]

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def wagtail_words_in(response):
    assert response.status_code == 200, response
    html = response.json()["html"] if response["Content-Type"] == "application/json" else response.content.decode()
    text = visible_text(html)
    return [text[max(match.start() - 40, 0) : match.end() + 40] for match in WAGTAIL_WORDS.finditer(text)]


def test_review_screens_and_emails_never_say_moderation_or_rejected(client, glossary, settings, mailoutbox):
    settings.EMAIL_BACKEND = "background.mail.TaskEmailBackend"  # as in production: mail goes through a task
    term = TermPageFactory(parent=glossary, title="Remission", definition="Remission means the cancer is smaller.")
    editor, reviewer = make_editor(), make_reviewer("okafor")
    edit_url = reverse("wagtailadmin_pages:edit", args=[term.pk])
    screens = []

    def look(user, *urls):
        client.force_login(user)
        screens.extend((url, wagtail_words_in(client.get(url))) for url in urls)

    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="A first draft.")
    task_state = current_task_state(term)
    workflow_state = WorkflowState.objects.get()
    histories = [
        reverse("wagtailadmin_pages:history", args=[term.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[term.pk]),
        reverse("wagtailadmin_pages:workflow_history_detail", args=[term.pk, workflow_state.pk]),
    ]
    look(
        reviewer,
        reverse("wagtailadmin_home"),
        edit_url,
        reverse("wagtailadmin_explore", args=[term.get_parent().pk]),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        workflow_action_url(term, "approve", task_state),
        workflow_action_url(term, "reject", task_state),
        reverse("wagtailadmin_account"),
        *histories,
    )

    client.post(workflow_action_url(term, "reject", task_state), {"comment": "Explain treatment."})
    look(editor, reverse("wagtailadmin_home"), edit_url, *histories)

    client.force_login(editor)
    edit_page(client, term, "action-submit", definition="A second draft that explains treatment.")
    client.force_login(reviewer)
    next_review_due = timezone.localdate().replace(year=timezone.localdate().year + 1).isoformat()
    client.post(
        workflow_action_url(term, "approve", current_task_state(term)),
        {**CHECKLIST, "next_review_due": next_review_due},
    )
    look(editor, reverse("wagtailadmin_home"), edit_url, *histories)

    assert [(url, words) for url, words in screens if words] == []
    subjects = [message.subject for message in mailoutbox]
    assert len(subjects) == 4, subjects  # submitted, changes requested, resubmitted, signed off
    assert any("Changes requested" in subject for subject in subjects)
    assert any("signed off" in subject for subject in subjects)
    for message in mailoutbox:
        bodies = [message.subject, message.body, *(content for content, __ in message.alternatives)]
        assert not any(WAGTAIL_WORDS.search(visible_text(body)) for body in bodies), message.subject
