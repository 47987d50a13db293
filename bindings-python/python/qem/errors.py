"""The exception hierarchy.

Every failure of a call raises :class:`AemClientException` (chapter 4.4 of the guide:
an ``Exception`` with ``error_code`` and ``message``), or one of its subclasses by
category. ``error_code`` is the server's code verbatim (``AEM_TASK_NOT_FOUND``) or one
of the SDK's own (``CONNECTION_ERROR``, ``TIMEOUT``, ``INVALID_ARGUMENT``,
``CLIENT_CLOSED``, ...).
"""

from __future__ import annotations

import builtins
import json

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Dict, Optional, Type

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
    """An Enterprise Manager call failed.

    Attributes:
        error_code: the server's error code (``AEM_TASK_NOT_FOUND``) or the SDK's own.
        message: the human-readable message.
        http_status: the HTTP status of the answer, ``None`` when there was none.
        operation: the REST name of the failed operation (``GetTaskDetails``), if known.
        kind: the category (``session``, ``not_found``, ``connection``, ...).
        trace_id: the server's trace id of the failed request (Qlik Cloud's ``traceId``),
            if it sent one.
    """

    trace_id: Optional[str] = None

    kind: str = "server"

    def __init__(
        self,
        error_code: str,
        message: str = "",
        http_status: Optional[int] = None,
        operation: Optional[str] = None,
        *,
        error_message: Optional[str] = None,
    ) -> None:
        # Qlik's client takes (error_code, error_message) and passes both to Exception:
        # keep `args` alike, and accept its keyword name too.
        if error_message is not None:
            message = error_message
        super().__init__(error_code, message)
        self.error_code = error_code
        self.message = message
        self.http_status = http_status
        self.operation = operation

    def __str__(self) -> str:
        extra = []
        if self.operation:
            extra.append(self.operation)
        if self.http_status is not None:
            extra.append("HTTP {0}".format(self.http_status))
        tail = " ({0})".format(", ".join(extra)) if extra else ""
        return "{0}: {1}{2}".format(self.error_code, self.message, tail)


class SessionError(AemClientException):
    """The session is invalid or expired and could not be renewed."""

    kind = "session"


class UnauthorizedError(AemClientException):
    """Login failed, or the user lacks the role the method needs."""

    kind = "unauthorized"


class NotFoundError(AemClientException):
    """The named server, task, endpoint or table does not exist."""

    kind = "not_found"


class ServerError(AemClientException):
    """Any other error the server reported."""

    kind = "server"


class ConnectionError(AemClientException, builtins.ConnectionError):  # noqa: A001 - the category's natural name
    """No connection could be made, or it broke (also a built-in ``ConnectionError``)."""

    kind = "connection"


class TimeoutError(AemClientException, builtins.TimeoutError):  # noqa: A001
    """A connect, read or wait timeout passed (also a built-in ``TimeoutError``, which is
    ``asyncio.TimeoutError`` too from Python 3.11)."""

    kind = "timeout"


class TlsError(ConnectionError):
    """The TLS handshake failed (for example an untrusted certificate)."""

    kind = "tls"


class InvalidArgumentError(AemClientException, ValueError):
    """An argument was refused before anything was sent."""

    kind = "invalid_argument"


class InvalidResponseError(AemClientException):
    """The answer could not be decoded."""

    kind = "invalid_response"


class ClientClosedError(AemClientException):
    """The client was closed (or the call cancelled)."""

    kind = "closed"


class LocalIOError(AemClientException, OSError):
    """Reading or writing a local file failed."""

    kind = "io"


_BY_KIND: Dict[str, Type[AemClientException]] = {
    cls.kind: cls
    for cls in (
        SessionError,
        UnauthorizedError,
        NotFoundError,
        ServerError,
        ConnectionError,
        TimeoutError,
        TlsError,
        InvalidArgumentError,
        InvalidResponseError,
        ClientClosedError,
        LocalIOError,
    )
}


def _from_native(text: str) -> AemClientException:
    """Builds the exception for the core's error JSON (called by the native module)."""
    try:
        d = json.loads(text)
    except ValueError:
        return AemClientException("INTERNAL_ERROR", text)
    cls = _BY_KIND.get(d.get("kind") or "server", AemClientException)
    exc = cls(
        str(d.get("error_code") or ""),
        str(d.get("message") or ""),
        d.get("http_status"),
        d.get("operation"),
    )
    if d.get("trace_id"):
        exc.trace_id = str(d["trace_id"])
    return exc
