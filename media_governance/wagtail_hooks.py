"""Wagtail hooks: the audit-log label for a replaced live file, and documents served only when published."""

from django.http import Http404
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import policy_registry

from .forms import REPLACED_ON_LIVE_PAGES
from .usage import is_shown_publicly


@hooks.register("register_log_actions")
def register_replaced_file_log_action(actions):
    @actions.register_action(REPLACED_ON_LIVE_PAGES)
    class ReplacedOnLivePagesFormatter(LogFormatter):
        label = "File replaced on live pages without review"

        def format_message(self, log_entry):
            titles = ", ".join(f"“{page['title']}”" for page in log_entry.data.get("pages", []))
            return f"File replaced while live pages showed it, without clinical review: {titles}."


@hooks.register("before_serve_document")
def serve_only_published_documents(document, request):
    """A document is public once a live, unrestricted page links to it; before that, only staff who may
    choose or change it can download it (to check it), and everyone else is told it does not exist."""
    if is_shown_publicly(document):
        return None
    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_any_permission_for_instance(request.user, ["choose", "change"], document):
        return None
    raise Http404("No document matches the given query.")
