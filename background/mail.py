"""E-mail sent by a background task, not inside the editor's request.

Wagtail's review notifications and our own reminders call Django's mail API while an editor waits. With
``EMAIL_BACKEND = "background.mail.TaskEmailBackend"`` each message is stored as a task instead (in the same
transaction as the change it is about, so a save that rolls back sends nothing), and a task worker hands
it to ``EMAIL_DELIVERY_BACKEND`` (SMTP in production). A slow or failing mail server then delays mail, not
pages, and a failed sending is recorded with the task.
"""

import base64
from email import message_from_string

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

FIELDS = ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers", "content_subtype")


def encode_content(content):
    if isinstance(content, bytes):
        return {"base64": base64.b64encode(content).decode("ascii")}
    return {"text": content}


def decode_content(content):
    return base64.b64decode(content["base64"]) if "base64" in content else content["text"]


def message_to_json(message):
    """Everything needed to rebuild the message in another process, as JSON."""
    data = {field: getattr(message, field) for field in FIELDS}
    data["encoding"] = message.encoding
    data["alternatives"] = [
        [encode_content(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
    ]
    data["attachments"] = [
        {"mime": attachment.as_string()}
        if not isinstance(attachment, tuple)
        else {"filename": attachment[0], "content": encode_content(attachment[1]), "mimetype": attachment[2]}
        for attachment in message.attachments
    ]
    return data


def message_from_json(data):
    message = EmailMultiAlternatives(
        **{field: data[field] for field in FIELDS if field not in ("extra_headers", "content_subtype")},
        headers=data["extra_headers"],
    )
    message.content_subtype = data["content_subtype"]
    message.encoding = data["encoding"]
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(decode_content(content), mimetype)
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(message_from_string(attachment["mime"]))
        else:
            message.attach(attachment["filename"], decode_content(attachment["content"]), attachment["mimetype"])
    return message


@task()
def send_email(data):
    """Hand one message to the real mail backend; an error fails the task, where the worker logs it."""
    with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
        return connection.send_messages([message_from_json(data)])


class TaskEmailBackend(BaseEmailBackend):
    """Queues one ``send_email`` task per message; the count returned is of messages queued."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            try:
                send_email.enqueue(message_to_json(message))
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                queued += 1
        return queued
