"""Qlik Enterprise Manager SDK for Python (see __init__.py)."""

from typing import Any, Dict, List
from . import models as models, types as types
from ._async import AsyncClient as AsyncClient
from ._client import Client as Client
from .errors import (
    AemClientException as AemClientException,
    ClientClosedError as ClientClosedError,
    ConnectionError as ConnectionError,
    InvalidArgumentError as InvalidArgumentError,
    InvalidResponseError as InvalidResponseError,
    LocalIOError as LocalIOError,
    NotFoundError as NotFoundError,
    ServerError as ServerError,
    SessionError as SessionError,
    TimeoutError as TimeoutError,
    TlsError as TlsError,
    UnauthorizedError as UnauthorizedError,
)
from .models import (
    AemRunTaskOptions as AemRunTaskOptions,
    AemTableState as AemTableState,
    AemTaskState as AemTaskState,
    AemTaskStopReason as AemTaskStopReason,
    AuthenticationMethod as AuthenticationMethod,
)

__all__ = [
    "AsyncClient",
    "Client",
    "AemClientException",
    "ClientClosedError",
    "ConnectionError",
    "InvalidArgumentError",
    "InvalidResponseError",
    "LocalIOError",
    "NotFoundError",
    "ServerError",
    "SessionError",
    "TimeoutError",
    "TlsError",
    "UnauthorizedError",
    "AemRunTaskOptions",
    "AemTaskState",
    "AemTaskStopReason",
    "AemTableState",
    "AuthenticationMethod",
    "operations",
]

__version__: str

def operations() -> List[Dict[str, Any]]: ...
