"""Adds the glossary's reports to the admin's Reports menu: the import reports (see ``import_reports``) and
"Names not auto-linked" (see ``reports``)."""

from django.urls import include, path, reverse
from wagtail import hooks

from health_content.report_access import PageReportMenuItem

from .import_reports import DefinitionsToShortenView, PossibleDuplicatesView
from .reports import NamesNotAutoLinkedView

report_urls = [
    path("definitions-to-shorten/", DefinitionsToShortenView.as_view(), name="definitions_to_shorten"),
    path(
        "definitions-to-shorten/results/",
        DefinitionsToShortenView.as_view(results_only=True),
        name="definitions_to_shorten_results",
    ),
    path("possible-duplicates/", PossibleDuplicatesView.as_view(), name="possible_duplicates"),
    path(
        "possible-duplicates/results/",
        PossibleDuplicatesView.as_view(results_only=True),
        name="possible_duplicates_results",
    ),
    path("names-not-auto-linked/", NamesNotAutoLinkedView.as_view(), name="names_not_auto_linked"),
    path(
        "names-not-auto-linked/results/",
        NamesNotAutoLinkedView.as_view(results_only=True),
        name="names_not_auto_linked_results",
    ),
]


@hooks.register("register_admin_urls")
def register_glossary_report_urls():
    return [path("reports/glossary/", include((report_urls, "glossary_reports")))]


@hooks.register("register_reports_menu_item")
def register_definitions_to_shorten_menu_item():
    return PageReportMenuItem(
        "Definitions to shorten",
        reverse("glossary_reports:definitions_to_shorten"),
        name="definitions-to-shorten",
        icon_name="edit",
        order=760,
    )


@hooks.register("register_reports_menu_item")
def register_possible_duplicates_menu_item():
    return PageReportMenuItem(
        "Possible duplicates",
        reverse("glossary_reports:possible_duplicates"),
        name="possible-duplicates",
        icon_name="duplicate",
        order=770,
    )


@hooks.register("register_reports_menu_item")
def register_names_not_auto_linked_menu_item():
    return PageReportMenuItem(
        "Names not auto-linked",
        reverse("glossary_reports:names_not_auto_linked"),
        name="names-not-auto-linked",
        icon_name="link",
        order=780,
    )
