"""Images and documents under clinical governance: what live pages show changes only through page review.

Listed after ``wagtail.images`` and ``wagtail.documents`` in ``INSTALLED_APPS``: their ``ready()`` registers
Wagtail's own permission policies, which this app's ``ready()`` then replaces.
"""

from django.apps import AppConfig


class MediaGovernanceConfig(AppConfig):
    name = "media_governance"
    verbose_name = "Images and documents under review"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published

        from .permissions import document_policy, image_policy
        from .references import index_published_page

        register_permission_policy(get_image_model(), image_policy())
        register_permission_policy(get_document_model(), document_policy())
        page_published.connect(index_published_page, dispatch_uid="media-governance-index-published-page")
