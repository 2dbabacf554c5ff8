"""The confirmation a reviewer sees after signing off or requesting changes, whichever screen they used.

Wagtail's workflow actions report nothing from the dashboard, and only "Page updated" from the edit view. The
task (``ClinicalSignOffTask.on_action``) has no request to add a message to, so it sends the dashboard's dialog
on to ``ReviewActionDoneView``; the edit view's ``after_edit_page`` hook calls ``confirm_review_action`` itself.
The message is read from what the database recorded, never from the request.
"""

from django.shortcuts import redirect
from django.urls import reverse
from django.views import View
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState

from .workflow import has_review_dates


def confirmation_message(task_state):
    """What the reviewer did, in our words, or None for a task state they did not finish."""
    title = get_latest_str(task_state.workflow_state.content_object)
    if task_state.status == TaskState.STATUS_APPROVED:
        where = (
            "with your name and credentials at the foot of the page"
            if has_review_dates(task_state.revision.content_object)
            else "everywhere it appears"
        )
        return messages.success, f"You signed off “{title}”. It is now published, {where}."
    if task_state.status == TaskState.STATUS_REJECTED:
        return messages.success, (
            f"You requested changes to “{title}”. The editor will see your comment on the page and on their "
            "dashboard, and by e-mail."
        )
    if task_state.status == TaskState.STATUS_CANCELLED:
        return (
            messages.warning,
            f"“{title}” changed during review, so its sign-off has restarted. Nothing was published.",
        )
    return None


def confirm_review_action(request, task_state):
    found = confirmation_message(task_state)
    if found is not None:
        add_message, text = found
        add_message(request, text)


def last_review_action_by(user, content):
    """The task state on ``content`` that ``user`` finished last, or None."""
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type_id=content.get_base_content_type().pk,
            workflow_state__object_id=str(content.pk),
            finished_by=user,
        )
        .select_related("workflow_state", "revision")
        .order_by("-finished_at", "-pk")
        .first()
    )


def confirmation_url(task_state):
    return reverse("review_action_done", args=[task_state.pk])


class ReviewActionDoneView(View):
    """Where the dashboard's review dialog goes once the action is done: confirm it, then back to the dashboard."""

    def get(self, request, task_state_id):
        task_state = (
            TaskState.objects.select_related("workflow_state", "revision").filter(pk=task_state_id).first()
        )
        if task_state is not None and task_state.finished_by_id == request.user.pk:
            confirm_review_action(request, task_state)
        return redirect("wagtailadmin_home")
