"""Wagtail's image and document edit forms, with the file locked while live pages show it.

For a user the permission policy does not let alter a live item (``permissions.LivePageFilesPolicy``), the
fields that change what patients see are disabled, so Django keeps their saved values whatever is posted,
and the file field says why and what to do instead. When a user who may alter it replaces the file, the
item's history records which live pages changed without review.
"""

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.log_actions import log

from .usage import live_pages_using

REPLACED_ON_LIVE_PAGES = "media_governance.file_replaced_on_live_pages"


def page_list(pages):
    """Page titles for a sentence: "“A”, “B” and 2 more"."""
    titles = [f"“{page.get_admin_display_title()}”" for page in pages[:3]]
    if len(pages) > 3:
        titles.append(f"{len(pages) - 3} more")
    return titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"


class LiveFileLockMixin:
    """Locks ``locked_fields`` of an item live pages show, for users who may not alter it."""

    noun = ""
    locked_fields = ("file",)
    locked_note = ""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user
        self.live_pages = list(live_pages_using(self.instance))
        self.locked = bool(self.live_pages) and not (
            user is not None and self.permission_policy.may_alter_live_item(user, self.instance)
        )
        if self.locked:
            for name in self.locked_fields:
                if name in self.fields:
                    self.fields[name].disabled = True
            if "file" in self.fields:
                self.fields["file"].help_text = self.lock_explanation()

    def lock_explanation(self):
        count = len(self.live_pages)
        pages = "a live page" if count == 1 else f"{count} live pages"
        return (
            f"This {self.noun} is on {pages} that readers can see: {page_list(self.live_pages)}. Its file"
            f"{self.locked_note} cannot be changed here, because that would change signed-off pages without a "
            f"clinical review. To change it, upload a new {self.noun} and choose it on each page instead: the "
            "page change then goes to review as usual."
        )

    def clean(self):
        cleaned_data = super().clean()
        if self.locked and self.files.get(self.add_prefix("file")):
            self.add_error(
                "file",
                f"This {self.noun}'s file cannot be replaced while live pages show it. Upload a new {self.noun} "
                "and choose it on each page instead.",
            )
        return cleaned_data

    def save(self, commit=True):
        replaced = "file" in self.changed_data and bool(self.live_pages)
        instance = super().save(commit=commit)
        if commit and replaced:
            log(
                instance,
                REPLACED_ON_LIVE_PAGES,
                user=self.user,
                data={"pages": [{"id": page.pk, "title": page.title} for page in self.live_pages]},
            )
        return instance


class LiveImageForm(LiveFileLockMixin, BaseImageForm):
    noun = "image"
    # The focal point decides how cropped renditions, such as the read API's 1200x675 image, are cut.
    locked_fields = ("file", "focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
    locked_note = " and focal point (which decides how it is cropped)"


class LiveDocumentForm(LiveFileLockMixin, BaseDocumentForm):
    noun = "document"
