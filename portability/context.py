"""What export and import share: id-to-key lookups, the import's bookkeeping, and the Section base.

Import runs in three passes over :func:`portability.sections.sections`: ``validate`` (reads only,
collects problems), ``write`` (creates rows) and ``finish`` (resolves links and relations between rows
the writes created, then saves page revisions).

Pages and disclaimers are keyed by slug (title) *and language*: a Spanish term may have its English
term's slug. The file names one in the referring item's own language by its slug (title) alone, and one
in another language as ``{"slug": ..., "locale": ...}`` (:func:`portable_name`).
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Page

from articles.models import ArticlePage
from delivery.languages import language_name
from glossary.models import TermPage
from health_content.models import MedicalDisclaimer
from portability.links import (
    ids_to_paths,
    linked_paths,
    paths_to_ids,
    rewrite_strings,
    site_path,
)
from portability.rich_text import RichTextCleaner

CLEANED_NOTE = "rich text cleaned as the editor would: markup it does not allow (such as scripts) was removed"
# The raw StreamField shape of wagtail.images.blocks.ImageBlock: the image is named by title on export.
IMAGE_BLOCK_KEYS = {"image", "decorative", "alt_text"}
LANGUAGES = [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]


def default_language():
    """The language code of the default locale ("en-gb"): what a file without ``locale`` holds."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def page_paths():
    """Page id -> the page's portable path: below its site root, after the language prefix its public address
    has when it is in another language than the default (``/glossary/remission/``, ``/es/glosario/remision/``)."""
    default = default_language()
    prefixes = {
        slug: "" if language == default else f"/{language}"
        for slug, language in Page.objects.filter(depth=2).values_list("slug", "locale__language_code")
    }
    return {
        pk: prefixes.get(url_path.strip("/").split("/")[0], "") + site_path(url_path)
        for pk, url_path in Page.objects.values_list("pk", "url_path")
    }


def portable_name(name, language, own_language, field_name="slug"):
    """How an item names a page (by slug) or disclaimer (by title): the name alone when it is in the item's
    own language, else with its language."""
    return name if language == own_language else {field_name: name, "locale": language}


def translation_fields(obj, exported_revisions, kind):
    """An item's language, translation group and which English revision it was translated from:
    ``translated_from_exported_version`` is true when that is the English item's exported version, false
    for an earlier revision (not in the file), null when no source revision is recorded."""
    made_from = obj.translated_from_revision_id
    return {
        "locale": obj.locale.language_code,
        "translation_key": str(obj.translation_key),
        "translated_from_exported_version": (
            None if made_from is None else made_from == exported_revisions.get((kind, obj.translation_key))
        ),
    }


class ExportContext:
    """Lookups from database ids to portable keys, each built with one query."""

    def __init__(self):
        self.paths_by_id = page_paths()
        self.term_slugs = {
            pk: (slug, language)
            for pk, slug, language in TermPage.objects.values_list("pk", "slug", "locale__language_code")
        }
        self.article_slugs = {
            pk: (slug, language)
            for pk, slug, language in ArticlePage.objects.values_list("pk", "slug", "locale__language_code")
        }
        self.image_titles = dict(get_image_model().objects.values_list("pk", "title"))
        # (kind, translation key) of each default-language page and disclaimer -> the revision exported for it
        # (its live revision, or its latest if it is not live), for the translations made from it.
        default = default_language()
        self.exported_revisions = {}
        for kind, model in (("term", TermPage), ("article", ArticlePage), ("disclaimer", MedicalDisclaimer)):
            rows = model.objects.filter(locale__language_code=default).values_list(
                "translation_key", "live", "live_revision", "latest_revision"
            )
            for key, live, live_revision, latest_revision in rows:
                self.exported_revisions[(kind, key)] = live_revision if live else latest_revision

    def rich_text(self, html):
        return ids_to_paths(html, self.paths_by_id)

    def stream(self, raw):
        return [self._images_to_titles(rewrite_strings(block, self.rich_text)) for block in raw]

    def _images_to_titles(self, data):
        if isinstance(data, dict):
            if data.keys() == IMAGE_BLOCK_KEYS and isinstance(data["image"], int):
                return {**data, "image": self.image_titles.get(data["image"])}
            return {key: self._images_to_titles(value) for key, value in data.items()}
        if isinstance(data, list):
            return [self._images_to_titles(item) for item in data]
        return data


