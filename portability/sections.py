"""The sections of an export document, in order: each may refer only to sections before it.

A new kind of content is a new :class:`portability.context.Section` added to :func:`sections`.
"""

from portability.page_sections import ARTICLES, TERMS, PagesSection
from portability.review_sections import SignOffsSection
from portability.snippet_sections import DisclaimersSection, SettingsSection


def sections():
    """Fresh section objects, in export and import order: each refers only to earlier sections."""
    return [
        DisclaimersSection(),
        SettingsSection(),
        PagesSection(TERMS),
        PagesSection(ARTICLES),
        SignOffsSection(),
    ]
