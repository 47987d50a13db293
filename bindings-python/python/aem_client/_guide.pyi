"""Type stubs of the chapter 4 methods (see _guide.py)."""

import os
from typing import Any, Dict, List, Optional, Sequence, Union

from qem.models import (
    AemAuthorizationAcl,
    AemCloneTaskReq,
    AemDeleteOldChangeDataReq,
    AemGetChangeDataRetentionBarrierResp,
    AemGetEndpointListResp,
    AemGetServerDetailsResp,
    AemGetServerListResp,
    AemGetTableListResp,
    AemGetTableStatusesResp,
    AemGetTaskListResp,
    AemRunTaskOptions,
    AemRunTaskReq,
    AemRunTaskResp,
    AemServer,
    AemSetChangeDataRetentionBarrierReq,
    AemStopTaskResp,
    AemTaskInfoDetailedBase,
    AemTaskState,
    AemTestEndpointResp,
    TableSelectionDefinition,
)

PathLike = Union[str, "os.PathLike[str]"]

class _GuideMethods:
    def put_server_license(self, payload: str, server: str) -> None:
        """Registers a license (its text) on a server (4.5)."""
        ...
    def get_server_details(self, server: str) -> AemGetServerDetailsResp:
        """Details of a server: configuration, license, state, task counts (4.6)."""
        ...
    def put_server(self, payload: Union[AemServer, Dict[str, Any], str], server: str) -> None:
        """Adds a server or updates its definition (4.7)."""
        ...
    def put_server_acl(self, payload: Union[AemAuthorizationAcl, Dict[str, Any], str], server: str) -> None:
        """Replaces a server's explicit ACL (4.8)."""
        ...
    def get_server(self, server: str) -> AemServer:
        """A server's definition (connection properties) (4.9)."""
        ...
    def get_server_acl(self, server: str) -> AemAuthorizationAcl:
        """A server's explicit ACL (4.10)."""
        ...
    def get_server_list(self) -> AemGetServerListResp:
        """The servers Enterprise Manager manages (4.11)."""
        ...
    def delete_server(self, server: str) -> None:
        """Deletes a server from Enterprise Manager (4.12)."""
        ...
    def delete_server_acl(self, server: str) -> None:
        """Deletes a server's explicit ACL (4.13)."""
        ...
    def get_task_list(self, server: str) -> AemGetTaskListResp:
        """The tasks of a server (4.14)."""
        ...
    def get_task_details(self, server: str, task: str) -> AemTaskInfoDetailedBase:
        """Full monitoring information of a task (4.15)."""
        ...
    def get_table_list(
        self,
        server: str,
        task: str,
        schema: Optional[str] = ...,
        table: Optional[str] = ...,
        includequeued: Optional[bool] = ...,
        includeloading: Optional[bool] = ...,
        includecompleted: Optional[bool] = ...,
        includechangeprocessing: Optional[bool] = ...,
        includeerror: Optional[bool] = ...,
    ) -> AemGetTableListResp:
        """The tables of a task matching states, schema and table patterns (4.16)."""
        ...
    def get_task_table_selection(self, server: str, task: str) -> TableSelectionDefinition:
        """The tables selected for a task, explicitly or by pattern (4.17)."""
        ...
    def put_task_table_selection(
        self, payload: Union[TableSelectionDefinition, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """Replaces the tables selected for a task (4.18)."""
        ...
    def set_task_table_selection(
        self, payload: Union[TableSelectionDefinition, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """The guide's other name of :meth:`put_task_table_selection` (4.18)."""
        ...
    def get_table_statuses(
        self,
        server: str,
        task: str,
        schema: Optional[str] = ...,
        table: Optional[str] = ...,
        includequeued: Optional[bool] = ...,
        includeloading: Optional[bool] = ...,
        includecompleted: Optional[bool] = ...,
        includechangeprocessing: Optional[bool] = ...,
        includeerror: Optional[bool] = ...,
    ) -> AemGetTableStatusesResp:
        """Load and change-processing figures of a task's tables (4.19)."""
        ...
    def delete_task(self, server: str, task: str, deletetasklogs: Optional[bool] = ...) -> None:
        """Deletes a stopped task, and its logs when asked (4.20)."""
        ...
    def export_task(self, server: str, task: str, withendpoints: Optional[bool] = ...) -> Dict[str, Any]:
        """A task's definition as a JSON document, with its endpoints when asked (4.21)."""
        ...
    def import_task(self, payload: Union[str, bytes, Dict[str, Any]], server: str, task: str) -> None:
        """Imports one task's JSON document into a server (4.22)."""
        ...
    def export_audit_trail(self, start_timestamp: str, end_timestamp: Optional[str] = ...) -> Dict[str, Any]:
        """Audit trail records between two UTC timestamps or .NET ticks (4.23)."""
        ...
    def run_task(
        self,
        payload: Union[AemRunTaskReq, Dict[str, Any], str, None],
        server: str,
        task: str,
        option: Union[AemRunTaskOptions, str, int, None] = ...,
        timeout: Optional[int] = ...,
    ) -> AemRunTaskResp:
        """Runs a task with a run option; waits up to ``timeout`` seconds for its state (4.24).

        ``payload`` is an :class:`AemRunTaskReq` (``cdcposition`` for the position
        options), its JSON text, or None."""
        ...
    def stop_task(self, server: str, task: str, timeout: Optional[int] = ...) -> AemStopTaskResp:
        """Stops a task; waits up to ``timeout`` seconds for its state (4.25)."""
        ...
    def clone_task(self, payload: Union[AemCloneTaskReq, Dict[str, Any], str], server: str, task: str) -> None:
        """Clones a task with its endpoints (CloneTask): ``payload`` is an AemCloneTaskReq
        (``new_task_name`` and optional overrides), its dict or JSON text, or the new name."""
        ...
    def get_endpoint_list(self, server: str) -> AemGetEndpointListResp:
        """The endpoints of a server (4.26)."""
        ...
    def patch_endpoint(self, payload: Union[List[Dict[str, Any]], str], server: str, endpoint: str) -> None:
        """Applies a JSON Patch (add, replace, remove, test) to an endpoint's settings (4.27)."""
        ...
    def delete_endpoint(self, server: str, endpoint: str) -> None:
        """Deletes an endpoint no task uses (4.28)."""
        ...
    def reconfigure_endpoint_no_wait(
        self, server: str, endpoint: str, configuration: Optional[str] = ..., recycle: Optional[bool] = ...
    ) -> None:
        """Overrides a source endpoint's settings with another endpoint's (4.29)."""
        ...
    def export_all(self, server: str) -> Dict[str, Any]:
        """Everything a server's repository holds, as a JSON document (4.30)."""
        ...
    def import_all(self, payload: Union[str, bytes, Dict[str, Any]], server: str) -> None:
        """Imports (merges) a JSON document into a server's repository (4.31)."""
        ...
    def reload_table(self, server: str, task: str, schema: Optional[str] = ..., table: Optional[str] = ...) -> None:
        """Reloads one table (4.32)."""
        ...
    def resume_table(self, server: str, task: str, schema: Optional[str] = ..., table: Optional[str] = ...) -> None:
        """Unsuspends a table suspended after errors (4.33)."""
        ...
    def test_endpoint(self, server: str, endpoint: str, timeout: Optional[int] = ...) -> AemTestEndpointResp:
        """Tests an endpoint's connectivity and configuration (4.34)."""
        ...
    def delete_old_change_data(
        self, payload: Union[AemDeleteOldChangeDataReq, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """Deletes processed change data partitions older than a timestamp or offset (4.35)."""
        ...
    def set_change_data_retention_barrier(
        self, payload: Union[AemSetChangeDataRetentionBarrierReq, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """Sets (or, with an empty ``retention_point``, removes) a retention barrier (4.36)."""
        ...
    def get_change_data_retention_barrier(self, server: str, task: str) -> AemGetChangeDataRetentionBarrierResp:
        """The earliest retention barrier of a task (4.37)."""
        ...
    def wait_for_task_state(
        self,
        server: str,
        task: str,
        states: Union[AemTaskState, str, Sequence[Union[AemTaskState, str]]],
        timeout: float = ...,
        poll_interval: float = ...,
    ) -> AemTaskInfoDetailedBase:
        """Polls a task until it is in one of ``states``; answers its details.

        Raises ``TimeoutError`` (``WAIT_TIMEOUT``) when ``timeout`` seconds pass first."""
        ...
    def run_task_and_wait(
        self,
        server: str,
        task: str,
        option: Union[AemRunTaskOptions, str, int, None] = ...,
        cdcposition: Optional[str] = ...,
        timeout: float = ...,
        poll_interval: float = ...,
    ) -> AemTaskInfoDetailedBase:
        """Runs a task and waits until it is RUNNING; answers its details.

        Raises ``AemClientException`` (``TASK_FAILED``) when the task ends in ERROR."""
        ...
    def stop_task_and_wait(
        self, server: str, task: str, timeout: float = ..., poll_interval: float = ...
    ) -> AemTaskInfoDetailedBase:
        """Stops a task and waits until it is STOPPED; answers its details."""
        ...
    def export_task_to_file(self, server: str, task: str, path: PathLike, withendpoints: Optional[bool] = ...) -> int:
        """Streams a task export into a file; answers the number of bytes written."""
        ...
    def export_all_to_file(self, server: str, path: PathLike) -> int:
        """Streams a whole-server export into a file; answers the number of bytes written."""
        ...
    def export_audit_trail_to_file(
        self, path: PathLike, start_timestamp: str, end_timestamp: Optional[str] = ...
    ) -> int:
        """Streams the audit trail into a file; answers the number of bytes written."""
        ...
    def import_task_from_file(self, path: PathLike, server: str, task: str) -> None:
        """Streams a task document from a file into a server."""
        ...
    def import_all_from_file(self, path: PathLike, server: str) -> None:
        """Streams a whole-server document from a file into a server."""
        ...
