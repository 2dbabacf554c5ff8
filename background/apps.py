"""Background work (docs/deploy.md, "Several app servers")."""

from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    name = "background"
    default_auto_field = "django.db.models.BigAutoField"
