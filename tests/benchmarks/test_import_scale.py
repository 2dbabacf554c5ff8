"""Import speed and memory at scale: 10,000 synthetic terms (``make bench``; target 60 s on SQLite).

PostgreSQL also runs it (with DATABASE_URL set) and reports its figures, without the SQLite target.
"""

import os
import resource
import time

import pytest
from django.db import connection

from glossary.models import TermPage
from portability.document import import_document
from portability.synthetic import synthetic_document

TERMS = int(os.environ.get("BENCH_TERMS", "10000"))
TARGET_SECONDS = 60


@pytest.mark.benchmark
@pytest.mark.django_db
def test_import_ten_thousand_terms(glossary):
    document = synthetic_document(TERMS)
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    created = import_document(document)
    seconds = time.perf_counter() - started
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    assert created["terms"] == TERMS
    assert TermPage.objects.count() == TERMS
    print(
        f"\nImported {TERMS} terms in {seconds:.1f} s "
        f"({TERMS / seconds:.0f} terms/s); peak RSS {peak_after / 1024:.0f} MiB "
        f"(+{(peak_after - peak_before) / 1024:.0f} MiB during the import)"
    )
    if connection.vendor == "sqlite":
        assert seconds <= TARGET_SECONDS * TERMS / 10_000
