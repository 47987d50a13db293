"""`qem.veeam.Client`, and the constructor it shares with `AsyncClient` (`_async.py`).
The typed methods are generated (`_operations.py`); the calls themselves are those of
every client (`qem._client._Blocking`)."""

from __future__ import annotations

import os

from .._client import _Blocking, _Common, _connection, _native_client
from .._convert import _opt_str
from ._operations import _Operations

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Union

    PathLike = Union[str, os.PathLike[str]]

__all__ = ["Client"]


class _ServiceBase(_Operations, _Common):
    def __init__(
        self,
        url: str,
        *,
        username: str,
        password: str,
        api_version: Optional[str] = None,
        verify: Optional[bool] = None,
        ca_file: Optional[PathLike] = None,
        ca_pem: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_concurrent_requests: Optional[int] = None,
    ) -> None:
        fn = "Client"
        opts: Dict[str, Any] = {
            "service": "veeam",
            "url": _opt_str(fn, "url", url),
            "username": _opt_str(fn, "username", username),
            "password": _opt_str(fn, "password", password),
            "api_version": _opt_str(fn, "api_version", api_version),
        }
        opts.update(
            _connection(
                fn,
                "verify",
                verify,
                ca_file,
                ca_pem,
                connect_timeout,
                read_timeout,
                max_retries,
                max_concurrent_requests,
            )
        )
        self._native = _native_client(opts)


class Client(_Blocking, _ServiceBase):
    """A blocking client of one Veeam Backup Enterprise Manager, safe to share between threads.

    Give its URL (``https://host:9398``), ``username`` and ``password`` (a Portal
    Administrator, Portal User or Restore Operator; ``api_version`` picks the API version
    asked for at logon, ``latest`` by default). The first call logs on; ``close()`` logs
    off. Use it as a context manager to close it at the end.
    """
