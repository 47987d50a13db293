"""Type stubs of the chapter 4 payload and answer classes (see models.py)."""

from _typeshed import Incomplete
from enum import Enum
from typing import Any, ClassVar, Dict, List, Optional, Tuple, Type

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
    "UnknownEnumValue",
    "ExportText",
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
    "AemCloneTaskReq",
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
    PAUSED = 4
    NOT_EXIST = 5
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

class UnknownEnumValue(str):
    @property
    def name(self) -> str: ...
    @property
    def value(self) -> str: ...

class ExportText(str):
    def decode(self, encoding: str = ..., errors: str = ...) -> str: ...

class AttrDict(Dict[str, Any]):
    def __getattr__(self, name: str) -> Any: ...
    def __setattr__(self, name: str, value: Any) -> None: ...

class AemObject:
    _fields: ClassVar[Dict[str, Any]]
    _aliases: ClassVar[Tuple[Tuple[str, str], ...]]
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
    type: Any

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
    cdc_position: str | None

class TableSelection(AemObject):
    owner: str
    name: str
    load_order: Any
    table_type: Any
    Owner: str
    Name: str
    LoadOrder: Any
    TableType: Any

class TableSelectionDefinition(AemObject):
    included_pattern: list[TableSelection]
    excluded_pattern: list[TableSelection]
    explicit_included_tables: list[TableSelection]
    IncludedPattern: list[TableSelection]
    ExcludedPattern: list[TableSelection]
    ExplicitIncludedTables: list[TableSelection]

class AemGetTaskTableSelectionResp(TableSelectionDefinition): ...

class AemDeleteOldChangeDataReq(AemObject):
    timestamp_or_offset: str | None

AemDeleteOldDataReq = AemDeleteOldChangeDataReq

class AemSetChangeDataRetentionBarrierReq(AemObject):
    application: str | None
    retention_point: str | None

class AemCloneTaskReq(AemObject):
    new_task_name: str | None
    clone_permissions: bool | None
    new_source_endpoint: str | None
    new_target_endpoint: str | None
    new_control_schema: str | None
    new_target_schema: str | None
    new_control_table_tablespace: str | None
    new_control_index_tablespace: str | None

class Configuration(AemObject):
    host: str
    platform: Any
    port: Any
    user_name: str | None
    username: str | None

class ApiLicense(AemObject):
    issue_date: str | None
    state: Any
    expiration: str | None
    days_to_expiration: Any

class AemServerUtilization(AemObject):
    disk_usage_mb: Any
    memory_mb: Any
    attunity_cpu_percentage: Any
    machine_cpu_percentage: Any

class AemTasksSummary(AemObject):
    total: Any
    running: Any
    stopped: Any
    recovering: Any
    error: Any

TaskSummary = AemTasksSummary

class AemServerDetails(AemObject):
    name: str
    description: str
    configuration: Configuration
    state: Any
    message: str | None
    version: str
    license: ApiLicense
    last_connection: str | None
    task_summary: AemTasksSummary
    aem_tasks_summary: AemTasksSummary
    resource_utilization: AemServerUtilization

class ReplicateServerDetails(AemServerDetails): ...
class ComposeServerDetails(AemServerDetails): ...

class AemGetServerDetailsResp(AemObject):
    server_details: AemServerDetails
    serverDetails: AemServerDetails

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

class AemCommonSettings(AemObject):
    full_load_enabled: bool | None
    apply_changes_enabled: bool | None
    store_changes_enabled: bool | None
    audit_changes_enabled: bool | None

class AemCdcThroughputItem(AemObject):
    current: Any

class AemCdcThroughput(AemObject):
    source_throughput_records_count: AemCdcThroughputItem
    source_throughput_volume: AemCdcThroughputItem
    target_throughput_records_count: AemCdcThroughputItem
    target_throughput_volume: AemCdcThroughputItem

class AemCdcLatency(AemObject):
    source_latency: str | None
    total_latency: str | None

class AemTaskCdcEventCounters(AemObject):
    applied_ddl_count: Any
    applied_delete_count: Any
    applied_insert_count: Any
    applied_update_count: Any

class AemCdcTransactionsCounters(AemObject):
    applied_committed_transaction_count: Any
    applied_comitted_transaction_count: Any
    applied_records_committed_count: Any
    applied_records_comitted_count: Any
    applied_records_in_progress_count: Any
    applied_transactions_in_progress_count: Any
    applied_volume_comitted_mb: Any
    applied_volume_committed_mb: Any
    commit_change_records_count: Any
    incoming_accumulated_changes_on_disk_count: Any
    incoming_accumulated_changes_in_memory_count: Any
    incoming_applying_changes_in_memory_count: Any
    incoming_applying_changes_on_disk_count: Any
    rollback_change_records_count: Any
    rollback_change_volume_mb: Any
    rollback_transaction_count: Any

