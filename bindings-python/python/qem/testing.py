"""Test your own automation offline, against the project's mock servers.

The mock is the same Enterprise Manager (with Qlik Cloud, Kinetic Task and Veeam beside
it) every binding of this SDK is tested against: stateful, HTTPS with its own certificate,
with a control API to set its state, inject faults and read the requests it got (see the
project's ``tests/mock/STATE.md``).

As a pytest plugin (installed with the wheel, nothing to configure), every test session
has two fixtures:

- ``qem_mock``: the mock servers, started once for the session: ``url`` (Enterprise
  Manager), ``ca_file``, ``service_url("veeam")``, ``reset()``, ``set_state(doc)``,
  ``set_faults(...)``, ``expire_sessions()``, ``requests()``, ``control(...)``;
- ``qem_client``: a ``qem.Client`` logged in as ``QEM\\admin`` on a freshly reset mock,
  closed after the test.

    def test_my_nightly_job(qem_client, qem_mock):
        my_job.run(qem_client)                      # your code, given a client
        assert qem_client.get_task_details("Local Server", "SalesDBBackup").state.name == "RUNNING"
        assert any(r["operation"] == "run_task" for r in qem_mock.requests())

Without pytest: ``with qem.testing.MockServer() as mock: client = mock.client()``; a mock
running elsewhere: ``qem.testing.MockServer.attach(url, ca_file)``.
"""

from __future__ import annotations

import json
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import urllib.request

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterator, List, Optional

    from ._client import Client

__all__ = ["MockServer", "qem_mock", "qem_client"]

# The mock's default users (STATE.md): Enterprise Manager's administrator.
ADMIN = ("QEM\\admin", "admin-pass")


class MockServer:
    """The mock servers in a child process (``qem mock``), until :meth:`stop`.

    ``state`` is a state document to start from (STATE.md); the default world otherwise.
    """

    def __init__(self, state: Optional[Dict[str, Any]] = None, *, port: int = 0) -> None:
        self._dir: Optional[str] = tempfile.mkdtemp(prefix="qem-mock-")
        self.ca_file = os.path.join(self._dir, "ca.pem")
        args = [sys.executable, "-m", "qem", "mock", "--port", str(port), "--cert-out", self.ca_file]
        if state is not None:
            path = os.path.join(self._dir, "state.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(state, f)
            args += ["--state", path]
        self._proc: Optional[subprocess.Popen[str]] = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.startswith("http"):
            self.stop()
            raise RuntimeError("the mock did not start: " + repr(line))
        self._connect(line, self.ca_file)

    @classmethod
    def attach(cls, url: str, ca_file: str) -> MockServer:
        """A mock already running elsewhere (``qem mock`` in another process or a
        container), from its first line (Enterprise Manager's URL) and its certificate;
        :meth:`stop` leaves it running."""
        self = cls.__new__(cls)
        self._dir, self._proc = None, None
        self._connect(url, ca_file)
        return self

    def _connect(self, url: str, ca_file: str) -> None:
        #: Enterprise Manager's URL (``https://127.0.0.1:PORT/attunityenterprisemanager``).
        self.url = url
        #: The mock's certificate (PEM), for the clients' ``ca_file``.
        self.ca_file = ca_file
        #: ``https://127.0.0.1:PORT``: the other services' and the control API's root.
        self.root = url.rsplit("/", 1)[0]
        self._ssl = ssl.create_default_context(cafile=ca_file)

    def service_url(self, service: str) -> str:
        """The URL a client of ``service`` takes: ``qem``, ``qlik_cloud``, ``kinetic``, ``veeam``."""
        paths = {
            "qem": "/attunityenterprisemanager",
            "qlik_cloud": "/qlik-cloud",
            "kinetic": "/kinetic-task",
            "veeam": "/veeam",
        }
        return self.root + paths[service]

    def control(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        """Calls the control API (``/mock/...``): ``control("GET", "requests")``."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.root + "/mock/" + path.lstrip("/"), data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, context=self._ssl, timeout=60) as resp:
            text = resp.read()
        return json.loads(text) if text.strip() else None

    def reset(self) -> None:
        """The default world again, no faults, an empty request log."""
        self.control("PUT", "faults", {})
        self.control("POST", "reset", {})
        self.control("DELETE", "requests")

    def set_state(self, state: Dict[str, Any]) -> None:
        """Replaces the world with this state document (STATE.md)."""
        self.control("PUT", "state", state)

    def set_faults(self, **faults: Any) -> None:
        """Latency, errors, dropped or lost answers (``latency_ms=200, error_rate=0.1``...)."""
        self.control("PUT", "faults", faults)

    def expire_sessions(self) -> None:
        """Forgets every session: the next call must log in again."""
        self.control("POST", "expire-sessions", {})

    def requests(self) -> List[Dict[str, Any]]:
        """The requests the mock got, oldest first (method, path, operation, status...)."""
        answer: List[Dict[str, Any]] = self.control("GET", "requests")
        return answer

    def client(self, username: str = ADMIN[0], password: str = ADMIN[1]) -> Client:
        """A ``qem.Client`` of this mock's Enterprise Manager."""
        from ._client import Client

        return Client(self.url, username=username, password=password, ca_file=self.ca_file)

    def stop(self) -> None:
        """Stops the mock (one this object started)."""
        if self._proc is not None:
            if self._proc.poll() is None:
                self._proc.terminate()
                self._proc.wait(timeout=10)
            if self._proc.stdout is not None:
                self._proc.stdout.close()
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> MockServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


try:
    import pytest as _pytest
except ImportError:  # pragma: no cover - pytest is optional
    _pytest = None  # type: ignore[assignment]

if _pytest is not None:

    @_pytest.fixture(scope="session")
    def qem_mock() -> Iterator[MockServer]:
        """The mock servers, for the whole test session."""
        with MockServer() as mock:
            yield mock

    @_pytest.fixture
    def qem_client(qem_mock: MockServer) -> Iterator[Client]:
        """A client of the mock's Enterprise Manager, on a freshly reset world."""
        qem_mock.reset()
        with qem_mock.client() as client:
            yield client
