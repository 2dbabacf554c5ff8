"""StreamField blocks shared by terms and articles, each with a template and an admin preview."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

# Rich text inside a section: the section heading is the h2, so editors get h3 and below.
SECTION_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "health_content/blocks/heading.html"
        icon = "title"
        form_classname = "title"
        description = "A section heading (shown as a level 2 heading)."
        preview_value = "Living with treatment side effects"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", SECTION_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "health_content/blocks/paragraph.html"
        icon = "pilcrow"
        description = "Plain-language text."
        preview_value = "<p>Most people feel tired during treatment. Rest when you need to.</p>"


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    body = ParagraphBlock()

    class Meta:
        template = "health_content/blocks/section.html"
        icon = "doc-full"
        description = "A headed section of text."
        preview_value = {
            "heading": "Questions to ask your care team",
            "body": "<p>Ask what the result means for you and what happens next.</p>",
        }


class CalloutBlock(blocks.StructBlock):
    """A care card in the NHS style: information, urgent (see a doctor soon) or emergency (call 999)."""

    level = blocks.ChoiceBlock(
        choices=[
            ("information", "Information"),
            ("urgent", "Urgent: ask for help soon"),
            ("emergency", "Emergency: get help now"),
        ],
        default="information",
    )
    heading = blocks.CharBlock(max_length=120)
    body = ParagraphBlock()

    class Meta:
        template = "health_content/blocks/callout.html"
        icon = "warning"
        description = "A highlighted box: information, urgent or emergency advice."
        preview_value = {
            "level": "urgent",
            "heading": "Ask for an urgent appointment if:",
            "body": "<ul><li>you have a high temperature</li><li>you feel very unwell</li></ul>",
        }


class KeyPointsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, default="Key points")
    points = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1)

    class Meta:
        template = "health_content/blocks/key_points.html"
        icon = "list-ul"
        description = "A short list of the main things to remember."
        preview_value = {
            "heading": "Key points",
            "points": ["Remission means the cancer cannot be found.", "Check-ups carry on."],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        template = "health_content/blocks/quote.html"
        icon = "openquote"
        description = "A quotation, for example from a patient or clinician."
        preview_value = {
            "quote": "Knowing what the words meant made me less afraid.",
            "attribution": "A patient",
        }


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        template = "health_content/blocks/figure.html"
        icon = "image"
        description = "An image with alternative text and an optional caption."


class TermSectionsBlock(blocks.StreamBlock):
    section = SectionBlock()
    callout = CalloutBlock()


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = FigureBlock()
    key_points = KeyPointsBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
