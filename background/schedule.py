"""Jobs that run every so often, started by the task workers themselves: no cron needed.

Every ``manage.py db_worker`` (background/management/commands/db_worker.py) checks every
``SCHEDULE_CHECK_SECONDS`` which jobs are due. The first worker, on any machine, that moves a job's
``due_at`` on in the database (one conditional UPDATE, so only one can) queues it as a task; any worker then
runs it. So a job runs once per period however many workers and machines there are, and keeps running
while at least one worker does.
"""

from datetime import timedelta

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import ScheduledJob

SCHEDULE_CHECK_SECONDS = 15


@task()
def publish_scheduled():
    """Publish pages and snippets whose "go live" time has come, and unpublish those that expired."""
    call_command("publish_scheduled")


@task()
def prune_task_results():
    """Forget finished tasks after a week (failed ones after a month, for looking into)."""
    call_command("prune_db_task_results", min_age_days=7, failed_min_age_days=30, verbosity=0)


SCHEDULE = {
    "publish_scheduled": (publish_scheduled, timedelta(minutes=1)),
    "prune_task_results": (prune_task_results, timedelta(days=1)),
}


def claim(name, every, now):
    """Whether this caller takes the job's turn that is due now; the next one is then ``every`` later."""
    ScheduledJob.objects.get_or_create(name=name, defaults={"due_at": now})
    return ScheduledJob.objects.filter(name=name, due_at__lte=now).update(due_at=now + every) == 1


def queue_due_jobs():
    """Queue each job whose turn has come and no other worker has taken; the names of those queued."""
    now = timezone.now()
    queued = []
    for name, (job, every) in SCHEDULE.items():
        with transaction.atomic():  # a turn taken is a job queued, or neither
            if claim(name, every, now):
                job.enqueue()
                queued.append(name)
    return queued
