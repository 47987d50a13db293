"""`Client` and `AsyncClient`: typed methods over the core's generic entry.

This module converts arguments and answers only. Which URL, verb, query and status a
method means is the core's business (``qem_core::ops``); here a method is its guide
name plus named arguments.
"""

from __future__ import annotations

import asyncio
import json
import os
from enum import Enum
from typing import Any, Callable, Dict, Iterable, Optional, Tuple, Union

from . import _native
from . import models as m
from .errors import ClientClosedError, _from_native

__all__ = ["Client", "AsyncClient"]

_dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(",", ":")).encode
_loads = json.loads

PathLike = Union[str, "os.PathLike[str]"]


# ---------------------------------------------------------------- argument checks


def _type_error(fn: str, name: str, want: str, value: Any) -> TypeError:
    return TypeError("{0}() argument '{1}' must be {2}, not {3}".format(fn, name, want, type(value).__name__))


def _name(fn: str, name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _type_error(fn, name, "str", value)
    return value


def _opt_str(fn: str, name: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _type_error(fn, name, "str or None", value)
    return value


def _opt_bool(fn: str, name: str, value: Any) -> Optional[bool]:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise _type_error(fn, name, "bool or None", value)
    return value


def _opt_int(fn: str, name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(fn, name, "int or None", value)
    return value


def _seconds_ms(fn: str, name: str, value: Any) -> Optional[int]:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _type_error(fn, name, "a number of seconds", value)
    if value < 0:
        raise ValueError("{0}() argument '{1}' must not be negative".format(fn, name))
    return int(round(value * 1000))


def _path(fn: str, name: str, value: Any) -> str:
    if not isinstance(value, (str, os.PathLike)):
        raise _type_error(fn, name, "a path (str or os.PathLike)", value)
    return os.fspath(value)


def _option(fn: str, value: Any) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, m.AemRunTaskOptions):
        return value.name
    if isinstance(value, str):
        return value
    if isinstance(value, Enum):
        return value.name
    raise _type_error(fn, "option", "AemRunTaskOptions or str", value)


def _payload(fn: str, value: Any, kinds: Tuple[type, ...], want: str) -> Any:
    """An object payload: one of ``kinds``, a dict, or JSON text (sent as it is)."""
    if value is None:
        return None
    if isinstance(value, kinds) or isinstance(value, (dict, list)):
        return m.to_wire(value)
    if isinstance(value, str):
        return value
    raise _type_error(fn, "payload", want, value)


def _document(fn: str, value: Any) -> Any:
    """A document payload: text, bytes (UTF-8) or a dict."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8")
    if isinstance(value, dict):
        return m.to_wire(value)
    raise _type_error(fn, "payload", "str, bytes or dict", value)


def _states(fn: str, states: Any) -> list:  # type: ignore[type-arg]
    if isinstance(states, (str, m.AemTaskState)):
        states = [states]
    if not isinstance(states, (list, tuple, set, frozenset)):
        raise _type_error(fn, "states", "a task state or a list of them", states)
    out = []
    for s in states:
        if isinstance(s, Enum):
            out.append(s.name)
        elif isinstance(s, str):
            out.append(s)
        else:
            raise _type_error(fn, "states", "AemTaskState or str items", s)
    return out


# How answers are read (see `convert.rs`): a class, `{"$type" part: class}`, or None.
_SERVER_DEF = {"Compose": m.AemComposeServer, "": m.AemReplicateServer}
_DETAILS = m._TASK_DETAILS


def _same(v: Any) -> Any:
    return v


# ---------------------------------------------------------------- the methods


class _Methods:
    """Every chapter 4 method, written once for both clients: each builds the named
    arguments and hands them to ``_run``, which is blocking in :class:`Client` and a
    coroutine in :class:`AsyncClient`."""

    # Qlik's client sends include flags always; "false" has no effect (4.19), so the
    # drop-in leaves False out, while the modern clients send what they are given.
    _false_is_absent = False
    _export_as_text = False

    def _run(self, method: str, args: Dict[str, Any], spec: Any, post: Callable[[Any], Any] = _same) -> Any:
        """Calls ``method``; the answer is read as ``spec`` says, then passed to ``post``."""
        raise NotImplementedError

    def _flag(self, fn: str, name: str, value: Any) -> Optional[bool]:
        v = _opt_bool(fn, name, value)
        return None if (v is False and self._false_is_absent) else v

    def _export(self, fn: str, args: Dict[str, Any]) -> Any:
        # The drop-in returns the document as text (chapter 4): the server's own bytes.
        if self._export_as_text:
            args["raw"] = True
        return self._run(fn, args, None)

    # 4.5 - 4.13 servers
    def put_server_license(self, payload: Any, server: Any) -> Any:
        """Registers a license (its text) on a server (4.5)."""
        fn = "put_server_license"
        if isinstance(payload, (bytes, bytearray)):
            payload = bytes(payload).decode("utf-8")
        if not isinstance(payload, str):
            raise _type_error(fn, "payload", "str", payload)
        return self._run(fn, {"payload": payload, "server": _name(fn, "server", server)}, None)

    def get_server_details(self, server: Any) -> Any:
        """Details of a server: configuration, license, state, task counts (4.6)."""
        fn = "get_server_details"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetServerDetailsResp)

    def put_server(self, payload: Any, server: Any) -> Any:
        """Adds a server or updates its definition (4.7)."""
        fn = "put_server"
        body = _payload(fn, payload, (m.AemServer,), "AemServer or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemServer or dict", payload)
        return self._run(fn, {"payload": body, "server": _name(fn, "server", server)}, None)

    def put_server_acl(self, payload: Any, server: Any) -> Any:
        """Replaces a server's explicit ACL (4.8)."""
        fn = "put_server_acl"
        body = _payload(fn, payload, (m.AemAuthorizationAcl,), "AemAuthorizationAcl or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemAuthorizationAcl or dict", payload)
        return self._run(fn, {"payload": body, "server": _name(fn, "server", server)}, None)

    def get_server(self, server: Any) -> Any:
        """A server's definition (connection properties) (4.9)."""
        fn = "get_server"
        return self._run(fn, {"server": _name(fn, "server", server)}, _SERVER_DEF)

    def get_server_acl(self, server: Any) -> Any:
        """A server's explicit ACL (4.10)."""
        fn = "get_server_acl"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemAuthorizationAcl)

    def get_server_list(self) -> Any:
        """The servers Enterprise Manager manages (4.11)."""
        return self._run("get_server_list", {}, m.AemGetServerListResp)

    def delete_server(self, server: Any) -> Any:
        """Deletes a server from Enterprise Manager (4.12)."""
        fn = "delete_server"
        return self._run(fn, {"server": _name(fn, "server", server)}, None)

    def delete_server_acl(self, server: Any) -> Any:
        """Deletes a server's explicit ACL (4.13)."""
        fn = "delete_server_acl"
        return self._run(fn, {"server": _name(fn, "server", server)}, None)

    # 4.14 - 4.25 tasks and tables
    def get_task_list(self, server: Any) -> Any:
        """The tasks of a server (4.14)."""
        fn = "get_task_list"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetTaskListResp)

    def get_task_details(self, server: Any, task: Any) -> Any:
        """Full monitoring information of a task (4.15)."""
        fn = "get_task_details"
        args = {"server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, _DETAILS)

    def _table_args(
        self, fn: str, server: Any, task: Any, schema: Any, table: Any, flags: Dict[str, Any]
    ) -> Dict[str, Any]:
        args: Dict[str, Any] = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "schema": _opt_str(fn, "schema", schema),
            "table": _opt_str(fn, "table", table),
        }
        for k, v in flags.items():
            args[k] = self._flag(fn, k, v)
        return args

    def get_table_list(
        self,
        server: Any,
        task: Any,
        schema: Any = None,
        table: Any = None,
        includequeued: Any = None,
        includeloading: Any = None,
        includecompleted: Any = None,
        includechangeprocessing: Any = None,
        includeerror: Any = None,
    ) -> Any:
        """The tables of a task matching states, schema and table patterns (4.16)."""
        fn = "get_table_list"
        args = self._table_args(
            fn,
            server,
            task,
            schema,
            table,
            {
                "includequeued": includequeued,
                "includeloading": includeloading,
                "includecompleted": includecompleted,
                "includechangeprocessing": includechangeprocessing,
                "includeerror": includeerror,
            },
        )
        return self._run(fn, args, m.AemGetTableListResp)

    def get_task_table_selection(self, server: Any, task: Any) -> Any:
        """The tables selected for a task, explicitly or by pattern (4.17)."""
        fn = "get_task_table_selection"
        args = {"server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, m.TableSelectionDefinition)

    def put_task_table_selection(self, payload: Any, server: Any, task: Any) -> Any:
        """Replaces the tables selected for a task (4.18)."""
        fn = "put_task_table_selection"
        body = _payload(fn, payload, (m.TableSelectionDefinition,), "TableSelectionDefinition or dict")
        if body is None:
            raise _type_error(fn, "payload", "TableSelectionDefinition or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    def set_task_table_selection(self, payload: Any, server: Any, task: Any) -> Any:
        """The guide's other name of :meth:`put_task_table_selection` (4.18)."""
        return self.put_task_table_selection(payload, server, task)

    def get_table_statuses(
        self,
        server: Any,
        task: Any,
        schema: Any = None,
        table: Any = None,
        includequeued: Any = None,
        includeloading: Any = None,
        includecompleted: Any = None,
        includechangeprocessing: Any = None,
        includeerror: Any = None,
    ) -> Any:
        """Load and change-processing figures of a task's tables (4.19)."""
        fn = "get_table_statuses"
        args = self._table_args(
            fn,
            server,
            task,
            schema,
            table,
            {
                "includequeued": includequeued,
                "includeloading": includeloading,
                "includecompleted": includecompleted,
                "includechangeprocessing": includechangeprocessing,
                "includeerror": includeerror,
            },
        )
        return self._run(fn, args, m.AemGetTableStatusesResp)

    def delete_task(self, server: Any, task: Any, deletetasklogs: Any = False) -> Any:
        """Deletes a stopped task, and its logs when asked (4.20)."""
        fn = "delete_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "deletetasklogs": _opt_bool(fn, "deletetasklogs", deletetasklogs),
        }
        return self._run(fn, args, None)

    def export_task(self, server: Any, task: Any, withendpoints: Any = False) -> Any:
        """A task's definition as a JSON document, with its endpoints when asked (4.21)."""
        fn = "export_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "withendpoints": _opt_bool(fn, "withendpoints", withendpoints),
        }
        return self._export(fn, args)

    def import_task(self, payload: Any, server: Any, task: Any) -> Any:
        """Imports one task's JSON document into a server (4.22)."""
        fn = "import_task"
        args = {
            "payload": _document(fn, payload),
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
        }
        return self._run(fn, args, None)

    def export_audit_trail(self, start_timestamp: Any, end_timestamp: Any = None) -> Any:
        """Audit trail records between two UTC timestamps or .NET ticks (4.23)."""
        fn = "export_audit_trail"
        args = {
            "start_timestamp": _name(fn, "start_timestamp", start_timestamp),
            "end_timestamp": _opt_str(fn, "end_timestamp", end_timestamp),
        }
        return self._export(fn, args)

    def run_task(
        self,
        payload: Any,
        server: Any,
        task: Any,
        option: Any = m.AemRunTaskOptions.RESUME_PROCESSING,
        timeout: Any = 30,
    ) -> Any:
        """Runs a task with a run option; waits up to ``timeout`` seconds for its state (4.24).

        ``payload`` is an :class:`AemRunTaskReq` (``cdcposition`` for the position
        options), its JSON text, or None.
        """
        fn = "run_task"
        body = _payload(fn, payload, (m.AemRunTaskReq,), "AemRunTaskReq, dict, str or None")
        args = {
            "payload": body,
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "option": _option(fn, option),
            "timeout": _opt_int(fn, "timeout", timeout),
        }
        return self._run(fn, args, m.AemRunTaskResp)

    def stop_task(self, server: Any, task: Any, timeout: Any = 30) -> Any:
        """Stops a task; waits up to ``timeout`` seconds for its state (4.25)."""
        fn = "stop_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "timeout": _opt_int(fn, "timeout", timeout),
        }
        return self._run(fn, args, m.AemStopTaskResp)

    def clone_task(self, payload: Any, server: Any, task: Any) -> Any:
        """Clones a task: ``payload`` holds ``new_task_name`` and optional overrides (CloneTask)."""
        fn = "clone_task"
        body = _payload(fn, payload, (m.AemObject,), "dict or str")
        if body is None:
            raise _type_error(fn, "payload", "dict or str", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    # 4.26 - 4.29 endpoints
    def get_endpoint_list(self, server: Any) -> Any:
        """The endpoints of a server (4.26)."""
        fn = "get_endpoint_list"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetEndpointListResp)

    def patch_endpoint(self, payload: Any, server: Any, endpoint: Any) -> Any:
        """Applies a JSON Patch (add, replace, remove, test) to an endpoint's settings (4.27)."""
        fn = "patch_endpoint"
        body = _payload(fn, payload, (), "a JSON Patch list or its JSON text")
        if body is None:
            raise _type_error(fn, "payload", "a JSON Patch list or its JSON text", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "endpoint": _name(fn, "endpoint", endpoint)}
        return self._run(fn, args, None)

    def delete_endpoint(self, server: Any, endpoint: Any) -> Any:
        """Deletes an endpoint no task uses (4.28)."""
        fn = "delete_endpoint"
        args = {"server": _name(fn, "server", server), "endpoint": _name(fn, "endpoint", endpoint)}
        return self._run(fn, args, None)

    def reconfigure_endpoint_no_wait(
        self, server: Any, endpoint: Any, configuration: Any = None, recycle: Any = True
    ) -> Any:
        """Overrides a source endpoint's settings with another endpoint's (4.29)."""
        fn = "reconfigure_endpoint_no_wait"
        args = {
            "server": _name(fn, "server", server),
            "endpoint": _name(fn, "endpoint", endpoint),
            "configuration": _opt_str(fn, "configuration", configuration),
            "recycle": _opt_bool(fn, "recycle", recycle),
        }
        return self._run(fn, args, None)

    # 4.30 - 4.34
    def export_all(self, server: Any) -> Any:
        """Everything a server's repository holds, as a JSON document (4.30)."""
        fn = "export_all"
        return self._export(fn, {"server": _name(fn, "server", server)})

    def import_all(self, payload: Any, server: Any) -> Any:
        """Imports (merges) a JSON document into a server's repository (4.31)."""
        fn = "import_all"
        args = {"payload": _document(fn, payload), "server": _name(fn, "server", server)}
        return self._run(fn, args, None)

    def reload_table(self, server: Any, task: Any, schema: Any = None, table: Any = None) -> Any:
        """Reloads one table (4.32)."""
        fn = "reload_table"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "schema": _opt_str(fn, "schema", schema),
            "table": _opt_str(fn, "table", table),
        }
        return self._run(fn, args, None)

    def resume_table(self, server: Any, task: Any, schema: Any = None, table: Any = None) -> Any:
        """Unsuspends a table suspended after errors (4.33)."""
        fn = "resume_table"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "schema": _opt_str(fn, "schema", schema),
            "table": _opt_str(fn, "table", table),
        }
        return self._run(fn, args, None)

    def test_endpoint(self, server: Any, endpoint: Any, timeout: Any = 60) -> Any:
        """Tests an endpoint's connectivity and configuration (4.34)."""
        fn = "test_endpoint"
        args = {
            "server": _name(fn, "server", server),
            "endpoint": _name(fn, "endpoint", endpoint),
            "timeout": _opt_int(fn, "timeout", timeout),
        }
        return self._run(fn, args, m.AemTestEndpointResp)

    # 4.35 - 4.37 change data
    def delete_old_change_data(self, payload: Any, server: Any, task: Any) -> Any:
        """Deletes processed change data partitions older than a timestamp or offset (4.35)."""
        fn = "delete_old_change_data"
        body = _payload(fn, payload, (m.AemDeleteOldChangeDataReq,), "AemDeleteOldChangeDataReq or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemDeleteOldChangeDataReq or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    def set_change_data_retention_barrier(self, payload: Any, server: Any, task: Any) -> Any:
        """Sets (or, with an empty ``retention_point``, removes) a retention barrier (4.36)."""
        fn = "set_change_data_retention_barrier"
        body = _payload(
            fn, payload, (m.AemSetChangeDataRetentionBarrierReq,), "AemSetChangeDataRetentionBarrierReq or dict"
        )
        if body is None:
            raise _type_error(fn, "payload", "AemSetChangeDataRetentionBarrierReq or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    def get_change_data_retention_barrier(self, server: Any, task: Any) -> Any:
        """The earliest retention barrier of a task (4.37)."""
        fn = "get_change_data_retention_barrier"
        args = {"server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, m.AemGetChangeDataRetentionBarrierResp)

    # helpers people write by hand today
    def wait_for_task_state(
        self, server: Any, task: Any, states: Any, timeout: Any = 60.0, poll_interval: Any = 0.25
    ) -> Any:
        """Polls a task until it is in one of ``states``; answers its details.

        Raises ``TimeoutError`` (``WAIT_TIMEOUT``) when ``timeout`` seconds pass first.
        """
        fn = "wait_for_task_state"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "states": _states(fn, states),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        return self._run(fn, args, _DETAILS)

    def run_task_and_wait(
        self,
        server: Any,
        task: Any,
        option: Any = m.AemRunTaskOptions.RESUME_PROCESSING,
        cdcposition: Any = None,
        timeout: Any = 300.0,
        poll_interval: Any = 0.25,
    ) -> Any:
        """Runs a task and waits until it is RUNNING; answers its details.

        Raises ``AemClientException`` (``TASK_FAILED``) when the task ends in ERROR.
        """
        fn = "run_task_and_wait"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "option": _option(fn, option),
            "cdcposition": _opt_str(fn, "cdcposition", cdcposition),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        if args["option"] is None:
            args["option"] = "RESUME_PROCESSING"
        return self._run(fn, args, _DETAILS)

    def stop_task_and_wait(self, server: Any, task: Any, timeout: Any = 300.0, poll_interval: Any = 0.25) -> Any:
        """Stops a task and waits until it is STOPPED; answers its details."""
        fn = "stop_task_and_wait"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        return self._run(fn, args, _DETAILS)

    # streaming to and from files
    def export_task_to_file(self, server: Any, task: Any, path: Any, withendpoints: Any = False) -> Any:
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

    def export_audit_trail_to_file(self, path: Any, start_timestamp: Any, end_timestamp: Any = None) -> Any:
        """Streams the audit trail into a file; answers the number of bytes written."""
        fn = "export_audit_trail"
        args = {
            "start_timestamp": _name(fn, "start_timestamp", start_timestamp),
            "end_timestamp": _opt_str(fn, "end_timestamp", end_timestamp),
            "file": _path("export_audit_trail_to_file", "path", path),
        }
        return self._run(fn, args, None, _written)

    def import_task_from_file(self, path: Any, server: Any, task: Any) -> Any:
        """Streams a task document from a file into a server."""
        fn = "import_task"
        args = {
            "payload_file": _path("import_task_from_file", "path", path),
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
        }
        return self._run(fn, args, None)

    def import_all_from_file(self, path: Any, server: Any) -> Any:
        """Streams a whole-server document from a file into a server."""
        fn = "import_all"
        args = {"payload_file": _path("import_all_from_file", "path", path), "server": _name(fn, "server", server)}
        return self._run(fn, args, None)


def _written(v: Any) -> int:
    return int(v.get("bytes", 0)) if isinstance(v, dict) else 0


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
        "verify_certificate": _opt_bool(fn, "verify_certificate", verify_certificate),
        "ca_file": os.fspath(ca_file) if isinstance(ca_file, os.PathLike) else _opt_str(fn, "ca_file", ca_file),
        "ca_pem": _opt_str(fn, "ca_pem", ca_pem),
        "login_method": _opt_str(fn, "login_method", login_method),
        "connect_timeout_ms": _seconds_ms(fn, "connect_timeout", connect_timeout),
        "read_timeout_ms": _seconds_ms(fn, "read_timeout", read_timeout),
        "max_retries": _opt_int(fn, "max_retries", max_retries),
        "max_concurrent_requests": _opt_int(fn, "max_concurrent_requests", max_concurrent_requests),
    }
    return {k: v for k, v in opts.items() if v is not None}


class _ClientBase(_Methods):
    _native: Any

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
            verify_certificate,
            ca_file,
            ca_pem,
            login_method,
            connect_timeout,
            read_timeout,
            max_retries,
            max_concurrent_requests,
        )
        self._native = _native.NativeClient(_dumps(opts))

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

    @property
    def url(self) -> str:
        """The Enterprise Manager URL (``https://host/attunityenterprisemanager``)."""
        return str(self._native.url)

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


class Client(_ClientBase):
    """A blocking Enterprise Manager client, safe to share between threads.

    Give the URL (``https://host[:port]/attunityenterprisemanager``) or ``host`` (with
    ``port`` and ``url_suffix``), and one credential: ``username`` and ``password``
    (Active Directory), ``api_token`` (personal access token), ``jwt``, or ``b64``
    (base64 of ``user:password``). Nothing is sent until the first call, which logs in;
    an expired session is renewed transparently. Use it as a context manager to log
    out at the end.
    """

    def _run(self, method: str, args: Dict[str, Any], spec: Any, post: Callable[[Any], Any] = _same) -> Any:
        return post(self._native.call_typed(method, _dumps(args), spec))

    def call(self, method: str, args: Optional[Dict[str, Any]] = None, **kwargs: Any) -> Any:
        """The generic entry: any operation by its guide name, arguments by the guide's
        names, the body under ``payload``. Answers the JSON the server sent (lists, and
        dicts whose keys are also attributes), None when it sent nothing."""
        return self._native.call_typed(method, _dumps(self._args(method, args, kwargs)), None)

    def login(self) -> None:
        """Logs in now (again), replacing any session."""
        self._native.call("login", "{}")

    def logout(self) -> None:
        """Ends the session; a later call logs in again."""
        self._native.call("logout", "{}")

    def close(self) -> None:
        """Logs out and refuses later calls (``ClientClosedError``). Closing twice is fine."""
        self._native.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.close()
        except Exception:
            # Logging out is best effort; the block's own exception matters more.
            if exc[0] is None:
                raise


def _settle(fut: "asyncio.Future[Tuple[bool, Any]]", ok: bool, text: Any) -> None:
    if not fut.done():
        fut.set_result((ok, text))


class AsyncClient(_ClientBase):
    """The asyncio client: the methods of :class:`Client` as coroutines.

    Calls run on the SDK's own I/O threads; the event loop never blocks. Use it as an
    async context manager to log out at the end.
    """

    async def _go(self, start: Callable[[Callable[[bool, Any], None]], Any], loads: Callable[[Any], Any] = _loads) -> Any:
        loop = asyncio.get_running_loop()
        fut: "asyncio.Future[Tuple[bool, Any]]" = loop.create_future()

        def done(ok: bool, text: str) -> None:  # runs on an SDK thread
            try:
                loop.call_soon_threadsafe(_settle, fut, ok, text)
            except RuntimeError:
                pass  # the loop is closed; nobody waits any more

        handle = start(done)
        try:
            ok, text = await fut
        except asyncio.CancelledError:
            handle.abort()
            raise
        if not ok:
            raise _from_native(text)
        return loads(text)

    async def _call(self, method: str, payload: str) -> Any:
        return await self._go(lambda done: self._native.call_async(method, payload, done))

    async def _run_async(self, method: str, args: Dict[str, Any], spec: Any, post: Callable[[Any], Any]) -> Any:
        payload = _dumps(args)
        return post(await self._go(lambda done: self._native.call_async(method, payload, done, True, spec), _same))

    def _run(self, method: str, args: Dict[str, Any], spec: Any, post: Callable[[Any], Any] = _same) -> Any:
        # Arguments are checked now (TypeError at the call site); the work when awaited.
        return self._run_async(method, args, spec, post)

    async def call(self, method: str, args: Optional[Dict[str, Any]] = None, **kwargs: Any) -> Any:
        """The generic entry (see :meth:`Client.call`)."""
        return await self._run_async(method, self._args(method, args, kwargs), None, _same)

    async def login(self) -> None:
        """Logs in now (again), replacing any session."""
        await self._call("login", "{}")

    async def logout(self) -> None:
        """Ends the session; a later call logs in again."""
        await self._call("logout", "{}")

    async def close(self) -> None:
        """Logs out and refuses later calls. Closing twice is fine."""
        await self._go(lambda done: self._native.close_async(done))

    async def gather(self, calls: Iterable[Any], limit: int = 16) -> list:  # type: ignore[type-arg]
        """Awaits many calls with at most ``limit`` in flight; answers in order."""
        sem = asyncio.Semaphore(limit)

        async def one(c: Any) -> Any:
            async with sem:
                return await c

        return list(await asyncio.gather(*(one(c) for c in calls)))

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        try:
            await self.close()
        except Exception:
            if exc[0] is None:
                raise


# Keep the closed-client error importable from here for isinstance checks in helpers.
_ = ClientClosedError
