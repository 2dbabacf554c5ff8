"""Admin additions for health content: the readability report; lighter page links in rich text; page views."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, get_page_models

from .page_views import page_viewsets
from .reports import ReadabilityReportView
from .rich_text import LightPageLinkHandler


@hooks.register("register_reports_menu_item")
def register_readability_report_menu_item():
    return MenuItem(
        "Readability above target",
        reverse("readability_report"),
        name="readability",
        icon_name="doc-full",
        order=750,
    )


@hooks.register("register_admin_urls")
def register_readability_report_urls():
    return [
        path("reports/readability/", ReadabilityReportView.as_view(), name="readability_report"),
        path(
            "reports/readability/results/",
            ReadabilityReportView.as_view(results_only=True),
            name="readability_report_results",
        ),
    ]


@hooks.register("register_rich_text_features", order=100)
def register_light_page_links(features):
    """Replaces Wagtail's page link handler (registered earlier) with one that loads less."""
    features.register_link_type(LightPageLinkHandler)


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    """Every page type of the site gets the views in ``page_views`` (no autosave before the first save)."""
    return page_viewsets(model for model in get_page_models() if model is not Page)