@dataclass
class ImportContext:
    """What validation learned, shared by every section during one import."""

    user: object
    publish: bool
    problems: object
    provided: set = field(default_factory=set)
    required: list = field(default_factory=list)
    ids_by_path: dict = field(default_factory=dict)
    # (title, language) -> disclaimer, saved or (from the file) not yet
    disclaimers: dict = field(default_factory=dict)
    # (kind, slug, language) -> page id
    ids_by_slug: dict = field(default_factory=dict)
    # Things worth telling whoever imports that do not stop the import, each with its place.
    notes: list = field(default_factory=list)
    cleaner: RichTextCleaner = field(default_factory=RichTextCleaner)
    # Translation groups: the (translation key, language) of every page, and of every disclaimer, in the
    # database or the file; where each default-language item is ("database" or "file", by (kind, translation
    # key)); the translations to check against those; the revision the import made for each one of the file.
    page_translations: set = field(default_factory=set)
    disclaimer_translations: set = field(default_factory=set)
    sources: dict = field(default_factory=dict)
    translations: list = field(default_factory=list)
    source_revisions: dict = field(default_factory=dict)

    def __post_init__(self):
        self.default_language = default_language()
        self.paths_by_id = page_paths()
        self.ids_by_path = {path: pk for pk, path in self.paths_by_id.items()}
        self.provided |= {("page", path) for path in self.ids_by_path}
        for kind, model in (("term", TermPage), ("article", ArticlePage)):
            for slug, language, pk, key in model.objects.values_list(
                "slug", "locale__language_code", "pk", "translation_key"
            ):
                self.ids_by_slug[(kind, slug, language)] = pk
                if language == self.default_language:
                    self.sources[(kind, key)] = "database"
        self.provided |= set(self.ids_by_slug)
        self.page_translations = set(Page.objects.values_list("translation_key", "locale__language_code"))
        for disclaimer in MedicalDisclaimer.objects.select_related("locale"):
            language = disclaimer.locale.language_code
            self.disclaimers[(disclaimer.title, language)] = disclaimer
            self.disclaimer_translations.add((disclaimer.translation_key, language))
            if language == self.default_language:
                self.sources[("disclaimer", disclaimer.translation_key)] = "database"
        self.provided |= {("disclaimer", title, language) for title, language in self.disclaimers}

    def require(self, location, key):
        self.required.append((location, key))

    def check_required(self):
        names = {
            "page": "no page at the path",
            "term": "no term with the slug",
            "article": "no article with the slug",
        }
        names["disclaimer"] = "no disclaimer with the title"
        for location, key in self.required:
            if key not in self.provided:
                language = f" in {language_name(key[2])}" if key[2:] and key[2] != self.default_language else ""
                self.problems.add(location, f"{names[key[0]]} {key[1]!r}{language} in the file or the database")
        english = language_name(self.default_language)
        for location, kind, key, exported_version in self.translations:
            source = self.sources.get((kind, key))
            if source is None:
                self.problems.add(
                    location,
                    f"the {english} {kind} this was translated from (translation key {key}) is in neither the "
                    f"file nor the database: import the {english} {kind} with it",
                )
            elif exported_version and source == "database":
                self.problems.add(
                    location,
                    f"can only be true when the {english} {kind} is in this file; it is already in the database, "
                    "whose revisions the file does not know",
                )

    def read_language(self, location, item):
        """The item's ``locale`` (the default language when the file gives none), or None with a problem."""
        language = item.get("locale", self.default_language)
        if language not in LANGUAGES:
            self.problems.add(location, f"must be one of {', '.join(LANGUAGES)}, got {language!r}")
            return None
        return language

    def read_translation(self, location, item, kind, language, known):
        """The item's translation key (a new one when the file gives none), checked to be the only one in its
        language in ``known`` (the page or disclaimer groups), and its source revision flag, recorded for
        :meth:`check_required`."""
        raw = item.get("translation_key")
        try:
            key = uuid.uuid4() if raw is None else uuid.UUID(raw)
        except (AttributeError, TypeError, ValueError):
            self.problems.add(f"{location}.translation_key", f"must be a UUID or null, got {raw!r}")
            return None
        if (key, language) in known:
            self.problems.add(
                f"{location}.translation_key",
                f"another {language_name(language)} item of this translation group ({key}) is in the file or "
                "the database",
            )
        known.add((key, language))
        exported_version = item.get("translated_from_exported_version")
        where = f"{location}.translated_from_exported_version"
        if exported_version is not None and check_type(self, where, exported_version, bool, "true, false or null"):
            if language == self.default_language:
                self.problems.add(where, f"must be null: a {language_name(language)} item is no translation")
            else:
                self.translations.append((where, kind, key, exported_version))
                if not exported_version:
                    self.notes.append(
                        f"{where}: translated from an earlier {language_name(self.default_language)} revision, "
                        "which is not in the file: imported without a link to the revision it was made from"
                    )
        if language == self.default_language:
            self.sources[(kind, key)] = "file"
        return key

    def path_of(self, page_id):
        return self.paths_by_id[page_id]

    def read_reference(self, location, value, language, field_name="slug"):
        """(name, language) of what ``value`` names (see :func:`portable_name`), or None with a problem."""
        if isinstance(value, str):
            return value, language
        if (
            isinstance(value, dict)
            and set(value) == {field_name, "locale"}
            and isinstance(value[field_name], str)
            and value["locale"] in LANGUAGES
        ):
            return value[field_name], value["locale"]
        self.problems.add(
            location,
            f'must be a {field_name}, or {{"{field_name}": ..., "locale": ...}} (one of {", ".join(LANGUAGES)}) '
            f"for one in another language, got {value!r}",
        )
        return None

    def require_links(self, location, html):
        for path in linked_paths(html):
            self.require(location, ("page", path))

    def clean_rich_text(self, location, html, features):
        """``html`` as the admin editor would store it, with a note when that removed something."""
        cleaned = self.cleaner.clean(html, features)
        if cleaned != html:
            self.notes.append(f"{location}: {CLEANED_NOTE}")
        return cleaned

    def clean_stream(self, location, block, raw):
        """Raw StreamField data with every rich text value cleaned, with a note when that removed something."""
        cleaned = self.cleaner.clean_stream(block, raw)
        if cleaned != raw:
            self.notes.append(f"{location}: {CLEANED_NOTE}")
        return cleaned

    def resolve_links(self, html):
        return paths_to_ids(html, self.ids_by_path)

    def portable(self, html):
        """Rich text from the database as the file would hold it (page links by path)."""
        return ids_to_paths(html, {pk: path for path, pk in self.ids_by_path.items()})


class Section:
    key = ""
    empty = []

    def export(self, context):
        raise NotImplementedError

    def validate(self, data, context):
        raise NotImplementedError

    def write(self, context, progress):
        return 0

    def finish(self, context, progress):
        """Second pass after every section wrote its rows: resolve cross-references."""


def check_type(context, location, value, expected, description):
    if isinstance(value, expected):
        return True
    context.problems.add(location, f"must be {description}, got {type(value).__name__}")
    return False


def add_validation_error(context, location, error):
    for field_name, messages in error.message_dict.items():
        where = location if field_name == "__all__" else f"{location}.{field_name}"
        for message in messages:
            context.problems.add(where, message)
