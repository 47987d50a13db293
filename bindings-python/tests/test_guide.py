"""Chapter 4 of the API guide, section by section, against the drop-in ``aem_client``:
every method's name, parameters and defaults; every enumeration's members and values;
the payload classes' no-argument constructors; the answer classes' documented
attributes; and the guide's code samples, run as the guide writes them against the mock.
"""

from __future__ import annotations

import inspect
import json
import ssl
import urllib.request
from enum import Enum
from typing import Any, Dict, List, Tuple

import pytest

import qem

SERVER = "Local Server"
TASK = "SalesDBBackup"
_ = object()  # "no default" in the tables below

# (method, [(parameter, default)]) exactly as chapter 4's syntax blocks give them.
CHAPTER_4: List[Tuple[str, List[Tuple[str, Any]]]] = [
    ("put_server_license", [("payload", _), ("server", _)]),  # 4.5
    ("get_server_details", [("server", _)]),  # 4.6
    ("put_server", [("payload", _), ("server", _)]),  # 4.7
    ("put_server_acl", [("payload", _), ("server", _)]),  # 4.8
    ("get_server", [("server", _)]),  # 4.9
    ("get_server_acl", [("server", _)]),  # 4.10
    ("get_server_list", []),  # 4.11
    ("delete_server", [("server", _)]),  # 4.12
    ("delete_server_acl", [("server", _)]),  # 4.13
    ("get_task_list", [("server", _)]),  # 4.14
    ("get_task_details", [("server", _), ("task", _)]),  # 4.15
    (
        "get_table_list",  # 4.16
        [
            ("server", _),
            ("task", _),
            ("schema", None),
            ("table", None),
            ("includequeued", False),
            ("includeloading", False),
            ("includecompleted", False),
            ("includechangeprocessing", False),
            ("includeerror", False),
        ],
    ),
    ("get_task_table_selection", [("server", _), ("task", _)]),  # 4.17
    ("put_task_table_selection", [("payload", _), ("server", _), ("task", _)]),  # 4.18 (title)
    ("set_task_table_selection", [("payload", _), ("server", _), ("task", _)]),  # 4.18 (syntax)
    (
        "get_table_statuses",  # 4.19
        [
            ("server", _),
            ("task", _),
            ("schema", None),
            ("table", None),
            ("includequeued", False),
            ("includeloading", False),
            ("includecompleted", False),
            ("includechangeprocessing", False),
            ("includeerror", False),
        ],
    ),
    ("delete_task", [("server", _), ("task", _), ("deletetasklogs", False)]),  # 4.20
    ("export_task", [("server", _), ("task", _), ("withendpoints", False)]),  # 4.21
    ("import_task", [("payload", _), ("server", _), ("task", _)]),  # 4.22
    ("export_audit_trail", [("start_timestamp", _), ("end_timestamp", None)]),  # 4.23 (end: not required)
    (
        "run_task",  # 4.24 ("option = AemRunTaskOptions.Option": the guide's placeholder)
        [("payload", _), ("server", _), ("task", _), ("option", "RESUME_PROCESSING"), ("timeout", 30)],
    ),
    ("stop_task", [("server", _), ("task", _), ("timeout", 30)]),  # 4.25
    ("get_endpoint_list", [("server", _)]),  # 4.26
    ("patch_endpoint", [("payload", _), ("server", _), ("endpoint", _)]),  # 4.27
    ("delete_endpoint", [("server", _), ("endpoint", _)]),  # 4.28
    (
        "reconfigure_endpoint_no_wait",  # 4.29
        [("server", _), ("endpoint", _), ("configuration", None), ("recycle", True)],
    ),
    ("export_all", [("server", _)]),  # 4.30
    ("import_all", [("payload", _), ("server", _)]),  # 4.31
    ("reload_table", [("server", _), ("task", _), ("schema", None), ("table", None)]),  # 4.32
    ("resume_table", [("server", _), ("task", _), ("schema", None), ("table", None)]),  # 4.33
    ("test_endpoint", [("server", _), ("endpoint", _), ("timeout", 60)]),  # 4.34
    ("delete_old_change_data", [("payload", _), ("server", _), ("task", _)]),  # 4.35
    ("set_change_data_retention_barrier", [("payload", _), ("server", _), ("task", _)]),  # 4.36
    ("get_change_data_retention_barrier", [("server", _), ("task", _)]),  # 4.37
    ("clone_task", [("payload", _), ("server", _), ("task", _)]),  # CloneTask
]


def positional(fn: Any) -> List[Tuple[str, Any]]:
    out = []
    for p in inspect.signature(fn).parameters.values():
        if p.name == "self" or p.kind is not p.POSITIONAL_OR_KEYWORD:
            continue
        d = _ if p.default is p.empty else p.default
        out.append((p.name, d.name if isinstance(d, Enum) else d))
    return out


@pytest.mark.parametrize("name,params", CHAPTER_4, ids=[n for n, _p in CHAPTER_4])
def test_method_names_parameters_and_defaults(name: str, params: List[Tuple[str, Any]]) -> None:
    from aem_client import AemClient

    assert positional(getattr(AemClient, name)) == params
    # The modern clients take the same arguments by name (the names first, the rest by
    # keyword; RunTask's position as `cdcposition` rather than a payload object).
    if name == "set_task_table_selection":
        name = "put_task_table_selection"  # the guide's other name, only in the drop-in
    for cls in (qem.Client, qem.AsyncClient):
        modern = inspect.signature(getattr(cls, name)).parameters
        for p, _d in params:
            assert p in modern or (name, p) == ("run_task", "payload"), (cls, p)


