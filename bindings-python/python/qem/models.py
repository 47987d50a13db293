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

from . import _native

# typing is for the type checker only: importing it would cost every `import qem`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Dict, List, Optional, Tuple, Type, Union

__all__ = [
    "AttrDict",
    "AemObject",
    "UnknownEnumValue",
    "ExportText",
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
    "AemCloneTaskReq",
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


class UnknownEnumValue(str):
    """An enumeration value this SDK does not know (a newer server's): the server's text,
    readable like a member (``.name`` and ``.value`` are that text) and equal to it."""

    __slots__ = ()

    @property
    def name(self) -> str:
        """The server's text, as a member's name would be."""
        return str(self)

    @property
    def value(self) -> str:
        """The server's text."""
        return str(self)


class _WireEnum(Enum):
    """An enumeration read from REST strings; other spellings go in ``_ALIASES``."""

    @classmethod
    def from_wire(cls, value: Any) -> Any:
        """The member for a REST string or number; an unknown string becomes an
        :class:`UnknownEnumValue`, an unknown number stays as it is."""
        if value is None or isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls.__members__.get(value)
            if member is None:
                alias = _ALIASES.get(cls.__name__, {}).get(value)
                member = cls.__members__.get(alias) if alias else None
            return member if member is not None else UnknownEnumValue(value)
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
    """A task's state (4.14, 4.38 "Task State"): the guide numbers STOPPED, RUNNING, ERROR
    and RECOVERY (``RECOVERING`` on the wire reads as RECOVERY); real servers also report
    the others (numbered as Qlik's newer client numbers them where the guide is silent)."""

    STOPPED = 0
    RUNNING = 1
    ERROR = 2
    RECOVERY = 3
    PAUSED = 4
    NOT_EXIST = 5
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
    "AemTaskStopReason": {
        "STOPPED_LOW_DISK": "STOPPED_LOW_DISK_SPACE",
        "FATAL ERROR": "FATAL_ERROR",
        "STOPPED AFTER DDL APPLY": "STOPPED_AFTER_DDL_APPLY",
    },
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


_SECRET_WORDS = ("password", "secret", "token", "jwt")


def _is_secret(key: str) -> bool:
    k = key.lower()
    return any(w in k for w in _SECRET_WORDS)


class _Spelling:
    """Another spelling of an attribute that the guide also writes (``cdc_position`` for
    ``cdcposition``, ``IncludedPattern`` for ``included_pattern``): reading or setting
    it reads or sets the attribute itself."""

    def __init__(self, target: str) -> None:
        self.target = target

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return getattr(obj, self.target)

    def __set__(self, obj: Any, value: Any) -> None:
        setattr(obj, self.target, value)


class ExportText(str):
    """An export document as text (chapter 4: "Exported task JSON file as a string").

    Qlik's client handed back the bytes the server sent, so scripts written for it call
    ``.decode('utf-8')``: that works here too and answers the text itself."""

    __slots__ = ()

    def decode(self, encoding: str = "utf-8", errors: str = "strict") -> str:
        """The text itself (the document is already decoded)."""
        return str(self)


class AemObject:
    """Base of every payload and answer class.

    Subclasses declare ``_fields`` (the documented attributes, with the defaults of the
    no-argument constructor), ``_enums``, ``_objects``, ``_lists`` and ``_ints`` (how
    answer fields are read), ``_aliases`` (two spellings holding one value) and
    ``_fallbacks`` (a field read from another name when the server sends only that).

    An answer always has every documented attribute: one the server left out is None
    (an empty list for lists; an empty object of its class for a nested object, as
    Qlik's client gives for a null one).
    """

    _fields: ClassVar[Dict[str, Any]] = {}
    _enums: ClassVar[Dict[str, Type[_WireEnum]]] = {}
    _objects: ClassVar[Dict[str, Any]] = {}
    _lists: ClassVar[Dict[str, Any]] = {}
    _ints: ClassVar[Tuple[str, ...]] = ()
    _aliases: ClassVar[Tuple[Tuple[str, str], ...]] = ()
    _fallbacks: ClassVar[Tuple[Tuple[str, str], ...]] = ()
    _wire_type: ClassVar[Optional[str]] = None

    def __init__(self, j: Union[None, str, bytes, Dict[str, Any]] = None) -> None:
        if not j:
            for k, v in self._fields.items():
                setattr(self, k, list(v) if isinstance(v, list) else v)
            d = self.__dict__
            for a, b in self._aliases:
                if a in d:
                    d[b] = d[a]
                elif b in d:
                    d[a] = d[b]
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
        skip = {b for _, b in self._aliases}
        fields = ", ".join(
            "{0}={1}".format(k, "'***'" if _is_secret(k) and v else repr(v))
            for k, v in self.__dict__.items()
            if not k.startswith("$") and k not in skip
        )
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
    """A server definition (4.7 put_server's payload, 4.9 get_server's answer):
    ``host``, ``name``, ``description``, ``port``, ``username``, ``password``,
    ``verify_server_certificate``, ``monitored``. The password get_server answers is an
    identifier valid only in the session that got it."""

    _fields = {
        "name": None,
        "description": None,
        "host": None,
        "port": None,
        "username": None,
        "password": None,
        "monitored": True,
        "verify_server_certificate": False,
        "type": ServerType.REPLICATE,
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
    type: Any


class AemReplicateServer(AemServer):
    """A Replicate server definition (inherits AemServer)."""

    _wire_type = "AemReplicateServer"


class AemComposeServer(AemServer):
    """A Compose server definition (inherits AemServer)."""

    _fields = dict(AemServer._fields, type=ServerType.COMPOSE)
    _wire_type = "AemComposeServer"


class AemUserRef(AemObject):
    """A user assigned to a role: ``name`` (``domain\\user``)."""

    _fields = {"name": None}
    name: Optional[str]


class AemGroupRef(AemObject):
    """A group assigned to a role: ``name`` (``domain\\group``)."""

    _fields = {"name": None}
    name: Optional[str]


class AemRoleDef(AemObject):
    """The ``users`` (AemUserRef) and ``groups`` (AemGroupRef) assigned to one role."""

    _fields = {"users": [], "groups": []}
    _lists = {"users": AemUserRef, "groups": AemGroupRef}
    users: List[AemUserRef]
    groups: List[AemGroupRef]


class AemAuthorizationAcl(AemObject):
    """A server's explicit ACL (4.8 put_server_acl's payload, 4.10 get_server_acl's answer):
    ``disable_inheritance`` and the AemRoleDef of ``admin_role``, ``designer_role``,
    ``operator_role`` and ``viewer_role``."""

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
    """4.24 run_task's payload: ``cdcposition`` (also ``cdc_position``, the guide's other
    spelling), needed by the three position options."""

    _fields = {"cdcposition": None}
    cdcposition: Optional[str]
    cdc_position = _Spelling("cdcposition")


class TableSelection(AemObject):
    """One table or pattern of a selection (4.18): ``owner``, ``name``, ``load_order``
    (``StandardLoadOrder.HIGH.value`` or any number; 0 is random order) and
    ``table_type`` (TableType). The guide's other spellings (``Owner``, ``Name``,
    ``LoadOrder``, ``TableType``) refer to the same attributes."""

    _fields = {"owner": None, "name": None, "load_order": 0, "table_type": TableType.TABLE}
    _enums = {"table_type": TableType}
    owner: Optional[str]
    name: Optional[str]
    load_order: Any
    table_type: Any
    Owner = _Spelling("owner")
    Name = _Spelling("name")
    LoadOrder = _Spelling("load_order")
    TableType = _Spelling("table_type")


class TableSelectionDefinition(AemObject):
    """4.18 put_task_table_selection's payload and 4.17 get_task_table_selection's answer:
    lists of TableSelection in ``included_pattern``, ``excluded_pattern`` and
    ``explicit_included_tables`` (also ``IncludedPattern``, ``ExcludedPattern``,
    ``ExplicitIncludedTables``)."""

    _fields = {"included_pattern": [], "excluded_pattern": [], "explicit_included_tables": []}
    _lists = {
        "included_pattern": TableSelection,
        "excluded_pattern": TableSelection,
        "explicit_included_tables": TableSelection,
    }
    included_pattern: List[TableSelection]
    excluded_pattern: List[TableSelection]
    explicit_included_tables: List[TableSelection]
    IncludedPattern = _Spelling("included_pattern")
    ExcludedPattern = _Spelling("excluded_pattern")
    ExplicitIncludedTables = _Spelling("explicit_included_tables")


class AemGetTaskTableSelectionResp(TableSelectionDefinition):
    """4.17 get_task_table_selection's answer (a TableSelectionDefinition)."""


class AemDeleteOldChangeDataReq(AemObject):
    """4.35 delete_old_change_data's payload: ``timestamp_or_offset``, a UTC timestamp
    (``2020-06-30T16:15:00Z``) or an ISO 8601 duration (``P1M3DT1H2M``). The guide also
    calls it AemDeleteOldDataReq."""

    _fields = {"timestamp_or_offset": None}
    timestamp_or_offset: Optional[str]


AemDeleteOldDataReq = AemDeleteOldChangeDataReq


class AemSetChangeDataRetentionBarrierReq(AemObject):
    """4.36 set_change_data_retention_barrier's payload: ``retention_point`` (a UTC
    timestamp; empty removes the barrier) and ``application`` (the consumer's name)."""

    _fields = {"application": None, "retention_point": None}
    application: Optional[str]
    retention_point: Optional[str]


class AemCloneTaskReq(AemObject):
    """clone_task's payload (CloneTask): ``new_task_name`` (required) and the optional
    ``clone_permissions``, ``new_source_endpoint``, ``new_target_endpoint``,
    ``new_control_schema``, ``new_target_schema``, ``new_control_table_tablespace``,
    ``new_control_index_tablespace``."""

    _fields = {
        "new_task_name": None,
        "clone_permissions": None,
        "new_source_endpoint": None,
        "new_target_endpoint": None,
        "new_control_schema": None,
        "new_target_schema": None,
        "new_control_table_tablespace": None,
        "new_control_index_tablespace": None,
    }
    new_task_name: Optional[str]
    clone_permissions: Optional[bool]
    new_source_endpoint: Optional[str]
    new_target_endpoint: Optional[str]
    new_control_schema: Optional[str]
    new_target_schema: Optional[str]
    new_control_table_tablespace: Optional[str]
    new_control_index_tablespace: Optional[str]


# ---------------------------------------------------------------- answers


class Configuration(AemObject):
    """Where a server is reached (4.6 ``configuration``): ``host``, ``platform``
    (AemPlatform), ``port`` and ``user_name`` (also ``username``, as servers send it)."""

    _fields = {"host": None, "platform": AemPlatform.UNKNOWN, "port": None, "user_name": None}
    _enums = {"platform": AemPlatform}
    _aliases = (("user_name", "username"),)
    host: Optional[str]
    platform: Any
    port: Any
    user_name: Optional[str]


class ApiLicense(AemObject):
    """A server's license (4.6 ``license``): ``days_to_expiration``, ``expiration``,
    ``issue_date`` and ``state`` (AemLicenseState)."""

    _fields = {
        "issue_date": None,
        "state": AemLicenseState.VALID_LICENSE,
        "expiration": None,
        "days_to_expiration": 0,
    }
    _enums = {"state": AemLicenseState}
    _ints = ("days_to_expiration",)
    issue_date: Optional[str]
    state: Any
    expiration: Optional[str]
    days_to_expiration: Any


class AemServerUtilization(AemObject):
    """A server's resource use (4.6 ``resource_utilization``; -1 means N/A):
    ``attunity_cpu_percentage``, ``disk_usage_mb``, ``machine_cpu_percentage``,
    ``memory_mb``."""

    _fields = {
        "disk_usage_mb": 0,
        "memory_mb": 0,
        "attunity_cpu_percentage": 0,
        "machine_cpu_percentage": 0,
    }
    _ints = ("disk_usage_mb", "memory_mb", "attunity_cpu_percentage", "machine_cpu_percentage")
    disk_usage_mb: int
    memory_mb: int
    attunity_cpu_percentage: int
    machine_cpu_percentage: int


class AemTasksSummary(AemObject):
    """A server's task counts (4.6 ``aem_tasks_summary``, TaskSummary): ``error``,
    ``recovering``, ``running``, ``stopped``, ``total``."""

    _fields = {"total": 0, "running": 0, "stopped": 0, "recovering": 0, "error": 0}
    _ints = ("total", "running", "stopped", "recovering", "error")
    total: int
    running: int
    stopped: int
    recovering: int
    error: int


TaskSummary = AemTasksSummary


class AemServerDetails(AemObject):
    """4.6's ``server_details`` (ReplicateServerDetails or ComposeServerDetails):
    ``configuration``, ``description``, ``last_connection``, ``license``, ``message``,
    ``name``, ``resource_utilization``, ``state`` (AemServerState), ``task_summary``
    (also ``aem_tasks_summary``, the guide's name) and ``version``."""

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
    aem_tasks_summary: Optional[AemTasksSummary]
    resource_utilization: Optional[AemServerUtilization]


class ReplicateServerDetails(AemServerDetails):
    """Details of a Replicate server (inherits AemServerDetails)."""


class ComposeServerDetails(AemServerDetails):
    """Details of a Compose server (inherits AemServerDetails)."""


_SERVER_DETAILS = {"Compose": ComposeServerDetails, "": ReplicateServerDetails}


class AemGetServerDetailsResp(AemObject):
    """4.6 get_server_details' answer: ``server_details`` (also read from the guide's
    ``serverDetails``)."""

    _fields = {"server_details": None}
    _objects = {"server_details": _SERVER_DETAILS, "serverDetails": _SERVER_DETAILS}
    _aliases = (("server_details", "serverDetails"),)
    server_details: Optional[AemServerDetails]


class AemServerInfo(AemObject):
    """One server of 4.11 get_server_list (ReplicateServerInfo or ComposeServerInfo):
    ``description``, ``host``, ``last_connection``, ``message``, ``name``, ``platform``
    (AemPlatform), ``port``, ``state`` (AemServerState), ``version``."""

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
    """A Replicate server of get_server_list (inherits AemServerInfo)."""


class ComposeServerInfo(AemServerInfo):
    """A Compose server of get_server_list (inherits AemServerInfo)."""


class AemGetServerListResp(AemObject):
    """4.11 get_server_list's answer: ``serverList``, a list of AemServerInfo."""

    _fields = {"serverList": []}
    _lists = {"serverList": {"Compose": ComposeServerInfo, "": ReplicateServerInfo}}
    serverList: List[AemServerInfo]


class AemTaskInfo(AemObject):
    """One task of 4.14 get_task_list: ``name``, ``state`` (AemTaskState),
    ``stop_reason`` (AemTaskStopReason), ``message``, ``assigned_tags``."""

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
    """4.14 get_task_list's answer: ``taskList``, a list of AemTaskInfo."""

    _fields = {"taskList": []}
    _lists = {"taskList": AemTaskInfo}
    taskList: List[AemTaskInfo]


class TaskEndpoint(AemObject):
    """A task's source or target endpoint: ``name`` and ``type``."""

    _fields = {"name": None, "type": None}
    name: Optional[str]
    type: Optional[str]


class AemCommonSettings(AemObject):
    """A task's ``options`` (4.38 "Task options"): ``full_load_enabled``,
    ``apply_changes_enabled``, ``store_changes_enabled``, ``audit_changes_enabled``."""

    _fields = {
        "full_load_enabled": False,
        "apply_changes_enabled": False,
        "store_changes_enabled": False,
        "audit_changes_enabled": False,
    }


class AemCdcThroughputItem(AemObject):
    """One throughput figure: ``current``."""

    _fields = {"current": 0}
    _ints = ("current",)


class AemCdcThroughput(AemObject):
    """CDC throughput (current/last CDC): ``source_throughput_records_count``,
    ``source_throughput_volume``, ``target_throughput_records_count``,
    ``target_throughput_volume`` (each an AemCdcThroughputItem)."""

    _fields = {
        "source_throughput_records_count": None,
        "source_throughput_volume": None,
        "target_throughput_records_count": None,
        "target_throughput_volume": None,
    }
    _objects = {
        "source_throughput_records_count": AemCdcThroughputItem,
        "source_throughput_volume": AemCdcThroughputItem,
        "target_throughput_records_count": AemCdcThroughputItem,
        "target_throughput_volume": AemCdcThroughputItem,
    }


class AemCdcLatency(AemObject):
    """CDC latency (``"hh:mm:ss"`` strings): ``source_latency``, ``total_latency``."""

    _fields = {"source_latency": None, "total_latency": None}


class AemTaskCdcEventCounters(AemObject):
    """CDC event counts: ``applied_ddl_count``, ``applied_delete_count``,
    ``applied_insert_count``, ``applied_update_count``."""

    _fields = {
        "applied_ddl_count": 0,
        "applied_delete_count": 0,
        "applied_insert_count": 0,
        "applied_update_count": 0,
    }
    _ints = tuple(_fields)


_TX_COUNTERS = (
    "applied_committed_transaction_count",
    "applied_records_committed_count",
    "applied_records_in_progress_count",
    "applied_transactions_in_progress_count",
    "applied_volume_comitted_mb",
    "commit_change_records_count",
    "incoming_accumulated_changes_on_disk_count",
    "incoming_accumulated_changes_in_memory_count",
    "incoming_applying_changes_in_memory_count",
    "incoming_applying_changes_on_disk_count",
    "rollback_change_records_count",
    "rollback_change_volume_mb",
    "rollback_transaction_count",
)


class AemCdcTransactionsCounters(AemObject):
    """CDC transaction counts, every name of the guide's table; the ``committed`` fields
    are readable in both spellings (``applied_comitted_transaction_count`` as real servers
    send it, ``applied_committed_transaction_count`` as the guide writes it)."""

    _fields = {k: 0 for k in _TX_COUNTERS}
    _ints = _TX_COUNTERS + (
        "applied_comitted_transaction_count",
        "applied_records_comitted_count",
        "applied_volume_committed_mb",
    )
    _aliases = (
        ("applied_comitted_transaction_count", "applied_committed_transaction_count"),
        ("applied_records_comitted_count", "applied_records_committed_count"),
        ("applied_volume_comitted_mb", "applied_volume_committed_mb"),
    )


_FL_COUNTERS = (
    "estimated_records_for_all_tables_count",
    "records_completed_count",
    "tables_total_count",
    "tables_completed_count",
    "tables_loading_count",
    "tables_queued_count",
    "tables_with_error_count",
    "commands_total_count",
    "commands_completed_count",
)


class AemTaskFullLoadCounters(AemObject):
    """Full load (Compose: loading) counts: ``estimated_records_for_all_tables_count``,
    ``records_completed_count``, ``tables_completed_count``, ``tables_loading_count``,
    ``tables_queued_count``, ``tables_with_error_count``; for Compose also
    ``tables_total_count``, ``commands_total_count``, ``commands_completed_count``."""

    _fields = {k: 0 for k in _FL_COUNTERS}
    _ints = _FL_COUNTERS


class AemFullLoadThroughput(AemObject):
    """Full load throughput: ``source_throughput_records_count``,
    ``source_throughput_volume``, ``target_throughput_records_count``,
    ``target_throughput_volume``."""

    _fields = {
        "source_throughput_records_count": 0,
        "source_throughput_volume": 0,
        "target_throughput_records_count": 0,
        "target_throughput_volume": 0,
    }
    _ints = tuple(_fields)


_DETAILS_ENUMS = {"state": AemTaskState, "task_stop_reason": AemTaskStopReason, "stop_reason": AemTaskStopReason}
_DETAILS_OBJECTS = {
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


class AemTaskInfoDetailedBase(AemObject):
    """4.15 get_task_details' answer (AemGetTaskDetailsResp); ``.task`` (the guide's
    wrapper) is the object itself. The class is AemTaskInfoDetailed for Replicate tasks
    and AemCompose{DW,DM,DL}TaskInfoDetailed for Compose ones."""

    _fields = {
        "name": None,
        "state": AemTaskState.STOPPED,
        "description": None,
        "source_endpoint": None,
        "target_endpoint": None,
        "assigned_tags": [],
        "message": None,
        "profile": None,
        "type": None,
        "options": None,
    }
    _enums = _DETAILS_ENUMS
    _objects = _DETAILS_OBJECTS  # with "task" (below): JSON wrapped as the guide shows it
    _ints = ("memory_mb", "cpu_percentage", "disk_usage_mb", "data_error_count")
    name: Optional[str]
    state: Any
    description: Optional[str]
    source_endpoint: Optional[TaskEndpoint]
    target_endpoint: Optional[TaskEndpoint]
    assigned_tags: List[str]
    message: Optional[str]
    profile: Optional[str]
    type: Optional[str]
    options: Optional[AemCommonSettings]

    @property
    def task(self) -> "AemTaskInfoDetailedBase":
        """The guide's ``AemGetTaskDetailsResp.task``: the details themselves (or, for
        details read from JSON wrapped in ``{"task": ...}``, the wrapped ones)."""
        inner = self.__dict__.get("task")
        return inner if isinstance(inner, AemTaskInfoDetailedBase) else self


class AemTaskInfoDetailed(AemTaskInfoDetailedBase):
    """Details of a Replicate task (4.15): besides the common fields,
    ``cdc_event_counters``, ``cdc_latency``, ``cdc_throughput``,
    ``cdc_transactions_counters``, ``full_load_completed``, ``full_load_counters``,
    ``full_load_start``, ``full_load_end``, ``full_load_throughput``, ``memory_mb``,
    ``cpu_percentage``, ``disk_usage_mb``, ``data_error_count``, ``task_stop_reason``
    (AemTaskStopReason) and ``log_stream_staging``."""

    _fields = dict(
        AemTaskInfoDetailedBase._fields,
        cdc_event_counters=None,
        cdc_latency=None,
        cdc_throughput=None,
        cdc_transactions_counters=None,
        full_load_completed=None,
        full_load_counters=None,
        full_load_end=None,
        full_load_start=None,
        full_load_throughput=None,
        memory_mb=None,
        cpu_percentage=None,
        disk_usage_mb=None,
        data_error_count=None,
        task_stop_reason=None,
        log_stream_staging=None,
    )
    cdc_event_counters: Optional[AemTaskCdcEventCounters]
    cdc_latency: Optional[AemCdcLatency]
    cdc_throughput: Optional[AemCdcThroughput]
    cdc_transactions_counters: Optional[AemCdcTransactionsCounters]
    full_load_completed: Optional[bool]
    full_load_counters: Optional[AemTaskFullLoadCounters]
    full_load_end: Optional[str]
    full_load_start: Optional[str]
    full_load_throughput: Optional[AemFullLoadThroughput]
    memory_mb: Any
    cpu_percentage: Any
    disk_usage_mb: Any
    data_error_count: Any
    task_stop_reason: Any
    log_stream_staging: Optional[str]


class AemComposeTaskInfoDetailed(AemTaskInfoDetailedBase):
    """Details of a Compose task (4.15): besides the common fields, ``project``,
    ``loading_completed``, ``loading_start``, ``loading_end`` and ``loading_counters``."""

    _fields = dict(
        AemTaskInfoDetailedBase._fields,
        project=None,
        loading_completed=None,
        loading_start=None,
        loading_end=None,
        loading_counters=None,
    )
    project: Optional[str]
    loading_completed: Optional[bool]
    loading_start: Optional[str]
    loading_end: Optional[str]
    loading_counters: Optional[AemTaskFullLoadCounters]


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
_DETAILS_OBJECTS["task"] = _TASK_DETAILS
# A server definition is read as the class its $type names (see `convert.rs`).
_SERVER_DEF = {"Compose": AemComposeServer, "": AemReplicateServer}


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
    """One table of 4.16 get_table_list: ``schema``, ``table``, ``state`` (AemTableState)."""

    _fields = {"schema": None, "table": None, "state": AemTableState.TABLE_QUEUED}
    _enums = {"state": AemTableState}
    schema: Optional[str]
    table: Optional[str]
    state: Any


class AemGetTableListResp(AemObject):
    """4.16 get_table_list's answer: ``tablelist`` (also the guide's ``TableList``), a
    list of AemTableInfo."""

    _fields = {"tablelist": []}
    _lists = {"tablelist": AemTableInfo, "TableList": AemTableInfo}
    _aliases = (("tablelist", "TableList"),)
    tablelist: List[AemTableInfo]
    TableList: List[AemTableInfo]


class AemTableFullLoadInfo(AemObject):
    """A table's full load figures (4.19 ``table_full_load_info``): ``start_time``,
    ``end_time``, ``estimated_row_count``, ``estimated_end_time``,
    ``transferred_row_count``, ``transferred_volume_mb``."""

    _fields = {
        "start_time": None,
        "end_time": None,
        "estimated_row_count": 0,
        "estimated_end_time": None,
        "transferred_row_count": 0,
        "transferred_volume_mb": 0,
    }
    _ints = ("estimated_row_count", "transferred_row_count", "transferred_volume_mb")
    start_time: Optional[str]
    end_time: Optional[str]
    estimated_row_count: int
    estimated_end_time: Optional[str]
    transferred_row_count: int
    transferred_volume_mb: int


class AemTableCdcInfo(AemObject):
    """A table's change processing figures (4.19 ``table_cdc_info``): ``insert_count``,
    ``update_count``, ``delete_count``, ``ddl_count``, ``last_update_time``,
    ``cached_insert_count``, ``cached_update_count``, ``cached_delete_count``."""

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
    _ints = (
        "insert_count",
        "update_count",
        "delete_count",
        "ddl_count",
        "cached_insert_count",
        "cached_update_count",
        "cached_delete_count",
    )
    insert_count: int
    update_count: int
    delete_count: int
    ddl_count: int
    last_update_time: Optional[str]
    cached_insert_count: int
    cached_update_count: int
    cached_delete_count: int


class AemTableDetails(AemObject):
    """One table of 4.19 get_table_statuses: ``schema_on_source``, ``table_on_source``,
    ``schema_on_target``, ``table_on_target``, ``state`` (AemTableState),
    ``data_errors_count``, ``table_full_load_info`` and ``table_cdc_info``."""

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
    _ints = ("data_errors_count",)
    schema_on_source: Optional[str]
    table_on_source: Optional[str]
    schema_on_target: Optional[str]
    table_on_target: Optional[str]
    state: Any
    data_errors_count: int
    table_full_load_info: Optional[AemTableFullLoadInfo]
    table_cdc_info: Optional[AemTableCdcInfo]


class AemGetTableStatusesResp(AemObject):
    """4.19 get_table_statuses' answer: ``table_details`` (also the guide's
    ``TableDetails``), a list of AemTableDetails."""

    _fields = {"table_details": []}
    _lists = {"table_details": AemTableDetails, "TableDetails": AemTableDetails}
    _aliases = (("table_details", "TableDetails"),)
    table_details: List[AemTableDetails]
    TableDetails: List[AemTableDetails]


class AemRunTaskResp(AemObject):
    """4.24 run_task's answer: ``state`` (AemTaskState) and ``error_message``."""

    _fields = {"state": AemTaskState.STOPPED, "error_message": None}
    _enums = {"state": AemTaskState}
    state: Any
    error_message: Optional[str]


class AemStopTaskResp(AemRunTaskResp):
    """4.25 stop_task's answer: ``state`` (AemTaskState) and ``error_message``."""


class Endpoint(AemObject):
    """One endpoint of 4.26 get_endpoint_list: ``description``, ``is_licensed`` (also the
    guide's ``isLicensed``), ``name``, ``role`` (EndpointRole), ``type``."""

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
    isLicensed: bool


class AemGetEndpointListResp(AemObject):
    """4.26 get_endpoint_list's answer: ``endpointList``, a list of Endpoint."""

    _fields = {"endpointList": []}
    _lists = {"endpointList": Endpoint}
    endpointList: List[Endpoint]


class AemTestEndpointResp(AemObject):
    """4.34 test_endpoint's answer: ``status`` (AemEndpointState; read from the REST
    answer's ``state`` or ``requeststate`` when it has no ``status``: SUCCESS is
    CONNECTED, FAILURE is ERROR), ``message`` and ``detailed_message``."""

    _fields = {"status": AemEndpointState.UNKNOWN, "message": None, "detailed_message": None}
    _enums = {"status": AemEndpointState, "requeststate": AemRequestState}
    _fallbacks = (("status", "state"), ("status", "requeststate"))
    status: Any
    message: Optional[str]
    detailed_message: Optional[str]


class AemGetChangeDataRetentionBarrierResp(AemObject):
    """4.37 get_change_data_retention_barrier's answer: ``application`` and
    ``retention_point`` (the earliest barrier)."""

    _fields = {"application": None, "retention_point": None}
    application: Optional[str]
    retention_point: Optional[str]
