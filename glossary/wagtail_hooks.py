"""Adds the glossary's "Names not auto-linked" report to the admin's Reports menu."""

from django.urls import include, path, reverse
from wagtail import hooks

from health_content.report_access import PageReportMenuItem

from .reports import NamesNotAutoLinkedView

report_urls = [
    path("", NamesNotAutoLinkedView.as_view(), name="names_not_auto_linked"),
    path("results/", NamesNotAutoLinkedView.as_view(results_only=True), name="names_not_auto_linked_results"),
]


@hooks.register("register_admin_urls")
def register_glossary_report_urls():
    return [path("reports/names-not-auto-linked/", include((report_urls, "glossary_reports")))]


@hooks.register("register_reports_menu_item")
def register_names_not_auto_linked_menu_item():
    return PageReportMenuItem(
        "Names not auto-linked",
        reverse("glossary_reports:names_not_auto_linked"),
        name="names-not-auto-linked",
        icon_name="link",
        order=760,
    )
