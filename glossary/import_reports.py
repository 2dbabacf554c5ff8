"""Admin reports on what an import left for editors: definitions to shorten, and possible duplicates.

An import keeps a dictionary's long definitions whole (shortened, with the full text in "What is …?")
and does not add an other name that is already another term's name. Both need an editor's judgement,
so each has a report in the Reports menu, for anyone who works on pages.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from health_content.report_access import PageReportMixin

from .models import PossibleDuplicate, TermPage


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class DefinitionsToShortenView(PageReportMixin, ReportView):
    page_title = "Definitions to shorten"
    header_icon = "edit"
    index_url_name = "glossary_reports:definitions_to_shorten"
    index_results_url_name = "glossary_reports:definitions_to_shorten_results"
    no_results_message = "No term has a definition to shorten."
    default_ordering = "title"
    columns = [
        TitleColumn("title", label="Term", get_url=lambda term: edit_url(term.pk), sort_key="title"),
        Column("definition_length", label="Definition (characters)", accessor=lambda term: len(term.definition)),
        Column("status_string", label="Status"),
        DateColumn("latest_revision_created_at", label="Updated", sort_key="latest_revision_created_at"),
    ]
    list_export = ["title", "definition", "status_string", "latest_revision_created_at"]
    export_headings = {"title": "Term", "definition": "Definition", "status_string": "Status"}

    def get_page_subtitle(self):
        return 'Imported definitions that were too long: the full text is in "What is …?"'

    def get_filename(self):
        return f"definitions-to-shorten-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = TermPage.objects.filter(definition_shortened=True)
        return super().get_queryset()


class PossibleDuplicatesView(PageReportMixin, ReportView):
    page_title = "Possible duplicates"
    header_icon = "duplicate"
    index_url_name = "glossary_reports:possible_duplicates"
    index_results_url_name = "glossary_reports:possible_duplicates_results"
    no_results_message = "No possible duplicate terms."
    model = PossibleDuplicate
    default_ordering = "term__title"
    columns = [
        TitleColumn(
            "term",
            label="Term",
            get_url=lambda pair: edit_url(pair.term_id),
            accessor="term.title",
            sort_key="term__title",
        ),
        Column("name", label="Name it gave"),
        TitleColumn(
            "other",
            label="Already the name of",
            get_url=lambda pair: edit_url(pair.other_id),
            accessor="other.title",
            sort_key="other__title",
        ),
        DateColumn("noted_at", label="Noted", sort_key="noted_at"),
    ]
    list_export = ["term", "name", "other", "noted_at"]
    export_headings = {"term": "Term", "name": "Name it gave", "other": "Already the name of", "noted_at": "Noted"}

    def get_page_subtitle(self):
        return "Terms an import found sharing a name: merge them, or keep both"

    def get_filename(self):
        return f"possible-duplicates-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = PossibleDuplicate.objects.select_related("term", "other")
        return super().get_queryset()
