"""Chapter 4's payload and answer classes and enumerations.

The classes follow Qlik's ``aem_client.py``: a no-argument constructor gives an empty
payload to fill in; ``Cls(json)`` reads an answer (a dict or JSON text). Answers keep
every field the server sent as an attribute (the guide's names), so fields newer than
this SDK stay readable; enumeration values this SDK does not know stay plain strings
instead of raising. Nested objects the guide does not type are :class:`AttrDict`
(both ``x.field`` and ``x["field"]`` work).
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, ClassVar, Dict, List, Optional, Tuple, Type, Union

from . import _native

__all__ = [
    "AttrDict",
    "AemObject",
    # enumerations
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
    # payloads
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
    # answers
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


# ---------------------------------------------------------------- enumerations


class _WireEnum(Enum):
    """An enumeration read from REST strings; other spellings go in ``_aliases``."""

    @classmethod
    def from_wire(cls, value: Any) -> Any:
        """The member for a REST string or number; an unknown value is returned as is."""
        if value is None or isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls.__members__.get(value)
            if member is None:
                alias = _ALIASES.get(cls.__name__, {}).get(value)
                member = cls.__members__.get(alias) if alias else None
            return member if member is not None else value
        if isinstance(value, int) and not isinstance(value, bool):
            try:
                return cls(value)
            except ValueError:
                return value
        return value


class AemEndpointState(_WireEnum):
    """TestEndpoint's outcome."""

    UNKNOWN = 0
    CONNECTED = 1
    ERROR = 2


class AemRequestState(_WireEnum):
    """A request's state (TestEndpoint's ``requeststate``)."""

    SUCCESS = 0
    FAILURE = 1


class AemTableState(_WireEnum):
    """A table's state (4.38 ``state``)."""

    TABLE_QUEUED = 0
    TABLE_LOADING = 1
    TABLE_COMPLETED = 2
    TABLE_CHANGE_PROCESSING = 3
    TABLE_ERROR = 4


class AemPlatform(_WireEnum):
    """The platform of a Replicate/Compose server machine."""

    UNKNOWN = 0
    WINDOWS = 1
    LINUX = 2


class AemRunTaskOptions(_WireEnum):
    """How run_task starts a task (4.24, "Run options" of 4.38)."""

    NONE = 0
    RESUME_PROCESSING = 1
    RELOAD_TARGET = 2
    RESUME_PROCESSING_FROM_TIMESTAMP = 3
    METADATA_ONLY_RECREATE_ALL_TABLES = 4
    METADATA_ONLY_CREATE_MISSING_TABLES = 5
    RECOVER_USING_LOCALLY_STORED_CHECKPOINT = 6
    RECOVER_USING_CHECKPOINT_STORED_ON_TARGET = 7
    RESUME_PROCESSING_FROM_POSITION = 8


class EndpointRole(_WireEnum):
    """Whether an endpoint is a source or a target."""

    ALL = 0
    SOURCE = 1
    TARGET = 2
    BOTH = 3


class ServerType(_WireEnum):
    """The kind of a monitored server (the ``type`` field real servers send)."""

    REPLICATE = 1
    COMPOSE_FDL = 3
    COMPOSE = 4
    COMPOSE_FDW = 5


class AemTaskState(_WireEnum):
    """A task's state. The guide numbers the first four; real servers also report the rest."""

    STOPPED = 0
    RUNNING = 1
    ERROR = 2
    RECOVERY = 3
    NOT_EXIST = 4
    PAUSED = 5
    STARTING = 6
    STOPPING = 7


class AemServerState(_WireEnum):
    """A monitored server's state."""

    NOT_MONITORED = 0
    MONITORED = 1
    ERROR = 2


class AemTaskStopReason(_WireEnum):
    """Why a task stopped."""

    NONE = 0
    NORMAL = 1
    RECOVERABLE_ERROR = 2
    FATAL_ERROR = 3
    FULL_LOAD_ONLY_FINISHED = 4
    STOPPED_AFTER_FULL_LOAD = 5
    STOPPED_AFTER_CACHED_EVENTS = 6
    EXPRESS_LICENSE_LIMITS_REACHED = 7
    STOPPED_AFTER_DDL_APPLY = 8
    STOPPED_LOW_MEMORY = 9
    STOPPED_LOW_DISK_SPACE = 10


