"""Template tags for the reviewer's sign-off dialog."""

from django import template

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
