"""Adds the glossary's reports to the admin's Reports menu: the import reports (see ``import_reports``) and
"Names not auto-linked" (see ``reports``)."""

from django.urls import include, path, reverse
from wagtail import hooks

from health_content.report_access import PageReportMenuItem

from .import_reports import DefinitionsToShortenView, PossibleDuplicatesView
from .reports import NamesNotAutoLinkedView

# (view, address and URL name, menu label, icon, menu order)
REPORTS = [
    (DefinitionsToShortenView, "definitions-to-shorten", "Definitions to shorten", "edit", 760),
    (PossibleDuplicatesView, "possible-duplicates", "Possible duplicates", "duplicate", 770),
    (NamesNotAutoLinkedView, "names-not-auto-linked", "Names not auto-linked", "link", 780),
]


def url_name(slug):
    return slug.replace("-", "_")


report_urls = [
    url
    for view, slug, *_ in REPORTS
    for url in (
        path(f"{slug}/", view.as_view(), name=url_name(slug)),
        path(f"{slug}/results/", view.as_view(results_only=True), name=f"{url_name(slug)}_results"),
    )
]


@hooks.register("register_admin_urls")
def register_glossary_report_urls():
    return [path("reports/glossary/", include((report_urls, "glossary_reports")))]


def menu_item_hook(slug, label, icon, order):
    def register_menu_item():
        return PageReportMenuItem(
            label, reverse(f"glossary_reports:{url_name(slug)}"), name=slug, icon_name=icon, order=order
        )

    return register_menu_item


for _, slug, label, icon, order in REPORTS:
    hooks.register("register_reports_menu_item", menu_item_hook(slug, label, icon, order))