class AemLicenseState(_WireEnum):
    """A server license's state (the REST strings ``LICENSE_VALID``... map here too)."""

    VALID_LICENSE = 0
    INVALID_LICENSE_CHECKSUM = 1
    EXPIRED_LICENSE = 2
    NO_LICENSE = 3
    MACHINE_NOT_LICENSED = 4
    INVALID_LICENSE = 5


class AuthenticationMethod(Enum):
    """How AemClient authenticates: use ACTIVE_DIRECTORY for AD and OpenID Connect alike."""

    ACTIVE_DIRECTORY = 0
    SAML = 1


class StandardLoadOrder(Enum):
    """Table load priorities (4.38 "Load order"); use ``StandardLoadOrder.HIGH.value``."""

    LOWEST = -2147483647
    LOWER = -5000
    LOW = -1000
    NORMAL = 0
    HIGH = 1000
    HIGHER = 5000
    HIGHEST = 2147483647


class TableType(_WireEnum):
    """The entity a table selection names."""

    TABLE = 1
    VIEW = 2


_ALIASES: Dict[str, Dict[str, str]] = {
    "AemTaskState": {"RECOVERING": "RECOVERY"},
    "AemLicenseState": {
        "LICENSE_VALID": "VALID_LICENSE",
        "LICENSE_INVALID_CHECKSUM": "INVALID_LICENSE_CHECKSUM",
        "LICENSE_EXPIRED": "EXPIRED_LICENSE",
        "LICENSE_EXPIRED_NO_LICENSE": "EXPIRED_LICENSE",
        "NO_LICENSE_FOUND": "NO_LICENSE",
    },
    "AemTaskStopReason": {"STOPPED_LOW_DISK": "STOPPED_LOW_DISK_SPACE"},
    "AemEndpointState": {"SUCCESS": "CONNECTED", "FAILURE": "ERROR"},
    "ServerType": {"COMPOSE_DWH": "COMPOSE"},
}


# ---------------------------------------------------------------- objects


class AttrDict(dict):  # type: ignore[type-arg]
    """A JSON object whose keys are also attributes (``d.key`` and ``d["key"]``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value


class AemObject:
    """Base of every payload and answer class.

    Subclasses declare ``_fields`` (attribute defaults of the no-argument constructor),
    ``_enums``, ``_objects`` and ``_lists`` (how answer fields are read), and
    ``_aliases`` (other spellings that should refer to the same value).
    """

    _fields: ClassVar[Dict[str, Any]] = {}
    _enums: ClassVar[Dict[str, Type[_WireEnum]]] = {}
    _objects: ClassVar[Dict[str, Any]] = {}
    _lists: ClassVar[Dict[str, Any]] = {}
    _aliases: ClassVar[Tuple[Tuple[str, str], ...]] = ()
    _wire_type: ClassVar[Optional[str]] = None

    def __init__(self, j: Union[None, str, bytes, Dict[str, Any]] = None) -> None:
        if not j:
            for k, v in self._fields.items():
                setattr(self, k, list(v) if isinstance(v, list) else v)
            return
        # One reading of answers for the SDK and for users: the native `fill`.
        if isinstance(j, (bytes, bytearray)):
            j = bytes(j).decode("utf-8")
        elif isinstance(j, dict):
            j = json.dumps(j, default=to_wire)
        elif not isinstance(j, str):
            raise TypeError("{0}: expected a JSON object, not {1}".format(type(self).__name__, type(j).__name__))
        _native.fill(self, j)

    def __repr__(self) -> str:
        fields = ", ".join("{0}={1!r}".format(k, v) for k, v in self.__dict__.items() if not k.startswith("$"))
        return "{0}({1})".format(type(self).__name__, fields)

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]

    def to_dict(self) -> Dict[str, Any]:
        """The object as the JSON object it is sent as."""
        out = to_wire(self)
        assert isinstance(out, dict)
        return out


def to_wire(obj: Any) -> Any:
    """Converts a payload (objects, enums, lists, dicts) to JSON values.

    ``None`` attributes are left out (absent); enumerations are sent by name except
    load orders, which are numbers; server definitions carry their ``$type``.
    """
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    if isinstance(obj, StandardLoadOrder):
        return obj.value
    if isinstance(obj, Enum):
        return obj.name
    if isinstance(obj, (list, tuple)):
        return [to_wire(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_wire(v) for k, v in obj.items() if v is not None}
    if isinstance(obj, AemObject):
        out: Dict[str, Any] = {}
        if obj._wire_type:
            out["$type"] = obj._wire_type
        skip = {b for _, b in obj._aliases}
        for k, v in obj.__dict__.items():
            if v is None or k in skip:
                continue
            out[k] = to_wire(v)
        return out
    raise TypeError("cannot send a {0} as JSON".format(type(obj).__name__))


# ---------------------------------------------------------------- payloads


class AemServer(AemObject):
    """A server definition (put_server's payload, get_server's answer)."""

    _fields = {
        "name": None,
        "description": None,
        "host": None,
        "port": None,
        "username": None,
        "password": None,
        "monitored": True,
        "verify_server_certificate": False,
    }
    _enums = {"type": ServerType}
    _wire_type = "AemReplicateServer"
    name: Optional[str]
    description: Optional[str]
    host: Optional[str]
    port: Any
    username: Optional[str]
    password: Optional[str]
    monitored: bool
    verify_server_certificate: bool


class AemReplicateServer(AemServer):
    """A Replicate server definition."""

    _wire_type = "AemReplicateServer"


class AemComposeServer(AemServer):
    """A Compose server definition."""

    _wire_type = "AemComposeServer"


class AemUserRef(AemObject):
    """A user in a role (``name``: ``DOMAIN\\user``)."""

    _fields = {"name": None}
    name: Optional[str]


class AemGroupRef(AemObject):
    """A group in a role (``name``: ``DOMAIN\\group``)."""

    _fields = {"name": None}
    name: Optional[str]


class AemRoleDef(AemObject):
    """The users and groups of one role."""

    _fields = {"users": [], "groups": []}
    _lists = {"users": AemUserRef, "groups": AemGroupRef}
    users: List[AemUserRef]
    groups: List[AemGroupRef]


class AemAuthorizationAcl(AemObject):
    """A server's explicit ACL (put_server_acl's payload, get_server_acl's answer)."""

    _fields = {
        "admin_role": None,
        "designer_role": None,
        "operator_role": None,
        "viewer_role": None,
        "disable_inheritance": False,
    }
    _objects = {
        "admin_role": AemRoleDef,
        "designer_role": AemRoleDef,
        "operator_role": AemRoleDef,
        "viewer_role": AemRoleDef,
    }
    admin_role: Optional[AemRoleDef]
    designer_role: Optional[AemRoleDef]
    operator_role: Optional[AemRoleDef]
    viewer_role: Optional[AemRoleDef]
    disable_inheritance: bool