class AemTaskFullLoadCounters(AemObject):
    estimated_records_for_all_tables_count: Any
    records_completed_count: Any
    tables_total_count: Any
    tables_completed_count: Any
    tables_loading_count: Any
    tables_queued_count: Any
    tables_with_error_count: Any
    commands_total_count: Any
    commands_completed_count: Any

class AemFullLoadThroughput(AemObject):
    source_throughput_records_count: Any
    source_throughput_volume: Any
    target_throughput_records_count: Any
    target_throughput_volume: Any

class AemTaskInfoDetailedBase(AemObject):
    name: str
    state: Any
    description: str
    source_endpoint: TaskEndpoint
    target_endpoint: TaskEndpoint
    assigned_tags: list[str]
    message: str | None
    profile: str | None
    type: str | None
    options: AemCommonSettings
    @property
    def task(self) -> AemTaskInfoDetailedBase: ...

class AemTaskInfoDetailed(AemTaskInfoDetailedBase):
    cdc_event_counters: AemTaskCdcEventCounters
    cdc_latency: AemCdcLatency
    cdc_throughput: AemCdcThroughput
    cdc_transactions_counters: AemCdcTransactionsCounters
    full_load_completed: bool | None
    full_load_counters: AemTaskFullLoadCounters
    full_load_end: str | None
    full_load_start: str | None
    full_load_throughput: AemFullLoadThroughput
    memory_mb: Any
    cpu_percentage: Any
    disk_usage_mb: Any
    data_error_count: Any
    task_stop_reason: Any
    log_stream_staging: str | None

class AemComposeTaskInfoDetailed(AemTaskInfoDetailedBase):
    project: str | None
    loading_completed: bool | None
    loading_start: str | None
    loading_end: str | None
    loading_counters: AemTaskFullLoadCounters

class AemComposeDWTaskInfoDetailed(AemComposeTaskInfoDetailed): ...
class AemComposeDMTaskInfoDetailed(AemComposeTaskInfoDetailed): ...
class AemComposeDLTaskInfoDetailed(AemComposeTaskInfoDetailed): ...

AemGetTaskDetailsResp = AemTaskInfoDetailed

def task_details(j: Dict[str, Any]) -> AemTaskInfoDetailedBase: ...

class AemTableInfo(AemObject):
    schema: str
    table: str
    state: Any

class AemGetTableListResp(AemObject):
    tablelist: list[AemTableInfo]
    TableList: list[AemTableInfo]

class AemTableFullLoadInfo(AemObject):
    start_time: str | None
    end_time: str | None
    estimated_row_count: Any
    estimated_end_time: str | None
    transferred_row_count: Any
    transferred_volume_mb: Any

class AemTableCdcInfo(AemObject):
    insert_count: Any
    update_count: Any
    delete_count: Any
    ddl_count: Any
    last_update_time: str | None
    cached_insert_count: Any
    cached_update_count: Any
    cached_delete_count: Any

class AemTableDetails(AemObject):
    schema_on_source: str
    table_on_source: str
    schema_on_target: str
    table_on_target: str
    state: Any
    data_errors_count: Any
    table_full_load_info: AemTableFullLoadInfo
    table_cdc_info: AemTableCdcInfo

class AemGetTableStatusesResp(AemObject):
    table_details: list[AemTableDetails]
    TableDetails: list[AemTableDetails]

class AemRunTaskResp(AemObject):
    state: Any
    error_message: str | None

class AemStopTaskResp(AemRunTaskResp): ...

class Endpoint(AemObject):
    name: str
    description: str
    role: Any
    type: str | None
    is_licensed: bool | None
    isLicensed: bool | None

class AemGetEndpointListResp(AemObject):
    endpointList: list[Endpoint]

class AemTestEndpointResp(AemObject):
    status: Any
    message: str | None
    detailed_message: str | None

class AemGetChangeDataRetentionBarrierResp(AemObject):
    application: str | None
    retention_point: str | None

# How the clients read a server definition and a task's details: the class by $type.
_SERVER_DEF: Dict[str, Type[AemServer]]
_TASK_DETAILS: Dict[str, Type[AemTaskInfoDetailedBase]]
