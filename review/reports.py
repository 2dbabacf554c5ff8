"""Admin reports built on Wagtail's ReportView: pages due for review, the sign-off audit trail, the review
reminders sent, and the translations whose English has changed."""

import django_filters
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.filters import ContentTypeFilter, DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from feedback.models import flag_threshold
from health_content.models import health_content_page_models
from health_content.report_access import PageReportMixin

from .due import DUE_SOON_DAYS, Stage, due_cutoff, is_flagged, pages_needing_review, review_stage
from .models import ReviewReminder, SignOff
from .translations import language_name, translations_to_update

STATUS_OVERDUE = Stage.OVERDUE.value
STATUS_DUE_SOON = Stage.DUE_SOON.value
STATUS_FLAGGED = "flagged"


def page_owners(request):
    User = get_user_model()
    return User.objects.filter(owned_pages__isnull=False).distinct().order_by(User.USERNAME_FIELD)


def health_content_types(request):
    content_types = ContentType.objects.get_for_models(*health_content_page_models()).values()
    return ContentType.objects.filter(pk__in=[content_type.pk for content_type in content_types])


class ReviewsDueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[*reversed(Stage.choices), (STATUS_FLAGGED, "Flagged by reader feedback")],
        empty_label="Overdue, due soon or flagged",
        method="filter_status",
    )
    content_type = ContentTypeFilter(label="Type", queryset=health_content_types)
    owner = django_filters.ModelChoiceFilter(label="Owner", empty_label="Anyone", queryset=page_owners)

    class Meta:
        model = Page
        fields = ["status", "content_type", "owner"]

    def filter_status(self, queryset, name, value):
        today = timezone.localdate()
        if value == STATUS_OVERDUE:
            return queryset.filter(next_review_due__lt=today)
        if value == STATUS_DUE_SOON:
            return queryset.filter(next_review_due__range=(today, due_cutoff(today=today)))
        if value == STATUS_FLAGGED:
            return queryset.filter(is_flagged())
        return queryset


def review_status(page):
    """The review's stage as the report shows it, such as "Overdue"; empty for a page listed only because
    readers flagged it."""
    stage = review_stage(page.next_review_due)
    return stage.label if stage else ""


def reader_feedback_flag(page):
    """The flag shown when readers' "No" answers since the last review reach ``FEEDBACK_FLAG_MIN_NO``."""
    if page.no_since_review < flag_threshold():
        return ""
    return f"Readers said not helpful: {page.no_since_review} since last review"


class ReviewsDueView(PageReportMixin, ReportView):
    page_title = "Reviews due"
    header_icon = "time"
    results_template_name = "review/reports/reviews_due_results.html"
    index_url_name = "review_reports:reviews_due"
    index_results_url_name = "review_reports:reviews_due_results"
    filterset_class = ReviewsDueFilterSet
    default_ordering = "next_review_due"
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit", sort_key="title"),
        Column("content_type", label="Type", accessor=lambda page: get_content_type_label(page.content_type)),
        Column("locale", label="Language", accessor=lambda page: language_name(page.locale)),
        Column("review_status", label="Status", accessor=review_status),
        DateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
        DateColumn("last_reviewed", label="Last reviewed", sort_key="last_reviewed"),
        Column("reviewed_by", label="Reviewed by", sort_key="reviewed_by"),
        Column(
            "no_since_review", label="Reader feedback", accessor=reader_feedback_flag, sort_key="no_since_review"
        ),
        UserColumn("owner", label="Owner", sort_key="owner__username"),
    ]
    list_export = [
        "title",
        "content_type",
        "review_status",
        "next_review_due",
        "last_reviewed",
        "reviewed_by",
        "no_since_review",
        "owner",
    ]
    export_headings = {
        "title": "Page",
        "content_type": "Type",
        "review_status": "Status",
        "next_review_due": "Next review due",
        "last_reviewed": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "no_since_review": "Not helpful since last review",
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            "content_type": {self.FORMAT_CSV: get_content_type_label, self.FORMAT_XLSX: get_content_type_label},
            "owner": {self.FORMAT_CSV: str, self.FORMAT_XLSX: str},
        }

    def to_row_dict(self, item):
        item.review_status = review_status(item)
        return super().to_row_dict(item)

    def get_page_subtitle(self):
        return f"Overdue, due by {due_cutoff():%-d %B %Y}, or flagged by readers"

    def get_filename(self):
        return f"reviews-due-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = pages_needing_review(pages=editable).select_related(
            "owner__wagtail_userprofile", "content_type", "locale"
        )
        return super().get_queryset()

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "flag_threshold": flag_threshold(),
            "due_soon_days": DUE_SOON_DAYS,
        }


def reviewers_with_sign_offs(request):
    User = get_user_model()
    return User.objects.filter(clinical_sign_offs__isnull=False).distinct().order_by(User.USERNAME_FIELD)


