"""Adds the "Page feedback" report to the admin's Reports menu for people allowed to view feedback."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import reports

report_urls = [
    path("", reports.PageFeedbackReportView.as_view(), name="index"),
    path("results/", reports.PageFeedbackReportView.as_view(results_only=True), name="index_results"),
    path("<int:page_id>/", reports.SinglePageFeedbackReportView.as_view(), name="page"),
    path(
        "<int:page_id>/results/",
        reports.SinglePageFeedbackReportView.as_view(results_only=True),
        name="page_results",
    ),
]


@hooks.register("register_admin_urls")
def register_feedback_report_urls():
    return [path("reports/page-feedback/", include((report_urls, "feedback_reports")))]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_pagefeedback")


@hooks.register("register_reports_menu_item")
def register_feedback_report_menu_item():
    return FeedbackMenuItem(
        "Page feedback", reverse("feedback_reports:index"), name="page-feedback", icon_name="comment", order=1300
    )
