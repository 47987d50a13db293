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
from ._client import Client, _lazy_async
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


# AsyncClient (and asyncio with it) is imported when first used.
__getattr__, __dir__ = _lazy_async(__name__, __all__)


def operations() -> list:  # type: ignore[type-arg]
    """Every Enterprise Manager operation of the API description (``schema/api.json``):
    its REST ``name``, snake ``method``, ``doc``, ``verb``, ``path``, ``args`` (each with
    its ``name``, place ``in``, ``required`` and JSON ``schema``) and ``answer``."""
    import json

    return list(json.loads(_native.operations())["services"][0]["operations"])


_native.install_logging()
# After exit starts, the SDK's threads must not call into Python any more.
_atexit.register(_native.shutdown)
