"""What changed since the last signed-off version, for the reviewer's sign-off dialog.

Wagtail already compares two revisions field by field (its revision comparison view); this finds the two
revisions that matter to a reviewer, the last signed-off one and the one under review, links to that comparison
and names the fields that differ.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Page

from .models import SignOff


@dataclass(frozen=True)
class ChangesSinceSignOff:
    """The last sign-off of this content, Wagtail's comparison URL and the labels of the fields that changed."""

    last_sign_off: SignOff
    compare_url: str
    changed_fields: list


def last_sign_off_before(revision):
    """The latest sign-off of an earlier revision of the same content whose revision still exists, or None."""
    return (
        SignOff.objects.filter(
            revision__base_content_type_id=revision.base_content_type_id,
            revision__object_id=revision.object_id,
            revision_id__lt=revision.pk,
        )
        .select_related("revision")
        .order_by("-revision_id")
        .first()
    )


def compare_url_name(content):
    if isinstance(content, Page):
        return "wagtailadmin_pages:revisions_compare"
    return content.snippet_viewset.get_url_name("revisions_compare")


def changed_field_labels(content, old, new, request):
    """The labels, in edit-form order, of the fields that differ between two revisions of ``content``."""
    panel = content.get_edit_handler().get_bound_panel(instance=content, request=request, form=None)
    old_object, new_object = old.as_object(), new.as_object()
    labels = []
    for comparison_class in panel.get_comparison():
        comparison = comparison_class(old_object, new_object)
        if comparison.has_changed():
            labels.append(str(comparison.field_label()))
    return labels


def changes_since_sign_off(revision, request):
    """How ``revision`` differs from the last signed-off one, or None for content never signed off before."""
    content = revision.content_object
    if isinstance(content, Page):
        content = content.specific
    last_sign_off = last_sign_off_before(revision)
    if last_sign_off is None:
        return None
    signed_off = last_sign_off.revision
    return ChangesSinceSignOff(
        last_sign_off=last_sign_off,
        compare_url=reverse(compare_url_name(content), args=[quote(content.pk), signed_off.pk, revision.pk]),
        changed_fields=changed_field_labels(content, signed_off, revision, request),
    )
