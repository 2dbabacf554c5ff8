"""Publishes a dictionary file beside the demo content, as a publisher would after clinical review.

Only for evaluation: real terms are published one by one through the review workflow.
"""

import json
import re

from django.contrib.auth import get_user_model

from glossary.models import DEFINITION_MAX_LENGTH, TermPage
from glossary.names import fold, name_slug
from portability.document import FORMAT, VERSION, import_document

ALSO_CALLED = re.compile(r"\s*Also called (?P<names>[^.]+)\.\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _names(text):
    return [name.strip() for name in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", text) if name.strip()]


def _definition(text):
    sentences, kept = SENTENCE_END.split(text), ""
    for sentence in sentences:
        if len(f"{kept} {sentence}".strip()) > DEFINITION_MAX_LENGTH:
            break
        kept = f"{kept} {sentence}".strip()
    return kept or text[: DEFINITION_MAX_LENGTH - 1] + "…"


def publish_dictionary(path):
    """Import every entry not already in the glossary (by name) as a live term; the number published."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    taken = {fold(title) for title in TermPage.objects.values_list("title", flat=True)}
    slugs = set(TermPage.objects.values_list("slug", flat=True))
    terms = []
    for entry in entries:
        name, text = entry["term"].strip(), " ".join(entry["plain_alternative"].split())
        slug = name_slug(name)[:200]
        if fold(name) in taken or not slug or slug in slugs:
            continue
        taken.add(fold(name))
        slugs.add(slug)
        also = ALSO_CALLED.search(text)
        other_names = [n for n in _names(also["names"]) if fold(n) != fold(name)] if also else []
        text = text[: also.start()] if also else text
        definition = _definition(text)
        terms.append(
            {
                "slug": slug,
                "title": name,
                "live": True,
                "also_called": list(dict.fromkeys(n[:150] for n in other_names)),
                "definition": definition,
                "what_is": f"<p>{text}</p>" if definition != text else "",
                "why_it_matters": "",
            }
        )
    document = {"format": FORMAT, "version": VERSION, "terms": terms}
    admin = get_user_model().objects.filter(is_superuser=True).first()
    import_document(document, user=admin, publish=True)
    return len(terms)
