"""The document's sign-offs section: the clinical sign-off history of every term and article.

Sign-offs of disclaimers are exported as records without a page (names, dates and checklist kept).

Each sign-off names its page by type, slug and language (``locale``, the default language when a file gives
none) and its reviewer by username, and keeps the reviewer's name
and credentials as they stood. Revisions are not exported (only each page's exported version is), so a
sign-off records only whether it signed off that exported version: on import it links to the revision the
import creates for the page, and a sign-off of an earlier version keeps an empty revision.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from articles.models import ArticlePage
from glossary.models import TermPage
from health_content.bulk_pages import BATCH_SIZE
from portability.context import Section, add_validation_error, check_type
from review.models import SignOff

PAGE_TYPES = {"term": TermPage, "article": ArticlePage}
TEXT_FIELDS = ["page_title", "reviewer_name", "reviewer_credentials", "comment"]
CHECKLIST_FIELDS = ["clinically_accurate", "sources_checked", "plain_language"]
DATE_FIELDS = ["last_reviewed", "next_review_due"]
FIELDS = [
    "page",
    "type",
    "locale",
    "page_title",
    "signed_off_exported_version",
    "reviewer",
    "reviewer_name",
    "reviewer_credentials",
    "signed_off_at",
    *CHECKLIST_FIELDS,
    "comment",
    *DATE_FIELDS,
]


class SignOffsSection(Section):
    key = "sign_offs"

    # Export

    def export(self, context):
        usernames = dict(get_user_model().objects.values_list("pk", get_user_model().USERNAME_FIELD))
        pages = {}
        for model, kind in ((TermPage, "term"), (ArticlePage, "article")):
            for pk, slug, language, live, live_revision, latest_revision in model.objects.values_list(
                "pk", "slug", "locale__language_code", "live", "live_revision", "latest_revision"
            ):
                # The revision the export holds for this page (see PagesSection.export).
                pages[pk] = (kind, slug, language, live_revision if live else latest_revision)
        items = []
        for sign_off in SignOff.objects.order_by("signed_off_at", "pk"):
            kind, slug, language, exported_revision = pages.get(sign_off.page_id, (None, None, None, None))
            items.append(
                {
                    "page": slug,
                    "type": kind,
                    "locale": language,
                    "page_title": sign_off.page_title,
                    "signed_off_exported_version": slug is not None and sign_off.revision_id == exported_revision,
                    "reviewer": usernames.get(sign_off.reviewer_id),
                    "reviewer_name": sign_off.reviewer_name,
                    "reviewer_credentials": sign_off.reviewer_credentials,
                    "signed_off_at": sign_off.signed_off_at.isoformat(),
                    **{name: getattr(sign_off, name) for name in CHECKLIST_FIELDS},
                    "comment": sign_off.comment,
                    **{name: getattr(sign_off, name).isoformat() for name in DATE_FIELDS},
                }
            )
        return items

    # Validation

    def validate(self, data, context):
        self.planned = []
        if not check_type(context, self.key, data, list, "a list"):
            return
        User = get_user_model()
        usernames = [item.get("reviewer") for item in data if isinstance(item, dict)]
        self.reviewers = {
            user.get_username(): user
            for user in User.objects.filter(
                **{f"{User.USERNAME_FIELD}__in": [name for name in usernames if isinstance(name, str)]}
            )
        }
        for index, item in enumerate(data):
            location = f"{self.key}[{index}]"
            if check_type(context, location, item, dict, "an object"):
                self.validate_sign_off(item, location, context)

    def validate_sign_off(self, item, location, context):
        unknown = set(item) - set(FIELDS)
        if unknown:
            context.problems.add(location, f"unknown field(s) {', '.join(sorted(unknown))}")
        values = {}
        for name in TEXT_FIELDS:
            value = item.get(name, "")
            if check_type(context, f"{location}.{name}", value, str, "text"):
                values[name] = value
        for name in [*CHECKLIST_FIELDS, "signed_off_exported_version"]:
            value = item.get(name)
            if check_type(context, f"{location}.{name}", value, bool, "true or false"):
                values[name] = value
        parsed = {"signed_off_at": self._datetime(item.get("signed_off_at"), f"{location}.signed_off_at", context)}
        parsed |= {name: self._date(item.get(name), f"{location}.{name}", context) for name in DATE_FIELDS}
        values |= {name: value for name, value in parsed.items() if value is not None}

        page_key = self._page_key(item, location, context)
        no_page = item.get("page") is None and item.get("type") is None
        if values.get("signed_off_exported_version") and (no_page or page_key in context.ids_by_slug):
            where = "it has no page" if no_page else f"the {page_key[0]} {page_key[1]!r} is already here"
            context.problems.add(
                f"{location}.signed_off_exported_version", f"can only be true for a page in this file; {where}"
            )

        reviewer = item.get("reviewer")
        user = None
        if reviewer is not None and check_type(
            context, f"{location}.reviewer", reviewer, str, "a username or null"
        ):
            user = self.reviewers.get(reviewer)
            if user is None:
                context.notes.append(
                    f"{location}.reviewer: no user {reviewer!r} in this database; the sign-off is kept with "
                    f"the name and credentials {values.get('reviewer_name', '')!r}, "
                    f"{values.get('reviewer_credentials', '')!r}"
                )
        exported_version = values.pop("signed_off_exported_version", False)
        sign_off = SignOff(reviewer=user, **values)
        try:
            # Values of the wrong type were reported above and left out; do not report them again as missing.
            sign_off.full_clean(
                exclude=["page", "revision", "reviewer", "content_type", "object_id", *(set(FIELDS) - set(values))]
            )
        except ValidationError as error:
            add_validation_error(context, location, error)
        self.planned.append((sign_off, page_key, exported_version))

    @staticmethod
    def _page_key(item, location, context):
        """The ("term", slug, language) key of the signed-off page, or None for a page deleted before the
        export."""
        page, kind = item.get("page"), item.get("type")
        if page is None and kind is None:
            return None
        if not check_type(context, f"{location}.page", page, str, "a slug or null"):
            return None
        if not isinstance(kind, str) or kind not in PAGE_TYPES:
            context.problems.add(f"{location}.type", f"must be 'term' or 'article', got {kind!r}")
            return None
        language = context.read_language(f"{location}.locale", item)
        if language is None:
            return None
        context.require(f"{location}.page", (kind, page, language))
        return kind, page, language

    @staticmethod
    def _datetime(value, location, context):
        try:
            parsed = parse_datetime(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        if parsed is None or parsed.tzinfo is None:
            context.problems.add(location, f"must be a date and time with a UTC offset, got {value!r}")
            return None
        return parsed

    @staticmethod
    def _date(value, location, context):
        try:
            return datetime.date.fromisoformat(value)
        except (TypeError, ValueError):
            context.problems.add(location, f"must be a date such as 2026-03-01, got {value!r}")
            return None

    # Writing

    def write(self, context, progress):
        """Nothing yet: the rows are written by ``finish``, once every imported page has its revision."""
        return len(self.planned)

    def finish(self, context, progress):
        for sign_off, page_key, _ in self.planned:
            if page_key is not None:
                sign_off.page_id = context.ids_by_slug[page_key]
                sign_off.content_type = ContentType.objects.get_for_model(PAGE_TYPES[page_key[0]])
                sign_off.object_id = str(sign_off.page_id)
        exported = [sign_off for sign_off, _, exported_version in self.planned if exported_version]
        revisions = dict(
            Page.objects.filter(pk__in={sign_off.page_id for sign_off in exported}).values_list(
                "pk", "latest_revision"
            )
        )
        for sign_off in exported:
            sign_off.revision_id = revisions[sign_off.page_id]
        SignOff.objects.bulk_create([sign_off for sign_off, _, _ in self.planned], batch_size=BATCH_SIZE)