class AemRunTaskReq(AemObject):
    """run_task's payload: ``cdcposition`` for the three position options."""

    _fields = {"cdcposition": None}
    cdcposition: Optional[str]


class TableSelection(AemObject):
    """One table or pattern of a selection."""

    _fields = {"owner": None, "name": None, "load_order": 0, "table_type": TableType.TABLE}
    _enums = {"table_type": TableType}
    owner: Optional[str]
    name: Optional[str]
    load_order: int
    table_type: Any


class TableSelectionDefinition(AemObject):
    """put_task_table_selection's payload (and get_task_table_selection's answer)."""

    _fields = {"included_pattern": [], "excluded_pattern": [], "explicit_included_tables": []}
    _lists = {
        "included_pattern": TableSelection,
        "excluded_pattern": TableSelection,
        "explicit_included_tables": TableSelection,
    }
    included_pattern: List[TableSelection]
    excluded_pattern: List[TableSelection]
    explicit_included_tables: List[TableSelection]


class AemGetTaskTableSelectionResp(TableSelectionDefinition):
    """get_task_table_selection's answer."""


class AemDeleteOldChangeDataReq(AemObject):
    """delete_old_change_data's payload: a timestamp or an ISO 8601 duration."""

    _fields = {"timestamp_or_offset": None}
    timestamp_or_offset: Optional[str]


AemDeleteOldDataReq = AemDeleteOldChangeDataReq


class AemSetChangeDataRetentionBarrierReq(AemObject):
    """set_change_data_retention_barrier's payload (empty ``retention_point`` removes it)."""

    _fields = {"application": None, "retention_point": None}
    application: Optional[str]
    retention_point: Optional[str]


# ---------------------------------------------------------------- answers


class Configuration(AemObject):
    """Where a server is reached."""

    _fields = {"host": None, "platform": AemPlatform.UNKNOWN, "port": None, "user_name": None}
    _enums = {"platform": AemPlatform}
    host: Optional[str]
    platform: Any
    port: Any
    user_name: Optional[str]