def test_constructor_as_4_2_writes_it() -> None:
    from aem_client import AemClient, AuthenticationMethod

    assert positional(AemClient.__init__) == [
        ("b64_username_password", _),
        ("machine_name", _),
        ("port", 443),
        ("url", "https://{0}/attunityenterprisemanager"),
        ("verify_certificate", True),
        ("authentication_method", "ACTIVE_DIRECTORY"),
    ]
    default = inspect.signature(AemClient.__init__).parameters["authentication_method"].default
    assert default is AuthenticationMethod.ACTIVE_DIRECTORY
    # The guide's other names of 4.35 - 4.37 (their syntax shows the .NET ones).
    for other, same in [
        ("delete_old_data", "delete_old_change_data"),
        ("DeleteOldData", "delete_old_change_data"),
        ("setChangeDataRetentionBarrier", "set_change_data_retention_barrier"),
        ("GetChangeDataRetentionBarrier", "get_change_data_retention_barrier"),
    ]:
        assert positional(getattr(AemClient, other)) == positional(getattr(AemClient, same)), other


# Members and values as chapter 4 prints them (4.6, 4.11, 4.14, 4.24, 4.26, 4.34, 4.38).
ENUMS: Dict[str, Dict[str, int]] = {
    "AemPlatform": {"UNKNOWN": 0, "WINDOWS": 1, "LINUX": 2},
    "AemLicenseState": {
        "VALID_LICENSE": 0,
        "INVALID_LICENSE_CHECKSUM": 1,
        "EXPIRED_LICENSE": 2,
        "NO_LICENSE": 3,
        "MACHINE_NOT_LICENSED": 4,
        "INVALID_LICENSE": 5,
    },
    "AemServerState": {"NOT_MONITORED": 0, "MONITORED": 1, "ERROR": 2},
    "AemTaskState": {"STOPPED": 0, "RUNNING": 1, "ERROR": 2, "RECOVERY": 3},
    "AemTaskStopReason": {
        "NONE": 0,
        "NORMAL": 1,
        "RECOVERABLE_ERROR": 2,
        "FATAL_ERROR": 3,
        "FULL_LOAD_ONLY_FINISHED": 4,
        "STOPPED_AFTER_FULL_LOAD": 5,
        "STOPPED_AFTER_CACHED_EVENTS": 6,
        "EXPRESS_LICENSE_LIMITS_REACHED": 7,
        "STOPPED_AFTER_DDL_APPLY": 8,
        "STOPPED_LOW_MEMORY": 9,
        "STOPPED_LOW_DISK_SPACE": 10,
    },
    "AemRunTaskOptions": {
        "RESUME_PROCESSING": 1,
        "RELOAD_TARGET": 2,
        "RESUME_PROCESSING_FROM_TIMESTAMP": 3,
        "METADATA_ONLY_RECREATE_ALL_TABLES": 4,
        "METADATA_ONLY_CREATE_MISSING_TABLES": 5,
        "RECOVER_USING_LOCALLY_STORED_CHECKPOINT": 6,
        "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET": 7,
        "RESUME_PROCESSING_FROM_POSITION": 8,
    },
    "EndpointRole": {"ALL": 0, "SOURCE": 1, "TARGET": 2, "BOTH": 3},
    "AemEndpointState": {"UNKNOWN": 0, "CONNECTED": 1, "ERROR": 2},
    "AemTableState": {
        "TABLE_QUEUED": 0,
        "TABLE_LOADING": 1,
        "TABLE_COMPLETED": 2,
        "TABLE_CHANGE_PROCESSING": 3,
        "TABLE_ERROR": 4,
    },
    "TableType": {"TABLE": 1, "VIEW": 2},
    "StandardLoadOrder": {
        "LOWEST": -2147483647,
        "LOWER": -5000,
        "LOW": -1000,
        "NORMAL": 0,
        "HIGH": 1000,
        "HIGHER": 5000,
        "HIGHEST": 2147483647,
    },
    "AuthenticationMethod": {"ACTIVE_DIRECTORY": 0},
}


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enumerations_have_the_documented_members_and_values(name: str) -> None:
    import aem_client

    cls = getattr(aem_client, name)
    assert issubclass(cls, Enum)
    for member, value in ENUMS[name].items():
        assert cls[member].value == value, member
        assert cls(value) is cls[member], member  # no member shadows another's value


def test_wire_spellings_of_enumerations() -> None:
    """The REST strings of 2.40/4.38, typos included, read as the chapter 4 members."""
    from aem_client import AemEndpointState, AemLicenseState, AemTaskState, AemTaskStopReason

    # Real servers and Qlik's newer client know more task states than the guide.
    for extra in ("NOT_EXIST", "PAUSED", "STARTING", "STOPPING"):
        assert AemTaskState.from_wire(extra) is AemTaskState[extra]
    assert len({m.value for m in AemTaskState}) == len(AemTaskState)
    assert AemTaskState.from_wire("RECOVERING") is AemTaskState.RECOVERY
    for wire, member in [
        ("LICENSE_VALID", AemLicenseState.VALID_LICENSE),
        ("LICENSE_INVALID_CHECKSUM", AemLicenseState.INVALID_LICENSE_CHECKSUM),
        ("LICENSE_EXPIRED_NO_LICENSE", AemLicenseState.EXPIRED_LICENSE),
        ("MACHINE_NOT_LICENSED", AemLicenseState.MACHINE_NOT_LICENSED),
    ]:
        assert AemLicenseState.from_wire(wire) is member
    assert AemTaskStopReason.from_wire("FATAL ERROR") is AemTaskStopReason.FATAL_ERROR
    assert AemTaskStopReason.from_wire("STOPPED AFTER DDL APPLY") is AemTaskStopReason.STOPPED_AFTER_DDL_APPLY
    assert AemTaskStopReason.from_wire("STOPPED_LOW_DISK") is AemTaskStopReason.STOPPED_LOW_DISK_SPACE
    assert AemEndpointState.from_wire("SUCCESS") is AemEndpointState.CONNECTED
    assert AemEndpointState.from_wire("FAILURE") is AemEndpointState.ERROR
    assert AemTaskState.from_wire(1) is AemTaskState.RUNNING


