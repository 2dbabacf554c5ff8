"""Who may sign off health content, the sign-off task in the workflow, and the record each sign-off leaves."""

from django import forms
from django.conf import settings
from django.contrib.admin import display as admin_display
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask, Locale, Revision

from .confirmations import confirmation_url
from .due import Stage
from .workflow import restart_sign_off_if_edited, sign_off


class ReviewerProfile(models.Model):
    """The name and credentials a clinical reviewer signs with, as readers will see them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    display_name = models.CharField(max_length=150, help_text='The name readers see, for example "Dr A. Example".')
    credentials = models.CharField(
        max_length=200,
        blank=True,
        help_text=(
            'Qualifications and role, for example "MBBS, consultant oncologist". '
            "A reviewer cannot sign off pages until this is filled in."
        ),
    )

    languages = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        related_name="+",
        verbose_name="languages reviewed",
        help_text="The languages this reviewer is qualified to check. They can sign off pages in these only.",
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("display_name"),
        FieldPanel("credentials"),
        FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.signature

    @property
    def can_sign_off(self):
        return bool(self.display_name.strip() and self.credentials.strip())

    @admin_display(description="Languages reviewed")
    def languages_reviewed(self):
        """The languages this reviewer may sign off, by name: "British English, Spanish"."""
        from .translations import language_name

        return ", ".join(language_name(locale) for locale in self.languages.all())

    @property
    def signature(self):
        """The "name, credentials" line shown at the foot of reviewed pages."""
        return ", ".join(part for part in (self.display_name.strip(), self.credentials.strip()) if part)


def reviewer_profile(user):
    """The user's reviewer profile, or None."""
    try:
        return user.reviewer_profile
    except ReviewerProfile.DoesNotExist:
        return None


