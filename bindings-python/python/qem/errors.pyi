"""Type stubs of the exception hierarchy (see errors.py)."""

import builtins
from typing import Optional

__all__ = [
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
]

class AemClientException(Exception):
    """An Enterprise Manager call failed (4.4): ``error_code``, ``message``, ``http_status``."""

    kind: str
    error_code: str
    message: str
    http_status: Optional[int]
    operation: Optional[str]
    trace_id: Optional[str]
    def __init__(
        self,
        error_code: str,
        message: str = "",
        http_status: Optional[int] = None,
        operation: Optional[str] = None,
        *,
        error_message: Optional[str] = None,
    ) -> None: ...

class SessionError(AemClientException):
    kind: str

class UnauthorizedError(AemClientException):
    kind: str

class NotFoundError(AemClientException):
    kind: str

class ServerError(AemClientException):
    kind: str

class ConnectionError(AemClientException, builtins.ConnectionError):
    kind: str

class TimeoutError(AemClientException, builtins.TimeoutError):
    kind: str

class TlsError(ConnectionError):
    kind: str

class InvalidArgumentError(AemClientException, ValueError):
    kind: str

class InvalidResponseError(AemClientException):
    kind: str

class ClientClosedError(AemClientException):
    kind: str

class LocalIOError(AemClientException, OSError):
    kind: str
