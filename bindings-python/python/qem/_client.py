"""`Client`, and the base it shares with `AsyncClient` (in `_async.py`): constructors,
the generic entry, login, close and streaming to and from files. The typed methods are
generated (`_operations.py`).

This module converts arguments and answers only. Which URL, verb, query and status a
method means is the core's business (``qem_core::ops``); here a method is its name plus
named arguments.
"""

from __future__ import annotations

import os
import sys

from . import _native
from . import models as m
from ._convert import _dumps, _name, _opt_bool, _opt_int, _opt_str, _path, _seconds_ms, _type_error, _written
from ._operations import _Operations
from .errors import ClientClosedError

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Optional, Tuple, Union

    PathLike = Union[str, os.PathLike[str]]

__all__ = ["Client"]


def _options(
    url: Any,
    host: Any,
    port: Any,
    url_suffix: Any,
    username: Any,
    password: Any,
    domain: Any,
    api_token: Any,
    jwt: Any,
    b64: Any,
    saml: Any,
    verify_certificate: Any,
    ca_file: Any,
    ca_pem: Any,
    login_method: Any,
    connect_timeout: Any,
    read_timeout: Any,
    max_retries: Any,
    max_concurrent_requests: Any,
) -> Dict[str, Any]:
    fn = "Client"
    opts: Dict[str, Any] = {
        "url": _opt_str(fn, "url", url),
        "host": _opt_str(fn, "host", host),
        "port": _opt_int(fn, "port", port),
        "url_suffix": _opt_str(fn, "url_suffix", url_suffix),
        "username": _opt_str(fn, "username", username),
        "password": _opt_str(fn, "password", password),
        "domain": _opt_str(fn, "domain", domain),
        "api_token": _opt_str(fn, "api_token", api_token),
        "jwt": _opt_str(fn, "jwt", jwt),
        "b64": _opt_str(fn, "b64", b64),
        "saml": _opt_str(fn, "saml", saml),
        "login_method": _opt_str(fn, "login_method", login_method),
    }
    opts.update(
        _connection(
            fn,
            "verify_certificate",
            verify_certificate,
            ca_file,
            ca_pem,
            connect_timeout,
            read_timeout,
            max_retries,
            max_concurrent_requests,
        )
    )
    return opts


def _connection(
    fn: str,
    verify_name: str,
    verify: Any,
    ca_file: Any,
    ca_pem: Any,
    connect_timeout: Any,
    read_timeout: Any,
    max_retries: Any,
    max_concurrent_requests: Any,
) -> Dict[str, Any]:
    """The connection settings every service's client takes, as the core names them."""
    return {
        "verify_certificate": _opt_bool(fn, verify_name, verify),
        "ca_file": os.fspath(ca_file) if isinstance(ca_file, os.PathLike) else _opt_str(fn, "ca_file", ca_file),
        "ca_pem": _opt_str(fn, "ca_pem", ca_pem),
        "connect_timeout_ms": _seconds_ms(fn, "connect_timeout", connect_timeout),
        "read_timeout_ms": _seconds_ms(fn, "read_timeout", read_timeout),
        "max_retries": _opt_int(fn, "max_retries", max_retries),
        "max_concurrent_requests": _opt_int(fn, "max_concurrent_requests", max_concurrent_requests),
    }


def _native_client(opts: Dict[str, Any]) -> Any:
    """The native client for these options (those not given left out)."""
    return _native.NativeClient(_dumps({k: v for k, v in opts.items() if v is not None}))


def _lazy_async(package: str, names: List[str]) -> Tuple[Callable[[str], object], Callable[[], List[str]]]:
    """A package's `__getattr__` and `__dir__` importing its AsyncClient (and asyncio with
    it) only when it is first used: most scripts never need it, and it is most of what
    importing the package would cost."""

    def getattr_(name: str) -> object:
        if name == "AsyncClient":
            cls = __import__(package + "._async", fromlist=["AsyncClient"]).AsyncClient
            vars(sys.modules[package])["AsyncClient"] = cls
            return cls
        raise AttributeError("module {0!r} has no attribute {1!r}".format(package, name))

    def dir_() -> List[str]:
        # What `dir()` and completion show, AsyncClient included before its first use.
        return sorted(set(vars(sys.modules[package])) | set(names))

    return getattr_, dir_


class _Files:
    """Streaming to and from files: the export and import operations with a path."""

    if TYPE_CHECKING:

        def _run(
            self,
            method: str,
            args: Dict[str, Any],
            spec: Any,
            post: Optional[Callable[[Any], Any]] = None,
            timeout_ms: Any = None,
        ) -> Any: ...

    def export_task_to_file(self, server: Any, task: Any, path: Any, *, withendpoints: Any = None) -> Any:
        """Streams a task export into a file; answers the number of bytes written."""
        fn = "export_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "withendpoints": _opt_bool(fn, "withendpoints", withendpoints),
            "file": _path("export_task_to_file", "path", path),
        }
        return self._run(fn, args, None, _written)

    def export_all_to_file(self, server: Any, path: Any) -> Any:
        """Streams a whole-server export into a file; answers the number of bytes written."""
        fn = "export_all"
        args = {"server": _name(fn, "server", server), "file": _path("export_all_to_file", "path", path)}
        return self._run(fn, args, None, _written)

    def export_audit_trail_to_file(self, start_timestamp: Any, path: Any, *, end_timestamp: Any = None) -> Any:
        """Streams the audit trail into a file; answers the number of bytes written."""
        fn = "export_audit_trail"
        args = {
            "start_timestamp": _name(fn, "start_timestamp", start_timestamp),
            "end_timestamp": _opt_str(fn, "end_timestamp", end_timestamp),
            "file": _path("export_audit_trail_to_file", "path", path),
        }
        return self._run(fn, args, None, _written)

    def import_task_from_file(self, server: Any, task: Any, path: Any) -> Any:
        """Streams a task document from a file into a server."""
        fn = "import_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "payload_file": _path("import_task_from_file", "path", path),
        }
        return self._run(fn, args, None)

    def import_all_from_file(self, server: Any, path: Any) -> Any:
        """Streams a whole-server document from a file into a server."""
        fn = "import_all"
        args = {"server": _name(fn, "server", server), "payload_file": _path("import_all_from_file", "path", path)}
        return self._run(fn, args, None)