class ClinicalSignOffTask(AbstractGroupApprovalTask):
    """A group approval task that asks a second, credentialled reviewer to sign off the exact revision.

    Approving needs the sign-off checklist; requesting changes needs a comment. A reviewer never approves a
    revision they submitted or wrote any part of (the "four-eyes" rule).
    """

    class Meta:
        verbose_name = _("Clinical sign-off task")
        verbose_name_plural = _("Clinical sign-off tasks")

    @classmethod
    def get_description(cls):
        return _("A second clinical reviewer with credentials confirms the checklist and signs off the revision.")

    def user_can_moderate(self, user):
        return user.is_superuser or self._user_in_groups(user)

    def sign_off_refusal(self, task_state, user):
        """Why ``user`` may not approve this task state, or None when they may: they must be a reviewer with
        credentials, qualified in the language of the page or disclaimer, and not one of its authors (which
        covers whoever made a translation under review, the author of its first revision)."""
        from .translations import language_name

        if not self.user_can_moderate(user):
            return "Only clinical reviewers can sign off."
        profile = reviewer_profile(user)
        if not (profile and profile.can_sign_off):
            return "Add your name and credentials to your reviewer profile before you sign off."
        locale_id = task_state.revision.content.get("locale")
        if locale_id and not profile.languages.filter(pk=locale_id).exists():
            language = language_name(Locale.objects.get(pk=locale_id))
            return (
                f"Only a reviewer qualified in {language} can sign off this revision: "
                f"your reviewer profile does not list {language}."
            )
        if user.pk in authors_of(task_state):
            return (
                "You submitted, wrote or translated part of this revision: "
                "a second clinical reviewer must sign it off."
            )
        return None

    def user_can_sign_off(self, task_state, user):
        """Whether this user may approve this task state (see :meth:`sign_off_refusal`)."""
        return self.sign_off_refusal(task_state, user) is None

    def get_actions(self, obj, user):
        if not self.user_can_moderate(user):
            return []
        actions = [("reject", _("Request changes"), True)]
        task_state = obj.current_workflow_task_state
        if task_state and task_state.task_id == self.pk and self.user_can_sign_off(task_state, user):
            actions.append(("approve", _("Sign off and publish"), True))
        return actions

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """Task states awaiting this user's review: never the ones they submitted or wrote any part of, nor
        those in a language their reviewer profile does not list."""
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        profile = reviewer_profile(user)
        languages = set(profile.languages.values_list("pk", flat=True)) if profile else None
        not_theirs = [
            state.pk
            for state in states.select_related("revision", "workflow_state")
            if user.pk in authors_of(state)
            or (languages is not None and state.revision.content.get("locale") not in (None, *languages))
        ]
        return states.exclude(pk__in=not_theirs)

    def get_form_for_action(self, action):
        from .forms import RequestChangesForm, SignOffForm

        if action == "approve":
            return SignOffForm
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action == "approve":
            return "review/sign_off_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Check every request again here, whichever admin view it came through: forged posts change nothing.

        Returns where the dashboard sends the reviewer next: a page that confirms what they did.
        """
        if action_name not in ("approve", "reject"):
            return super().on_action(task_state, user, action_name, **kwargs)
        if not self.user_can_moderate(user):
            raise PermissionDenied("Only clinical reviewers can act on this task.")
        form = self.get_form_for_action(action_name)(data=kwargs)
        if not form.is_valid():
            raise PermissionDenied(" ".join(error for errors in form.errors.values() for error in errors))
        if action_name == "reject":
            task_state.reject(user=user, comment=form.cleaned_data["comment"])
        # A page edited since this task started is not signed off: its new revision gets a review of its own.
        elif not restart_sign_off_if_edited(task_state.revision.content_object, user):
            sign_off(task_state, user, **form.cleaned_data)
        return confirmation_url(task_state)


def authors_of(task_state):
    """Users who may not approve a task state: whoever submitted it, and whoever wrote any of the changes
    under review, that is any revision since the last published one up to the one under review."""
    revision = task_state.revision
    changes = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id, object_id=revision.object_id, pk__lte=revision.pk
    )
    live_revision_id = getattr(revision.content_object, "live_revision_id", None)
    if live_revision_id:
        changes = changes.filter(pk__gt=live_revision_id)
    return {task_state.workflow_state.requested_by_id, *changes.values_list("user_id", flat=True)} - {None}


class SignOff(models.Model):
    """The audit record of one clinical sign-off: what was approved, by whom, when and on what grounds.

    Names and credentials are copied as they stood at sign-off, so later profile changes do not rewrite
    history. The revision id is kept even if old revisions are purged. It is empty only for a sign-off
    imported from another database whose signed-off revision was not part of the export (see
    docs/portability.md, "Sign-off history"). ``content_object`` is what was signed off, a page or a snippet such
    as a disclaimer; ``page`` is also set for pages, for the page's history.
    """

    page = models.ForeignKey("wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="sign_offs")
    page_title = models.CharField(max_length=255)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=255, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="clinical_sign_offs"
    )
    reviewer_name = models.CharField(max_length=150)
    reviewer_credentials = models.CharField(max_length=200)
    signed_off_at = models.DateTimeField(default=timezone.now, db_index=True)
    clinically_accurate = models.BooleanField()
    sources_checked = models.BooleanField()
    plain_language = models.BooleanField("plain language suitable for patients")
    comment = models.TextField(blank=True)
    last_reviewed = models.DateField()
    next_review_due = models.DateField()

    class Meta:
        ordering = ["-signed_off_at", "-pk"]
        verbose_name = "sign-off"

    def __str__(self):
        return f"{self.page_title} signed off by {self.reviewer_name} on {self.last_reviewed:%d %B %Y}"

    def clean(self):
        super().clean()
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            raise ValidationError({"next_review_due": "The next review must be due after the last review."})

    @property
    def reviewer_signature(self):
        return f"{self.reviewer_name}, {self.reviewer_credentials}"


class ReviewReminder(models.Model):
    """A reminder ``notify_reviews_due`` emailed: which page, to whom, at which stage of which review date.

    Each person hears about a page once when its review is due soon and once when it is overdue, not every
    day the command runs; a new sign-off sets a new review date, and with it new reminders. Admins see these
    in Reports → Review reminders sent.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="review_reminders")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    stage = models.CharField(max_length=20, choices=Stage.choices)
    next_review_due = models.DateField(help_text="The review date the reminder was about.")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "recipient", "stage", "next_review_due"], name="one_review_reminder_per_stage"
            )
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: {self.page} to {self.recipient}"