def test_unknown_enumeration_values_read_like_members() -> None:
    from aem_client import AemGetTaskListResp, AemTaskState, UnknownEnumValue

    t = AemGetTaskListResp('{"taskList": [{"name": "x", "state": "HIBERNATING", "stop_reason": 42}]}').taskList[0]
    assert t.state == "HIBERNATING" and isinstance(t.state, UnknownEnumValue)
    assert t.state.name == t.state.value == "HIBERNATING"  # scripts print `.name`
    assert t.state != AemTaskState.STOPPED
    assert t.stop_reason == 42  # an unknown number stays a number
    assert json.dumps({"s": t.state}) == '{"s": "HIBERNATING"}'


# No-argument constructors of the payload classes: Qlik's attributes and defaults.
PAYLOADS: Dict[str, Dict[str, Any]] = {
    "AemServer": {
        "name": None,
        "description": None,
        "host": None,
        "port": None,
        "username": None,
        "password": None,
        "monitored": True,
        "verify_server_certificate": False,
    },
    "AemReplicateServer": {"host": None, "name": None, "monitored": True, "verify_server_certificate": False},
    "AemComposeServer": {"host": None, "name": None, "monitored": True, "verify_server_certificate": False},
    "AemAuthorizationAcl": {
        "admin_role": None,
        "designer_role": None,
        "operator_role": None,
        "viewer_role": None,
        "disable_inheritance": False,
    },
    "AemRoleDef": {"users": [], "groups": []},
    "AemUserRef": {"name": None},
    "AemGroupRef": {"name": None},
    "AemRunTaskReq": {"cdcposition": None, "cdc_position": None},
    "TableSelectionDefinition": {"included_pattern": [], "excluded_pattern": [], "explicit_included_tables": []},
    "TableSelection": {"owner": None, "name": None, "load_order": 0, "table_type": "TABLE"},
    "AemDeleteOldChangeDataReq": {"timestamp_or_offset": None},
    "AemDeleteOldDataReq": {"timestamp_or_offset": None},
    "AemSetChangeDataRetentionBarrierReq": {"retention_point": None, "application": None},
    "AemCloneTaskReq": {"new_task_name": None, "clone_permissions": None, "new_target_schema": None},
}


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payload_classes_construct_without_arguments(name: str) -> None:
    import aem_client

    cls = getattr(aem_client, name)
    obj, other = cls(), cls()
    for attr, default in PAYLOADS[name].items():
        got = getattr(obj, attr)
        assert (got.name if isinstance(got, Enum) else got) == default, attr
        if isinstance(got, list):
            got.append("x")  # each object has its own lists
            assert getattr(other, attr) == [], attr


def test_payload_spellings_and_wire_form() -> None:
    from aem_client import (
        AemComposeServer,
        AemReplicateServer,
        AemRunTaskReq,
        StandardLoadOrder,
        TableSelection,
        TableSelectionDefinition,
        TableType,
    )

    req = AemRunTaskReq()
    req.cdc_position = "2017-03-07T11:19:03"  # 4.24's table spells it so
    assert req.cdcposition == "2017-03-07T11:19:03"
    assert req.to_dict() == {"cdcposition": "2017-03-07T11:19:03"}
    # 4.18's prose names (IncludedPattern, Owner, LoadOrder...) and its sample's alike.
    sel = TableSelectionDefinition()
    t = TableSelection()
    t.Owner, t.Name, t.LoadOrder, t.TableType = "dbo", "v%", StandardLoadOrder.HIGH, TableType.VIEW
    sel.IncludedPattern.append(t)
    assert sel.included_pattern[0].owner == "dbo"
    assert sel.to_dict() == {
        "included_pattern": [{"owner": "dbo", "name": "v%", "load_order": 1000, "table_type": "VIEW"}],
        "excluded_pattern": [],
        "explicit_included_tables": [],
    }
    assert AemReplicateServer().to_dict() == {
        "$type": "AemReplicateServer",
        "monitored": True,
        "verify_server_certificate": False,
        "type": "REPLICATE",
    }
    assert AemComposeServer().to_dict()["$type"] == "AemComposeServer"
    assert AemComposeServer().to_dict()["type"] == "COMPOSE"


