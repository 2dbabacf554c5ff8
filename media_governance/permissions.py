"""Wagtail's image and document permissions, with files that live pages show kept under clinical review.

A live page's images and documents were signed off with the page. Replacing such a file, or deleting the
item, would change what patients see without any review, so Wagtail's ownership rule (whoever uploaded an
item may change or delete it) stops short of them: only a user with Wagtail's own "change" permission on
the item's collection (by default, superusers only) may still do it, and the edit is logged
(``media_governance.forms``). Everyone else uploads a new file and chooses it on the page, whose new
revision goes to review as usual. Titles, tags and other labels stay editable: pages do not show them.
"""

from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from .usage import live_pages_using


class LivePageFilesPolicy(CollectionOwnershipPermissionPolicy):
    """Collection ownership, except that deleting or replacing an item live pages show needs the
    collection's "change" permission itself; owning the item is not enough."""

    def may_alter_live_item(self, user, instance):
        """Whether ``user`` may change what live pages show of ``instance``: its file or its existence."""
        return self._check_perm(user, {"change"}, collection=instance.collection)

    def is_locked_for(self, user, instance):
        """Whether ``instance`` is shown by a live page and ``user`` may not alter it."""
        return live_pages_using(instance).exists() and not self.may_alter_live_item(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if "delete" in actions and self.is_locked_for(user, instance):
            actions = [action for action in actions if action != "delete"]
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def image_policy():
    return LivePageFilesPolicy(
        get_image_model_string(), auth_model="wagtailimages.Image", owner_field_name="uploaded_by_user"
    )


def document_policy():
    return LivePageFilesPolicy(
        get_document_model_string(), auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user"
    )
