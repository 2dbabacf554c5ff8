"""Delivery: how the site reaches readers in production (health checks, the public address, shared state,
caching and purging)."""

from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"

    def ready(self):
        from django.apps import apps
        from django.core.signals import request_started
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.models import DraftStateMixin, Locale, Page, PageViewRestriction, Site
        from wagtail.signals import (
            page_published,
            page_slug_changed,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from . import languages, site_root_paths
        from .client_address import trusted_networks
        from .page_cache import pages_changed
        from .purge import page_changed, page_moved, site_wide_change
        from .site_address import apply_public_site_url

        # A mistyped TRUSTED_PROXIES stops every process at start, not the first login or feedback answer.
        trusted_networks()

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
        for signal in (post_save, post_delete):
            signal.connect(languages.locales_changed, sender=Locale, dispatch_uid=f"delivery-locales-{signal}")

        # Purging the shared cache (delivery/purge.py). A workflow sign-off publishes through
        # revision.publish(), which sends page_published like any other publish.
        for signal in (page_published, page_unpublished):
            signal.connect(page_changed, dispatch_uid=f"delivery-purge-{signal}")
        post_page_move.connect(page_moved, dispatch_uid="delivery-purge-move")
        for signal in (published, unpublished):
            signal.connect(site_wide_change, dispatch_uid=f"delivery-purge-snippet-{signal}")
        for model in apps.get_models():
            if issubclass(model, Page):
                post_delete.connect(page_changed, sender=model, dispatch_uid=f"delivery-purge-delete-{model}")
            elif issubclass(model, (BaseSiteSetting, BaseGenericSetting, PageViewRestriction)):
                post_save.connect(site_wide_change, sender=model, dispatch_uid=f"delivery-purge-save-{model}")
                post_delete.connect(site_wide_change, sender=model, dispatch_uid=f"delivery-purge-del-{model}")
            elif issubclass(model, DraftStateMixin):
                post_delete.connect(site_wide_change, sender=model, dispatch_uid=f"delivery-purge-del-{model}")
