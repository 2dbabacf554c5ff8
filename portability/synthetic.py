"""Made-up but realistic-looking export documents, for measuring import speed at scale.

The terms are nonsense words spread over A-Z, each with other names, sections, a reference, tags, a
related term and a link to another term, so an import exercises every part of the format.
"""

import random

from portability.document import FORMAT, VERSION

SYLLABLES = ["ca", "re", "mi", "lo", "ne", "tha", "po", "ri", "sen", "do", "ga", "lu", "ver", "bi", "ox", "zy"]
TAGS = ["Cancer", "Heart", "Lungs", "Treatment", "Tests", "Medicines", "Children", "Mental health"]


def synthetic_document(terms, articles=0, glossary_path="/glossary/", seed=1):
    """A valid export document with ``terms`` terms and ``articles`` articles (deterministic for a seed)."""
    rng = random.Random(seed)  # noqa: S311 - repeatable test data, not security
    slugs = [f"{_word(rng, index)}-{index}" for index in range(terms)]
    return {
        "format": FORMAT,
        "version": VERSION,
        "disclaimers": [
            {
                "title": "Synthetic disclaimer",
                "live": True,
                "body": "<p>Made-up text for testing. Not medical advice.</p>",
            }
        ],
        "settings": {},
        "terms": [_term(rng, index, slugs, glossary_path) for index in range(terms)],
        "articles": [_article(index, slugs) for index in range(articles)],
    }


def _word(rng, index):
    first = chr(ord("a") + index % 26)
    return first + "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))


def _term(rng, index, slugs, glossary_path):
    slug = slugs[index]
    title = slug.replace("-", " ").capitalize()
    other = slugs[index - 1] if index else None
    link = f'<a linktype="page" path="{glossary_path}{other}/">{other}</a>' if other else "another term"
    return {
        "slug": slug,
        "title": title,
        "live": True,
        "pronunciation": "-".join(slug.split("-")[0][i : i + 3] for i in range(0, 6, 3)).upper(),
        "also_called": [f"{title} syndrome", f"{slug.split('-')[0]} condition"],
        "definition": f"{title} is a made-up word used to test how the glossary copes with many terms.",
        "what_is_heading": "",
        "what_is": f"<p>{title} is not a real condition. It is often confused with {link}.</p>",
        "why_it_matters": "<p>Testing with many terms shows whether the site stays fast.</p>",
        "extra_sections": [
            {
                "type": "section",
                "value": {"heading": "Living with it", "body": "<p>Rest, eat well and ask for help.</p>"},
                "id": f"00000000-0000-4000-8000-{index:012d}",
            }
        ],
        "disclaimer": "Synthetic disclaimer" if index % 10 == 0 else None,
        "tags": sorted(rng.sample(TAGS, 2)),
        "related_terms": [other] if other else [],
        "related_articles": [],
        "references": [{"title": f"Notes on {title}", "source": "Test Press", "year": 2020 + index % 6}],
        "last_reviewed": "2026-01-15",
        "next_review_due": "2027-01-15",
        "reviewed_by": "Dr Test Reviewer, MRCP",
    }


def _article(index, slugs):
    return {
        "slug": f"synthetic-article-{index}",
        "title": f"Synthetic article {index}",
        "live": True,
        "summary": "A made-up article for testing.",
        "body": [
            {"type": "paragraph", "value": "<p>Made-up text.</p>", "id": f"10000000-0000-4000-8000-{index:012d}"}
        ],
        "related_terms": slugs[index : index + 2],
    }
