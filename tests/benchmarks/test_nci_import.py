"""The real dictionary, whole: NCI's 9,416 terms (``../shared/content/nci-glossary.json``) import as
drafts in one run, within 60 s, on the database in use (SQLite by default, PostgreSQL with DATABASE_URL).

Prints the time (wall clock, and this process's CPU, which a busy machine does not inflate), the number
of database queries, the load average and the process's peak memory; run with ``make bench``.
"""

import os
import resource
import time
from pathlib import Path

import pytest
from django.db import connection

from glossary.importers import import_file
from glossary.models import PossibleDuplicate, TermPage, TermSynonym

NCI_FILE = Path(__file__).resolve().parents[2].parent / "shared" / "content" / "nci-glossary.json"
NCI_TERMS = 9416
TARGET_SECONDS = 60


@pytest.mark.benchmark
@pytest.mark.django_db
@pytest.mark.skipif(not NCI_FILE.exists(), reason=f"{NCI_FILE} is not there")
def test_the_nci_dictionary_imports_whole_as_drafts(glossary):
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queries = []

    def counted(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    started, cpu_started = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(counted):
        result = import_file(NCI_FILE)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    shortened = TermPage.objects.filter(definition_shortened=True).count()
    print(
        f"\nNCI import on {connection.vendor}: {len(result.created)} terms in {seconds:.1f} s "
        f"({len(result.created) / seconds:.0f} terms/s, {cpu_seconds:.1f} s of this process's CPU, "
        f"{len(queries)} queries, load average {os.getloadavg()[0]:.1f}); "
        f"peak RSS {peak_after / 1024:.0f} MiB "
        f"(+{(peak_after - peak_before) / 1024:.0f} MiB during the import); "
        f"{TermSynonym.objects.count()} other names, {shortened} definitions to shorten, "
        f"{PossibleDuplicate.objects.count()} possible duplicates, {len(result.notes)} notes"
    )
    assert len(result.created) == NCI_TERMS
    assert TermPage.objects.filter(live=False).count() == NCI_TERMS
    assert seconds <= TARGET_SECONDS
