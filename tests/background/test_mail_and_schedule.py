"""E-mail through a task arrives as it was written, a rolled-back change sends none, and each scheduled job
is queued once per period however many workers ask."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.models import ScheduledJob
from background.schedule import queue_due_jobs
from config.settings.base import task_settings


def queued_mail():
    return mail.get_connection("background.mail.TaskEmailBackend")


def test_a_message_sent_through_a_task_arrives_whole(db, mailoutbox):
    message = mail.EmailMultiAlternatives(
        "Review requested: Remission",
        "Please review Remission.",
        "Content team <content@health.example>",
        ["rahman@health.example"],
        cc=["okafor@health.example"],
        bcc=["audit@health.example"],
        reply_to=["edna@health.example"],
        headers={"X-Page": "42"},
        connection=queued_mail(),
    )
    message.attach_alternative("<p>Please review <b>Remission</b>.</p>", "text/html")
    message.attach("changes.txt", "Definition reworded.", "text/plain")
    message.attach("scan.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
    assert message.send() == 1

    [sent] = mailoutbox
    assert (sent.subject, sent.body, sent.from_email) == (message.subject, message.body, message.from_email)
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (message.to, message.cc, message.bcc, message.reply_to)
    assert sent.extra_headers == {"X-Page": "42"}
    assert sent.alternatives == message.alternatives
    assert sent.attachments == message.attachments
    assert sent.message().as_bytes().count(b"Content-Disposition: attachment") == 2


def test_mail_waits_in_the_queue_and_a_rolled_back_change_sends_none(db, settings, mailoutbox):
    settings.TASKS = task_settings("database")
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail(
            "Approved", "Remission was approved.", None, ["edna@health.example"], connection=queued_mail()
        )
        raise RuntimeError("the save failed")
    assert not DBTaskResult.objects.exists()

    mail.send_mail("Approved", "Remission was approved.", None, ["edna@health.example"], connection=queued_mail())
    assert mailoutbox == []
    assert list(DBTaskResult.objects.values_list("task_path", "status")) == [
        ("background.mail.send_email", "READY")
    ]


def test_each_scheduled_job_is_queued_once_per_period_however_many_workers_ask(db, settings):
    settings.TASKS = task_settings("database")
    assert queue_due_jobs() == ["publish_scheduled", "prune_task_results"]
    assert queue_due_jobs() == []  # a second worker, at the same moment
    ScheduledJob.objects.filter(name="publish_scheduled").update(due_at=timezone.now() - timedelta(seconds=1))
    assert queue_due_jobs() == ["publish_scheduled"]
    assert DBTaskResult.objects.filter(task_path="background.schedule.publish_scheduled").count() == 2
