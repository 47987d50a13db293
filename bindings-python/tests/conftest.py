"""Starts one qem-mock for the session; helpers to drive its control API."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from qem.testing import MockServer

ROOT = Path(__file__).resolve().parents[2]


def _mock_binary() -> Path:
    env = os.environ.get("QEM_MOCK")
    if env:
        return Path(env)
    for profile in ("release", "debug"):
        p = ROOT / "target" / profile / "qem-mock"
        if p.exists():
            return p
    pytest.exit("qem-mock not built: cargo build -p qem-mock", returncode=2)
    raise AssertionError


class Mock(MockServer):
    """The session's mock (qem.testing's MockServer, attached to the qem-mock started here)."""

    def __init__(self, base_url: str, cert: str) -> None:
        self._dir, self._proc = None, None
        self._connect(base_url, cert)
        self.base_url = base_url  # https://127.0.0.1:PORT/attunityenterprisemanager
        self.cert = cert
        hostport = base_url.split("//", 1)[1].split("/", 1)[0]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)

    def reset(self) -> None:
        self.control("PUT", "faults", {"latency_ms": 0, "error_rate": 0.0, "drop_rate": 0.0})
        self.control("POST", "reset", {})

    def client(self, **kw: Any) -> Any:
        import qem

        kw.setdefault("username", "QEM\\admin")
        kw.setdefault("password", "admin-pass")
        if "api_token" in kw or "jwt" in kw:
            kw.pop("username", None)
            kw.pop("password", None)
        return qem.Client(self.base_url, ca_file=self.cert, **kw)


@pytest.fixture(scope="session")
def mock() -> Iterator[Mock]:
    cert = os.path.join(tempfile.mkdtemp(prefix="qem-mock-"), "cert.pem")
    proc = subprocess.Popen(
        [str(_mock_binary()), "--port", "0", "--cert-out", cert],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "listening on" not in line:
        proc.kill()
        pytest.exit("qem-mock did not start: " + line, returncode=2)
    try:
        yield Mock(line.rsplit(" ", 1)[1].strip(), cert)
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture()
def fresh(mock: Mock) -> Mock:
    mock.reset()
    return mock
