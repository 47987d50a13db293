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
    """The session's mock: qem.testing's MockServer attached to the qem-mock started here."""

    @property
    def base_url(self) -> str:  # https://127.0.0.1:PORT/attunityenterprisemanager
        return self.url

    @property
    def cert(self) -> str:
        return self.ca_file

    @property
    def host(self) -> str:
        return self.root.split("//", 1)[1].rsplit(":", 1)[0]

    @property
    def port(self) -> int:
        return int(self.root.rsplit(":", 1)[1])

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
        yield Mock.attach(line.rsplit(" ", 1)[1].strip(), cert)
    finally:
        proc.kill()
        proc.wait()


@pytest.fixture()
def fresh(mock: Mock) -> Mock:
    mock.reset()
    return mock
