"""Template tags for the review screens: the sign-off dialog, and the request for changes an editor acts on."""

from django import template

from review.changes import latest_change_request
from review.comparison import changes_since_sign_off
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