# Every attribute chapter 4 documents for an answer, there even when the server left it out.
ANSWERS: Dict[str, List[str]] = {
    "AemGetServerDetailsResp": ["server_details", "serverDetails"],
    "AemServerDetails": [
        "configuration",
        "description",
        "last_connection",
        "license",
        "message",
        "name",
        "resource_utilization",
        "state",
        "aem_tasks_summary",
        "task_summary",
        "version",
    ],
    "Configuration": ["host", "platform", "port", "user_name"],
    "ApiLicense": ["days_to_expiration", "expiration", "issue_date", "state"],
    "AemServerUtilization": ["attunity_cpu_percentage", "disk_usage_mb", "machine_cpu_percentage", "memory_mb"],
    "TaskSummary": ["error", "recovering", "running", "stopped", "total"],
    "AemServer": [
        "host",
        "name",
        "description",
        "port",
        "username",
        "password",
        "verify_server_certificate",
        "monitored",
    ],
    "AemAuthorizationAcl": ["disable_inheritance", "admin_role", "designer_role", "operator_role", "viewer_role"],
    "AemRoleDef": ["groups", "users"],
    "AemGetServerListResp": ["serverList"],
    "AemServerInfo": [
        "description",
        "host",
        "last_connection",
        "message",
        "name",
        "platform",
        "port",
        "state",
        "version",
    ],
    "AemGetTaskListResp": ["taskList"],
    "AemTaskInfo": ["name", "state", "stop_reason", "message", "assigned_tags"],
    "AemTaskInfoDetailed": [
        "task",
        "type",
        "name",
        "description",
        "cdc_event_counters",
        "cdc_latency",
        "cdc_throughput",
        "cdc_transactions_counters",
        "full_load_completed",
        "full_load_counters",
        "full_load_end",
        "full_load_start",
        "full_load_throughput",
        "memory_mb",
        "cpu_percentage",
        "disk_usage_mb",
        "data_error_count",
        "options",
        "profile",
        "source_endpoint",
        "target_endpoint",
        "state",
        "task_stop_reason",
        "log_stream_staging",
        "assigned_tags",
        "message",
    ],
    "AemComposeDWTaskInfoDetailed": [
        "type",
        "project",
        "profile",
        "name",
        "description",
        "state",
        "message",
        "options",
        "source_endpoint",
        "target_endpoint",
        "loading_completed",
        "loading_start",
        "loading_end",
        "loading_counters",
        "assigned_tags",
    ],
    "AemTaskCdcEventCounters": [
        "applied_ddl_count",
        "applied_delete_count",
        "applied_insert_count",
        "applied_update_count",
    ],
    "AemCdcLatency": ["source_latency", "total_latency"],
    "AemCdcThroughput": [
        "source_throughput_records_count",
        "source_throughput_volume",
        "target_throughput_records_count",
        "target_throughput_volume",
    ],
    "AemCdcThroughputItem": ["current"],
    "AemCdcTransactionsCounters": [
        "applied_committed_transaction_count",
        "applied_comitted_transaction_count",
        "applied_records_committed_count",
        "applied_records_comitted_count",
        "applied_records_in_progress_count",
        "applied_transactions_in_progress_count",
        "applied_volume_comitted_mb",
        "applied_volume_committed_mb",
        "commit_change_records_count",
        "incoming_accumulated_changes_on_disk_count",
        "incoming_accumulated_changes_in_memory_count",
        "incoming_applying_changes_in_memory_count",
        "incoming_applying_changes_on_disk_count",
        "rollback_change_records_count",
        "rollback_change_volume_mb",
        "rollback_transaction_count",
    ],
    "AemTaskFullLoadCounters": [
        "estimated_records_for_all_tables_count",
        "records_completed_count",
        "tables_completed_count",
        "tables_loading_count",
        "tables_queued_count",
        "tables_with_error_count",
        "tables_total_count",
        "commands_total_count",
        "commands_completed_count",
    ],
    "AemFullLoadThroughput": [
        "source_throughput_records_count",
        "source_throughput_volume",
        "target_throughput_records_count",
        "target_throughput_volume",
    ],
    "AemCommonSettings": [
        "apply_changes_enabled",
        "audit_changes_enabled",
        "full_load_enabled",
        "store_changes_enabled",
    ],
    "TaskEndpoint": ["name", "type"],
    "AemGetTableListResp": ["tablelist", "TableList"],
    "AemTableInfo": ["schema", "table", "state"],
    "TableSelectionDefinition": ["included_pattern", "excluded_pattern", "explicit_included_tables"],
    "AemGetTableStatusesResp": ["table_details", "TableDetails"],
    "AemTableDetails": [
        "schema_on_source",
        "table_on_source",
        "schema_on_target",
        "table_on_target",
        "state",
        "data_errors_count",
        "table_full_load_info",
        "table_cdc_info",
    ],
    "AemTableFullLoadInfo": [
        "start_time",
        "end_time",
        "estimated_row_count",
        "estimated_end_time",
        "transferred_row_count",
        "transferred_volume_mb",
    ],
    "AemTableCdcInfo": [
        "insert_count",
        "update_count",
        "delete_count",
        "ddl_count",
        "last_update_time",
        "cached_insert_count",
        "cached_update_count",
        "cached_delete_count",
    ],
    "AemRunTaskResp": ["error_message", "state"],
    "AemStopTaskResp": ["state", "error_message"],
    "AemGetEndpointListResp": ["endpointList"],
    "Endpoint": ["description", "isLicensed", "is_licensed", "name", "role", "type"],
    "AemTestEndpointResp": ["status", "message", "detailed_message"],
    "AemGetChangeDataRetentionBarrierResp": ["application", "retention_point"],
}


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_answers_have_every_documented_attribute(name: str) -> None:
    import aem_client

    obj = getattr(aem_client, name)('{"a_field_from_a_newer_server": [1]}')
    for attr in ANSWERS[name]:
        assert hasattr(obj, attr), attr
    assert obj.a_field_from_a_newer_server == [1]


def test_absent_and_null_answer_fields() -> None:
    from aem_client import AemAuthorizationAcl, AemGetServerDetailsResp, AemRoleDef, AemUserRef

    # A role the server sent as null (or not at all) is an empty role to fill in, as with
    # Qlik's client (4.10: get the ACL, edit the roles, put it back).
    acl = AemAuthorizationAcl('{"admin_role": {"users": [{"name": "D\\\\a"}]}, "viewer_role": null}')
    assert isinstance(acl.viewer_role, AemRoleDef) and acl.viewer_role.users == []
    assert acl.operator_role.groups == []
    u = AemUserRef()
    u.name = "D\\v"
    acl.viewer_role.users.append(u)
    assert acl.to_dict()["viewer_role"] == {"users": [{"name": "D\\v"}], "groups": []}
    # Scalars left out are None, not a made-up value; numbers sent as strings are numbers.
    d = AemGetServerDetailsResp(
        '{"server_details": {"$type": "ComposeServerDetails", "license": null, '
        '"configuration": {"username": "svc"}, "resource_utilization": {"memory_mb": "-1"}}}'
    ).server_details
    assert type(d).__name__ == "ComposeServerDetails"
    assert d.license.state is None and d.license.expiration is None
    assert d.configuration.user_name == d.configuration.username == "svc"
    assert d.resource_utilization.memory_mb == -1
    assert d.task_summary is d.aem_tasks_summary and d.task_summary.total is None
    assert d.state is None and d.version is None


