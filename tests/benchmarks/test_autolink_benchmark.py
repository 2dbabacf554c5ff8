"""How fast and how big glossary auto-linking is with 10,000 terms. Run with `make bench`."""

import pickle
import random
import statistics
import string
import time
import tracemalloc

import pytest

from glossary.autolink import AutoLinker, Term, build_matcher

TERMS = 10_000
RENDERS = 50
# Targets for one process on a shared 2-core machine: a rebuild after publishing stays under a few
# seconds, and linking one article adds well under a frame's worth of time to its render.
BUILD_TARGET_SECONDS = 5.0
RENDER_TARGET_MS = 25.0


def synthetic_entries(count, rng):
    """Made-up terms like real ones: one to three words, a third with an "also called" name."""

    def word():
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12)))

    entries = []
    for term_id in range(1, count + 1):
        title = " ".join(word() for _ in range(rng.choice((1, 1, 2, 3)))).capitalize()
        term = Term(term_id, title, f"/glossary/{title.lower().replace(' ', '-')}/", f"What {title} means.")
        entries.append((title, term))
        if term_id % 3 == 0:
            entries.append((f"{word()} {word()}", term))
    return entries


def article_body(entries, rng, paragraphs=30):
    """About 2,000 words in headings, paragraphs, lists and links, mentioning 60 of the terms."""
    filler = (
        "Your care team will talk with you about what happens next and how you feel. "
        "Ask them anything that is not clear, and bring someone with you if that helps. "
    )
    mentioned = [phrase for phrase, _ in rng.sample(entries, 60)]
    parts = []
    for index in range(paragraphs):
        parts.append(f"<h3>Part {index} about {mentioned[index]}</h3>")
        parts.append(
            f"<p>{filler}Some people hear the word {mentioned[index]} and {mentioned[index + 30]}. {filler}</p>"
        )
        parts.append(f'<ul><li>{filler}</li><li><a href="/elsewhere/">{mentioned[index]}</a> {filler}</li></ul>')
    return "".join(parts)


@pytest.mark.benchmark
def test_autolink_with_ten_thousand_terms():
    rng = random.Random(20261124)
    entries = synthetic_entries(TERMS, rng)
    body = article_body(entries, rng)

    started = time.perf_counter()
    matcher = build_matcher(entries)
    build_seconds = time.perf_counter() - started
    # Memory is measured on a second build: tracing allocations slows Python down several times.
    tracemalloc.start()
    build_matcher(entries)
    _, peak_bytes = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    timings = []
    for _ in range(RENDERS):
        started = time.perf_counter()
        linked = AutoLinker(matcher).link_html(body)
        timings.append((time.perf_counter() - started) * 1000)
    render_ms = statistics.median(timings)

    cached_bytes = len(pickle.dumps(entries))
    links_made = linked.count('class="glossary-link"')
    print(
        f"\nAuto-linking, {len(entries):,} phrases for {TERMS:,} terms, article of {len(body.split()):,} words:"
        f"\n  build matcher: {build_seconds * 1000:.0f} ms, peak memory while building {peak_bytes / 1e6:.1f} MB"
        f"\n  pattern: {len(matcher.pattern.pattern) / 1e3:.0f} kB; cached entries: {cached_bytes / 1e6:.2f} MB"
        f"\n  link one article: median {render_ms:.2f} ms, worst {max(timings):.2f} ms over {RENDERS} renders"
        f"\n  links made: {links_made}"
    )
    assert links_made >= 50
    assert build_seconds < BUILD_TARGET_SECONDS
    assert render_ms < RENDER_TARGET_MS
