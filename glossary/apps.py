from django.apps import AppConfig


class GlossaryConfig(AppConfig):
    name = "glossary"

    def ready(self):
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import PageViewRestriction
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .linking.store import build_first_snapshot, glossary_changed
        from .models import GlossaryIndexPage, TermPage

        # A term's link changes when it goes live, is renamed, unpublished, moved or deleted, and when the
        # glossary index above it changes its slug.
        for sender in (TermPage, GlossaryIndexPage):
            for signal in (page_published, page_unpublished, post_page_move, post_delete):
                uid = f"glossary-autolink-{signal}-{sender}"
                signal.connect(glossary_changed, sender=sender, dispatch_uid=uid)
        # Terms in a section that gains or loses a view restriction stop or start being linked.
        for signal in (post_save, post_delete):
            uid = f"glossary-autolink-restriction-{signal}"
            signal.connect(glossary_changed, sender=PageViewRestriction, dispatch_uid=uid)
        post_migrate.connect(build_first_snapshot, sender=self, dispatch_uid="glossary-autolink-first-snapshot")
