"""Wires the clinical review into Wagtail's admin: audit-log action, edit hook, reports, dashboard, profiles."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.models import WorkflowMixin

from health_content.report_access import PageReportMenuItem, works_on_pages

from .confirmations import ReviewActionDoneView, confirm_review_action, last_review_action_by
from .models import ReviewerProfile
from .panels import ReviewsPanel
from .reports import ReviewRemindersView, ReviewsDueView, SignOffHistoryView, TranslationsToUpdateView
from .translation_views import urls as governed_translation_urls
from .workflow import SIGN_OFF_ACTION, restart_sign_off_if_edited


@hooks.register("register_log_actions")
def register_sign_off_log_action(actions):
    @actions.register_action(SIGN_OFF_ACTION)
    class SignOffFormatter(LogFormatter):
        label = "Clinical sign-off"

        def format_message(self, log_entry):
            data = log_entry.data
            return (
                f"Signed off by {data.get('reviewed_by', 'a reviewer')}. "
                f"Next review due {data.get('next_review_due', 'not set')}."
            )

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")


def confirm_review_action_in_editor(request, content):
    """A reviewer who acted from the edit view is told what happened, as on the dashboard."""
    if "action-workflow-action" in request.POST:
        task_state = last_review_action_by(request.user, content)
        if task_state is not None:
            confirm_review_action(request, task_state)


@hooks.register("after_edit_page")
def restart_sign_off_after_edit(request, page):
    if restart_sign_off_if_edited(page, request.user):
        messages.warning(
            request, f"“{page.get_admin_display_title()}” changed during review, so its sign-off has restarted."
        )
    else:
        confirm_review_action_in_editor(request, page)


@hooks.register("after_edit_snippet")
def restart_sign_off_after_snippet_edit(request, instance):
    """Disclaimers go through the same review as pages, so an edit during review restarts it too."""
    if not isinstance(instance, WorkflowMixin):
        return
    if restart_sign_off_if_edited(instance, request.user):
        messages.warning(request, f"“{instance}” changed during review, so its sign-off has restarted.")
    else:
        confirm_review_action_in_editor(request, instance)


class ReviewerProfileViewSet(ModelViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = "Reviewer profiles"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["display_name", "credentials", "languages_reviewed", "user"]
    search_fields = ["display_name", "credentials"]


@hooks.register("register_admin_viewset")
def register_reviewer_profiles():
    return ReviewerProfileViewSet("reviewer_profiles")


review_report_urls = [
    path("reviews-due/", ReviewsDueView.as_view(), name="reviews_due"),
    path("reviews-due/results/", ReviewsDueView.as_view(results_only=True), name="reviews_due_results"),
    path("sign-offs/", SignOffHistoryView.as_view(), name="sign_off_history"),
    path("sign-offs/results/", SignOffHistoryView.as_view(results_only=True), name="sign_off_history_results"),
    path("reminders/", ReviewRemindersView.as_view(), name="review_reminders"),
    path("reminders/results/", ReviewRemindersView.as_view(results_only=True), name="review_reminders_results"),
    path("translations/", TranslationsToUpdateView.as_view(), name="translations_to_update"),
    path(
        "translations/results/",
        TranslationsToUpdateView.as_view(results_only=True),
        name="translations_to_update_results",
    ),
]


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/review/", include((review_report_urls, "review_reports"))),
        path("review/done/<int:task_state_id>/", ReviewActionDoneView.as_view(), name="review_action_done"),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_governed_translation_urls():
    """Before wagtail.contrib.simple_translation's own, so these answer at its addresses."""
    return governed_translation_urls


@hooks.register("register_reports_menu_item")
def register_translations_to_update_menu_item():
    return PageReportMenuItem(
        "Translations to update",
        reverse("review_reports:translations_to_update"),
        name="translations-to-update",
        icon_name="globe",
        order=740,
    )


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return PageReportMenuItem(
        "Reviews due", reverse("review_reports:reviews_due"), name="reviews-due", icon_name="time", order=710
    )


@hooks.register("register_reports_menu_item")
def register_sign_off_history_menu_item():
    return PageReportMenuItem(
        "Sign-off history",
        reverse("review_reports:sign_off_history"),
        name="sign-off-history",
        icon_name="history",
        order=720,
    )


@hooks.register("register_reports_menu_item")
def register_review_reminders_menu_item():
    return PageReportMenuItem(
        "Review reminders sent",
        reverse("review_reports:review_reminders"),
        name="review-reminders",
        icon_name="mail",
        order=730,
    )


@hooks.register("construct_homepage_panels")
def add_reviews_panel(request, panels):
    if works_on_pages(request.user):
        panels.append(ReviewsPanel(request.user))
