"""What happens when a workflow is approved: publish the exact revision that was signed off.

Named by ``WAGTAIL_FINISH_WORKFLOW_ACTION``; Wagtail imports it while loading its models, so it imports nothing
at module level.
"""


def publish_approved_revision(workflow_state, user=None):
    """Publish the revision the final task approved (Wagtail's default publishes the latest one).

    The approval is the authority to publish: reviewers and editors hold no publish permission of their own,
    so the permission check is skipped here and only here.
    """
    task_state = workflow_state.current_task_state
    revision = task_state.revision if task_state else workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
