"""The A-Z costs the same per page with 1,000 terms as with 10,000 (``make bench``).

Each size is measured in its own database: a letter page, a deep page of a letter, and the first and a
deep page of the whole A-Z, each the median of several requests. The second test prints the ratio of the
two sizes (the target is close to 1x: a page reads only its own rows).
"""

import statistics
import time

import pytest
from django.test import Client

from glossary.models import TermPage
from portability.document import import_document
from portability.synthetic import synthetic_document

SIZES = (1_000, 10_000)
PATHS = ("/glossary/?letter=C", "/glossary/?letter=C&page=4", "/glossary/", "/glossary/?page=40")
REPEATS = 15
measured = {}


def median_ms(client, path):
    client.get(path)
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times)


@pytest.mark.benchmark
@pytest.mark.django_db
@pytest.mark.parametrize("terms", SIZES)
def test_a_to_z_page_cost_does_not_grow_with_the_glossary(glossary, home, terms):
    import_document(synthetic_document(terms), publish=True)
    assert TermPage.objects.live().count() == terms
    client = Client()
    measured[terms] = {path: median_ms(client, path) for path in PATHS}
    print(f"\nA-Z at {terms} terms: " + ", ".join(f"{path} {ms:.1f} ms" for path, ms in measured[terms].items()))
    if len(measured) == len(SIZES):
        small, large = (measured[size] for size in SIZES)
        ratios = {path: large[path] / small[path] for path in PATHS}
        print("A-Z 10k / 1k: " + ", ".join(f"{path} {ratio:.2f}x" for path, ratio in ratios.items()))
        assert max(ratios.values()) < 2
