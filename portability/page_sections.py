"""The document's terms and articles sections: one page per item, keyed by slug and language.

Each item names its language (``locale``) and translation group (``translation_key``), so a Spanish page is
imported as the translation of its English page. Terms and articles go under the glossary and article index
page of their language (``migrate`` makes them in each language, see ``home/skeleton.py``). A translation
made from the English page's exported version is linked to the revision the import makes of it.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTag,
    ArticleReference,
    ArticleRelatedArticle,
    ArticleRelatedTerm,
)
from delivery.languages import language_name
from glossary.models import (
    GlossaryIndexPage,
    TermPage,
    TermPageTag,
    TermReference,
    TermRelatedArticle,
    TermRelatedTerm,
    TermSynonym,
)
from health_content import bulk_pages
from portability.context import (
    IMAGE_BLOCK_KEYS,
    Section,
    add_validation_error,
    check_type,
    portable_name,
    translation_fields,
)
from portability.links import rewrite_strings, strings_in
from portability.stream_data import stream_problems

REFERENCE_FIELDS = ["title", "source", "year", "doi", "pubmed_id", "url"]


@dataclass
class PageKind:
    """What differs between terms and articles in the document."""

    key: str
    singular: str
    model: type
    parent_model: type
    text_fields: list
    rich_text_fields: list
    stream_fields: list
    synonyms: bool
    reference_model: type
    related_term_model: type
    related_article_model: type
    tag_model: type


TERMS = PageKind(
    key="terms",
    singular="term",
    model=TermPage,
    parent_model=GlossaryIndexPage,
    text_fields=["pronunciation", "definition", "what_is_heading"],
    rich_text_fields=["what_is", "why_it_matters"],
    stream_fields=["extra_sections"],
    synonyms=True,
    reference_model=TermReference,
    related_term_model=TermRelatedTerm,
    related_article_model=TermRelatedArticle,
    tag_model=TermPageTag,
)
ARTICLES = PageKind(
    key="articles",
    singular="article",
    model=ArticlePage,
    parent_model=ArticleIndexPage,
    text_fields=["summary"],
    rich_text_fields=[],
    stream_fields=["body"],
    synonyms=False,
    reference_model=ArticleReference,
    related_term_model=ArticleRelatedTerm,
    related_article_model=ArticleRelatedArticle,
    tag_model=ArticlePageTag,
)

PAGE_TEXT_FIELDS = ["seo_title", "search_description"]
# Set by the import itself (tree position, ownership, publishing state), not read from the file.
NOT_VALIDATED_PER_PAGE = [
    "path",
    "depth",
    "url_path",
    "owner",
    "locale",
    "image",
    "disclaimer",
    "content_type",
    "live_revision",
    "latest_revision",
    "locked_by",
    "alias_of",
]
REVIEW_DATE_FIELDS = ["last_reviewed", "next_review_due"]


@dataclass
class PlannedPage:
    """A validated page waiting to be written, with what can only be set once every page has an id."""

    page: object
    tags: list
    related_terms: list  # (slug, language) of each
    related_articles: list
    disclaimer: tuple = None  # (title, language)
    # Whether the page was live where it was exported: only such pages are published by ``--publish``.
    live: bool = False
    language: str = ""
    # Whether it was translated from the exported version of its English page (see ``translation_fields``).
    translated_from_exported_version: bool = None


class PagesSection(Section):
    """Terms or articles. Each is exported as its published version, or its latest draft if never published."""

    def __init__(self, kind):
        self.kind = kind
        self.key = kind.key

    # Export

    def export(self, context):
        pages = (
            self.kind.model.objects.order_by("path")
            .select_related("locale", "disclaimer__locale")
            .prefetch_related("tags", "references", "related_term_links", "related_article_links")
        )
        if self.kind.synonyms:
            pages = pages.prefetch_related("synonyms")
        items = []
        for page in pages:
            if not page.live and page.latest_revision_id:
                page = page.get_latest_revision_as_object()
            items.append(self.export_page(page, context))
        return items

    def export_page(self, page, context):
        item = {"slug": page.slug, "title": page.title, "live": page.live}
        item.update(translation_fields(page, context.exported_revisions, self.kind.singular))
        language = item["locale"]
        item.update({name: getattr(page, name) for name in PAGE_TEXT_FIELDS})
        item.update({name: getattr(page, name) for name in self.kind.text_fields})
        if self.kind.synonyms:
            item["also_called"] = [synonym.name for synonym in page.synonyms.all()]
        item.update({name: context.rich_text(getattr(page, name)) for name in self.kind.rich_text_fields})
        item.update(
            {name: context.stream(getattr(page, name).get_prep_value()) for name in self.kind.stream_fields}
        )
        item["image"] = context.image_titles.get(page.image_id)
        item["image_alt_text"] = page.image_alt_text
        disclaimer = page.disclaimer
        item["disclaimer"] = (
            portable_name(disclaimer.title, disclaimer.locale.language_code, language, "title")
            if disclaimer
            else None
        )
        item["tags"] = sorted(tag.name for tag in page.tags.all())
        item["related_terms"] = [
            portable_name(*context.term_slugs[link.term_id], language)
            for link in page.related_term_links.all()
            if link.term_id in context.term_slugs
        ]
        item["related_articles"] = [
            portable_name(*context.article_slugs[link.article_id], language)
            for link in page.related_article_links.all()
            if link.article_id in context.article_slugs
        ]
        item["references"] = [
            {name: getattr(ref, name) for name in REFERENCE_FIELDS} for ref in page.references.all()
        ]
        for name in REVIEW_DATE_FIELDS:
            value = getattr(page, name)
            item[name] = value.isoformat() if value else None
        item["reviewed_by"] = page.reviewed_by
        return item

    def field_names(self):
        names = ["slug", "title", "live", "locale", "translation_key", "translated_from_exported_version"]
        names += [*PAGE_TEXT_FIELDS, *self.kind.text_fields, *self.kind.rich_text_fields]
        names += [*self.kind.stream_fields, "image", "image_alt_text", "disclaimer", "tags", "related_terms"]
        names += ["related_articles", "references", *REVIEW_DATE_FIELDS, "reviewed_by"]
        return names + (["also_called"] if self.kind.synonyms else [])

    # Validation

    def validate(self, data, context):
        self.planned = []
        # Each language's index page (the first, if a site has more): the parent of its terms or articles.
        self.parents = {}
        for parent in self.kind.parent_model.objects.order_by("path").select_related("locale"):
            self.parents.setdefault(parent.locale.language_code, parent)
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        if not check_type(context, self.key, data, list, "a list"):
            return
        self.images = {}
        titles = {title for item in data if isinstance(item, dict) for title in self._image_titles(item)}
        for image in get_image_model().objects.filter(title__in=titles):
            self.images.setdefault(image.title, image)
        seen_slugs = set()
        missing_parents = set()
        for index, item in enumerate(data):
            location = f"{self.key}[{index}]"
            if not check_type(context, location, item, dict, "an object"):
                continue
            language = context.read_language(f"{location}.locale", item)
            if language is not None and language not in self.parents:
                missing_parents.add(language)
                continue
            if language is not None:
                planned = self.validate_page(item, location, context, seen_slugs, language)
                if planned:
                    self.planned.append(planned)
        for language in sorted(missing_parents):
            index_name = self.kind.parent_model._meta.verbose_name
            context.problems.add(
                self.key,
                f"the database has no {language_name(language)} {index_name} to import {self.key} into "
                "(migrate makes one for each language)",
            )
        # Default-language pages first: each translation is linked to the revision the import makes of its source.
        self.planned.sort(key=lambda planned: planned.language != context.default_language)

    def _image_titles(self, item):
        if isinstance(item.get("image"), str):
            yield item["image"]
        for name in self.kind.stream_fields:
            yield from _stream_image_titles(item.get(name))

    def validate_page(self, item, location, context, seen_slugs, language):
        unknown = set(item) - set(self.field_names())
        if unknown:
            context.problems.add(location, f"unknown field(s) {', '.join(sorted(unknown))}")
        text_names = ["slug", "title", *PAGE_TEXT_FIELDS, *self.kind.text_fields, *self.kind.rich_text_fields]
        text_names += ["image_alt_text", "reviewed_by"]
        # A required field left out is named as missing, not reported as blank.
        missing = [
            name for name in text_names if name not in item and not self.kind.model._meta.get_field(name).blank
        ]
        for name in missing:
            context.problems.add(f"{location}.{name}", "missing: every file must give it")
        values = {}
        for name in text_names:
            value = item.get(name, "")
            if check_type(context, f"{location}.{name}", value, str, "text"):
                values[name] = value
        for name in REVIEW_DATE_FIELDS:
            value = item.get(name)
            if value is None:
                values[name] = None
                continue
            try:
                values[name] = datetime.date.fromisoformat(value)
            except (TypeError, ValueError):
                context.problems.add(
                    f"{location}.{name}", f"must be a date such as 2026-03-01 or null, got {value!r}"
                )
        for name in self.kind.rich_text_fields:
            if name in values:
                features = self.kind.model._meta.get_field(name).features
                values[name] = context.clean_rich_text(f"{location}.{name}", values[name], features)
        for name in self.kind.stream_fields:
            value = item.get(name, [])
            if check_type(context, f"{location}.{name}", value, list, "a list of StreamField blocks"):
                value = self._stream_with_image_ids(value, f"{location}.{name}", context)
                block = self.kind.model._meta.get_field(name).stream_block
                problems = stream_problems(block, value, f"{location}.{name}")
                for where, message in problems:
                    context.problems.add(where, message)
                if not problems:
                    values[name] = context.clean_stream(f"{location}.{name}", block, value)
        lists = {}
        list_names = ["tags", "related_terms", "related_articles"] + (
            ["also_called"] if self.kind.synonyms else []
        )
        for name in list_names:
            value = item.get(name, [])
            lists[name] = []
            if not check_type(context, f"{location}.{name}", value, list, "a list"):
                continue
            for i, entry in enumerate(value):
                where = f"{location}.{name}[{i}]"
                if name in ("related_terms", "related_articles"):
                    lists[name].append(context.read_reference(where, entry, language))
                elif check_type(context, where, entry, str, "text"):
                    lists[name].append(entry)
        # A file without "live" (made before the flag existed) is treated as holding unreviewed drafts.
        live = item.get("live", False)
        if not check_type(context, f"{location}.live", live, bool, "true or false"):
            live = False
        self._check_tags(lists["tags"], f"{location}.tags", context)
        references = item.get("references", [])
        if not check_type(context, f"{location}.references", references, list, "a list"):
            references = []
        # Checks go on past a wrong value (it is left out) so that one run reports every problem.
        slug = values.get("slug", "")
        in_language = "" if language == context.default_language else f" in {language_name(language)}"
        if (slug, language) in seen_slugs:
            context.problems.add(f"{location}.slug", f"{slug!r} appears twice in the file{in_language}")
        elif (self.kind.singular, slug, language) in context.provided:
            context.problems.add(
                f"{location}.slug", f"a {self.kind.singular} with the slug {slug!r} already exists{in_language}"
            )
        seen_slugs.add((slug, language))
        translation_key = context.read_translation(
            location, item, self.kind.singular, language, context.page_translations
        )

        page = self.kind.model(
            owner=context.user, locale=self.locales[language], translation_key=translation_key, **values
        )
        self._set_image(page, item.get("image"), f"{location}.image", context)
        disclaimer = item.get("disclaimer")
        if disclaimer is not None:
            disclaimer = context.read_reference(f"{location}.disclaimer", disclaimer, language, "title")
            if disclaimer is not None:
                context.require(f"{location}.disclaimer", ("disclaimer", *disclaimer))
        try:
            # Foreign keys were resolved above and uniqueness is checked by slug, so no query per page here.
            page.full_clean(
                exclude=[*NOT_VALIDATED_PER_PAGE, "translation_key", *missing],
                validate_unique=False,
                validate_constraints=False,
            )
        except ValidationError as error:
            add_validation_error(context, location, error)

        children = []
        if self.kind.synonyms:
            children += [
                (f"{location}.also_called[{i}]", TermSynonym(page=page, name=name, sort_order=i))
                for i, name in enumerate(lists["also_called"])
            ]
            for _, synonym in children:
                synonym.fill_name_fields()  # What its save() does; the bulk insert does not call it.
            page.synonyms = [child for _, child in children]
        page.references = self._references(references, location, context)
        for where, child in children:
            self._clean_child(child, where, context)

        for name in self.kind.rich_text_fields:
            context.require_links(f"{location}.{name}", values.get(name, ""))
        for name in self.kind.stream_fields:
            for text in strings_in(values.get(name, [])):
                context.require_links(f"{location}.{name}", text)
        for name, kind in (("related_terms", "term"), ("related_articles", "article")):
            lists[name] = [ref for ref in lists[name] if ref is not None]
            for i, ref in enumerate(lists[name]):
                context.require(f"{location}.{name}[{i}]", (kind, *ref))

        context.provided.add((self.kind.singular, slug, language))
        context.provided.add(("page", f"{self.parent_path(language, context)}{slug}/"))
        return PlannedPage(
            page,
            lists["tags"],
            lists["related_terms"],
            lists["related_articles"],
            disclaimer,
            live,
            language,
            item.get("translated_from_exported_version"),
        )

    def parent_path(self, language, context):
        """The portable path of the index page the language's pages go under."""
        return context.path_of(self.parents[language].pk)

    @staticmethod
    def _check_tags(names, location, context):
        """Tag names fit taggit's column and, ignoring case, appear once (taggit treats them as one tag)."""
        max_length = Tag._meta.get_field("name").max_length
        seen = {}
        for i, name in enumerate(names):
            where = f"{location}[{i}]"
            if not name.strip():
                context.problems.add(where, "must not be blank")
            elif len(name) > max_length:
                context.problems.add(where, f"must be at most {max_length} characters (it has {len(name)})")
            elif name.lower() in seen:
                context.problems.add(where, f"{name!r} repeats {seen[name.lower()]!r}: tags ignore case")
            seen.setdefault(name.lower(), name)

    def _references(self, references, location, context):
        made = []
        for i, reference in enumerate(references):
            where = f"{location}.references[{i}]"
            if not check_type(context, where, reference, dict, "an object"):
                continue
            unknown = set(reference) - set(REFERENCE_FIELDS)
            if unknown:
                context.problems.add(where, f"unknown field(s) {', '.join(sorted(unknown))}")
                continue
            child = self.kind.reference_model(sort_order=i, **reference)
            self._clean_child(child, where, context)
            made.append(child)
        return made

    @staticmethod
    def _clean_child(child, location, context):
        try:
            child.full_clean(exclude=["page"])
        except ValidationError as error:
            add_validation_error(context, location, error)

    def _set_image(self, page, title, location, context):
        if title is None:
            return
        if not check_type(context, location, title, str, "an image title or null"):
            return
        if title not in self.images:
            context.problems.add(location, f"no image called {title!r} in the database (images are not exported)")
            return
        page.image = self.images[title]

    def _stream_with_image_ids(self, data, location, context):
        if isinstance(data, dict):
            if data.keys() == IMAGE_BLOCK_KEYS and (isinstance(data["image"], str) or data["image"] is None):
                image = self.images.get(data["image"])
                if image is None:
                    context.problems.add(location, f"no image called {data['image']!r} in the database")
                return {**data, "image": image.pk if image else None}
            return {key: self._stream_with_image_ids(value, location, context) for key, value in data.items()}
        if isinstance(data, list):
            return [self._stream_with_image_ids(item, location, context) for item in data]
        return data

    # Writing

    def write(self, context, progress):
        for planned in self.planned:
            if planned.disclaimer is not None:
                planned.page.disclaimer = context.disclaimers[planned.disclaimer]
        for language, parent in self.parents.items():
            group = [planned for planned in self.planned if planned.language == language]
            bulk_pages.insert_tree_rows(parent, [planned.page for planned in group])
            for planned in group:
                page = planned.page
                context.ids_by_path[f"{self.parent_path(language, context)}{page.slug}/"] = page.pk
                context.ids_by_slug[(self.kind.singular, page.slug, language)] = page.pk
        return len(self.planned)

    def finish(self, context, progress):
        ids = context.ids_by_slug
        state = "publishing those live in the file" if context.publish else "as drafts"
        bar = progress(len(self.planned), f"Saving {self.key} {state}") if progress else None
        # Batches of one language each, the default first, so a translation's source has its revision.
        batches = []
        for language in dict.fromkeys(planned.language for planned in self.planned):
            group = [planned for planned in self.planned if planned.language == language]
            batches += [group[i : i + bulk_pages.BATCH_SIZE] for i in range(0, len(group), bulk_pages.BATCH_SIZE)]
        for batch in batches:
            pages = [planned.page for planned in batch]
            for planned in batch:
                page = planned.page
                self._resolve_links(page, context)
                page.fill_derived_fields()  # What page.save() does; the bulk insert does not call it.
                page.related_term_links = [
                    self.kind.related_term_model(term_id=ids[("term", *ref)], sort_order=i)
                    for i, ref in enumerate(planned.related_terms)
                ]
                page.related_article_links = [
                    self.kind.related_article_model(article_id=ids[("article", *ref)], sort_order=i)
                    for i, ref in enumerate(planned.related_articles)
                ]
                if planned.translated_from_exported_version:
                    source = (self.kind.singular, page.translation_key)
                    page.translated_from_revision_id = context.source_revisions[source]
            bulk_pages.insert_specific_rows(self.kind.model, pages)
            for relation, model in self.child_relations():
                children = [child for page in pages for child in self._children(page, relation)]
                bulk_pages.insert_children(model, children)
            bulk_pages.insert_tags(self.kind.tag_model, [(planned.page, planned.tags) for planned in batch])
            publish_ids = {planned.page.pk for planned in batch if context.publish and planned.live}
            bulk_pages.save_revisions(pages, user=context.user, publish_ids=publish_ids)
            for planned in batch:
                if planned.language == context.default_language:
                    source = (self.kind.singular, planned.page.translation_key)
                    context.source_revisions[source] = planned.page.latest_revision.pk
            bulk_pages.update_indexes(self.kind.model, pages)
            if bar:
                bar.update(len(batch))
        if bar:
            bar.close()

    def child_relations(self):
        relations = [("references", self.kind.reference_model)]
        relations += [("related_term_links", self.kind.related_term_model)]
        relations += [("related_article_links", self.kind.related_article_model)]
        return relations + ([("synonyms", TermSynonym)] if self.kind.synonyms else [])

    @staticmethod
    def _children(page, relation):
        children = list(getattr(page, relation).all())
        for child in children:
            child.page_id = page.pk
        return children

    def _resolve_links(self, page, context):
        """Turn the file's path links into ids, now that every imported page has one."""
        for name in self.kind.rich_text_fields:
            setattr(page, name, context.resolve_links(getattr(page, name)))
        for name in self.kind.stream_fields:
            setattr(page, name, rewrite_strings(getattr(page, name).get_prep_value(), context.resolve_links))


def _stream_image_titles(data):
    if isinstance(data, dict):
        if data.keys() == IMAGE_BLOCK_KEYS and isinstance(data["image"], str):
            yield data["image"]
        else:
            for value in data.values():
                yield from _stream_image_titles(value)
    elif isinstance(data, list):
        for item in data:
            yield from _stream_image_titles(item)
