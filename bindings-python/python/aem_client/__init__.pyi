"""Type stubs of the drop-in aem_client module (chapter 4 of the API guide)."""

from typing import Any, Dict, List, Optional, Sequence, Union

from qem._client import Client as _Client, PathLike
from qem.errors import AemClientException as AemClientException
from qem.models import *  # noqa: F403
from qem.models import (
    AemAuthorizationAcl,
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
    AuthenticationMethod,
    TableSelectionDefinition,
)

class AttUtil:
    @staticmethod
    def get_b64_user_pass(username: str, password: str) -> str: ...

class AemClient(_Client):
    """The chapter 4 client: logs in on construction."""
    def __init__(
        self,
        b64_username_password: str,
        machine_name: str,
        port: int = ...,
        url: str = ...,
        verify_certificate: bool = ...,
        authentication_method: AuthenticationMethod = ...,
        *,
        ca_file: Optional[str] = ...,
        connect_timeout: Optional[float] = ...,
        read_timeout: Optional[float] = ...,
    ) -> None: ...
    def export_task(self, server: str, task: str, withendpoints: Optional[bool] = ...) -> str:  # type: ignore[override]
        """A task's definition as a JSON document, with its endpoints when asked (4.21). Returned as JSON text, as chapter 4 says."""
        ...
    def export_audit_trail(self, start_timestamp: str, end_timestamp: Optional[str] = ...) -> str:  # type: ignore[override]
        """Audit trail records between two UTC timestamps or .NET ticks (4.23). Returned as JSON text, as chapter 4 says."""
        ...
    def export_all(self, server: str) -> str:  # type: ignore[override]
        """Everything a server's repository holds, as a JSON document (4.30). Returned as JSON text, as chapter 4 says."""
        ...