class ApiLicense(AemObject):
    """A server's license."""

    _fields = {
        "issue_date": None,
        "state": AemLicenseState.VALID_LICENSE,
        "expiration": None,
        "days_to_expiration": 0,
    }
    _enums = {"state": AemLicenseState}
    issue_date: Optional[str]
    state: Any
    expiration: Optional[str]
    days_to_expiration: Any


class AemServerUtilization(AemObject):
    """A server's resource use (-1 means N/A)."""

    _fields = {
        "disk_usage_mb": 0,
        "memory_mb": 0,
        "attunity_cpu_percentage": 0,
        "machine_cpu_percentage": 0,
    }
    disk_usage_mb: int
    memory_mb: int
    attunity_cpu_percentage: int
    machine_cpu_percentage: int


class AemTasksSummary(AemObject):
    """Task counts of a server."""

    _fields = {"total": 0, "running": 0, "stopped": 0, "recovering": 0, "error": 0}
    total: int
    running: int
    stopped: int
    recovering: int
    error: int


TaskSummary = AemTasksSummary


class AemServerDetails(AemObject):
    """get_server_details' server (``task_summary`` is also ``aem_tasks_summary``)."""

    _fields = {
        "name": None,
        "description": None,
        "configuration": None,
        "state": AemServerState.NOT_MONITORED,
        "message": None,
        "version": None,
        "license": None,
        "last_connection": None,
        "task_summary": None,
        "resource_utilization": None,
    }
    _enums = {"state": AemServerState, "type": ServerType}
    _objects = {
        "configuration": Configuration,
        "license": ApiLicense,
        "task_summary": AemTasksSummary,
        "aem_tasks_summary": AemTasksSummary,
        "resource_utilization": AemServerUtilization,
    }
    _aliases = (("task_summary", "aem_tasks_summary"),)
    name: Optional[str]
    description: Optional[str]
    configuration: Optional[Configuration]
    state: Any
    message: Optional[str]
    version: Optional[str]
    license: Optional[ApiLicense]
    last_connection: Optional[str]
    task_summary: Optional[AemTasksSummary]
    resource_utilization: Optional[AemServerUtilization]


class ReplicateServerDetails(AemServerDetails):
    """Details of a Replicate server."""


class ComposeServerDetails(AemServerDetails):
    """Details of a Compose server."""


_SERVER_DETAILS = {"Compose": ComposeServerDetails, "": ReplicateServerDetails}


class AemGetServerDetailsResp(AemObject):
    """get_server_details' answer: ``server_details`` (also read from ``serverDetails``)."""

    _fields = {"server_details": None}
    _objects = {"server_details": _SERVER_DETAILS, "serverDetails": _SERVER_DETAILS}
    _aliases = (("server_details", "serverDetails"),)
    server_details: Optional[AemServerDetails]


class AemServerInfo(AemObject):
    """One server of get_server_list."""

    _fields = {
        "name": None,
        "description": None,
        "host": None,
        "port": None,
        "state": AemServerState.NOT_MONITORED,
        "message": None,
        "platform": AemPlatform.UNKNOWN,
        "version": None,
        "last_connection": None,
    }
    _enums = {"state": AemServerState, "platform": AemPlatform, "type": ServerType}
    name: Optional[str]
    description: Optional[str]
    host: Optional[str]
    port: Any
    state: Any
    message: Optional[str]
    platform: Any
    version: Optional[str]
    last_connection: Optional[str]


class ReplicateServerInfo(AemServerInfo):
    """A Replicate server of get_server_list."""


class ComposeServerInfo(AemServerInfo):
    """A Compose server of get_server_list."""


class AemGetServerListResp(AemObject):
    """get_server_list's answer."""

    _fields = {"serverList": []}
    _lists = {"serverList": {"Compose": ComposeServerInfo, "": ReplicateServerInfo}}
    serverList: List[AemServerInfo]


class AemTaskInfo(AemObject):
    """One task of get_task_list."""

    _fields = {
        "name": None,
        "state": AemTaskState.STOPPED,
        "stop_reason": AemTaskStopReason.NORMAL,
        "message": None,
        "assigned_tags": [],
    }
    _enums = {"state": AemTaskState, "stop_reason": AemTaskStopReason}
    name: Optional[str]
    state: Any
    stop_reason: Any
    message: Optional[str]
    assigned_tags: List[str]


class AemGetTaskListResp(AemObject):
    """get_task_list's answer."""

    _fields = {"taskList": []}
    _lists = {"taskList": AemTaskInfo}
    taskList: List[AemTaskInfo]


