from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HealthContentConfig(AppConfig):
    name = "health_content"
    verbose_name = "Health content"

    def ready(self):
        from wagtail.models import PageViewRestriction
        from wagtail.signals import copy_for_translation_done, post_page_move

        from .models import MedicalDisclaimer, PublishingSettings
        from .translation import record_source_revision
        from .visibility import forget_restricted_paths

        for signal in (post_save, post_delete):
            signal.connect(
                forget_restricted_paths, sender=PageViewRestriction, dispatch_uid=f"restricted-{signal}"
            )
        post_page_move.connect(forget_restricted_paths, dispatch_uid="restricted-paths-move")

        for model in (MedicalDisclaimer, PublishingSettings):
            post_save.connect(
                PublishingSettings.clear_cache, sender=model, dispatch_uid=f"clear-disclaimer-{model}"
            )
            post_delete.connect(
                PublishingSettings.clear_cache, sender=model, dispatch_uid=f"clear-disclaimer-del-{model}"
            )
        copy_for_translation_done.connect(record_source_revision, dispatch_uid="translation-source-revision")
