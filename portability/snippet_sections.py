"""The document's disclaimers and site settings sections."""

from django.core.exceptions import ValidationError
from wagtail.models import Site

from health_content.models import MedicalDisclaimer, PublishingSettings
from portability.context import Section, add_validation_error, check_type


class DisclaimersSection(Section):
    key = "disclaimers"

    def export(self, context):
        items = []
        for disclaimer in MedicalDisclaimer.objects.order_by("title"):
            live = disclaimer.live
            if not live and disclaimer.latest_revision_id:  # Never published: its latest draft, as for pages.
                disclaimer = disclaimer.get_latest_revision_as_object()
            items.append({"title": disclaimer.title, "live": live, "body": context.rich_text(disclaimer.body)})
        return items

    def validate(self, data, context):
        self.new = []
        self.live_in_file = set()
        if not check_type(context, self.key, data, list, "a list"):
            return
        for index, item in enumerate(data):
            location = f"{self.key}[{index}]"
            if not check_type(context, location, item, dict, "an object"):
                continue
            unknown = set(item) - {"title", "live", "body"}
            if unknown:
                context.problems.add(location, f"unknown field(s) {', '.join(sorted(unknown))}")
            # A file without "live" (made before the flag existed) is treated as holding an unreviewed draft.
            title, body, live = item.get("title", ""), item.get("body", ""), item.get("live", False)
            if not (
                check_type(context, f"{location}.title", title, str, "text")
                and check_type(context, f"{location}.body", body, str, "text")
                and check_type(context, f"{location}.live", live, bool, "true or false")
            ):
                continue
            body = context.clean_rich_text(
                f"{location}.body", body, MedicalDisclaimer._meta.get_field("body").features
            )
            existing = context.disclaimers.get(title)
            if existing is not None:
                # The same disclaimer already in the database is reused; a different one is a conflict.
                if existing.pk is None:
                    context.problems.add(f"{location}.title", f"{title!r} appears twice in the file")
                elif context.portable(existing.body) != body:
                    context.problems.add(f"{location}.title", f"a different disclaimer called {title!r} exists")
                continue
            disclaimer = MedicalDisclaimer(title=title, body=body, live=False, has_unpublished_changes=True)
            if live:
                self.live_in_file.add(title)
            try:
                disclaimer.full_clean()
            except ValidationError as error:
                add_validation_error(context, location, error)
            context.require_links(f"{location}.body", body)
            context.disclaimers[title] = disclaimer
            context.provided.add(("disclaimer", title))
            self.new.append(disclaimer)

    def write(self, context, progress):
        for disclaimer in self.new:  # A handful: saved one by one so the search index sees them.
            disclaimer.save()
        return len(self.new)

    def finish(self, context, progress):
        """Save each new disclaimer as a draft revision; publish it only if asked and it was live in the file."""
        for disclaimer in self.new:
            body = context.resolve_links(disclaimer.body)
            if body != disclaimer.body:
                disclaimer.body = body
                disclaimer.save(update_fields=["body"])
            revision = disclaimer.save_revision(user=context.user)
            if context.publish and disclaimer.title in self.live_in_file:
                revision.publish(user=context.user)


class SettingsSection(Section):
    key = "settings"
    empty = {}

    def export(self, context):
        site = Site.objects.filter(is_default_site=True).first()
        default = PublishingSettings.for_site(site).default_disclaimer if site else None
        return {"default_disclaimer": default.title if default else None}

    def validate(self, data, context):
        self.default_disclaimer = None
        self.given = False
        if not check_type(context, self.key, data, dict, "an object"):
            return
        unknown = set(data) - {"default_disclaimer"}
        if unknown:
            context.problems.add(self.key, f"unknown field(s) {', '.join(sorted(unknown))}")
        if "default_disclaimer" not in data:
            return
        self.given = True
        title = data["default_disclaimer"]
        location = f"{self.key}.default_disclaimer"
        if not Site.objects.filter(is_default_site=True).exists():
            context.problems.add(location, "the database has no default site to set it on")
        if title is not None and check_type(context, location, title, str, "a disclaimer title or null"):
            context.require(location, ("disclaimer", title))
            self.default_disclaimer = title

    def write(self, context, progress):
        if not self.given:
            return 0
        settings = PublishingSettings.for_site(Site.objects.get(is_default_site=True))
        settings.default_disclaimer = context.disclaimers.get(self.default_disclaimer)
        settings.save()
        return 1
