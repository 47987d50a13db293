"""Type stubs of the drop-in aem_client module (chapter 4 of the API guide)."""

import base64 as base64
import json as json
import os as os
import ssl as ssl
import sys as sys
from collections import OrderedDict as OrderedDict
from enum import Enum as Enum
from typing import Any, Dict, Optional, Union
from urllib.error import HTTPError as HTTPError, URLError as URLError
from urllib.parse import quote as quote
from urllib.request import Request as Request, urlopen as urlopen

from qem._client import Client as _Client

from ._guide import _GuideMethods
from qem.errors import AemClientException as AemClientException
from qem.errors import (
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
from qem.models import *  # noqa: F403
from qem.models import (
    AemDeleteOldChangeDataReq,
    AemGetChangeDataRetentionBarrierResp,
    AemGetTableListResp,
    AemGetTableStatusesResp,
    AemSetChangeDataRetentionBarrierReq,
    AuthenticationMethod,
    ExportText,
)

__all__ = [
    "AemClient",
    "AemClientException",
    "AttUtil",
    "base64",
    "json",
    "os",
    "ssl",
    "sys",
    "OrderedDict",
    "Enum",
    "quote",
    "Request",
    "urlopen",
    "HTTPError",
    "URLError",
    "use_python_env_3X",
    "base_string_type",
    "HEADERS_CONTENT_TYPE",
    "HEADERS_CONTENT_LENGTH",
    "AttrDict",
    "AemObject",
    "UnknownEnumValue",
    "ExportText",
    "AemEndpointState",
    "AemTableState",
    "AemPlatform",
    "AemRunTaskOptions",
    "EndpointRole",
    "ServerType",
    "AemTaskState",
    "AemServerState",
    "AemTaskStopReason",
    "AemLicenseState",
    "AuthenticationMethod",
    "StandardLoadOrder",
    "TableType",
    "AemRequestState",
    "AemServer",
    "AemReplicateServer",
    "AemComposeServer",
    "AemAuthorizationAcl",
    "AemRoleDef",
    "AemUserRef",
    "AemGroupRef",
    "AemRunTaskReq",
    "TableSelectionDefinition",
    "TableSelection",
    "AemDeleteOldChangeDataReq",
    "AemDeleteOldDataReq",
    "AemSetChangeDataRetentionBarrierReq",
    "AemCloneTaskReq",
    "AemGetServerDetailsResp",
    "AemServerDetails",
    "ReplicateServerDetails",
    "ComposeServerDetails",
    "Configuration",
    "ApiLicense",
    "AemServerUtilization",
    "AemTasksSummary",
    "TaskSummary",
    "AemGetServerListResp",
    "AemServerInfo",
    "ReplicateServerInfo",
    "ComposeServerInfo",
    "AemGetTaskListResp",
    "AemTaskInfo",
    "AemTaskInfoDetailedBase",
    "AemTaskInfoDetailed",
    "AemGetTaskDetailsResp",
    "AemComposeTaskInfoDetailed",
    "AemComposeDWTaskInfoDetailed",
    "AemComposeDMTaskInfoDetailed",
    "AemComposeDLTaskInfoDetailed",
    "TaskEndpoint",
    "AemCommonSettings",
    "AemTaskCdcEventCounters",
    "AemCdcLatency",
    "AemCdcThroughput",
    "AemCdcThroughputItem",
    "AemCdcTransactionsCounters",
    "AemTaskFullLoadCounters",
    "AemFullLoadThroughput",
    "AemGetTableListResp",
    "AemTableInfo",
    "AemGetTableStatusesResp",
    "AemTableDetails",
    "AemTableFullLoadInfo",
    "AemTableCdcInfo",
    "AemGetTaskTableSelectionResp",
    "AemRunTaskResp",
    "AemStopTaskResp",
    "AemGetEndpointListResp",
    "Endpoint",
    "AemTestEndpointResp",
    "AemGetChangeDataRetentionBarrierResp",
    "to_wire",
]

use_python_env_3X: bool
base_string_type: type
HEADERS_CONTENT_TYPE: str
HEADERS_CONTENT_LENGTH: str

class AttUtil:
    """The helpers of Qlik's client that scripts use."""
    @staticmethod
    def quote_param(url_param: Any) -> str: ...
    @staticmethod
    def attobject_from_json(obj: Any) -> Any: ...
    @staticmethod
    def attobject_to_json(obj: Any) -> Any: ...
    @staticmethod
    def validate_params(param_dict: Dict[str, Dict[str, Any]]) -> None: ...
    @staticmethod
    def get_b64_user_pass(username: str, password: str) -> str: ...

# The guide's signatures replace the modern ones (payload first, its defaults).
class AemClient(_GuideMethods, _Client):  # type: ignore[misc]
    """The chapter 4 client (4.2): logs in on construction."""
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
    def get_table_statuses(  # type: ignore[override]
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
        *,
        includechangeProcessing: Optional[bool] = ...,
    ) -> AemGetTableStatusesResp:
        """Load and change-processing figures of a task's tables (4.19)."""
        ...
    def export_task(self, server: str, task: str, withendpoints: Optional[bool] = ...) -> ExportText:  # type: ignore[override]
        """A task's definition as a JSON document, with its endpoints when asked (4.21). Returned as JSON text, as chapter 4 says."""
        ...
    def export_audit_trail(self, start_timestamp: str, end_timestamp: Optional[str] = ...) -> ExportText:  # type: ignore[override]
        """Audit trail records between two UTC timestamps or .NET ticks (4.23). Returned as JSON text, as chapter 4 says."""
        ...
    def export_all(self, server: str) -> ExportText:  # type: ignore[override]
        """Everything a server's repository holds, as a JSON document (4.30). Returned as JSON text, as chapter 4 says."""
        ...
    def delete_old_data(
        self, payload: Union[AemDeleteOldChangeDataReq, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """The guide's other name of delete_old_change_data (4.35)."""
        ...
    def DeleteOldData(
        self, payload: Union[AemDeleteOldChangeDataReq, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """The guide's other name of delete_old_change_data (4.35)."""
        ...
    def setChangeDataRetentionBarrier(
        self, payload: Union[AemSetChangeDataRetentionBarrierReq, Dict[str, Any], str], server: str, task: str
    ) -> None:
        """The guide's other name of set_change_data_retention_barrier (4.36)."""
        ...
    def GetChangeDataRetentionBarrier(self, server: str, task: str) -> AemGetChangeDataRetentionBarrierResp:
        """The guide's other name of get_change_data_retention_barrier (4.37)."""
        ...
