"""Who sees the page reports (review, glossary), their Reports menu items and the review dashboard panel:
anyone who can add, change or publish pages. One check, shared by every app that adds such a report."""

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
    def is_shown(self, request):
        return works_on_pages(request.user)
