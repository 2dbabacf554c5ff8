"""Admin report: live terms and articles that are harder to read than their language's target.

English pages are measured by Flesch-Kincaid grade, Spanish ones by Szigriszt-Pazos score (INFLESZ): the
scales differ (a grade goes down as text gets easier, a score up), so each has its own column and the report
lists English pages, hardest first, then Spanish pages, hardest first.
"""

from django.db.models import F, Q
from django.db.models.functions import Coalesce
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .readability import target_grade, target_inflesz


class ReadabilityReportView(PageReportView):
    page_title = "Readability above target"
    header_icon = "doc-full"
    index_url_name = "readability_report"
    index_results_url_name = "readability_report_results"
    results_template_name = "health_content/reports/readability_report_results.html"
    list_export = [*PageReportView.list_export, "readability_grade", "readability_inflesz"]
    export_headings = {
        **PageReportView.export_headings,
        "readability_grade": "Flesch-Kincaid grade",
        "readability_inflesz": "Szigriszt-Pazos score (INFLESZ)",
    }
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        grade, score = target_grade(), target_inflesz()
        return (
            Page.objects.live()
            .filter(
                Q(termpage__readability_grade__gt=grade)
                | Q(articlepage__readability_grade__gt=grade)
                | Q(termpage__readability_inflesz__lt=score)
                | Q(articlepage__readability_inflesz__lt=score)
            )
            .annotate(
                readability_grade=Coalesce("termpage__readability_grade", "articlepage__readability_grade"),
                readability_inflesz=Coalesce("termpage__readability_inflesz", "articlepage__readability_inflesz"),
            )
            .order_by(F("readability_grade").desc(nulls_last=True), "readability_inflesz", "title")
        )

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["target_grade"] = target_grade()
        context["target_inflesz"] = target_inflesz()
        return context
