from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class HealthContentConfig(AppConfig):
    name = "health_content"
    verbose_name = "Health content"

    def ready(self):
        from .models import MedicalDisclaimer, PublishingSettings

        for model in (MedicalDisclaimer, PublishingSettings):
            post_save.connect(
                PublishingSettings.clear_cache, sender=model, dispatch_uid=f"clear-disclaimer-{model}"
            )
            post_delete.connect(
                PublishingSettings.clear_cache, sender=model, dispatch_uid=f"clear-disclaimer-del-{model}"
            )
