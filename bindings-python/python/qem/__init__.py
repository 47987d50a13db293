"""Qlik Enterprise Manager SDK for Python.

- :class:`Client` (blocking, thread-safe) and :class:`AsyncClient` (asyncio), with every
  method of the API guide's chapter 4 plus ``clone_task``, wait helpers and streaming
  export/import to files; ``call(method, args)`` reaches any operation by name.
- :mod:`qem.models`: chapter 4's classes; :mod:`qem.types`: the classes generated for
  the other answers (the helpers' reports).
- :mod:`aem_client`: a drop-in replacement of Qlik's own ``aem_client.py``.
- Failures raise :class:`AemClientException` subclasses (``error_code``, ``message``,
  ``http_status``).
- Log records go to the ``qem`` logger of :mod:`logging`, credentials redacted.
"""

from __future__ import annotations

import atexit as _atexit

from . import _native
from ._client import Client
from .errors import (
    AemClientException,
    ClientClosedError,
    ConnectionError,
    InvalidArgumentError,
    InvalidResponseError,
    LocalIOError,
    NotFoundError,
    ServerError,
    SessionError,
    TimeoutError,
    TlsError,
    UnauthorizedError,
)
from .models import (
    AemRunTaskOptions,
    AemTaskState,
    AemTaskStopReason,
    AemTableState,
    AuthenticationMethod,
)

__version__: str = _native.__version__

__all__ = [
    "Client",
    "AsyncClient",
    "AemClientException",
    "SessionError",
    "UnauthorizedError",
    "NotFoundError",
    "ServerError",
    "ConnectionError",
    "TimeoutError",
    "TlsError",
    "InvalidArgumentError",
    "InvalidResponseError",
    "ClientClosedError",
    "LocalIOError",
    "AemRunTaskOptions",
    "AemTaskState",
    "AemTaskStopReason",
    "AemTableState",
    "AuthenticationMethod",
    "operations",
]


def __getattr__(name: str) -> object:
    # AsyncClient is imported when first used, and asyncio with it: most scripts never
    # need it, and it is most of what importing qem would cost.
    if name == "AsyncClient":
        from ._async import AsyncClient

        globals()["AsyncClient"] = AsyncClient
        return AsyncClient
    raise AttributeError("module 'qem' has no attribute {0!r}".format(name))


def __dir__() -> list:  # type: ignore[type-arg]
    # What `dir(qem)` and completion show, AsyncClient included before its first use.
    return sorted(set(globals()) | set(__all__))


def operations() -> list:  # type: ignore[type-arg]
    """Every Enterprise Manager operation of the API description (``schema/api.json``):
    its REST ``name``, snake ``method``, ``doc``, ``verb``, ``path``, ``args`` (each with
    its ``name``, place ``in``, ``required`` and JSON ``schema``) and ``answer``."""
    import json

    return list(json.loads(_native.operations())["services"][0]["operations"])


_native.install_logging()
# After exit starts, the SDK's threads must not call into Python any more.
_atexit.register(_native.shutdown)
