"""`qem.kinetic.Client`, and the constructor it shares with `AsyncClient` (`_async.py`).
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
        username: Optional[str] = None,
        password: Optional[str] = None,
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
            "service": "kinetic",
            "url": _opt_str(fn, "url", url),
            "username": _opt_str(fn, "username", username),
            "password": _opt_str(fn, "password", password),
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
    """A blocking client of one Kinetic Task web application, safe to share between threads.

    Give the web application's URL (``https://host[:port]/kinetic-task``) and, when its
    sources' API policy rules check the caller's identity, ``username`` and ``password``
    (sent as HTTP Basic with every request; there is no session). Use it as a context
    manager to close it at the end.
    """
