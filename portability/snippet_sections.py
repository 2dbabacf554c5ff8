"""The document's disclaimers and site settings sections.

Disclaimers are keyed by title and language (each language's wordings have titles of their own), and carry
their translation group and source revision like pages (``portability.context.translation_fields``).
"""

from django.core.exceptions import ValidationError
from wagtail.models import Locale, Site

from health_content.models import MedicalDisclaimer, PublishingSettings
from portability.context import (
    Section,
    add_validation_error,
    check_type,
    default_language,
    portable_name,
    translation_fields,
)

FIELDS = {"title", "live", "locale", "translation_key", "translated_from_exported_version", "body"}


class DisclaimersSection(Section):
    key = "disclaimers"

    def export(self, context):
        items = []
        for disclaimer in MedicalDisclaimer.objects.select_related("locale").order_by(
            "title", "locale__language_code"
        ):
            live = disclaimer.live
            if not live and disclaimer.latest_revision_id:  # Never published: its latest draft, as for pages.
                disclaimer = disclaimer.get_latest_revision_as_object()
            items.append(
                {
                    "title": disclaimer.title,
                    "live": live,
                    **translation_fields(disclaimer, context.exported_revisions, "disclaimer"),
                    "body": context.rich_text(disclaimer.body),
                }
            )
        return items

    def validate(self, data, context):
        self.new = []
        self.live_in_file, self.from_exported_version = [], []
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        if not check_type(context, self.key, data, list, "a list"):
            return
        for index, item in enumerate(data):
            location = f"{self.key}[{index}]"
            if not check_type(context, location, item, dict, "an object"):
                continue
            unknown = set(item) - FIELDS
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
            language = context.read_language(f"{location}.locale", item)
            if language is not None and language not in self.locales:
                context.problems.add(f"{location}.locale", f"the database has no locale {language!r}: run migrate")
            if language not in self.locales:
                continue
            body = context.clean_rich_text(
                f"{location}.body", body, MedicalDisclaimer._meta.get_field("body").features
            )
            existing = context.disclaimers.get((title, language))
            if existing is not None:
                # The same disclaimer already in the database is reused; a different one is a conflict.
                if existing.pk is None:
                    context.problems.add(f"{location}.title", f"{title!r} appears twice in the file ({language})")
                elif context.portable(existing.body) != body:
                    context.problems.add(
                        f"{location}.title", f"a different disclaimer called {title!r} exists ({language})"
                    )
                continue
            key = context.read_translation(location, item, "disclaimer", language, context.disclaimer_translations)
            disclaimer = MedicalDisclaimer(
                title=title,
                body=body,
                live=False,
                has_unpublished_changes=True,
                locale=self.locales.get(language),
                translation_key=key,
            )
            if live:
                self.live_in_file.append(disclaimer)
            if item.get("translated_from_exported_version"):
                self.from_exported_version.append(disclaimer)
            try:
                # Titles are unique per language, which the checks above do for the file and the database.
                disclaimer.full_clean(exclude=["translation_key"], validate_unique=False)
            except ValidationError as error:
                add_validation_error(context, location, error)
            context.require_links(f"{location}.body", body)
            context.disclaimers[(title, language)] = disclaimer
            context.provided.add(("disclaimer", title, language))
            self.new.append(disclaimer)
        # The default language's first: a translation is linked to the revision the import makes of its source.
        self.new.sort(key=lambda disclaimer: disclaimer.locale.language_code != context.default_language)

    def write(self, context, progress):
        for disclaimer in self.new:  # A handful: saved one by one so the search index sees them.
            disclaimer.save()
        return len(self.new)

    def finish(self, context, progress):
        """Save each new disclaimer as a draft revision; publish it only if asked and it was live in the file."""
        for disclaimer in self.new:
            source = ("disclaimer", disclaimer.translation_key)
            changed = {"body": context.resolve_links(disclaimer.body)}
            if disclaimer in self.from_exported_version:
                changed["translated_from_revision_id"] = context.source_revisions[source]
            changed = {name: value for name, value in changed.items() if getattr(disclaimer, name) != value}
            if changed:
                for name, value in changed.items():
                    setattr(disclaimer, name, value)
                disclaimer.save(update_fields=[name.removesuffix("_id") for name in changed])
            revision = disclaimer.save_revision(user=context.user)
            if disclaimer.locale.language_code == context.default_language:
                context.source_revisions[source] = revision.pk
            if context.publish and disclaimer in self.live_in_file:
                revision.publish(user=context.user)


class SettingsSection(Section):
    key = "settings"
    empty = {}

    def export(self, context):
        site = Site.objects.filter(is_default_site=True).first()
        default = PublishingSettings.for_site(site).default_disclaimer if site else None
        if default is None:
            return {"default_disclaimer": None}
        return {
            "default_disclaimer": portable_name(
                default.title, default.locale.language_code, default_language(), "title"
            )
        }

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
        if title is not None:
            self.default_disclaimer = context.read_reference(location, title, context.default_language, "title")
            if self.default_disclaimer is not None:
                context.require(location, ("disclaimer", *self.default_disclaimer))

    def write(self, context, progress):
        if not self.given:
            return 0
        settings = PublishingSettings.for_site(Site.objects.get(is_default_site=True))
        settings.default_disclaimer = context.disclaimers.get(self.default_disclaimer)
        settings.save()
        return 1
