"""`qem.cloud.Client`, and the constructor it shares with `AsyncClient` (`_async.py`).
The typed methods are generated (`_operations.py`); the calls themselves are those of
every client (`qem._client._Blocking`)."""

from __future__ import annotations

import os

from .._client import _Blocking, _Common, _connection, _native_client
from .._convert import _opt_int, _opt_str
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
        api_key: Optional[str] = None,
        client_id: Optional[str] = None,
        client_secret: Optional[str] = None,
        scope: Optional[str] = None,
        verify: Optional[bool] = None,
        ca_file: Optional[PathLike] = None,
        ca_pem: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_concurrent_requests: Optional[int] = None,
        max_requests_per_minute: Optional[int] = None,
    ) -> None:
        fn = "Client"
        opts: Dict[str, Any] = {
            "service": "qlik_cloud",
            "url": _opt_str(fn, "url", url),
            "api_key": _opt_str(fn, "api_key", api_key),
            "client_id": _opt_str(fn, "client_id", client_id),
            "client_secret": _opt_str(fn, "client_secret", client_secret),
            "scope": _opt_str(fn, "scope", scope),
            "max_requests_per_minute": _opt_int(fn, "max_requests_per_minute", max_requests_per_minute),
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
    """A blocking client of one Qlik Cloud tenant's Tasks API, safe to share between threads.

    Give the tenant's URL (``https://tenant.region.qlikcloud.com``) and one credential:
    ``api_key``, or ``client_id`` and ``client_secret`` of an OAuth machine-to-machine
    client (its token is fetched when first needed, shared, and renewed before it
    expires). ``max_requests_per_minute`` paces calls under the tenant's rate limit; a
    429 is waited out in any case. Use it as a context manager to close it at the end.
    """
