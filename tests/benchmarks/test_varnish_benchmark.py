"""Throughput of a page served from Varnish against nginx serving the same bytes as a static file (``make bench``).

Target (issue 9): Varnish at least 50 % of nginx's requests per second, both measured with wrk in the same
run, on the same gzip-compressed term page, printed with the load average. Self-contained: Django's live
test server behind varnishd with the repository's VCL, and an nginx on a free port.
"""

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.delivery.varnish import VARNISHD, Varnish, free_port
from tests.factories import TermPageFactory

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk")
TARGET = 0.5
SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "5"))
GZIP = {"Accept-Encoding": "gzip"}

pytestmark = [
    pytest.mark.benchmark,
    pytest.mark.skipif(not Path(VARNISHD).exists(), reason="needs Varnish: apt-get install varnish"),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="needs nginx: apt-get install nginx-light"),
    pytest.mark.skipif(WRK is None, reason="needs wrk: apt-get install wrk"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def requests_per_second(url):
    out = subprocess.run(  # noqa: S603 - fixed arguments
        [WRK, "-t2", "-c32", f"-d{SECONDS}s", "-H", "Accept-Encoding: gzip", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Non-2xx" not in out, out
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


class Nginx:
    """nginx serving one gzip-compressed HTML file, as a static site would."""

    def __init__(self, body):
        self.dir = Path(tempfile.mkdtemp(prefix="healthwords-nginx-"))
        self.dir.chmod(0o755)  # nginx's workers run as an unprivileged user
        (self.dir / "page.html").write_bytes(body)
        (self.dir / "page.html").chmod(0o644)
        self.port = free_port()
        config = self.dir / "nginx.conf"
        config.write_text(
            f"daemon off; worker_processes auto; pid {self.dir}/nginx.pid; error_log {self.dir}/error.log;\n"
            "events { worker_connections 1024; }\n"
            f"http {{ access_log off; server {{ listen 127.0.0.1:{self.port}; root {self.dir};\n"
            "  location / { default_type text/html; add_header Content-Encoding gzip; } } }\n"
        )
        self.process = subprocess.Popen([NGINX, "-c", str(config), "-e", f"{self.dir}/error.log"])  # noqa: S603
        time.sleep(0.5)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)


def test_varnish_serves_a_cached_page_at_least_half_as_fast_as_nginx_serves_the_file(live_server, glossary):
    term = TermPageFactory(parent=glossary, title="Remission", slug="remission")
    term.save_revision().publish()
    host, port = live_server.thread.httpd.server_address[:2]
    varnish = Varnish(host, port)
    try:
        varnish.get(term.url, GZIP)
        cached = varnish.get(term.url, GZIP)
        assert cached.getheader("X-Cache") == "HIT" and cached.getheader("Content-Encoding") == "gzip"
        body = cached.raw_body
        nginx = Nginx(body)
        try:
            runs = {"varnish": [], "nginx": []}
            for _ in range(2):  # alternate, so a busy moment on the machine hits both
                runs["varnish"].append(requests_per_second(f"{varnish.url}{term.url}"))
                runs["nginx"].append(requests_per_second(f"http://127.0.0.1:{nginx.port}/page.html"))
        finally:
            nginx.stop()
    finally:
        varnish.stop()
    varnish_rps, nginx_rps = max(runs["varnish"]), max(runs["nginx"])
    ratio = varnish_rps / nginx_rps
    print(
        f"\nCached term page ({len(body)} bytes gzip), wrk -t2 -c32 -d{SECONDS}s, best of 2:"
        f"\n  Varnish {varnish_rps:,.0f} req/s, nginx static file {nginx_rps:,.0f} req/s: "
        f"ratio {ratio:.0%} (target >= {TARGET:.0%}); load average {os.getloadavg()[0]:.2f}"
    )
    assert ratio >= TARGET
