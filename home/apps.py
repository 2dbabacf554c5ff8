from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .skeleton import create_after_migrate
        from .templatetags.navigation_tags import clear_navigation_cache

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(clear_navigation_cache, dispatch_uid=f"clear-navigation-{signal}")
        post_delete.connect(clear_navigation_cache, sender=Page, dispatch_uid="clear-navigation-delete")
        # An empty tree gets its home page's listing pages (home/skeleton.py); sent once, for this app.
        post_migrate.connect(create_after_migrate, sender=self, dispatch_uid="home-site-skeleton")