def test_task_details_read_flat_or_wrapped() -> None:
    """4.15 reads ``resp.task``; real servers send the details flat, the guide wraps them."""
    from aem_client import AemComposeDLTaskInfoDetailed, AemGetTaskDetailsResp, AemTaskState

    flat = AemGetTaskDetailsResp('{"name": "t", "state": "RECOVERING", "task_stop_reason": "NORMAL"}')
    assert flat.task is flat and flat.task.state == AemTaskState.RECOVERY
    wrapped = AemGetTaskDetailsResp('{"task": {"type": "AemComposeDLTaskInfoDetailed", "name": "w__p"}}')
    assert type(wrapped.task) is AemComposeDLTaskInfoDetailed and wrapped.task.name == "w__p"
    assert wrapped.task.loading_counters.tables_total_count is None


def test_repr_is_useful_and_hides_secrets() -> None:
    from aem_client import AemGetServerDetailsResp, AemReplicateServer

    s = AemReplicateServer()
    s.name, s.host, s.password = "Rep", "rep.example.net", "hunter2-secret"
    text = repr(s)
    assert "hunter2-secret" not in text and "password='***'" in text
    assert "name='Rep'" in text and "host='rep.example.net'" in text
    r = repr(AemGetServerDetailsResp('{"server_details": {"name": "X"}}'))
    assert r.count("name='X'") == 1  # both spellings of a field are one value, shown once


# ---------------------------------------------------------------- the guide's samples


def _world(mock: Any) -> Dict[str, Any]:
    """The default world with the guide's names: server1, task1, my_s3_endpoint; exports
    begin with the `//` comment line real servers write."""
    ctx = ssl.create_default_context(cafile=mock.cert)
    with urllib.request.urlopen(mock.root + "/mock/state", context=ctx, timeout=30) as resp:
        state = json.loads(resp.read())
    srv = dict(state["servers"][0])
    srv["name"] = "server1"
    srv["tasks"] = [dict(srv["tasks"][0], name="task1")]
    srv["endpoints"] = list(srv["endpoints"]) + [
        {
            "name": "my_s3_endpoint",
            "role": "TARGET",
            "type": "Amazon S3",
            "is_licensed": True,
            "description": "",
            "db_settings": {"$type": "AmazonS3Settings", "bucketName": "my_old_bucket"},
        }
    ]
    state["servers"] = [srv, state["servers"][0]]
    state["settings"] = dict(state.get("settings") or {}, export_comment="Host name: qem-mock, Time: 2024-11-01")
    return state


def test_4_2_login_samples(fresh: Any) -> None:
    """4.2: the three credential recipes and the constructor call, as written."""
    import base64 as b64

    from aem_client import AemClient, AemClientException, AuthenticationMethod

    machine_name = "{0}:{1}".format(fresh.host, fresh.port)  # the mock's port is not 443
    domain, username, password = "QEM", "admin", "admin-pass"

    # For authentication using Active Directory:
    domain_username = "{0}\\{1}".format(domain, username)
    username_password_str = str.encode("{0}:{1}".format(domain_username, password))
    b64_username_password = b64.b64encode(username_password_str).decode("ascii")
    aem_client = AemClient(b64_username_password, machine_name, verify_certificate=False)
    assert aem_client.get_server_list().serverList[0].name == SERVER
    assert json.loads(aem_client.export_task(SERVER, TASK))["cmd.replication_definition"]["tasks"]
    aem_client.close()

    # For authentication using OpenID Connect (a personal access token):
    your_personal_access_token = "pat-admin-123"
    username_password_str = str.encode("{0}:{1}".format("api-token", your_personal_access_token))
    b64_username_password = b64.b64encode(username_password_str).decode("ascii")
    with AemClient(
        b64_username_password,
        fresh.host,
        port=fresh.port,
        verify_certificate=False,
        authentication_method=AuthenticationMethod.ACTIVE_DIRECTORY,
    ) as c:
        assert c.get_task_list(SERVER).taskList[0].name == TASK

    # For authentication using a JWT:
    your_jwt = "eyJ.admin.jwt"
    username_password_str = str.encode("{0}:{1}".format("jwt", your_jwt))
    b64_username_password = b64.b64encode(username_password_str).decode("ascii")
    url = "https://{0}/attunityenterprisemanager"
    with AemClient(b64_username_password, fresh.host, fresh.port, url, False) as c:
        assert c.url == "https://{0}:{1}/attunityenterprisemanager".format(fresh.host, fresh.port)
        assert "AemClient(url=" in repr(c) and "jwt" not in repr(c)

    # A URL without {0} is used as it is; a wrong password fails in the constructor.
    fixed = "https://{0}:{1}/attunityenterprisemanager".format(fresh.host, fresh.port)
    with AemClient(b64_username_password, "ignored", url=fixed, verify_certificate=False) as c:
        assert c.get_server_list().serverList
    wrong = b64.b64encode(b"QEM\\admin:wrong").decode("ascii")
    with pytest.raises(AemClientException) as info:
        AemClient(wrong, machine_name, verify_certificate=False)
    assert info.value.error_code == "UNAUTHORIZED_REQUEST" and info.value.message
    # SAML, as Qlik's newer client: the first argument is the SAML message, posted as the
    # login body with no Authorization header.
    saml_xml = (
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" '
        'xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"><saml:Assertion><saml:Subject>'
        "<saml:NameID>samluser@qem.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>"
    )
    saml_message = b64.b64encode(saml_xml.encode()).decode("ascii")
    fresh.control("DELETE", "requests")
    with AemClient(
        saml_message, fresh.host, fresh.port, verify_certificate=False, authentication_method=AuthenticationMethod.SAML
    ) as c:
        assert c.get_task_list(SERVER).taskList[0].name == TASK
        assert saml_message not in repr(c)
    login = [r for r in fresh.control("GET", "requests") if r["operation"] == "login"][0]
    assert login["method"] == "POST" and login["body_len"] == len(saml_message)
    assert not [h for h in login["headers"] if h[0].lower() == "authorization"]
    with pytest.raises(AemClientException) as info:
        AemClient(
            b64_username_password,
            machine_name,
            verify_certificate=False,
            authentication_method=AuthenticationMethod.SAML,
        )
    assert info.value.error_code == "UNAUTHORIZED_REQUEST"


