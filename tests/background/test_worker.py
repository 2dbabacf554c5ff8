"""Background work leaves the request: a real review and sign-off store their e-mail, search index updates and
auto-link rebuild as tasks in the database, and a real ``manage.py db_worker`` process runs them, together
with the scheduled publishing it queues itself."""

import subprocess
import sys
import time
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings as django_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import TaskState

from config.settings.base import task_settings
from glossary.models import AutolinkSnapshot, TermPage
from tests.factories import ArticlePageFactory, TermPageFactory
from tests.processes import copy_back, manage_env, shared_database_url
from tests.review_helpers import (
    CHECKLIST,
    current_task_state,
    edit_page,
    make_editor,
    make_reviewer,
    workflow_action_url,
)


def run_worker(database_url):
    """``manage.py db_worker --batch``: queue the scheduled jobs that are due, run every task, then stop."""
    env = manage_env(database_url, {"DJANGO_TASK_BACKEND": "database"})
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--skip-checks"]
    return subprocess.run(  # noqa: S603 (our own command)
        command, cwd=django_settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def linked_names(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return [a.get_text() for a in soup.select("main a.glossary-link")]


def found(client, query):
    return BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser").select_one("main").get_text()


def queued():
    return sorted(set(DBTaskResult.objects.values_list("task_path", "status")))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sign_off_work_waits_for_the_worker_which_runs_it_and_the_scheduled_publishing(
    settings, tmp_path, client, glossary, article_index, mailoutbox
):
    settings.TASKS = task_settings("database")
    settings.EMAIL_BACKEND = "background.mail.TaskEmailBackend"  # as in production (tests replace it)
    article = ArticlePageFactory(
        parent=article_index, body=[("paragraph", "<p>Remission can follow chemotherapy.</p>")]
    )
    remission = TermPageFactory(parent=glossary, title="Remission", live=False)
    chemotherapy = TermPageFactory(parent=glossary, title="Chemotherapy", live=False)
    go_live_at = timezone.now() + timedelta(seconds=1)
    chemotherapy.go_live_at = go_live_at
    chemotherapy.save_revision().publish()  # scheduled: waits for its time
    editor, reviewer = make_editor(), make_reviewer("rahman")
    DBTaskResult.objects.all().delete()
    snapshots = AutolinkSnapshot.objects.count()

    client.force_login(editor)
    edit_page(client, remission, "action-submit", definition="Remission means signs of cancer have gone.")
    client.force_login(reviewer)
    task_state = current_task_state(remission)
    due = (timezone.localdate() + timedelta(days=365)).isoformat()
    client.post(workflow_action_url(remission, "approve", task_state), {**CHECKLIST, "next_review_due": due})
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    client.logout()

    # Published, but the e-mails, the search index update and the auto-link rebuild only wait in the queue.
    assert TermPage.objects.get(pk=remission.pk).live
    assert mailoutbox == []
    assert AutolinkSnapshot.objects.count() == snapshots
    assert linked_names(client, article) == []
    assert "Remission" not in found(client, "signs of cancer have gone")
    assert queued() == [
        ("background.mail.send_email", "READY"),
        ("glossary.linking.store.rebuild_snapshot", "READY"),
        ("modelsearch.tasks.insert_or_update_object_task", "READY"),
        # Wagtail's purge of the page's address from the front-end cache (none configured here).
        ("wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task", "READY"),
        ("wagtail.tasks.update_reference_index_task", "READY"),
    ]
    mail = DBTaskResult.objects.filter(task_path="background.mail.send_email").order_by("enqueued_at")
    assert [task.args_kwargs["args"][0]["to"] for task in mail] == [[reviewer.email], [editor.email]]

    database_url = shared_database_url(tmp_path)
    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()))
    worker = run_worker(database_url)
    assert worker.returncode == 0, worker.stderr
    copy_back(database_url)

    assert queued() == [
        ("background.mail.send_email", "SUCCESSFUL"),
        ("background.schedule.prune_task_results", "SUCCESSFUL"),
        ("background.schedule.publish_scheduled", "SUCCESSFUL"),
        ("glossary.linking.store.rebuild_snapshot", "SUCCESSFUL"),
        ("modelsearch.tasks.insert_or_update_object_task", "SUCCESSFUL"),
        ("wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task", "SUCCESSFUL"),
        ("wagtail.tasks.update_reference_index_task", "SUCCESSFUL"),
    ]
    sent = DBTaskResult.objects.filter(task_path="background.mail.send_email")
    assert [task.return_value for task in sent] == [1, 1]  # each handed to the mail backend
    assert TermPage.objects.get(pk=chemotherapy.pk).live
    assert linked_names(client, article) == ["Remission", "chemotherapy"]
    assert "Remission" in found(client, "signs of cancer have gone")
