"""Imported rich text cleaned the way the admin editor cleans it, so a file cannot put scripts on the site.

The admin never stores HTML as typed or pasted: Draftail turns it into its own content model and back
(``ContentstateConverter``), keeping only what the field's feature list allows. The import puts every rich
text value in the file (RichTextFields, and RichTextBlock values anywhere inside StreamField data) through
the same round trip, so ``<script>``, ``onerror=`` and ``javascript:`` links never reach the public site or
the API. The file names linked pages by path; for the conversion each path stands in as a page id (the
converter keeps ids as they are) and is put back afterwards, so internal links survive.
"""

import re

from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.rich_text import features as feature_registry

from portability.links import ids_to_paths, linked_paths, paths_to_ids

# Draftail gives each block a new random key; two values that differ only in their keys are the same text.
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


class RichTextCleaner:
    """Cleans rich text for a feature list, with one converter per list."""

    def __init__(self):
        self.converters = {}

    def clean(self, html, features):
        """``html`` as the admin editor would store it; unchanged if the editor would keep it as it is."""
        if not html.strip():
            return html
        converter = self.converter(features)
        stand_ins = {path: number for number, path in enumerate(dict.fromkeys(linked_paths(html)), start=1)}
        cleaned = converter.to_database_format(converter.from_database_format(paths_to_ids(html, stand_ins)))
        cleaned = ids_to_paths(cleaned, {number: path for path, number in stand_ins.items()})
        return html if BLOCK_KEY.sub("", cleaned) == BLOCK_KEY.sub("", html) else cleaned

    def converter(self, features):
        key = None if features is None else tuple(features)
        if key not in self.converters:
            # A field or block without a feature list gets the editor's default features, as in the admin.
            feature_list = feature_registry.get_default_features() if features is None else list(features)
            self.converters[key] = ContentstateConverter(feature_list)
        return self.converters[key]

    def clean_stream(self, block, value):
        """Raw StreamField data (JSON as stored) with every RichTextBlock value inside cleaned."""
        if isinstance(block, blocks.RichTextBlock):
            return self.clean(value, block.features) if isinstance(value, str) else value
        if isinstance(block, blocks.BaseStreamBlock) and isinstance(value, list):
            return [
                {**item, "value": self.clean_stream(block.child_blocks[item["type"]], item.get("value"))}
                if isinstance(item, dict) and item.get("type") in block.child_blocks
                else item
                for item in value
            ]
        if isinstance(block, blocks.BaseStructBlock) and isinstance(value, dict):
            return {
                name: self.clean_stream(block.child_blocks[name], item) if name in block.child_blocks else item
                for name, item in value.items()
            }
        if isinstance(block, blocks.ListBlock) and isinstance(value, list):
            return [
                {**item, "value": self.clean_stream(block.child_block, item.get("value"))}
                if isinstance(item, dict) and item.get("type") == "item"
                else self.clean_stream(block.child_block, item)
                for item in value
            ]
        return value
