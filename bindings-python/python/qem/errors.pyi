"""Type stubs of the exception hierarchy (see errors.py)."""

from _typeshed import Incomplete

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
    kind: str
    error_code: Incomplete
    message: Incomplete
    http_status: Incomplete
    operation: Incomplete
    def __init__(
        self, error_code: str, message: str = "", http_status: int | None = None, operation: str | None = None
    ) -> None: ...

class SessionError(AemClientException):
    kind: str

class UnauthorizedError(AemClientException):
    kind: str

class NotFoundError(AemClientException):
    kind: str

class ServerError(AemClientException):
    kind: str

class ConnectionError(AemClientException):
    kind: str

class TimeoutError(AemClientException):
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
