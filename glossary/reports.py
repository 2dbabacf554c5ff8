"""Admin report "Names not auto-linked": every term title and other name set to never link, or to link only
with exact capitals, and why, so editors can review the defaults the policy chose."""

from django.db.models import F, Value
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from delivery.languages import language_code_of
from health_content.report_access import PageReportMixin

from .linking.policy import AutolinkSetting, default_for
from .models import TermPage, TermSynonym

NOT_AUTOMATIC = [AutolinkSetting.NEVER, AutolinkSetting.EXACT_CASE]
COLUMNS = ("name", "kind", "term_id", "term_title", "setting", "definition", "sort_name", "locale_id")


def names_not_auto_linked():
    """Term titles and other names whose setting is never or exact case, A-Z, as dicts of ``COLUMNS``."""
    titles = TermPage.objects.filter(autolink__in=NOT_AUTOMATIC).annotate(
        name=F("title"), kind=Value("Term"), term_id=F("pk"), term_title=F("title"), setting=F("autolink")
    )
    others = TermSynonym.objects.filter(autolink__in=NOT_AUTOMATIC).annotate(
        locale_id=F("page__locale_id"),
        kind=Value("Other name"),
        term_id=F("page_id"),
        term_title=F("page__title"),
        setting=F("autolink"),
        definition=Value(""),
    )
    return (
        titles.order_by()
        .values(*COLUMNS)
        .union(others.order_by().values(*COLUMNS), all=True)
        .order_by("sort_name", "term_title")
    )


def explain(row):
    """``row`` with the setting's label, the policy's reason and whether an editor chose the setting."""
    default = default_for(row["name"], row["definition"], language_code_of(row["locale_id"]))
    row["setting_label"] = AutolinkSetting(row["setting"]).label
    if default.setting == row["setting"]:
        row["decided_by"] = "Default"
        row["reason"] = default.reason
    else:
        row["decided_by"] = "Editor"
        row["reason"] = f"Chosen by an editor; the default would be “{AutolinkSetting(default.setting).label}”."
    return row


def term_edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row["term_id"]])


class NamesNotAutoLinkedView(PageReportMixin, ReportView):
    page_title = "Names not auto-linked"
    header_icon = "link"
    index_url_name = "glossary_reports:names_not_auto_linked"
    index_results_url_name = "glossary_reports:names_not_auto_linked_results"
    export_filename = "names-not-auto-linked"
    no_results_message = "Every term title and other name links automatically."
    columns = [
        TitleColumn("name", label="Name", get_url=term_edit_url),
        Column("kind", label="Name of"),
        Column("term_title", label="Term"),
        Column("setting_label", label="Setting"),
        Column("reason", label="Why"),
        Column("decided_by", label="Decided by"),
    ]
    list_export = ["name", "kind", "term_title", "setting_label", "reason", "decided_by"]
    export_headings = {
        "name": "Name",
        "kind": "Name of",
        "term_title": "Term",
        "setting_label": "Setting",
        "reason": "Why",
        "decided_by": "Decided by",
    }

    def get_queryset(self):
        return names_not_auto_linked()

    def decorate_paginated_queryset(self, object_list):
        return [explain(row) for row in object_list]

    def to_row_dict(self, item):
        return super().to_row_dict(explain(item))
