"""Admin report: live terms and articles that are harder to read than the target grade."""

from django.db.models import Q
from django.db.models.functions import Coalesce
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .readability import target_grade


class ReadabilityReportView(PageReportView):
    page_title = "Readability above target"
    header_icon = "doc-full"
    index_url_name = "readability_report"
    index_results_url_name = "readability_report_results"
    results_template_name = "health_content/reports/readability_report_results.html"
    list_export = [*PageReportView.list_export, "readability_grade"]
    export_headings = {**PageReportView.export_headings, "readability_grade": "Flesch-Kincaid grade"}
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        target = target_grade()
        return (
            Page.objects.live()
            .filter(Q(termpage__readability_grade__gt=target) | Q(articlepage__readability_grade__gt=target))
            .annotate(readability_grade=Coalesce("termpage__readability_grade", "articlepage__readability_grade"))
            .order_by("-readability_grade", "title")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["target_grade"] = target_grade()
        return context
