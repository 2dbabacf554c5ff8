"""What the editor must act on: the latest request for changes, with the reviewer's name, credentials and comment.

Wagtail keeps the comment in the workflow history only. These lookups put it where the editor works: a banner on
the edit view, the status panel and the dashboard (``review_tags``, ``panels``).
"""

from dataclasses import dataclass
from datetime import datetime

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import TaskState, WorkflowState

from .models import reviewer_profile


@dataclass(frozen=True)
class ChangeRequest:
    """One reviewer's request for changes, as the editor needs to read it."""

    reviewer_name: str
    reviewer_credentials: str
    comment: str
    requested_at: datetime
    content: object

    @property
    def reviewer_signature(self):
        return ", ".join(part for part in (self.reviewer_name, self.reviewer_credentials) if part)


def reviewer_name_and_credentials(user):
    """The name and credentials a reviewer signs with, or their account name if they have no reviewer profile."""
    if user is None:
        return "A reviewer", ""
    profile = reviewer_profile(user)
    if profile and profile.display_name.strip():
        return profile.display_name.strip(), profile.credentials.strip()
    return user.get_full_name() or user.get_username(), ""


def change_request_from(task_state):
    name, credentials = reviewer_name_and_credentials(task_state.finished_by)
    return ChangeRequest(
        reviewer_name=name,
        reviewer_credentials=credentials,
        comment=task_state.get_comment(),
        requested_at=task_state.finished_at,
        content=task_state.workflow_state.content_object,
    )


def _latest_rejection(workflow_state):
    return (
        TaskState.objects.filter(workflow_state=workflow_state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by__reviewer_profile", "workflow_state")
        .order_by("-finished_at", "-pk")
        .first()
    )


def latest_change_request(content):
    """The request for changes that ``content`` (a page or snippet) waits on, or None when nothing waits."""
    workflow_state = getattr(content, "current_workflow_state", None)
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = _latest_rejection(workflow_state)
    return change_request_from(task_state) if task_state else None


def change_requests_for(user):
    """Requests for changes on what ``user`` sent for review, newest first, each with its edit URL."""
    url_finder = AdminURLFinder(user)
    requests = []
    for workflow_state in WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES, requested_by=user
    ).select_related("base_content_type"):
        task_state = _latest_rejection(workflow_state)
        if task_state is not None:
            request = change_request_from(task_state)
            requests.append((request, url_finder.get_edit_url(request.content)))
    return sorted(requests, key=lambda item: item[0].requested_at, reverse=True)
