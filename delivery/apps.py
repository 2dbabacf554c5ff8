"""Delivery: how the site reaches readers in production (health checks, the public address)."""

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from .site_address import apply_public_site_url

        # Sent once per app with models; Wagtail's core app owns the Site model.
        post_migrate.connect(
            apply_public_site_url,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="delivery-public-site-url",
        )
