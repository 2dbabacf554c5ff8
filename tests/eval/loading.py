"""Imports a dictionary file beside the demo content and publishes it, as a publisher would after review.

Only for evaluation: on a real site each imported draft is signed off through the review workflow.
"""

from glossary.importers import import_file
from glossary.linking.store import glossary_changed


def publish_dictionary(path):
    """Import ``path`` with the importer's defaults and make every term live; the number of new terms."""
    result = import_file(path, publish=True)
    glossary_changed()  # a bulk publish sends no page_published signal
    return len(result.created)