class SignOffHistoryFilterSet(WagtailFilterSet):
    reviewer = django_filters.ModelChoiceFilter(
        label="Reviewer", empty_label="Anyone", queryset=reviewers_with_sign_offs
    )
    signed_off_at = django_filters.DateFromToRangeFilter(label="Signed off", widget=DateRangePickerWidget)

    class Meta:
        model = SignOff
        fields = ["reviewer", "signed_off_at"]


def revision_url(sign_off):
    """The signed-off revision of a page, or the history of a snippet such as a disclaimer (no revision view).

    None for a sign-off imported without its revision, or whose page or snippet has gone.
    """
    if sign_off.page_id is not None:
        if sign_off.revision_id is None:
            return None
        return reverse("wagtailadmin_pages:revisions_view", args=(sign_off.page_id, sign_off.revision_id))
    model = sign_off.content_type_id and ContentType.objects.get_for_id(sign_off.content_type_id).model_class()
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None or not sign_off.object_id:
        return None
    return reverse(viewset.get_url_name("history"), args=(quote(sign_off.object_id),))


class SignOffHistoryView(PageReportMixin, ReportView):
    page_title = "Sign-off history"
    header_icon = "history"
    index_url_name = "review_reports:sign_off_history"
    index_results_url_name = "review_reports:sign_off_history_results"
    filterset_class = SignOffHistoryFilterSet
    model = SignOff
    default_ordering = "-signed_off_at"
    columns = [
        TitleColumn("page_title", label="Page", get_url=revision_url, sort_key="page_title"),
        Column("revision_id", label="Revision"),
        Column("reviewer_signature", label="Reviewer"),
        DateColumn("signed_off_at", label="Signed off", sort_key="signed_off_at"),
        DateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
        Column("comment", label="Comment"),
    ]
    list_export = [
        "page_title",
        "page_id",
        "revision_id",
        "reviewer_name",
        "reviewer_credentials",
        "signed_off_at",
        "clinically_accurate",
        "sources_checked",
        "plain_language",
        "comment",
        "last_reviewed",
        "next_review_due",
    ]
    export_headings = {"page_title": "Page", "page_id": "Page ID", "revision_id": "Revision ID"}

    def get_filename(self):
        return f"sign-off-history-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = SignOff.objects.all()
        return super().get_queryset()


class ReviewRemindersView(PageReportMixin, ReportView):
    """What ``notify_reviews_due`` sent, newest first: who was reminded about which page, at which stage."""

    page_title = "Review reminders sent"
    header_icon = "mail"
    index_url_name = "review_reports:review_reminders"
    index_results_url_name = "review_reports:review_reminders_results"
    model = ReviewReminder
    default_ordering = "-sent_at"
    columns = [
        TitleColumn("page", label="Page", url_name="wagtailadmin_pages:edit", id_accessor="page_id"),
        Column("recipient", label="Sent to", accessor="recipient.email"),
        Column("stage", label="Stage", accessor="get_stage_display"),
        DateColumn("next_review_due", label="Review due", sort_key="next_review_due"),
        DateColumn("sent_at", label="Sent", sort_key="sent_at"),
    ]
    list_export = ["page", "recipient.email", "get_stage_display", "next_review_due", "sent_at"]
    export_headings = {
        "page": "Page",
        "recipient.email": "Sent to",
        "get_stage_display": "Stage",
        "next_review_due": "Review due",
        "sent_at": "Sent",
    }

    def get_filename(self):
        return f"review-reminders-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        self.queryset = ReviewReminder.objects.select_related("page", "recipient")
        return super().get_queryset()


class TranslationsToUpdateView(PageReportMixin, ReportView):
    """Translated terms, articles and disclaimers whose English was signed off again with changes
    (``review.translations.out_of_date``), with what changed and where to update them."""

    page_title = "Translations to update"
    header_icon = "globe"
    index_url_name = "review_reports:translations_to_update"
    index_results_url_name = "review_reports:translations_to_update_results"

    def get_page_subtitle(self):
        return "The English was signed off again with changes since these were translated"

    def get_queryset(self):
        return translations_to_update()

    @cached_property
    def columns(self):
        edit_url = AdminURLFinder(self.request.user).get_edit_url
        return [
            TitleColumn(
                "translation",
                label="Translation",
                accessor="translation",
                get_url=lambda row: edit_url(row.translation),
            ),
            Column("language", label="Language", accessor=lambda row: language_name(row.translation.locale)),
            TitleColumn("english", label="English", accessor="english", get_url=lambda row: edit_url(row.english)),
            DateColumn("changed_at", label="English changed"),
            Column("signed_off_by", label="Signed off by"),
            TitleColumn(
                "compare",
                label="What changed",
                accessor=lambda row: "Compare English versions" if row.compare_url else "Not recorded",
                get_url=lambda row: row.compare_url,
            ),
        ]
