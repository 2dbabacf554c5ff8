"""Who sees the content reports: anyone who works on pages (adds, changes or publishes them).

Shared by every app's admin reports (review's "Reviews due", the glossary's import reports), so editors
and reviewers see the same Reports menu whichever app a report comes from.
"""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy

PAGE_WORK_PERMISSIONS = ["add", "change", "publish"]


def works_on_pages(user):
    return page_permission_policy.user_has_any_permission(user, PAGE_WORK_PERMISSIONS)


class PageReportMixin:
    """Reports about pages: open to anyone who can add, change or publish pages."""

    any_permission_required = PAGE_WORK_PERMISSIONS

    @cached_property
    def permission_policy(self):
        return page_permission_policy


class PageReportMenuItem(MenuItem):
    """A Reports menu item shown to the same people as :class:`PageReportMixin` reports."""

    def is_shown(self, request):
        return works_on_pages(request.user)
