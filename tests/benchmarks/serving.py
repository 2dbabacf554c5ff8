"""Serve the site as production does and load it with wrk: helpers shared by the throughput benchmarks.

``prepared_database`` builds (once, then reuses) a database holding the demo content plus synthetic terms
and articles: an SQLite file under ``bench-results/``, or a ``<name>_bench`` database beside the one
``DATABASE_URL`` names on PostgreSQL. ``gunicorn`` starts the WSGI app with production settings on a free
port; ``wrk`` measures requests per second; ``load_average`` is printed with the figures, as the machine is
shared.
"""

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
RESULTS = BASE_DIR / "bench-results"
PYTHON = sys.executable


def manage(env, *args):
    subprocess.run(  # noqa: S603 (our own commands)
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL
    )


def migrations_fingerprint():
    """Changes when any migration changes, so an old prepared database is rebuilt."""
    files = sorted(BASE_DIR.glob("*/migrations/0*.py"))
    return f"{len(files)}-{max(path.stat().st_mtime_ns for path in files)}"


def prepared_database(terms, articles):
    """A ``DATABASE_URL`` for a database holding the demo content and ``terms`` / ``articles`` synthetic ones."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    name = f"site-{terms}-{articles}-{migrations_fingerprint()}"
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        url = urlsplit(os.environ["DATABASE_URL"])
        database = f"{url.path.strip('/')}_bench"
        env["DATABASE_URL"] = urlunsplit(url._replace(path=f"/{database}"))
        marker = RESULTS / f"{database}-{name}.ready"
        if not marker.exists():
            _recreate_postgres(url, database)
            _fill(env, terms, articles)
            marker.touch()
        return env["DATABASE_URL"]
    path = RESULTS / f"{name}.sqlite3"
    env["DATABASE_URL"] = f"sqlite:///{path}"
    if not path.exists():
        RESULTS.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{partial}"
        _fill(env, terms, articles)
        partial.rename(path)
    return f"sqlite:///{path}"


def _recreate_postgres(url, database):
    import psycopg

    admin = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')


def _fill(env, terms, articles):
    print(f"\nPreparing a database with {terms} terms and {articles} articles (once; reused by later runs)...")
    manage(env, "migrate", "--no-input")
    manage(env, "load_demo_content")
    script = (
        "from portability.document import import_document; from portability.synthetic import synthetic_document; "
        f"import_document(synthetic_document({terms}, {articles}), publish=True)"
    )
    manage(env, "shell", "-c", script)


def free_port():
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database_url, workers=2, **settings):
    """Production settings, ``workers`` sync workers, on a free loopback port; yields the base address."""
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url,
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "PUBLIC_SITE_URL": address,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_LOG_LEVEL": "WARNING",
        **{key: str(value) for key, value in settings.items()},
    }
    manage(env, "collectstatic", "--no-input")
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=BASE_DIR,
        env=env,
    )
    try:
        _wait_until_ready(address, server)
        yield address
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_ready(address, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{address}/healthz", timeout=2) as answer:  # noqa: S310
            if answer.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer on {address} within {seconds} s")


def wrk_or_skip():
    path = shutil.which("wrk")
    if path is None:
        print("\nSKIPPED: wrk is not installed (Debian: apt-get install wrk); no throughput measured.")
        pytest.skip("wrk is not installed (Debian: apt-get install wrk)")
    return path


def requests_per_second(url, seconds=5, connections=4, threads=1):
    """What ``wrk`` measures for ``url`` (after a one-second warm-up); fails on any non-2xx answer."""
    wrk = wrk_or_skip()
    command = [wrk, f"-t{threads}", f"-c{connections}", "-H", "Accept-Encoding: gzip"]
    subprocess.run([*command, "-d1s", url], check=True, capture_output=True)  # noqa: S603 (wrk on loopback)
    run = subprocess.run([*command, f"-d{seconds}s", url], check=True, capture_output=True, text=True)  # noqa: S603
    output = run.stdout
    assert "Non-2xx" not in output, output
    return float(re.search(r"Requests/sec:\s*([\d.]+)", output).group(1))


def load_average():
    return "load average {:.2f}, {:.2f}, {:.2f}".format(*os.getloadavg())
