"""Type stubs of the chapter 4 payload and answer classes (see models.py)."""

from _typeshed import Incomplete
from enum import Enum
from typing import Any, Dict

__all__ = [
    "AemEndpointState",
    "AemRequestState",
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
    "AttrDict",
    "AemObject",
    "to_wire",
    "AemServer",
    "AemReplicateServer",
    "AemComposeServer",
    "AemUserRef",
    "AemGroupRef",
    "AemRoleDef",
    "AemAuthorizationAcl",
    "AemRunTaskReq",
    "TableSelection",
    "TableSelectionDefinition",
    "AemGetTaskTableSelectionResp",
    "AemDeleteOldChangeDataReq",
    "AemDeleteOldDataReq",
    "AemSetChangeDataRetentionBarrierReq",
    "Configuration",
    "ApiLicense",
    "AemServerUtilization",
    "AemTasksSummary",
    "TaskSummary",
    "AemServerDetails",
    "ReplicateServerDetails",
    "ComposeServerDetails",
    "AemGetServerDetailsResp",
    "AemServerInfo",
    "ReplicateServerInfo",
    "ComposeServerInfo",
    "AemGetServerListResp",
    "AemTaskInfo",
    "AemGetTaskListResp",
    "TaskEndpoint",
    "AemCommonSettings",
    "AemCdcThroughputItem",
    "AemCdcThroughput",
    "AemCdcLatency",
    "AemTaskCdcEventCounters",
    "AemCdcTransactionsCounters",
    "AemTaskFullLoadCounters",
    "AemFullLoadThroughput",
    "AemTaskInfoDetailedBase",
    "AemTaskInfoDetailed",
    "AemComposeTaskInfoDetailed",
    "AemComposeDWTaskInfoDetailed",
    "AemComposeDMTaskInfoDetailed",
    "AemComposeDLTaskInfoDetailed",
    "AemGetTaskDetailsResp",
    "AemTableInfo",
    "AemGetTableListResp",
    "AemTableFullLoadInfo",
    "AemTableCdcInfo",
    "AemTableDetails",
    "AemGetTableStatusesResp",
    "AemRunTaskResp",
    "AemStopTaskResp",
    "Endpoint",
    "AemGetEndpointListResp",
    "AemTestEndpointResp",
    "AemGetChangeDataRetentionBarrierResp",
]

class _WireEnum(Enum):  # type: ignore[misc]  # members live in subclasses
    @classmethod
    def from_wire(cls, value: Any) -> Any: ...

class AemEndpointState(_WireEnum):
    UNKNOWN = 0
    CONNECTED = 1
    ERROR = 2

class AemRequestState(_WireEnum):
    SUCCESS = 0
    FAILURE = 1

class AemTableState(_WireEnum):
    TABLE_QUEUED = 0
    TABLE_LOADING = 1
    TABLE_COMPLETED = 2
    TABLE_CHANGE_PROCESSING = 3
    TABLE_ERROR = 4

class AemPlatform(_WireEnum):
    UNKNOWN = 0
    WINDOWS = 1
    LINUX = 2

class AemRunTaskOptions(_WireEnum):
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
    ALL = 0
    SOURCE = 1
    TARGET = 2
    BOTH = 3

class ServerType(_WireEnum):
    REPLICATE = 1
    COMPOSE_FDL = 3
    COMPOSE = 4
    COMPOSE_FDW = 5

class AemTaskState(_WireEnum):
    STOPPED = 0
    RUNNING = 1
    ERROR = 2
    RECOVERY = 3
    NOT_EXIST = 4
    PAUSED = 5
    STARTING = 6
    STOPPING = 7

class AemServerState(_WireEnum):
    NOT_MONITORED = 0
    MONITORED = 1
    ERROR = 2

class AemTaskStopReason(_WireEnum):
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
    VALID_LICENSE = 0
    INVALID_LICENSE_CHECKSUM = 1
    EXPIRED_LICENSE = 2
    NO_LICENSE = 3
    MACHINE_NOT_LICENSED = 4
    INVALID_LICENSE = 5

class AuthenticationMethod(Enum):
    ACTIVE_DIRECTORY = 0
    SAML = 1

class StandardLoadOrder(Enum):
    LOWEST = -2147483647
    LOWER = -5000
    LOW = -1000
    NORMAL = 0
    HIGH = 1000
    HIGHER = 5000
    HIGHEST = 2147483647

class TableType(_WireEnum):
    TABLE = 1
    VIEW = 2

class AttrDict(Dict[str, Any]):
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...

class AemObject:
    def __getattr__(self, name: str) -> Any: ...  # fields newer than this SDK stay readable
    def __init__(self, j: None | str | bytes | dict[str, Any] = None) -> None: ...
    def __eq__(self, other: object) -> bool: ...
    __hash__: Incomplete
    def to_dict(self) -> dict[str, Any]: ...

def to_wire(obj: Any) -> Any: ...

class AemServer(AemObject):
    name: str
    description: str
    host: str
    port: Any
    username: str | None
    password: str | None
    monitored: bool
    verify_server_certificate: bool

class AemReplicateServer(AemServer): ...
class AemComposeServer(AemServer): ...

class AemUserRef(AemObject):
    name: str

class AemGroupRef(AemObject):
    name: str

class AemRoleDef(AemObject):
    users: list[AemUserRef]
    groups: list[AemGroupRef]

