"""How fast and how big glossary auto-linking is with 10,000 terms and 10,000 other names. Run with `make bench`.

The matcher is built once per glossary version (at publish time) and every worker loads the saved
snapshot: this measures the build, the load a worker does instead of a build, the memory a loaded matcher
adds to a worker, what a reader's request pays for the matcher once it is loaded, and linking one long
article, against a baseline pass over the same article with no names to find.
"""

import gc
import random
import statistics
import string
import time
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from glossary.linking.matcher import AutoLinker, Matcher, Term
from glossary.linking.store import current_matcher, loaded, matchers_from_json, matchers_to_json
from glossary.models import AutolinkSnapshot

TERMS = 10_000
OTHER_NAMES_PER_TERM = 1
RENDERS = 50
READER_CALLS = 10_000
# Targets for one worker on a shared 2-core machine.
MEMORY_TARGET_MIB = 10.0
LOAD_TARGET_SECONDS = 0.5
# Linking with 20,000 names costs at most this many times the same pass with one name.
RENDER_RATIO_TARGET = 3.0


def synthetic_glossary(rng):
    """Made-up terms like the NCI dictionary's (9,416 terms, about 8,000 "also called" names, definitions
    of 340 characters on average): one to three words, each with one other name, a tenth of them with
    capitals inside."""

    def word():
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12)))

    terms, names = [], []
    for index in range(TERMS):
        title = " ".join(word() for _ in range(rng.choice((1, 1, 2, 3)))).capitalize()
        definition = " ".join(word() for _ in range(rng.randint(25, 50))).capitalize() + "."
        terms.append(Term(index + 1, title, f"/glossary/{title.lower().replace(' ', '-')}/", definition))
        names.append((title, False, index))
        for _ in range(OTHER_NAMES_PER_TERM):
            other = f"{word()} {word()}"
            exact = index % 10 == 0
            names.append((other.upper() if exact else other, exact, index))
    return terms, names


def article_body(names, rng, paragraphs=30):
    """About 2,000 words in headings, paragraphs, lists and links, mentioning 60 of the names."""
    filler = (
        "Your care team will talk with you about what happens next and how you feel. "
        "Ask them anything that is not clear, and bring someone with you if that helps. "
    )
    mentioned = [name for name, _, _ in rng.sample(names, 60)]
    parts = []
    for index in range(paragraphs):
        parts.append(f"<h3>Part {index} about {mentioned[index]}</h3>")
        parts.append(
            f"<p>{filler}Some people hear the word {mentioned[index]} and {mentioned[index + 30]}. {filler}</p>"
        )
        parts.append(f'<ul><li>{filler}</li><li><a href="/elsewhere/">{mentioned[index]}</a> {filler}</li></ul>')
    return "".join(parts)


def seconds(action):
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def median_ms(action, runs):
    timings = []
    for _ in range(runs):
        _, taken = seconds(action)
        timings.append(taken * 1000)
    return statistics.median(timings), max(timings)


def retained_mib(action):
    """Memory still held after ``action`` (what it adds to a worker for as long as it is kept)."""
    gc.collect()
    tracemalloc.start()
    kept = action()
    gc.collect()
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return current / 2**20, peak / 2**20


@pytest.mark.benchmark
@pytest.mark.django_db
def test_autolink_with_ten_thousand_terms():
    rng = random.Random(20261124)
    terms, names = synthetic_glossary(rng)
    body = article_body(names, rng)

    matcher, build_seconds = seconds(lambda: Matcher.build(terms, names))
    locale_id = Locale.get_default().pk
    data, dump_seconds = seconds(lambda: matchers_to_json({locale_id: matcher}))
    _, load_seconds = seconds(lambda: matchers_from_json(data))
    memory_mib, load_peak_mib = retained_mib(lambda: matchers_from_json(data))

    # A worker's first render after a new version loads the snapshot; later renders only look at the clock,
    # and at most once a second ask the database whether a newer version exists.
    AutolinkSnapshot.objects.create(data=data)
    loaded.reset()
    _, first_call_seconds = seconds(lambda: current_matcher(locale_id))
    with CaptureQueriesContext(connection) as queries:
        _, reader_seconds = seconds(lambda: [current_matcher(locale_id) for _ in range(READER_CALLS)])

    render_ms, worst_ms = median_ms(lambda: AutoLinker(matcher).link_html(body), RENDERS)
    baseline_ms, _ = median_ms(lambda: AutoLinker(Matcher.build(terms[:1], names[:1])).link_html(body), RENDERS)
    links_made = AutoLinker(matcher).link_html(body).count('class="glossary-link"')

    print(
        f"\nAuto-linking, {len(names):,} names for {TERMS:,} terms, article of {len(body.split()):,} words:"
        f"\n  build at publish time: {build_seconds * 1000:.0f} ms, plus {dump_seconds * 1000:.0f} ms to JSON"
        f" ({len(data) / 2**20:.1f} MiB snapshot)"
        f"\n  load in a worker: {load_seconds * 1000:.0f} ms ({load_seconds / build_seconds:.2f} x the build);"
        f" first reader call after a new version {first_call_seconds * 1000:.0f} ms"
        f"\n  worker memory kept by the loaded matcher: {memory_mib:.1f} MiB (peak while loading"
        f" {load_peak_mib:.1f} MiB)"
        f"\n  reader calls once loaded: {reader_seconds / READER_CALLS * 1e6:.2f} us each,"
        f" {len(queries)} queries for {READER_CALLS:,} calls, no rebuild"
        f"\n  link one article: median {render_ms:.2f} ms, worst {worst_ms:.2f} ms over {RENDERS} renders;"
        f" same pass with one name: {baseline_ms:.2f} ms ({render_ms / baseline_ms:.1f} x)"
        f"\n  links made: {links_made}"
    )
    assert links_made >= 50
    assert memory_mib <= MEMORY_TARGET_MIB
    assert load_seconds < LOAD_TARGET_SECONDS
    assert len(queries) <= 1 + reader_seconds
    assert render_ms / baseline_ms <= RENDER_RATIO_TARGET
