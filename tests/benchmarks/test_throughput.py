"""Requests per second through gunicorn (production settings, 2 workers) at 10,000 terms and 1,000 articles.

Each figure is a ratio to a trivial Django view (``/healthz``, through the same middleware) measured in the
same run, so it can be read on a busy machine. Targets (issue 9): an uncached term page at least 6 % of
the trivial view, and a page served from Django's cache at least 70 %.
"""

import os

import pytest

from tests.benchmarks.serving import gunicorn, load_average, prepared_database, requests_per_second, wrk_or_skip

TERMS = int(os.environ.get("BENCH_TERMS", "10000"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "1000"))
TERM_PATH = "/glossary/lrilu-11/"  # one of the synthetic terms, with related terms and sections
UNCACHED_TARGET, CACHED_TARGET = 0.06, 0.70


def ratio(label, measured, reference):
    share = measured / reference
    print(f"  {label:<38} {measured:8.1f} req/s  {share:6.1%} of the trivial view")
    return share


@pytest.mark.benchmark
def test_term_page_throughput_against_a_trivial_view():
    wrk_or_skip()
    database_url = prepared_database(TERMS, ARTICLES)
    print(f"\nThroughput, gunicorn 2 workers, {TERMS} terms, {ARTICLES} articles ({load_average()} before):")

    with gunicorn(database_url, PAGE_CACHE_SECONDS=0) as address:
        trivial = requests_per_second(f"{address}/healthz")
        print(f"  {'trivial Django view (/healthz)':<38} {trivial:8.1f} req/s")
        uncached = ratio("uncached term page", requests_per_second(address + TERM_PATH), trivial)

    with gunicorn(database_url) as address:
        trivial_again = requests_per_second(f"{address}/healthz")
        print(f"  {'trivial Django view, second server':<38} {trivial_again:8.1f} req/s")
        cached = ratio("term page from Django's cache", requests_per_second(address + TERM_PATH), trivial_again)

    print(f"  ({load_average()} after)")
    assert uncached >= UNCACHED_TARGET
    assert cached >= CACHED_TARGET
