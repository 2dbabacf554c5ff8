"""Creating thousands of pages under one parent with a few queries per batch instead of dozens per page.

Wagtail's ``add_child`` + ``save_revision`` costs about 40 queries and three search-index updates per
page, which makes a 10,000-term import take many minutes. This module writes the same rows in bulk:
the tree rows (path, depth, url_path) in one pass, so every new page has an id before any links are
resolved, then the specific rows, child rows, tags, one revision per page, audit log entries, and the
search and reference indexes. Signals such as ``page_published`` are not sent.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast, Lower
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from . import search_index_rows

BATCH_SIZE = 500


def insert_tree_rows(parent, pages):
    """Give each unsaved page a place after ``parent``'s last child and insert its ``Page`` row."""
    if not pages:
        return
    last_child = parent.get_last_child()
    position = last_child._get_lastpos_in_path() if last_child else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(type(pages[0]))
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    for offset, page in enumerate(pages, start=1):
        page.path = Page._get_path(parent.path, depth, position + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = content_type
        page.live = False
        page.has_unpublished_changes = True
        # A new page has no comments; saying so saves a query per page when its revision is made.
        setattr(page, COMMENTS_RELATION_NAME, [])
    # The pages themselves hold the Page columns: inserting them as they are (like insert_specific_rows)
    # saves building a second, plain Page object for each.
    ids = insert_batches(Page, pages, base_fields, returning_fields=[Page._meta.pk])
    for page, (pk,) in zip(pages, ids, strict=True):
        page.id = page.page_ptr_id = pk
        page._state.adding = False
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)


def insert_specific_rows(model, pages):
    """Insert the subclass table rows (``glossary_termpage`` ...) for pages whose ``Page`` rows exist."""
    insert_batches(model, pages, model._meta.local_concrete_fields)


def insert_batches(model, objs, fields, returning_fields=None):
    """Insert ``fields`` of ``objs`` into ``model``'s table, in batches the database accepts; the rows
    of ``returning_fields`` in order."""
    batch_size = min(BATCH_SIZE, connection.ops.bulk_batch_size(fields, objs) or BATCH_SIZE)
    returned = []
    for start in range(0, len(objs), batch_size):
        batch = objs[start : start + batch_size]
        returned += model._base_manager._insert(batch, fields=fields, returning_fields=returning_fields) or []
    return returned


def insert_children(model, children):
    """Bulk-insert child rows (synonyms, references, links) that already point at their page."""
    model.objects.bulk_create(children, batch_size=BATCH_SIZE)


def insert_tags(tag_through_model, pages_and_names):
    """Tag each page with its names; the in-memory ``tags`` match the rows.

    Names are matched to tags ignoring case, as taggit does with ``TAGGIT_CASE_INSENSITIVE``: an existing
    "Cancer" is reused for "cancer". The few missing tags are saved one by one so that taggit gives each
    a unique slug.
    """
    names = {name for _, page_names in pages_and_names for name in page_names}
    tags = {
        tag.name.lower(): tag
        for tag in Tag.objects.annotate(lower_name=Lower("name")).filter(lower_name__in={n.lower() for n in names})
    }
    for name in sorted(names):
        if name.lower() not in tags:
            tags[name.lower()] = Tag.objects.create(name=name)
    items = []
    for page, page_names in pages_and_names:
        page_items = [tag_through_model(content_object=page, tag=tags[name.lower()]) for name in page_names]
        page.tagged_items = page_items
        items += page_items
    tag_through_model.objects.bulk_create(items, batch_size=BATCH_SIZE)


def save_revisions(pages, *, user, publish_ids):
    """One revision per page holding its whole content; the pages in ``publish_ids`` go live on it."""
    now = timezone.now()
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type_id=page.content_type_id,
            base_content_type=base_content_type,
            object_id=str(page.pk),
            created_at=now,
            user=user,
            object_str=page.title,
            content=page.serializable_data(),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
    # Two UPDATE statements rather than Django's bulk_update, whose CASE expressions are slow to build.
    rows = Page.objects.filter(pk__in=[page.pk for page in pages])
    newest_revision = Revision.objects.filter(
        base_content_type=base_content_type, object_id=Cast(OuterRef("pk"), output_field=CharField())
    ).order_by("-pk")
    rows.update(latest_revision=Subquery(newest_revision.values("pk")[:1]))
    if publish_ids:
        rows.filter(pk__in=publish_ids).update(
            live=True,
            has_unpublished_changes=False,
            live_revision=F("latest_revision"),
            first_published_at=now,
            last_published_at=now,
        )
        for page, revision in zip(pages, revisions, strict=True):
            if page.pk in publish_ids:
                page.live, page.has_unpublished_changes, page.live_revision = True, False, revision
                page.first_published_at = page.last_published_at = now
    log_entries(pages, revisions, user=user, publish_ids=publish_ids, timestamp=now)


def log_entries(pages, revisions, *, user, publish_ids, timestamp):
    """Audit log entries like the admin writes: created (and published), with the user and revision."""
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type_id=page.content_type_id,
                page_id=page.pk,
                label=page.title,
                action=action,
                data={},
                timestamp=timestamp,
                user=user,
                revision=revision if action == "wagtail.publish" else None,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
            for action in ["wagtail.create"] + (["wagtail.publish"] if page.pk in publish_ids else [])
        ],
        batch_size=BATCH_SIZE,
    )


def update_indexes(model, pages):
    """Add the new pages to every search backend in one call each, and record what they refer to."""
    for backend in get_search_backends(with_auto_update=True):
        search_index_rows.add_pages(backend, model, pages)
    insert_references(model, pages)


def insert_references(model, pages):
    """What ``ReferenceIndex.create_or_update_for_object`` does for a new page, for many pages at once.

    New pages have no index rows yet, so there is nothing to compare or delete: the references are
    extracted the way Wagtail does and inserted in one statement per batch.
    """
    content_type = ContentType.objects.get_for_model(model)
    base_content_type = ContentType.objects.get_for_model(Page)
    rows = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH_SIZE, ignore_conflicts=True)
