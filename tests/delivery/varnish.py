"""Varnish for tests: varnishd with the repository's VCL in front of a given backend, on free ports."""

import http.client
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VCL_DIR = Path(__file__).resolve().parents[2] / "deploy" / "varnish"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_vcl(directory, host, port):
    """The VCL Varnish loads: the repository's, whole (Varnish's compiler, running as its own user, may not
    be allowed to read an include from the project folder), in front of gunicorn or a test server."""
    path = Path(directory) / "healthwords.vcl"
    path.write_text(
        (VCL_DIR / "default.vcl").read_text()
        + f'\nbackend gunicorn {{ .host = "{host}"; .port = "{port}"; .probe = readiness; }}\n'
    )
    return path


class Varnish:
    """A running varnishd; ``get()`` sends one request to it."""

    def __init__(self, backend_host, backend_port):
        # Readable by Varnish's unprivileged user, which compiles the VCL when varnishd starts as root.
        self.workdir = Path(tempfile.mkdtemp(prefix="healthwords-varnish-"))
        self.workdir.chmod(0o755)
        self.port = free_port()
        vcl = write_vcl(self.workdir, backend_host, backend_port)
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                VARNISHD,
                "-F",
                "-n",
                str(self.workdir / "varnish"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,32m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.wait_until_answering()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_until_answering(self, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"varnishd stopped: {self.process.stderr.read().decode()}")
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("varnishd did not answer")

    def get(self, path, headers=None, method="GET"):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            response.raw_body = response.read()
            response.text = response.raw_body.decode(errors="replace")
            return response
        finally:
            connection.close()

    def forget_everything(self):
        """Ban every cached response (each carries at least the ``site`` tag)."""
        assert self.get("/", {"X-Purge-Tags": "."}, method="BAN").status == 200

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.workdir, ignore_errors=True)
