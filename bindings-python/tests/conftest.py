"""Starts one qem-mock for the session; helpers to drive its control API."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import tempfile
import urllib.request
from pathlib import Path
from typing import Any, Iterator, Optional

import pytest

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


class Mock:
    def __init__(self, base_url: str, cert: str) -> None:
        self.base_url = base_url  # https://127.0.0.1:PORT/attunityenterprisemanager
        self.cert = cert
        self.ctx = ssl.create_default_context(cafile=cert)
        hostport = base_url.split("//", 1)[1].split("/", 1)[0]
        self.host, port = hostport.rsplit(":", 1)
        self.port = int(port)
        self.root = base_url.split("/attunityenterprisemanager")[0]

    def control(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.root + "/mock/" + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, context=self.ctx, timeout=30) as resp:
            text = resp.read()
        return json.loads(text) if text.strip() else None

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
