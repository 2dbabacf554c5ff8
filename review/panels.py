"""The admin dashboard panel that keeps reviews current: overdue, due soon, flagged by readers, waiting for me,
and the changes reviewers asked for on what I sent them."""

from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState
from wagtail.permissions import page_permission_policy

from .changes import change_requests_for
from .due import DUE_SOON_DAYS, due_counts
from .models import ClinicalSignOffTask, reviewer_profile
from .reports import STATUS_DUE_SOON, STATUS_FLAGGED, STATUS_OVERDUE


class ReviewsPanel(Component):
    name = "clinical_reviews"
    template_name = "review/panels/reviews.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def is_reviewer(self):
        """Whether the user is in a group that a clinical sign-off task asks to review."""
        return ClinicalSignOffTask.objects.filter(active=True, groups__in=self.user.groups.all()).exists()

    def get_context_data(self, parent_context):
        counts = due_counts(pages=page_permission_policy.instances_user_has_permission_for(self.user, "change"))
        report_url = reverse("review_reports:reviews_due")
        profile = reviewer_profile(self.user)
        return {
            "overdue": counts["overdue"],
            "overdue_url": f"{report_url}?status={STATUS_OVERDUE}",
            "due_soon": counts["due_soon"],
            "due_soon_url": f"{report_url}?status={STATUS_DUE_SOON}",
            "due_soon_days": DUE_SOON_DAYS,
            "flagged": counts["flagged"],
            "flagged_url": f"{report_url}?status={STATUS_FLAGGED}",
            "awaiting_my_review": TaskState.objects.reviewable_by(self.user).count(),
            "awaiting_url": reverse("wagtailadmin_reports:workflow_tasks") + "?reviewable=true",
            "needs_credentials": self.is_reviewer() and not (profile and profile.can_sign_off),
            "change_requests": change_requests_for(self.user),
        }