class TaskEndpoint(AemObject):
    """A task's source or target endpoint."""

    _fields = {"name": None, "type": None}
    name: Optional[str]
    type: Optional[str]


class AemCommonSettings(AemObject):
    """A task's options."""

    _fields = {
        "full_load_enabled": False,
        "apply_changes_enabled": False,
        "store_changes_enabled": False,
        "audit_changes_enabled": False,
    }


class AemCdcThroughputItem(AemObject):
    """A throughput figure (``current``)."""

    _fields = {"current": 0}


class AemCdcThroughput(AemObject):
    """CDC throughput."""

    _objects = {
        "source_throughput_records_count": AemCdcThroughputItem,
        "source_throughput_volume": AemCdcThroughputItem,
        "target_throughput_records_count": AemCdcThroughputItem,
        "target_throughput_volume": AemCdcThroughputItem,
    }


class AemCdcLatency(AemObject):
    """CDC latency (``"HH:MM:SS"`` strings)."""

    _fields = {"source_latency": None, "total_latency": None}


class AemTaskCdcEventCounters(AemObject):
    """CDC event counts."""


class AemCdcTransactionsCounters(AemObject):
    """CDC transaction counts; both spellings of ``committed`` are attributes."""

    _aliases = (
        ("applied_comitted_transaction_count", "applied_committed_transaction_count"),
        ("applied_records_comitted_count", "applied_records_committed_count"),
        ("applied_volume_comitted_mb", "applied_volume_committed_mb"),
    )


class AemTaskFullLoadCounters(AemObject):
    """Full load counts."""


class AemFullLoadThroughput(AemObject):
    """Full load throughput."""


class AemTaskInfoDetailedBase(AemObject):
    """get_task_details' answer (also reachable as ``.task``, the guide's wrapper)."""

    _fields = {
        "name": None,
        "state": AemTaskState.STOPPED,
        "description": None,
        "source_endpoint": None,
        "target_endpoint": None,
        "assigned_tags": [],
        "message": None,
    }
    _enums = {"state": AemTaskState, "task_stop_reason": AemTaskStopReason, "stop_reason": AemTaskStopReason}
    _objects = {
        "source_endpoint": TaskEndpoint,
        "target_endpoint": TaskEndpoint,
        "options": AemCommonSettings,
        "cdc_event_counters": AemTaskCdcEventCounters,
        "cdc_latency": AemCdcLatency,
        "cdc_throughput": AemCdcThroughput,
        "cdc_transactions_counters": AemCdcTransactionsCounters,
        "full_load_counters": AemTaskFullLoadCounters,
        "loading_counters": AemTaskFullLoadCounters,
        "full_load_throughput": AemFullLoadThroughput,
    }
    name: Optional[str]
    state: Any
    description: Optional[str]
    source_endpoint: Optional[TaskEndpoint]
    target_endpoint: Optional[TaskEndpoint]
    assigned_tags: List[str]
    message: Optional[str]

    @property
    def task(self) -> "AemTaskInfoDetailedBase":
        """The guide's ``AemGetTaskDetailsResp.task``: the details themselves."""
        return self


class AemTaskInfoDetailed(AemTaskInfoDetailedBase):
    """Details of a Replicate task."""


class AemComposeTaskInfoDetailed(AemTaskInfoDetailedBase):
    """Details of a Compose task."""


class AemComposeDWTaskInfoDetailed(AemComposeTaskInfoDetailed):
    """Details of a Compose data warehouse task."""


class AemComposeDMTaskInfoDetailed(AemComposeTaskInfoDetailed):
    """Details of a Compose data mart task."""


class AemComposeDLTaskInfoDetailed(AemComposeTaskInfoDetailed):
    """Details of a Compose data lake task."""


AemGetTaskDetailsResp = AemTaskInfoDetailed

_TASK_DETAILS = {
    "ComposeDW": AemComposeDWTaskInfoDetailed,
    "ComposeDM": AemComposeDMTaskInfoDetailed,
    "ComposeDL": AemComposeDLTaskInfoDetailed,
    "Compose": AemComposeTaskInfoDetailed,
    "": AemTaskInfoDetailed,
}


def task_details(j: Dict[str, Any]) -> AemTaskInfoDetailedBase:
    """Reads get_task_details' answer into the class its ``$type``/``type`` names."""
    t = j.get("$type") or j.get("type") or ""
    cls = AemTaskInfoDetailed
    if isinstance(t, str):
        for key, sub in _TASK_DETAILS.items():
            if key and key in t:
                cls = sub
                break
    return cls(j)


