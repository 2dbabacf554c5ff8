"""``manage.py db_worker``: django-tasks-db's task worker, which also queues the scheduled jobs when due.

This app comes before ``django_tasks_db`` in ``INSTALLED_APPS``, so this command takes the name, as
staticfiles' ``runserver`` does: every option of the original works unchanged. The worker queues the jobs
that are due (background/schedule.py) when it starts, then every ``SCHEDULE_CHECK_SECONDS`` from a thread
of its own; with ``--batch`` (run what is queued, then stop) only at the start.
"""

import logging
import os
import threading
import time

from django.db import close_old_connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from background.schedule import SCHEDULE_CHECK_SECONDS, queue_due_jobs

logger = logging.getLogger("background.schedule")


def queue_due_jobs_logged():
    try:
        queued = queue_due_jobs()
    except Exception:  # a database outage must not stop the worker: the next check tries again
        logger.exception("Could not queue the scheduled jobs")
    else:
        if queued:
            logger.info("Queued scheduled jobs: %s", ", ".join(queued))
    finally:
        close_old_connections()


def keep_queueing():
    while True:
        time.sleep(SCHEDULE_CHECK_SECONDS)
        queue_due_jobs_logged()


class Command(db_worker.Command):
    help = "Run a database background worker, which also queues the scheduled jobs (publish_scheduled …)"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--no-schedule", action="store_false", dest="schedule", help="Don't queue the scheduled jobs."
        )

    def handle(self, *, schedule, batch, reload, **options):
        # With --reload the command runs twice: in a watcher process and in the worker it restarts.
        in_watcher = reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if schedule and not in_watcher:
            queue_due_jobs_logged()
            if not batch:
                threading.Thread(target=keep_queueing, daemon=True, name="schedule").start()
        super().handle(batch=batch, reload=reload, **options)