class AemAuthorizationAcl(AemObject):
    admin_role: AemRoleDef | None
    designer_role: AemRoleDef | None
    operator_role: AemRoleDef | None
    viewer_role: AemRoleDef | None
    disable_inheritance: bool

class AemRunTaskReq(AemObject):
    cdcposition: str | None

class TableSelection(AemObject):
    owner: str
    name: str
    load_order: int
    table_type: Any

class TableSelectionDefinition(AemObject):
    included_pattern: list[TableSelection]
    excluded_pattern: list[TableSelection]
    explicit_included_tables: list[TableSelection]

class AemGetTaskTableSelectionResp(TableSelectionDefinition): ...

class AemDeleteOldChangeDataReq(AemObject):
    timestamp_or_offset: str | None

AemDeleteOldDataReq = AemDeleteOldChangeDataReq

class AemSetChangeDataRetentionBarrierReq(AemObject):
    application: str | None
    retention_point: str | None

class Configuration(AemObject):
    host: str
    platform: Any
    port: Any
    user_name: str | None

class ApiLicense(AemObject):
    issue_date: str | None
    state: Any
    expiration: str | None
    days_to_expiration: Any

class AemServerUtilization(AemObject):
    disk_usage_mb: int
    memory_mb: int
    attunity_cpu_percentage: int
    machine_cpu_percentage: int

class AemTasksSummary(AemObject):
    total: int
    running: int
    stopped: int
    recovering: int
    error: int

TaskSummary = AemTasksSummary

class AemServerDetails(AemObject):
    name: str
    description: str
    configuration: Configuration | None
    state: Any
    message: str | None
    version: str
    license: ApiLicense | None
    last_connection: str | None
    task_summary: AemTasksSummary | None
    resource_utilization: AemServerUtilization | None

class ReplicateServerDetails(AemServerDetails): ...
class ComposeServerDetails(AemServerDetails): ...

class AemGetServerDetailsResp(AemObject):
    server_details: AemServerDetails | None

class AemServerInfo(AemObject):
    name: str
    description: str
    host: str
    port: Any
    state: Any
    message: str | None
    platform: Any
    version: str
    last_connection: str | None

class ReplicateServerInfo(AemServerInfo): ...
class ComposeServerInfo(AemServerInfo): ...

class AemGetServerListResp(AemObject):
    serverList: list[AemServerInfo]

class AemTaskInfo(AemObject):
    name: str
    state: Any
    stop_reason: Any
    message: str | None
    assigned_tags: list[str]

class AemGetTaskListResp(AemObject):
    taskList: list[AemTaskInfo]

class TaskEndpoint(AemObject):
    name: str
    type: str | None

class AemCommonSettings(AemObject): ...
class AemCdcThroughputItem(AemObject): ...
class AemCdcThroughput(AemObject): ...
class AemCdcLatency(AemObject): ...
class AemTaskCdcEventCounters(AemObject): ...
class AemCdcTransactionsCounters(AemObject): ...
class AemTaskFullLoadCounters(AemObject): ...
class AemFullLoadThroughput(AemObject): ...

class AemTaskInfoDetailedBase(AemObject):
    name: str
    state: Any
    description: str
    source_endpoint: TaskEndpoint | None
    target_endpoint: TaskEndpoint | None
    assigned_tags: list[str]
    message: str | None
    @property
    def task(self) -> AemTaskInfoDetailedBase: ...

class AemTaskInfoDetailed(AemTaskInfoDetailedBase): ...
class AemComposeTaskInfoDetailed(AemTaskInfoDetailedBase): ...
class AemComposeDWTaskInfoDetailed(AemComposeTaskInfoDetailed): ...
class AemComposeDMTaskInfoDetailed(AemComposeTaskInfoDetailed): ...
class AemComposeDLTaskInfoDetailed(AemComposeTaskInfoDetailed): ...

AemGetTaskDetailsResp = AemTaskInfoDetailed

class AemTableInfo(AemObject):
    schema: str
    table: str
    state: Any

class AemGetTableListResp(AemObject):
    tablelist: list[AemTableInfo]

class AemTableFullLoadInfo(AemObject):
    start_time: str | None
    end_time: str | None
    estimated_row_count: int
    estimated_end_time: str | None
    transferred_row_count: int
    transferred_volume_mb: int

class AemTableCdcInfo(AemObject):
    insert_count: int
    update_count: int
    delete_count: int
    ddl_count: int
    last_update_time: str | None
    cached_insert_count: int
    cached_update_count: int
    cached_delete_count: int

class AemTableDetails(AemObject):
    schema_on_source: str
    table_on_source: str
    schema_on_target: str
    table_on_target: str
    state: Any
    data_errors_count: int
    table_full_load_info: AemTableFullLoadInfo | None
    table_cdc_info: AemTableCdcInfo | None

class AemGetTableStatusesResp(AemObject):
    table_details: list[AemTableDetails]

class AemRunTaskResp(AemObject):
    state: Any
    error_message: str | None

class AemStopTaskResp(AemRunTaskResp): ...

class Endpoint(AemObject):
    name: str
    description: str
    role: Any
    type: str | None
    is_licensed: bool

class AemGetEndpointListResp(AemObject):
    endpointList: list[Endpoint]

class AemTestEndpointResp(AemObject):
    status: Any
    message: str | None
    detailed_message: str | None

class AemGetChangeDataRetentionBarrierResp(AemObject):
    application: str | None
    retention_point: str | None
