"""Admin reports: feedback counts per page, and one page's answers and comments, both exportable."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from .models import PageFeedback, pages_with_feedback

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text):
    """Comment text made safe to open in a spreadsheet: a leading formula character is quoted."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class FeedbackReportMixin:
    """Only people allowed to view page feedback see these reports."""

    permission_policy = ModelPermissionPolicy(PageFeedback)
    permission_required = "view"
    header_icon = "comment"


class PageFeedbackReportView(FeedbackReportMixin, ReportView):
    page_title = "Page feedback"
    index_url_name = "feedback_reports:index"
    index_results_url_name = "feedback_reports:index_results"
    export_filename = "page-feedback"
    no_results_message = "No reader has answered “Was this page helpful?” yet."
    columns = [
        TitleColumn("title", label="Page", get_url=lambda page: reverse("feedback_reports:page", args=[page.pk])),
        NumberColumn("yes_count", label="Yes"),
        NumberColumn("no_count", label="No"),
        NumberColumn("comment_count", label="Comments"),
        DateColumn("latest_feedback_at", label="Latest answer"),
    ]
    list_export = ["title", "full_url", "yes_count", "no_count", "comment_count", "latest_feedback_at"]
    export_headings = {
        "title": "Page",
        "full_url": "URL",
        "yes_count": "Yes",
        "no_count": "No",
        "comment_count": "Comments",
        "latest_feedback_at": "Latest answer",
    }

    def get_queryset(self):
        return pages_with_feedback()


class SinglePageFeedbackReportView(FeedbackReportMixin, ReportView):
    index_url_name = "feedback_reports:page"
    index_results_url_name = "feedback_reports:page_results"
    no_results_message = "This page has no feedback yet."
    columns = [
        DateColumn("created_at", label="Date"),
        Column("answer", label="Helpful?"),
        Column("comment", label="Comment"),
    ]
    list_export = ["created_at", "answer", "comment"]
    export_headings = {"created_at": "Date", "answer": "Helpful?", "comment": "Comment"}
    custom_field_preprocess = {
        "comment": {ReportView.FORMAT_CSV: neutralise_formula},
    }

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.page = get_object_or_404(Page, pk=kwargs["page_id"])

    def get_page_title(self):
        return f"Feedback on “{self.page.title}”"

    def get_filename(self):
        return f"feedback-{self.page.slug}"

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.page.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.page.pk])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("feedback_reports:index"), "label": PageFeedbackReportView.page_title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_queryset(self):
        return PageFeedback.objects.filter(page=self.page).order_by("-created_at")

    def decorate_paginated_queryset(self, object_list):
        for item in object_list:
            item.answer = "Yes" if item.helpful else "No"
        return object_list

    def to_row_dict(self, item):
        item.answer = "Yes" if item.helpful else "No"
        return super().to_row_dict(item)
