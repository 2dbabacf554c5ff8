"""What export and import share: id-to-key lookups, the import's bookkeeping, and the Section base.

Import runs in three passes over :func:`portability.sections.sections`: ``validate`` (reads only,
collects problems), ``write`` (creates rows) and ``finish`` (resolves links and relations between rows
the writes created, then saves page revisions).
"""

from dataclasses import dataclass, field

from wagtail.images import get_image_model
from wagtail.models import Page

from articles.models import ArticlePage
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


class ExportContext:
    """Lookups from database ids to portable keys, each built with one query."""

    def __init__(self):
        self.paths_by_id = {pk: site_path(url_path) for pk, url_path in Page.objects.values_list("pk", "url_path")}
        self.term_slugs = dict(TermPage.objects.values_list("pk", "slug"))
        self.article_slugs = dict(ArticlePage.objects.values_list("pk", "slug"))
        self.image_titles = dict(get_image_model().objects.values_list("pk", "title"))

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
    disclaimers: dict = field(default_factory=dict)
    ids_by_slug: dict = field(default_factory=dict)
    # Things worth telling whoever imports that do not stop the import, each with its place.
    notes: list = field(default_factory=list)
    cleaner: RichTextCleaner = field(default_factory=RichTextCleaner)

    def __post_init__(self):
        self.ids_by_path = {site_path(url_path): pk for pk, url_path in Page.objects.values_list("pk", "url_path")}
        self.provided |= {("page", path) for path in self.ids_by_path}
        self.ids_by_slug = {("term", slug): pk for slug, pk in TermPage.objects.values_list("slug", "pk")}
        self.ids_by_slug |= {("article", slug): pk for slug, pk in ArticlePage.objects.values_list("slug", "pk")}
        self.provided |= set(self.ids_by_slug)
        self.disclaimers = {disclaimer.title: disclaimer for disclaimer in MedicalDisclaimer.objects.all()}
        self.provided |= {("disclaimer", title) for title in self.disclaimers}

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
                self.problems.add(location, f"{names[key[0]]} {key[1]!r} in the file or the database")

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
