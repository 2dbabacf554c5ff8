"""Delivery: how the site reaches readers in production (health checks, the public address, shared state,
caching)."""

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"

    def ready(self):
        from django.apps import apps
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Page, Site
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from . import site_root_paths
        from .page_cache import pages_changed
        from .site_address import apply_public_site_url

        # Any page going live, changing, moving or going away retires stored pages and sitemap parts.
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(pages_changed, dispatch_uid=f"delivery-pages-changed-{signal}")
        post_delete.connect(pages_changed, sender=Page, dispatch_uid="delivery-pages-deleted")

        # Sent once per app with models; Wagtail's core app owns the Site model.
        post_migrate.connect(
            apply_public_site_url,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="delivery-public-site-url",
        )

        # Every process renews Wagtail's cached site addresses within a second of a change (site_root_paths.py).
        request_started.connect(site_root_paths.catch_up, dispatch_uid="delivery-site-root-paths")
        for signal in (post_save, post_delete):
            signal.connect(site_root_paths.sites_changed, sender=Site, dispatch_uid=f"delivery-sites-{signal}")
        for signal in (page_slug_changed, post_page_move):
            signal.connect(site_root_paths.page_path_changed, dispatch_uid=f"delivery-site-root-{signal}")
