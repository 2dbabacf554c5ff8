"""Template tags for the review screens: the sign-off dialog, and the request for changes an editor acts on."""

from django import template

from review.changes import latest_change_request
from review.comparison import changes_since_sign_off
from review.translations import out_of_date
from review.workflow import has_review_dates

register = template.Library()


@register.simple_tag
def revision_readability(revision):
    """How easy the exact revision under review is to read, or None for content without a measure (snippets)."""
    measure = getattr(revision.as_object(), "readability", None)
    return measure() if measure else None


@register.filter
def shows_review_dates(content):
    """Whether signing off ``content`` puts the reviewer's name and the review dates on a page readers see."""
    return has_review_dates(content)


@register.simple_tag(takes_context=True)
def changes_under_review(context, revision):
    """How the revision under review differs from the last signed-off one (None for a first review)."""
    return changes_since_sign_off(revision, context["request"])


@register.simple_tag
def change_request_for(content):
    """The request for changes ``content`` waits on, or None."""
    return latest_change_request(content) if content and content.pk else None


@register.inclusion_tag("review/includes/change_request_banner.html")
def change_request_banner(content):
    """A banner at the top of the edit view with the reviewer's name, credentials and comment."""
    return {"change_request": change_request_for(content)}


@register.inclusion_tag("review/includes/translation_banner.html")
def translation_banner(content):
    """A banner at the top of a translation's edit view when its English has changed since it was made."""
    return {"out_of_date": out_of_date(content) if content and content.pk else None}


@register.inclusion_tag("review/includes/sign_off_refusal_banner.html", takes_context=True)
def sign_off_refusal_banner(context, content):
    """Tells a reviewer looking at content under review why they are not offered "Sign off and publish"
    (another language, their own work, no credentials); nothing for those who may sign off, or non-reviewers."""
    from review.models import ClinicalSignOffTask

    task_state = content.current_workflow_task_state if content and content.pk else None
    task = task_state.task.specific if task_state else None
    user = context["request"].user
    if not isinstance(task, ClinicalSignOffTask) or not task.user_can_moderate(user):
        return {"refusal": None}
    return {"refusal": task.sign_off_refusal(task_state, user)}