class _Sample:
    """The 4.18 sample calls ``self.aem_client``: it lives in a method of a class."""

    def __init__(self, aem_client: Any) -> None:
        self.aem_client = aem_client

    def put_selection(self) -> None:
        from aem_client import StandardLoadOrder, TableSelection, TableSelectionDefinition, TableType

        # 4.18 "Example payload", as printed (the 'schemal' typo included).
        table_selection_definition = TableSelectionDefinition()
        table = TableSelection()
        table.owner = "schema%"
        table.name = "ab%yz%"
        table.load_order = StandardLoadOrder.LOWER.value
        table_selection_definition.included_pattern.append(table)

        table = TableSelection()
        table.owner = "schema3"
        table.name = "abcd%"
        table_selection_definition.excluded_pattern.append(table)

        table = TableSelection()
        table.owner = "schema1"
        table.name = "tbl1"
        table_selection_definition.explicit_included_tables.append(table)

        table = TableSelection()
        table.owner = "schemal"
        table.name = "view1"
        table.load_order = StandardLoadOrder.HIGH.value
        table.table_type = TableType.VIEW
        table_selection_definition.explicit_included_tables.append(table)

        self.aem_client.put_task_table_selection(table_selection_definition, "server1", "task1")


def test_chapter_4_samples_against_the_mock(fresh: Any) -> None:
    import base64 as b64

    from aem_client import (
        AemClient,
        AemDeleteOldChangeDataReq,
        AemRunTaskOptions,
        AemRunTaskReq,
        AemSetChangeDataRetentionBarrierReq,
        AemTableState,
        AemTaskState,
        TableType,
    )

    fresh.control("PUT", "state", _world(fresh))
    b64_username_password = b64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    aem_client = AemClient(b64_username_password, fresh.host, port=fresh.port, verify_certificate=False)

    _Sample(aem_client).put_selection()  # 4.18
    sel = aem_client.get_task_table_selection("server1", "task1")  # 4.17
    assert [t.name for t in sel.explicit_included_tables] == ["tbl1", "view1"]
    assert sel.explicit_included_tables[1].table_type == TableType.VIEW
    assert sel.explicit_included_tables[1].load_order == 1000
    assert sel.included_pattern[0].load_order == -5000 and sel.excluded_pattern[0].name == "abcd%"

    # 4.24, "Inline Format" of RESUME_PROCESSING_FROM_TIMESTAMP: the payload as JSON text.
    run = aem_client.run_task(
        '{"cdcposition":"2017-03-07T11:19:03"}', "server1", "task1", AemRunTaskOptions.RESUME_PROCESSING_FROM_TIMESTAMP
    )
    assert run.state == AemTaskState.RUNNING
    assert aem_client.stop_task("server1", "task1").state == AemTaskState.STOPPED
    # ... and as the payload class (4.24's "cdc_position" attribute).
    req = AemRunTaskReq()
    req.cdcposition = "15000000040000037"
    run = aem_client.run_task(req, "server1", "task1", AemRunTaskOptions.RESUME_PROCESSING_FROM_POSITION, 30)
    assert run.state == AemTaskState.RUNNING and run.error_message == ""

    # 4.27 "Patch Payload Example".
    aem_client.patch_endpoint(
        '[\n  { "op": "replace", "path": "/db_settings/bucketName",\n    "value": "my_new_bucket" }\n]',
        "server1",
        "my_s3_endpoint",
    )
    doc = json.loads(aem_client.export_all("server1").decode("utf-8").split("\n", 1)[1])
    s3 = [d for d in doc["cmd.replication_definition"]["databases"] if d["name"] == "my_s3_endpoint"]
    assert s3[0]["db_settings"]["bucketName"] == "my_new_bucket"

    # 4.35: an ISO 8601 duration and a timestamp; 4.36 - 4.37: set, read, remove a barrier.
    payload = AemDeleteOldChangeDataReq()
    payload.timestamp_or_offset = "P1M3DT1H2M"
    aem_client.delete_old_change_data(payload, "server1", "task1")
    payload.timestamp_or_offset = "2020-06-30T16:15:00Z"
    aem_client.delete_old_data(payload, "server1", "task1")
    barrier = AemSetChangeDataRetentionBarrierReq()
    barrier.retention_point = "2020-06-30T16:15:00Z"
    barrier.application = "Compose"
    aem_client.set_change_data_retention_barrier(barrier, "server1", "task1")
    got = aem_client.get_change_data_retention_barrier("server1", "task1")
    assert (got.application, got.retention_point) == ("Compose", "2020-06-30T16:15:00Z")
    barrier.retention_point = ""
    aem_client.setChangeDataRetentionBarrier(barrier, "server1", "task1")

    # 4.19 with the guide's table spelling of a flag; 4.16's answer under both names.
    statuses = aem_client.get_table_statuses("server1", "task1", includechangeProcessing=True, includecompleted=True)
    assert statuses.table_details and statuses.TableDetails is statuses.table_details
    assert all(isinstance(t.state, AemTableState) for t in statuses.table_details)
    tables = aem_client.get_table_list("server1", "task1", "SALES", "ORD%")
    assert tables.tablelist[0].schema == "SALES"

    # 4.34: `status` although the REST answer says `requeststate`/`state`.
    from aem_client import AemEndpointState

    assert aem_client.test_endpoint("server1", "Oracle Source").status == AemEndpointState.CONNECTED
    aem_client.clone_task("task1_copy", "server1", "task1")
    assert [t.name for t in aem_client.get_task_list("server1").taskList] == ["task1", "task1_copy"]
    aem_client.close()


