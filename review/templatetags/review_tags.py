"""Template tags for the reviewer's sign-off dialog."""

from django import template

register = template.Library()


@register.simple_tag
def revision_readability(revision):
    """How easy the exact revision under review is to read, or None for content without a measure (snippets)."""
    measure = getattr(revision.as_object(), "readability", None)
    return measure() if measure else None