class AemTableInfo(AemObject):
    """One table of get_table_list."""

    _fields = {"schema": None, "table": None, "state": AemTableState.TABLE_QUEUED}
    _enums = {"state": AemTableState}
    schema: Optional[str]
    table: Optional[str]
    state: Any


class AemGetTableListResp(AemObject):
    """get_table_list's answer (``tablelist``)."""

    _fields = {"tablelist": []}
    _lists = {"tablelist": AemTableInfo, "TableList": AemTableInfo}
    _aliases = (("tablelist", "TableList"),)
    tablelist: List[AemTableInfo]


class AemTableFullLoadInfo(AemObject):
    """A table's full load figures."""

    _fields = {
        "start_time": None,
        "end_time": None,
        "estimated_row_count": 0,
        "estimated_end_time": None,
        "transferred_row_count": 0,
        "transferred_volume_mb": 0,
    }
    start_time: Optional[str]
    end_time: Optional[str]
    estimated_row_count: int
    estimated_end_time: Optional[str]
    transferred_row_count: int
    transferred_volume_mb: int


class AemTableCdcInfo(AemObject):
    """A table's change processing figures."""

    _fields = {
        "insert_count": 0,
        "update_count": 0,
        "delete_count": 0,
        "ddl_count": 0,
        "last_update_time": None,
        "cached_insert_count": 0,
        "cached_update_count": 0,
        "cached_delete_count": 0,
    }
    insert_count: int
    update_count: int
    delete_count: int
    ddl_count: int
    last_update_time: Optional[str]
    cached_insert_count: int
    cached_update_count: int
    cached_delete_count: int


class AemTableDetails(AemObject):
    """One table of get_table_statuses."""

    _fields = {
        "schema_on_source": None,
        "table_on_source": None,
        "schema_on_target": None,
        "table_on_target": None,
        "state": AemTableState.TABLE_QUEUED,
        "data_errors_count": 0,
        "table_full_load_info": None,
        "table_cdc_info": None,
    }
    _enums = {"state": AemTableState}
    _objects = {"table_full_load_info": AemTableFullLoadInfo, "table_cdc_info": AemTableCdcInfo}
    schema_on_source: Optional[str]
    table_on_source: Optional[str]
    schema_on_target: Optional[str]
    table_on_target: Optional[str]
    state: Any
    data_errors_count: int
    table_full_load_info: Optional[AemTableFullLoadInfo]
    table_cdc_info: Optional[AemTableCdcInfo]


class AemGetTableStatusesResp(AemObject):
    """get_table_statuses' answer (``table_details``)."""

    _fields = {"table_details": []}
    _lists = {"table_details": AemTableDetails, "TableDetails": AemTableDetails}
    _aliases = (("table_details", "TableDetails"),)
    table_details: List[AemTableDetails]


class AemRunTaskResp(AemObject):
    """run_task's answer."""

    _fields = {"state": AemTaskState.STOPPED, "error_message": None}
    _enums = {"state": AemTaskState}
    state: Any
    error_message: Optional[str]


class AemStopTaskResp(AemRunTaskResp):
    """stop_task's answer."""


class Endpoint(AemObject):
    """One endpoint of get_endpoint_list (``is_licensed`` is also ``isLicensed``)."""

    _fields = {
        "name": None,
        "description": None,
        "role": EndpointRole.ALL,
        "type": None,
        "is_licensed": False,
    }
    _enums = {"role": EndpointRole}
    _aliases = (("is_licensed", "isLicensed"),)
    name: Optional[str]
    description: Optional[str]
    role: Any
    type: Optional[str]
    is_licensed: bool


class AemGetEndpointListResp(AemObject):
    """get_endpoint_list's answer."""

    _fields = {"endpointList": []}
    _lists = {"endpointList": Endpoint}
    endpointList: List[Endpoint]


class AemTestEndpointResp(AemObject):
    """test_endpoint's answer."""

    _fields = {"status": AemEndpointState.UNKNOWN, "message": None, "detailed_message": None}
    _enums = {"status": AemEndpointState, "requeststate": AemRequestState}
    status: Any
    message: Optional[str]
    detailed_message: Optional[str]


class AemGetChangeDataRetentionBarrierResp(AemObject):
    """get_change_data_retention_barrier's answer."""

    _fields = {"application": None, "retention_point": None}
    application: Optional[str]
    retention_point: Optional[str]