# A script in the style of the sample Qlik ships with its client (4.2: "a code sample and a
# readme ... in the clients/python folder"): it imports nothing but `aem_client` and uses
# `base64` and `json` from its star import, reads `$type`, prints enumerations by `.name`,
# decodes the export it gets back and drops its first (comment) line.
QLIK_STYLE_SCRIPT = r"""
from aem_client import *

def get_b64_user_pass(username, password):
    username_password_str = str.encode('{0}:{1}'.format(username, password))
    return base64.b64encode(username_password_str).decode('ascii')

aem_client = AemClient(get_b64_user_pass('QEM\\admin', 'admin-pass'), MACHINE_NAME, verify_certificate=False)

for server in aem_client.get_server_list().serverList:
    LOG.append('[{0}, {1}, {2}, {3}, {4}]'.format(
        server.name, getattr(server, '$type'), server.version, server.state.name, server.message))

name = 'Replicate Server1'
try:
    aem_client.get_server(name)
except AemClientException as ex:
    if ex.error_code != 'AEM_SERVER_NOT_FOUND':
        raise
    replicate_server = AemReplicateServer()
    replicate_server.name = name
    replicate_server.host = 'rep9.example.net'
    replicate_server.port = 443
    replicate_server.username = 'administrator'
    replicate_server.password = 'password'
    replicate_server.description = None
    replicate_server.monitored = True
    aem_client.put_server(replicate_server, replicate_server.name)
aem_client.put_server_license('expiration_date=2031-01-01', name)

details = aem_client.get_server_details(name).server_details
LOG.append('{0} {1} {2} {3} {4} {5}'.format(
    details.name, getattr(details, '$type'), details.configuration.host, details.state.name,
    details.task_summary.total, details.resource_utilization.machine_cpu_percentage))
LOG.append('license {0} {1}'.format(details.license.state.name, details.license.expiration))

acl = AemAuthorizationAcl()
acl.admin_role = AemRoleDef()
admin = AemUserRef()
admin.name = 'QEM\\admin'
acl.admin_role.users.append(admin)
acl.viewer_role = AemRoleDef()
for viewer in ['QEM\\viewer1', 'QEM\\viewer2']:
    aem_viewer = AemUserRef()
    aem_viewer.name = viewer
    acl.viewer_role.users.append(aem_viewer)
group = AemGroupRef()
group.name = 'QEM\\group_basic_001'
acl.viewer_role.groups.append(group)
aem_client.put_server_acl(acl, name)
resp = aem_client.get_server_acl(name)
for key in resp.__dict__:
    item = resp.__dict__[key]
    if hasattr(item, 'users'):
        for inner in getattr(item, 'users'):
            LOG.append('user {0}: {1}'.format(inner.name, key))
        for inner in getattr(item, 'groups'):
            LOG.append('group {0}: {1}'.format(inner.name, key))
LOG.append('inherit {0}'.format(not resp.disable_inheritance))

for task in aem_client.get_task_list('server1').taskList:
    LOG.append('[{0}, {1}, {2}]'.format(task.name, task.state.name, task.stop_reason.name))

resp_stream = aem_client.export_task('server1', 'task1', True)
strings = resp_stream.decode('utf-8').splitlines(True)
strings.pop(0)  # the ".net like remark" line
json_data = json.loads(''.join(strings), object_pairs_hook=OrderedDict)
json_data['cmd.replication_definition']['tasks'][0]['task']['name'] = 'task1_production'
json_data['cmd.replication_definition']['databases'][0]['db_settings']['password'] = 'source-new-password'
aem_client.import_task(json.dumps(json_data), SERVER, 'task1_production')

details = aem_client.get_task_details(SERVER, 'task1_production').task
aem_client.run_task(AemRunTaskReq(), SERVER, 'task1_production', AemRunTaskOptions.RESUME_PROCESSING)
details = aem_client.get_task_details(SERVER, 'task1_production').task
LOG.append('state {0} errors {1} throughput {2} latency {3} stop {4}'.format(
    details.state.name, details.full_load_counters.tables_with_error_count,
    details.full_load_throughput.target_throughput_records_count, details.cdc_latency.total_latency,
    details.task_stop_reason.name if details.task_stop_reason else None))
for task in aem_client.get_task_list(SERVER).taskList:
    if task.name == 'task1_production' and task.state == AemTaskState.RUNNING:
        aem_client.stop_task(SERVER, task.name)
"""


