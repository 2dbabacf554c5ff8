"""Admin editing panels shared by term and article pages, so both editors look and work alike."""

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList, Panel, TabbedInterface
from wagtail.models import Page


class ReadabilityPanel(Panel):
    """Read-only: the Flesch-Kincaid grade and reading age of the version being edited, with the target."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "health_content/panels/readability_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["readability"] = self.instance.readability() if self.instance.pk else None
            return context


READABILITY_PANELS = [ReadabilityPanel(heading="Readability")]

IMAGE_PANELS = [MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading="Image")]

# After each page type's own content: how it connects to other pages, its sources and its disclaimer.
CONNECTION_PANELS = [
    InlinePanel("related_term_links", heading="Related terms", label="Related term"),
    InlinePanel("related_article_links", heading="Related articles", label="Related article"),
    InlinePanel("references", heading="References", label="Reference"),
    FieldPanel("tags"),
    FieldPanel("disclaimer"),
    InlinePanel(
        "autolink_exclusions",
        heading="Terms not to link on this page",
        label="Term not to link",
        help_text=(
            "The first mention of each glossary term on the page links to the term automatically. "
            "Add a term here if linking it on this page would confuse readers."
        ),
    ),
]

REVIEW_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("last_reviewed", read_only=True),
            FieldPanel("next_review_due", read_only=True),
            FieldPanel("reviewed_by", read_only=True),
        ],
        heading="Clinical review",
        help_text="Set by the clinical review workflow when a reviewer signs off a revision.",
    )
]


def health_page_tabs(content_panels):
    """The editor's tabs: the page's content, its clinical review record, promotion (slug, SEO) and settings
    (go-live and expiry dates; the comments panel when comments are on), as Wagtail's default tabs have."""
    return TabbedInterface(
        [
            # Shown only on a translation whose English has changed (health_content.page_forms).
            ObjectList([FieldPanel("matches_english"), *content_panels], heading="Content"),
            ObjectList(REVIEW_PANELS, heading="Review"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )
