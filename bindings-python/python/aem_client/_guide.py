"""The chapter 4 methods of :class:`aem_client.AemClient`, with the guide's signatures:
the payload first, then the names, and the guide's defaults (``option`` and ``timeout``
of run_task, ``withendpoints``...). False flags are not sent and exports answer text, as
Qlik's client does."""

from __future__ import annotations

from qem import models as m
from qem._convert import (
    _document,
    _export_text,
    _name,
    _opt_bool,
    _opt_int,
    _opt_str,
    _option,
    _path,
    _payload,
    _same,
    _seconds_ms,
    _states,
    _type_error,
    _written,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, Optional


class _GuideMethods:
    """Chapter 4's methods with the guide's signatures (payload first, its defaults),
    over the client's ``_run``."""

    # Qlik's client sends include flags always; "false" has no effect (4.19), so the
    # drop-in leaves False out, while the modern clients send what they are given.
    _false_is_absent = False
    _export_as_text = False

    if TYPE_CHECKING:

        def _run(
            self,
            method: str,
            args: Dict[str, Any],
            spec: Any,
            post: Callable[[Any], Any] = _same,
            timeout_ms: Any = None,
        ) -> Any: ...

    def _flag(self, fn: str, name: str, value: Any) -> Optional[bool]:
        v = _opt_bool(fn, name, value)
        return None if (v is False and self._false_is_absent) else v

    def _export(self, fn: str, args: Dict[str, Any], timeout_ms: Any = None) -> Any:
        # The drop-in returns the document as text (chapter 4): the server's own bytes.
        if self._export_as_text:
            args["raw"] = True
            return self._run(fn, args, None, _export_text, timeout_ms)
        return self._run(fn, args, None, timeout_ms=timeout_ms)

    # 4.5 - 4.13 servers
    def put_server_license(self, payload: Any, server: Any) -> Any:
        """Registers a license on a specific server via Enterprise Manager (4.5).

        ``payload``: the license text (as provided by your Qlik Sales Representative;
        text or JSON); ``server``: the name of the server. Answers nothing."""
        fn = "put_server_license"
        if isinstance(payload, (bytes, bytearray)):
            payload = bytes(payload).decode("utf-8")
        if not isinstance(payload, str):
            raise _type_error(fn, "payload", "str", payload)
        return self._run(fn, {"payload": payload, "server": _name(fn, "server", server)}, None)

    def get_server_details(self, server: Any) -> Any:
        """Retrieves details about the specified server (4.6).

        Answers AemGetServerDetailsResp: ``server_details`` (ReplicateServerDetails or
        ComposeServerDetails) with ``configuration``, ``license``, ``state``,
        ``resource_utilization``, ``task_summary``, ``version`` ... (-1 means N/A)."""
        fn = "get_server_details"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetServerDetailsResp)

    def put_server(self, payload: Any, server: Any) -> Any:
        """Adds a new Replicate/Compose server, or updates the definition (connection
        properties) of an existing one (4.7).

        ``payload``: an AemReplicateServer or AemComposeServer (``host``, ``name``,
        ``description``, ``port``, ``username``, ``password``,
        ``verify_server_certificate``, ``monitored``); ``server``: its name."""
        fn = "put_server"
        body = _payload(fn, payload, (m.AemServer,), "AemServer or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemServer or dict", payload)
        return self._run(fn, {"payload": body, "server": _name(fn, "server", server)}, None)

    def put_server_acl(self, payload: Any, server: Any) -> Any:
        """Puts an explicit ACL for a server, replacing any existing explicit ACL (4.8).

        ``payload``: an AemAuthorizationAcl (``disable_inheritance`` and the AemRoleDef
        of ``admin_role``, ``designer_role``, ``operator_role``, ``viewer_role``, each
        with ``users`` and ``groups``); ``server``: the name of the server."""
        fn = "put_server_acl"
        body = _payload(fn, payload, (m.AemAuthorizationAcl,), "AemAuthorizationAcl or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemAuthorizationAcl or dict", payload)
        return self._run(fn, {"payload": body, "server": _name(fn, "server", server)}, None)

    def get_server(self, server: Any) -> Any:
        """Retrieves the definition (connection properties) of a server (4.9).

        Answers an AemReplicateServer or AemComposeServer; its ``password`` is an
        identifier valid only in this session."""
        fn = "get_server"
        return self._run(fn, {"server": _name(fn, "server", server)}, m._SERVER_DEF)

    def get_server_acl(self, server: Any) -> Any:
        """Retrieves the explicit ACL defined for a server (not inherited ones) (4.10).

        Answers AemAuthorizationAcl; AEM_SERVER_HAS_NO_ACL when there is none."""
        fn = "get_server_acl"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemAuthorizationAcl)

    def get_server_list(self) -> Any:
        """Retrieves the servers under Enterprise Manager management with their
        properties (4.11). Answers AemGetServerListResp: ``serverList``."""
        return self._run("get_server_list", {}, m.AemGetServerListResp)

    def delete_server(self, server: Any) -> Any:
        """Deletes a server from Enterprise Manager, stops monitoring its tasks and
        deletes its messages and user roles (4.12)."""
        fn = "delete_server"
        return self._run(fn, {"server": _name(fn, "server", server)}, None)

    def delete_server_acl(self, server: Any) -> Any:
        """Deletes the explicit ACL of a server; it then inherits its ancestors' (4.13)."""
        fn = "delete_server_acl"
        return self._run(fn, {"server": _name(fn, "server", server)}, None)

    # 4.14 - 4.25 tasks and tables
    def get_task_list(self, server: Any) -> Any:
        """Retrieves the tasks of a server (4.14).

        Answers AemGetTaskListResp: ``taskList`` of AemTaskInfo (``name``, ``state``,
        ``stop_reason``, ``message``, ``assigned_tags``)."""
        fn = "get_task_list"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetTaskListResp)

    def get_task_details(self, server: Any, task: Any) -> Any:
        """Retrieves full monitoring information about a task (4.15).

        ``task``: for Compose, the task or workflow name, a double underscore and the
        project (``mytask__myproject``). Answers AemTaskInfoDetailed (or a Compose
        class); ``.task`` is the answer itself, as the guide's AemGetTaskDetailsResp."""
        fn = "get_task_details"
        args = {"server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, m._TASK_DETAILS)

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
        """Retrieves the tables of a Replicate task that match the states, schema and
        table patterns given (4.16).

        ``schema``/``table``: names or patterns (``ad%``), case-sensitive; the
        ``include...`` flags choose states. Answers AemGetTableListResp: ``tablelist``."""
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
        """Retrieves the tables selected for a Replicate task, explicitly or by pattern
        (4.17). Answers a TableSelectionDefinition."""
        fn = "get_task_table_selection"
        args = {"server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, m.TableSelectionDefinition)

    def _table_selection(self, fn: str, payload: Any, server: Any, task: Any) -> Any:
        body = _payload(fn, payload, (m.TableSelectionDefinition,), "TableSelectionDefinition or dict")
        if body is None:
            raise _type_error(fn, "payload", "TableSelectionDefinition or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run("put_task_table_selection", args, None)

    def put_task_table_selection(self, payload: Any, server: Any, task: Any) -> Any:
        """Overrides the list of tables selected for a Replicate task (4.18).

        ``payload``: a TableSelectionDefinition (``included_pattern``,
        ``excluded_pattern``, ``explicit_included_tables``: lists of TableSelection)."""
        return self._table_selection("put_task_table_selection", payload, server, task)

    def set_task_table_selection(self, payload: Any, server: Any, task: Any) -> Any:
        """Overrides the list of tables selected for a Replicate task (4.18): the name
        4.18's syntax gives :meth:`put_task_table_selection`."""
        return self._table_selection("set_task_table_selection", payload, server, task)

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
        """Retrieves the table states of a Replicate task for the tables that match the
        states, schemas and names given (4.19).

        Setting a state to False has no effect; omitting them all returns every state.
        Answers AemGetTableStatusesResp: ``table_details`` with ``table_full_load_info``
        and ``table_cdc_info``."""
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
        """Deletes a task; its logs too when ``deletetasklogs`` is True (4.20). The task
        must be stopped (AEM_TASK_NOT_STOPPED)."""
        fn = "delete_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "deletetasklogs": _opt_bool(fn, "deletetasklogs", deletetasklogs),
        }
        return self._run(fn, args, None)

    def export_task(self, server: Any, task: Any, withendpoints: Any = False) -> Any:
        """Exports a task's definitions (settings, tables, table settings, global
        transformations), and its endpoints when ``withendpoints`` is True (4.21)."""
        fn = "export_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "withendpoints": _opt_bool(fn, "withendpoints", withendpoints),
        }
        return self._export(fn, args)

    def import_task(self, payload: Any, server: Any, task: Any) -> Any:
        """Imports a single task's JSON definitions into a server (4.22). Items not in
        the document are neither modified nor removed."""
        fn = "import_task"
        args = {
            "payload": _document(fn, payload),
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
        }
        return self._run(fn, args, None)

    def export_audit_trail(self, start_timestamp: Any, end_timestamp: Any = None) -> Any:
        """Exports audit trail data from all servers (4.23).

        ``start_timestamp``/``end_timestamp``: UTC (``2020-06-30T16:15:00Z``) or ticks
        (``637410358250082194``), as text; no end means up to the latest record."""
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
        """Runs a task with the run option given, waiting up to ``timeout`` seconds for
        a response (4.24).

        ``payload`` is an AemRunTaskReq (``cdcposition``, needed by
        RESUME_PROCESSING_FROM_TIMESTAMP, RESUME_PROCESSING_FROM_POSITION and
        RECOVER_USING_CHECKPOINT_STORED_ON_TARGET), its JSON text
        (``'{"cdcposition":"2017-03-07T11:19:03"}'``), or None. For Compose tasks use
        RESUME_PROCESSING. Answers AemRunTaskResp: ``state`` and ``error_message``.
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
        """Stops a task, waiting up to ``timeout`` seconds for a response (4.25).

        Answers AemStopTaskResp: ``state`` and ``error_message``."""
        fn = "stop_task"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "timeout": _opt_int(fn, "timeout", timeout),
        }
        return self._run(fn, args, m.AemStopTaskResp)

    def clone_task(self, payload: Any, server: Any, task: Any) -> Any:
        """Clones a task with its endpoints (CloneTask). ``payload`` is an
        :class:`AemCloneTaskReq` (``new_task_name`` and optional overrides), its dict or
        JSON text, or simply the new task's name."""
        fn = "clone_task"
        want = "AemCloneTaskReq, dict, JSON text or the new task name"
        if isinstance(payload, str) and not payload.lstrip().startswith("{"):
            payload = {"new_task_name": payload}
        body = _payload(fn, payload, (m.AemObject,), want)
        if body is None:
            raise _type_error(fn, "payload", want, payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    # 4.26 - 4.29 endpoints
    def get_endpoint_list(self, server: Any) -> Any:
        """Retrieves the endpoints of a server with their properties (4.26).

        Answers AemGetEndpointListResp: ``endpointList`` of Endpoint (``name``,
        ``description``, ``role``, ``type``, ``is_licensed``/``isLicensed``)."""
        fn = "get_endpoint_list"
        return self._run(fn, {"server": _name(fn, "server", server)}, m.AemGetEndpointListResp)

    def patch_endpoint(self, payload: Any, server: Any, endpoint: Any) -> Any:
        """Updates an existing endpoint's settings (4.27).

        ``payload``: a JSON Patch (its text or a list), operations ``add``, ``replace``,
        ``remove`` or ``test``, e.g. ``[{"op": "replace", "path":
        "/db_settings/bucketName", "value": "my_new_bucket"}]``."""
        fn = "patch_endpoint"
        body = _payload(fn, payload, (), "a JSON Patch list or its JSON text")
        if body is None:
            raise _type_error(fn, "payload", "a JSON Patch list or its JSON text", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "endpoint": _name(fn, "endpoint", endpoint)}
        return self._run(fn, args, None)

    def delete_endpoint(self, server: Any, endpoint: Any) -> Any:
        """Deletes an endpoint; only one that no task uses (4.28)."""
        fn = "delete_endpoint"
        args = {"server": _name(fn, "server", server), "endpoint": _name(fn, "endpoint", endpoint)}
        return self._run(fn, args, None)

    def reconfigure_endpoint_no_wait(
        self, server: Any, endpoint: Any, configuration: Any = None, recycle: Any = True
    ) -> Any:
        """Overrides a source endpoint's settings with those of another endpoint of the
        same type (4.29); ``recycle`` stops and resumes the tasks using it. The server
        needs ``configuration`` (the secondary endpoint's name)."""
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
        """Exports all definitions of a server's repository (server settings, tasks,
        endpoints...) as a JSON document (4.30)."""
        fn = "export_all"
        return self._export(fn, {"server": _name(fn, "server", server)})

    def import_all(self, payload: Any, server: Any) -> Any:
        """Imports JSON definitions into a server's repository with merge semantics:
        nothing missing from the document is removed (4.31)."""
        fn = "import_all"
        args = {"payload": _document(fn, payload), "server": _name(fn, "server", server)}
        return self._run(fn, args, None)

    def reload_table(self, server: Any, task: Any, schema: Any = None, table: Any = None) -> Any:
        """Reloads a specific table (4.32); the server needs ``schema`` and ``table``."""
        fn = "reload_table"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "schema": _opt_str(fn, "schema", schema),
            "table": _opt_str(fn, "table", table),
        }
        return self._run(fn, args, None)

    def resume_table(self, server: Any, task: Any, schema: Any = None, table: Any = None) -> Any:
        """Resumes (unsuspends) a table suspended due to errors (4.33); the server needs
        ``schema`` and ``table``."""
        fn = "resume_table"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "schema": _opt_str(fn, "schema", schema),
            "table": _opt_str(fn, "table", table),
        }
        return self._run(fn, args, None)

    def test_endpoint(self, server: Any, endpoint: Any, timeout: Any = 60) -> Any:
        """Connects to an endpoint to test connectivity and configuration, waiting up to
        ``timeout`` seconds (4.34). Answers AemTestEndpointResp: ``status``
        (AemEndpointState), ``message``, ``detailed_message``."""
        fn = "test_endpoint"
        args = {
            "server": _name(fn, "server", server),
            "endpoint": _name(fn, "endpoint", endpoint),
            "timeout": _opt_int(fn, "timeout", timeout),
        }
        return self._run(fn, args, m.AemTestEndpointResp)

    # 4.35 - 4.37 change data
    def delete_old_change_data(self, payload: Any, server: Any, task: Any) -> Any:
        """Deletes processed Change Data Partitions on the target (4.35).

        ``payload``: an AemDeleteOldChangeDataReq whose ``timestamp_or_offset`` is a UTC
        timestamp or an ISO 8601 duration (``P1M3DT1H2M``)."""
        fn = "delete_old_change_data"
        body = _payload(fn, payload, (m.AemDeleteOldChangeDataReq,), "AemDeleteOldChangeDataReq or dict")
        if body is None:
            raise _type_error(fn, "payload", "AemDeleteOldChangeDataReq or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    def set_change_data_retention_barrier(self, payload: Any, server: Any, task: Any) -> Any:
        """Sets a retention barrier for deleting consumed partitions, or removes it with
        an empty ``retention_point`` (4.36).

        ``payload``: an AemSetChangeDataRetentionBarrierReq (``retention_point``,
        ``application``)."""
        fn = "set_change_data_retention_barrier"
        body = _payload(
            fn, payload, (m.AemSetChangeDataRetentionBarrierReq,), "AemSetChangeDataRetentionBarrierReq or dict"
        )
        if body is None:
            raise _type_error(fn, "payload", "AemSetChangeDataRetentionBarrierReq or dict", payload)
        args = {"payload": body, "server": _name(fn, "server", server), "task": _name(fn, "task", task)}
        return self._run(fn, args, None)

    def get_change_data_retention_barrier(self, server: Any, task: Any) -> Any:
        """Returns the earliest partition retention barrier of a task (4.37).

        Answers AemGetChangeDataRetentionBarrierResp: ``application``,
        ``retention_point``."""
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
        return self._run(fn, args, m._TASK_DETAILS)

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
        return self._run(fn, args, m._TASK_DETAILS)

    def stop_task_and_wait(self, server: Any, task: Any, timeout: Any = 300.0, poll_interval: Any = 0.25) -> Any:
        """Stops a task and waits until it is STOPPED; answers its details."""
        fn = "stop_task_and_wait"
        args = {
            "server": _name(fn, "server", server),
            "task": _name(fn, "task", task),
            "timeout_ms": _seconds_ms(fn, "timeout", timeout),
            "poll_ms": _seconds_ms(fn, "poll_interval", poll_interval),
        }
        return self._run(fn, args, m._TASK_DETAILS)

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