def test_a_script_written_for_qliks_client_runs_unmodified(fresh: Any) -> None:
    fresh.control("PUT", "state", _world(fresh))
    log: List[str] = []
    namespace = {"MACHINE_NAME": "{0}:{1}".format(fresh.host, fresh.port), "SERVER": SERVER, "LOG": log}
    exec(compile(QLIK_STYLE_SCRIPT, "qlik_style_script.py", "exec"), namespace)
    assert log[0] == "[server1, ReplicateServerInfo, 2024.11.0.177, MONITORED, ]"
    assert log[2].startswith("Replicate Server1 ReplicateServerDetails rep9.example.net MONITORED 0 ")
    assert log[3] == "license VALID_LICENSE 2031-01-01"
    assert "user QEM\\admin: admin_role" in log and "group QEM\\group_basic_001: viewer_role" in log
    assert "user QEM\\viewer2: viewer_role" in log and "inherit True" in log
    assert "[task1, STOPPED, NORMAL]" in log
    assert log[-1].startswith("state RUNNING errors 0 ")
    with fresh.client() as c:
        tasks = {t["name"]: t["state"] for t in c.call("get_task_list", {"server": SERVER})["taskList"]}
    assert tasks["task1_production"] in ("STOPPING", "STOPPED")


# ---------------------------------------------------------------- typing and documentation

_STDLIB_REEXPORTS = {
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
}


def _stub_all(module: Any) -> List[str]:
    import ast
    from pathlib import Path

    path = Path(module.__file__)
    stub = path.with_suffix(".pyi")
    tree = ast.parse(stub.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return list(ast.literal_eval(node.value))
    raise AssertionError("no __all__ in " + str(stub))


def test_public_names_have_stubs_and_docstrings() -> None:
    import enum
    from pathlib import Path

    import aem_client
    import qem._client
    import qem.errors
    import qem.models

    for mod in (aem_client, qem, qem.models, qem.errors, qem._client):
        assert set(_stub_all(mod)) == set(mod.__all__), mod.__name__
        assert (Path(mod.__file__).parent / "py.typed").exists(), mod.__name__
        for name in mod.__all__:
            obj = getattr(mod, name)
            if mod is aem_client and name in _STDLIB_REEXPORTS:
                continue
            assert (obj.__doc__ or "").strip(), "{0}.{1}".format(mod.__name__, name)
            if not inspect.isclass(obj):
                continue
            for k in dir(obj):
                if k.startswith("_"):
                    continue
                owner = next(c for c in obj.__mro__ if k in vars(c))
                if owner in (object, str, dict, Exception, BaseException, enum.Enum):
                    continue
                v = vars(owner)[k]
                f = v.__func__ if isinstance(v, (staticmethod, classmethod)) else v
                if callable(f) or isinstance(f, property):
                    assert (f.__doc__ or "").strip(), "{0}.{1}.{2}".format(mod.__name__, name, k)
    # Chapter 4's methods say which section they are, and what they answer.
    for name, _params in CHAPTER_4[:-1]:
        doc = getattr(aem_client.AemClient, name).__doc__
        assert "(4." in doc, name


def test_exception_class_as_4_4_describes(fresh: Any) -> None:
    import base64 as b64
    import builtins

    import aem_client
    from aem_client import AemClient, AemClientException

    # The class, its fields and Qlik's constructor (error_code, error_message).
    assert issubclass(AemClientException, Exception)
    e = AemClientException("AEM_TASK_NOT_FOUND", "Replication task t on server s could not be found.")
    assert (e.error_code, e.message, e.args) == ("AEM_TASK_NOT_FOUND", e.message, ("AEM_TASK_NOT_FOUND", e.message))
    assert AemClientException(error_code="X", error_message="y").message == "y"
    # The categories, reachable from aem_client too; a star import keeps the built-ins.
    ns: Dict[str, Any] = {}
    exec("from aem_client import *", ns)
    assert "ConnectionError" not in ns and "TimeoutError" not in ns
    for name in ("SessionError", "NotFoundError", "ConnectionError", "TimeoutError", "InvalidArgumentError"):
        assert issubclass(getattr(aem_client, name), AemClientException), name
    assert issubclass(aem_client.TimeoutError, builtins.TimeoutError)
    assert issubclass(aem_client.ConnectionError, builtins.ConnectionError)

    state = json.loads(json.dumps(_world(fresh)))
    state["settings"]["force_errors"] = {"get_server_acl": "INVALID_SESSION_ID"}
    fresh.control("PUT", "state", state)
    token = b64.b64encode(b"QEM\\admin:admin-pass").decode("ascii")
    with AemClient(token, fresh.host, port=fresh.port, verify_certificate=False) as c:
        with pytest.raises(aem_client.NotFoundError) as nf:
            c.get_task_details("server1", "no such task")
        assert (nf.value.error_code, nf.value.http_status) == ("AEM_TASK_NOT_FOUND", 500)
        assert "no such task" in nf.value.message
        with pytest.raises(aem_client.SessionError) as se:
            c.get_server_acl("server1")  # renewed once, still refused
        assert se.value.error_code == "INVALID_SESSION_ID" and se.value.http_status == 440
        with pytest.raises(aem_client.InvalidArgumentError) as ia:
            c.get_task_details("", "task1")
        assert ia.value.error_code == "INVALID_ARGUMENT" and ia.value.http_status is None
    with pytest.raises(aem_client.ConnectionError) as ce:
        AemClient(token, "127.0.0.1", port=9, verify_certificate=False, connect_timeout=2)
    assert ce.value.error_code == "CONNECTION_ERROR" and ce.value.http_status is None
    fresh.control("PUT", "faults", {"latency_ms": 2000})
    try:
        with pytest.raises(builtins.TimeoutError) as te:
            AemClient(
                token, fresh.host, port=fresh.port, verify_certificate=False, connect_timeout=0.3, read_timeout=0.3
            )
        assert isinstance(te.value, aem_client.TimeoutError) and te.value.error_code == "TIMEOUT"
    finally:
        fresh.control("PUT", "faults", {"latency_ms": 0})