class _Common:
    """What every client shares, whatever its service: options per call, its URL, its
    state and the generic entry's arguments."""

    _native: Any

    def with_options(self, *, timeout: Optional[float] = None, retries: Optional[int] = None) -> Any:
        """A client of the same kind sharing this one's session and connections (closing
        either closes both) whose calls take at most ``timeout`` seconds each, retries
        and renewals included, and retry a failed read at most ``retries`` times; what
        is not given stays as this client has it."""
        fn = "with_options"
        options = {"timeout_ms": _seconds_ms(fn, "timeout", timeout), "max_retries": _opt_int(fn, "retries", retries)}
        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        clone._native = self._native.with_options(_dumps(options))
        return clone

    @property
    def url(self) -> str:
        """The service's URL (``https://host/attunityenterprisemanager``, a tenant's)."""
        return str(self._native.url)

    def __repr__(self) -> str:
        return "{0}(url={1!r}{2})".format(type(self).__name__, self.url, ", closed" if self.closed else "")

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return bool(self._native.closed)

    @staticmethod
    def _args(fn: str, args: Any, kwargs: Dict[str, Any]) -> Dict[str, Any]:
        if not isinstance(fn, str):
            raise _type_error("call", "method", "str", fn)
        if args is None:
            args = {}
        if not isinstance(args, dict):
            raise _type_error("call", "args", "dict or None", args)
        merged = dict(args)
        merged.update(kwargs)
        return {k: m.to_wire(v) for k, v in merged.items() if v is not None}


class _ClientBase(_Operations, _Files, _Common):
    def __init__(
        self,
        url: Optional[str] = None,
        *,
        host: Optional[str] = None,
        port: Optional[int] = None,
        url_suffix: Optional[str] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        domain: Optional[str] = None,
        api_token: Optional[str] = None,
        jwt: Optional[str] = None,
        b64: Optional[str] = None,
        saml: Optional[str] = None,
        verify_certificate: Optional[bool] = None,
        ca_file: Optional[PathLike] = None,
        ca_pem: Optional[str] = None,
        login_method: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        max_retries: Optional[int] = None,
        max_concurrent_requests: Optional[int] = None,
    ) -> None:
        opts = _options(
            url,
            host,
            port,
            url_suffix,
            username,
            password,
            domain,
            api_token,
            jwt,
            b64,
            saml,
            verify_certificate,
            ca_file,
            ca_pem,
            login_method,
            connect_timeout,
            read_timeout,
            max_retries,
            max_concurrent_requests,
        )
        self._native = _native_client(opts)

    @classmethod
    def with_password(cls, url: str, username: str, password: str, **kwargs: Any) -> Any:
        """A client logging in as an Active Directory user (``DOMAIN\\user`` or ``user@domain``)."""
        return cls(url, username=username, password=password, **kwargs)

    @classmethod
    def with_api_token(cls, url: str, api_token: str, **kwargs: Any) -> Any:
        """A client logging in with an OpenID Connect personal access token."""
        return cls(url, api_token=api_token, **kwargs)

    @classmethod
    def with_jwt(cls, url: str, jwt: str, **kwargs: Any) -> Any:
        """A client logging in with a JSON Web Token."""
        return cls(url, jwt=jwt, **kwargs)


class _Blocking(_Common):
    """The blocking calls of a client, whatever its service."""

    def _run(
        self,
        method: str,
        args: Dict[str, Any],
        spec: Any,
        post: Optional[Callable[[Any], Any]] = None,
        timeout_ms: Any = None,
    ) -> Any:
        answer = self._native.call_typed(method, _dumps(args), spec, timeout_ms)
        return answer if post is None else post(answer)

    def call(self, method: str, args: Optional[Dict[str, Any]] = None, **kwargs: Any) -> Any:
        """The generic entry: any operation by its guide name, arguments by the guide's
        names, the body under ``payload``. Answers the JSON the server sent (lists, and
        dicts whose keys are also attributes), None when it sent nothing."""
        return self._native.call_typed(method, _dumps(self._args(method, args, kwargs)), None)

    def close(self) -> None:
        """Logs out and refuses later calls (``ClientClosedError``). Closing twice is fine."""
        self._native.close()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.close()
        except Exception:
            # Logging out is best effort; the block's own exception matters more.
            if exc[0] is None:
                raise


class Client(_Blocking, _ClientBase):
    """A blocking Enterprise Manager client, safe to share between threads.

    Give the URL (``https://host[:port]/attunityenterprisemanager``) or ``host`` (with
    ``port`` and ``url_suffix``), and one credential: ``username`` and ``password``
    (Active Directory), ``api_token`` (personal access token), ``jwt``, ``b64``
    (base64 of ``user:password``), or ``saml`` (a SAML message from the identity
    provider, posted as the login body). Nothing is sent until the first call, which logs in;
    an expired session is renewed transparently. Use it as a context manager to log
    out at the end.
    """

    def login(self) -> None:
        """Logs in now (again), replacing any session."""
        self._native.call("login", "{}")

    def logout(self) -> None:
        """Ends the session; a later call logs in again."""
        self._native.call("logout", "{}")


# Keep the closed-client error importable from here for isinstance checks in helpers.
_ = ClientClosedError
