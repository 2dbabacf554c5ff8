"""An editor's save that fails part-way leaves nothing half-written: not the page, its "also called" names and
their derived search keys, a revision, a log entry, a workflow, nor a queued task."""

import pytest
from django.db import connection
from django.test import Client
from django_tasks_db.models import DBTaskResult
from wagtail.models import PageLogEntry, Revision, WorkflowState

from config.settings.base import task_settings
from glossary.models import TermPage, TermSynonym
from tests.factories import TermPageFactory
from tests.review_helpers import edit_page, make_editor


class FailingInsert:
    """Makes the database refuse the first INSERT into ``table``, as a full disk or a lost connection would."""

    def __init__(self, table):
        self.table = table
        self.refused = []

    def __call__(self, execute, sql, params, many, context):
        if sql.startswith(f'INSERT INTO "{self.table}"') and not self.refused:
            self.refused.append(sql)
            raise connection.Database.OperationalError(f"could not write to {self.table}")
        return execute(sql, params, many, context)


def stored(term):
    page = TermPage.objects.get(pk=term.pk)
    names = list(page.synonyms.order_by("sort_order").values_list("name", "name_fold", "name_key"))
    return page.title, page.definition, page.initial, page.latest_revision_id, names


@pytest.mark.parametrize(
    "failing_table",
    ["wagtailcore_revision", "wagtailcore_workflowstate", "wagtailcore_pagelogentry"],
    ids=["revision", "workflow", "log"],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_submission_that_fails_part_way_changes_nothing(settings, glossary, failing_table):
    settings.TASKS = task_settings("database")  # a queued task would be written too
    term = TermPageFactory(parent=glossary, title="Remission", live=False)
    TermSynonym.objects.create(page=term, name="complete response")
    term.save_revision()
    before = stored(term)
    revisions, logs = Revision.objects.count(), PageLogEntry.objects.count()
    DBTaskResult.objects.all().delete()

    client = Client(raise_request_exception=False)
    client.force_login(make_editor())
    failing = FailingInsert(failing_table)
    with connection.execute_wrapper(failing):
        response = edit_page(
            client,
            term,
            "action-submit",
            title="Tumour remission",
            definition="Remission means signs of cancer have gone.",
            **{"synonyms-0-name": "partial remission"},
        )

    assert failing.refused and response.status_code == 500
    assert stored(term) == before
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == (revisions, logs)
    assert not WorkflowState.objects.exists()
    assert not DBTaskResult.objects.exists()
