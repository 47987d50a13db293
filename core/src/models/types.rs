//! The request and answer bodies of chapter 2, field names as on the wire. Each field
//! means what the guide's table for that method says; fields are optional because
//! servers omit them and later releases change them.
#![allow(missing_docs)]

use super::{EndpointRole, EndpointStatus, EndpointTestState, Latency, LicenseState, PatchOp};
use super::{Platform, ServerState, TableState, TableType, TaskState, TaskStopReason};
use serde::{Deserialize, Serialize};
use serde_json::Value;

// ---- servers (2.8 - 2.15) ----

model! {
    /// One server of GetServerList (2.13).
    ServerInfo {
        #[serde(rename = "$type")] type_name: String,
        /// REPLICATE, COMPOSE, COMPOSE_FDL, COMPOSE_FDW: real servers send it, the guide does not show it.
        #[serde(rename = "type")] server_type: String,
        name: String,
        description: String,
        host: String,
        port: String,
        state: ServerState,
        message: String,
        platform: Platform,
        version: String,
        last_connection: String,
    }
}

model! {
    /// GetServerList answer (2.13).
    ServerList {
        ; list
        #[serde(rename = "serverList")] server_list: ServerInfo,
    }
}

model! {
    /// Connection properties inside server details (2.8).
    ServerConfiguration {
        host: String,
        platform: Platform,
        port: String,
        #[serde(alias = "user_name")] username: String,
    }
}

model! {
    /// License of a server (2.8).
    License {
        issue_date: String,
        state: LicenseState,
        expiration: String,
        /// Sent as a string ("30") by real servers.
        days_to_expiration: i64,
    }
}

model! {
    /// Task counts of a server (2.8).
    TaskSummary { total: i64, running: i64, stopped: i64, recovering: i64, error: i64 }
}

model! {
    /// Resource use of a server; -1 means not available (2.8).
    ResourceUtilization { disk_usage_mb: i64, memory_mb: i64, attunity_cpu_percentage: i64, machine_cpu_percentage: i64 }
}

model! {
    /// Details of a server (2.8).
    ServerDetails {
        #[serde(rename = "$type")] type_name: String,
        #[serde(rename = "type")] server_type: String,
        name: String,
        description: String,
        configuration: ServerConfiguration,
        state: ServerState,
        message: String,
        version: String,
        license: License,
        last_connection: String,
        task_summary: TaskSummary,
        resource_utilization: ResourceUtilization,
    }
}

model! {
    /// GetServerDetails answer: the guide wraps it in `serverDetails`, Qlik's client reads `server_details`.
    ServerDetailsResponse {
        #[serde(alias = "serverDetails")] server_details: ServerDetails,
    }
}

model! {
    /// A server definition: PutServer's body and GetServer's answer (2.9, 2.11).
    /// `$type` is `AemReplicateServer` or `AemComposeServer`.
    ServerDefinition {
        #[serde(rename = "$type")] type_name: String,
        name: String,
        description: String,
        host: String,
        port: String,
        username: String,
        /// GetServer answers a session-bound `{S:guid}` that PutServer accepts back in the same session.
        password: String,
        verify_server_certificate: bool,
        monitored: bool,
    }
}

model! {
    /// A user named in an ACL role.
    UserRef { name: String }
}

model! {
    /// A group named in an ACL role.
    GroupRef { name: String }
}

model! {
    /// The users and groups of one role (2.10).
    RoleDef {
        ; list
        users: UserRef,
        groups: GroupRef,
    }
}

model! {
    /// A server's explicit ACL: PutServerAcl's body and GetServerAcl's answer (2.10, 2.12).
    AuthorizationAcl {
        admin_role: RoleDef,
        designer_role: RoleDef,
        operator_role: RoleDef,
        viewer_role: RoleDef,
        disable_inheritance: bool,
    }
}

// ---- tasks (2.16, 2.17, 2.26, 2.27) ----

model! {
    /// One task of GetTaskList (2.16).
    TaskInfo {
        name: String,
        state: TaskState,
        stop_reason: TaskStopReason,
        message: String,
        ; list
        assigned_tags: String,
    }
}

model! {
    /// GetTaskList answer (2.16).
    TaskList {
        ; list
        #[serde(rename = "taskList")] task_list: TaskInfo,
    }
}

model! {
    /// A task's source or target endpoint (2.17).
    EndpointRef {
        name: String,
        #[serde(rename = "type")] endpoint_type: String,
        state: EndpointStatus,
    }
}

model! {
    /// Changes applied so far (2.17).
    CdcEventCounters { applied_insert_count: i64, applied_update_count: i64, applied_delete_count: i64, applied_ddl_count: i64 }
}

model! {
    /// Full load progress (2.17).
    FullLoadCounters {
        tables_completed_count: i64,
        tables_loading_count: i64,
        tables_queued_count: i64,
        tables_with_error_count: i64,
        records_completed_count: i64,
        estimated_records_for_all_tables_count: i64,
    }
}

model! {
    /// Full load throughput (2.17).
    FullLoadThroughput {
        source_throughput_records_count: i64,
        source_throughput_volume: i64,
        target_throughput_records_count: i64,
        target_throughput_volume: i64,
    }
}

model! {
    /// One change-processing throughput figure (2.17).
    ThroughputValue { current: i64 }
}

model! {
    /// Change-processing throughput (2.17).
    CdcThroughput {
        source_throughput_records_count: ThroughputValue,
        source_throughput_volume: ThroughputValue,
        target_throughput_records_count: ThroughputValue,
        target_throughput_volume: ThroughputValue,
    }
}

model! {
    /// Transaction counters (2.17); real servers spell `comitted`, the guide's table `committed`: both are read.
    CdcTransactionCounters {
        commit_change_records_count: i64,
        rollback_transaction_count: i64,
        rollback_change_records_count: i64,
        rollback_change_volume_mb: i64,
        applied_transactions_in_progress_count: i64,
        applied_records_in_progress_count: i64,
        #[serde(alias = "applied_comitted_transaction_count")] applied_committed_transaction_count: i64,
        #[serde(alias = "applied_records_comitted_count")] applied_records_committed_count: i64,
        #[serde(alias = "applied_volume_comitted_mb")] applied_volume_committed_mb: i64,
        incoming_accumulated_changes_in_memory_count: i64,
        incoming_accumulated_changes_on_disk_count: i64,
        incoming_applying_changes_in_memory_count: i64,
        incoming_applying_changes_on_disk_count: i64,
    }
}

model! {
    /// Latencies as `"HH:MM:SS"` (2.17); see [`Latency::as_duration`].
    CdcLatency { source_latency: Latency, total_latency: Latency }
}

model! {
    /// Replication options of a task (2.40 Task options).
    TaskOptions { full_load_enabled: bool, apply_changes_enabled: bool, store_changes_enabled: bool, audit_changes_enabled: bool }
}

model! {
    /// GetTaskDetails answer for a Replicate or Compose task (2.17). Answers wrapped in
    /// `{"task": {...}}` are unwrapped by the operation table.
    TaskDetails {
        #[serde(rename = "type")] task_type: String,
        name: String,
        description: String,
        state: TaskState,
        message: String,
        source_endpoint: EndpointRef,
        target_endpoint: EndpointRef,
        cdc_event_counters: CdcEventCounters,
        full_load_counters: FullLoadCounters,
        full_load_completed: bool,
        full_load_start: String,
        full_load_end: String,
        full_load_throughput: FullLoadThroughput,
        cdc_throughput: CdcThroughput,
        #[serde(alias = "cdc_transaction_counters")] cdc_transactions_counters: CdcTransactionCounters,
        cdc_latency: CdcLatency,
        profile: String,
        #[serde(alias = "stop_reason")] task_stop_reason: TaskStopReason,
        memory_mb: i64,
        cpu_percentage: i64,
        disk_usage_mb: i64,
        data_error_count: i64,
        options: TaskOptions,
        log_stream_staging: String,
        /// Compose tasks' loading counters (2.17), kept as sent.
        loading_counters: Value,
        ; list
        assigned_tags: String,
    }
}

model! {
    /// RunTask and StopTask answer (2.26, 2.27).
    TaskActionResponse { state: TaskState, error_message: String }
}

/// CloneTask's body (qem-clone-task).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CloneTaskRequest {
    /// Clone the task's permissions too (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clone_permissions: Option<bool>,
    /// The new task's name (required).
    pub new_task_name: String,
    /// Display name of an existing source endpoint of the same type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_source_endpoint: Option<String>,
    /// Display name of an existing target endpoint of the same type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_target_endpoint: Option<String>,
    /// Schema of the control tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_schema: Option<String>,
    /// Schema of the target tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_target_schema: Option<String>,
    /// Tablespace of the control tables (Oracle targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_table_tablespace: Option<String>,
    /// Tablespace of the control table indexes (Oracle targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_index_tablespace: Option<String>,
}

// ---- tables (2.18 - 2.21) ----

/// The query filters of GetTableList and GetTableStatuses (2.18, 2.21): `%` and `_`
/// patterns on schema and table; a flag set to false has no effect, none set means all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableFilter {
    /// Schema name or LIKE pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Table name or LIKE pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Include queued tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includequeued: Option<bool>,
    /// Include loading tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includeloading: Option<bool>,
    /// Include completed tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includecompleted: Option<bool>,
    /// Include tables in change processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includechangeprocessing: Option<bool>,
    /// Include tables in error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub includeerror: Option<bool>,
}

model! {
    /// One table of GetTableList (2.18).
    TableRef { schema: String, table: String, state: TableState }
}

model! {
    /// GetTableList answer (2.18).
    TableList {
        ; list
        tablelist: TableRef,
    }
}

model! {
    /// Full load figures of a table (2.21).
    TableFullLoadInfo {
        start_time: String,
        end_time: String,
        estimated_row_count: i64,
        estimated_end_time: String,
        transferred_row_count: i64,
        transferred_volume_mb: i64,
    }
}

model! {
    /// Change-processing figures of a table (2.21).
    TableCdcInfo {
        insert_count: i64,
        update_count: i64,
        delete_count: i64,
        ddl_count: i64,
        last_update_time: String,
        cached_insert_count: i64,
        cached_update_count: i64,
        cached_delete_count: i64,
    }
}

model! {
    /// One table of GetTableStatuses (2.21).
    TableStatus {
        schema_on_source: String,
        table_on_source: String,
        schema_on_target: String,
        table_on_target: String,
        state: TableState,
        data_errors_count: i64,
        table_full_load_info: TableFullLoadInfo,
        table_cdc_info: TableCdcInfo,
    }
}

model! {
    /// GetTableStatuses answer (2.21).
    TableStatuses {
        ; list
        table_details: TableStatus,
    }
}

model! {
    /// A table or pattern of a table selection (2.19, 2.20). `load_order` is a number
    /// or one of LOWEST, LOW, NORMAL, HIGH, HIGHEST, so it is kept as sent.
    TableSelectionDefinition { owner: String, name: String, load_order: Value, table_type: TableType }
}

model! {
    /// A task's table selection: GetTaskTableSelection's answer and PutTaskTableSelection's body.
    TableSelection {
        ; list
        included_pattern: TableSelectionDefinition,
        excluded_pattern: TableSelectionDefinition,
        explicit_included_tables: TableSelectionDefinition,
    }
}

// ---- endpoints (2.28 - 2.31, 2.36) ----

model! {
    /// One endpoint of GetEndpointList (2.28).
    EndpointInfo {
        name: String,
        description: String,
        role: EndpointRole,
        #[serde(rename = "type")] endpoint_type: String,
        is_licensed: bool,
    }
}

model! {
    /// GetEndpointList answer (2.28).
    EndpointList {
        ; list
        #[serde(rename = "endpointList")] endpoint_list: EndpointInfo,
    }
}

/// One JSON Patch operation of PatchEndpoint (2.29): `add`, `replace`, `remove` or
/// `test` on a path under `/db_settings/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatchOperation {
    /// The operation.
    pub op: PatchOp,
    /// A JSON Pointer under `/db_settings/`.
    pub path: String,
    /// The value for add, replace and test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl PatchOperation {
    /// `{"op": op, "path": path, "value": value}`.
    pub fn new(op: PatchOp, path: impl Into<String>, value: Option<Value>) -> Self {
        PatchOperation {
            op,
            path: path.into(),
            value,
        }
    }
}

model! {
    /// TestEndpoint answer (2.36): the state comes as `requeststate`, `state` or `status`.
    TestEndpointResponse {
        #[serde(alias = "requeststate", alias = "status")] state: EndpointTestState,
        message: String,
        detailed_message: String,
        error_message: String,
    }
}

// ---- change data (2.37 - 2.39) ----

/// DeleteOldChangeData's body (2.37): a timestamp (`2020-06-30T16:15:00Z`) or an
/// ISO 8601 duration (`P1M3DT1H2M`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeleteOldChangeDataRequest {
    /// The point in time, as a timestamp or an offset.
    pub timestamp_or_offset: String,
}

model! {
    /// The change data retention barrier: SetChangeDataRetentionBarrier's body and
    /// GetChangeDataRetentionBarrier's answer (2.38, 2.39).
    RetentionBarrier { retention_point: String, application: String }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn server_details_in_either_wrapper_and_numbers_as_strings() {
        for key in ["serverDetails", "server_details"] {
            let r: ServerDetailsResponse = serde_json::from_value(json!({ key: {
                "$type": "ReplicateServerDetails", "name": "myrepsrv1", "type": "REPLICATE",
                "configuration": {"host": "h", "platform": "WINDOWS", "port": "443", "username": "Administrator"},
                "state": "MONITORED", "license": {"state": "LICENSE_VALID", "days_to_expiration": "30"},
                "task_summary": {"total": 50, "running": "20"}, "resource_utilization": {"disk_usage_mb": 500}
            }}))
            .unwrap();
            let d = r.server_details.unwrap();
            assert_eq!(d.server_type.as_deref(), Some("REPLICATE"));
            assert_eq!(d.license.unwrap().days_to_expiration, Some(30));
            assert_eq!(d.task_summary.unwrap().running, Some(20));
            assert_eq!(d.configuration.unwrap().port.as_deref(), Some("443"));
        }
    }

    #[test]
    fn unknown_values_and_fields_survive_a_round_trip() {
        let v = json!({"name": "t", "state": "WARPING", "stop_reason": "NONE", "future_field": {"x": 1}, "assigned_tags": null});
        let t: TaskInfo = serde_json::from_value(v).unwrap();
        assert_eq!(t.state, Some(TaskState::Unknown("WARPING".into())));
        assert!(t.assigned_tags.is_empty());
        let back = serde_json::to_value(&t).unwrap();
        assert_eq!(back["state"], "WARPING");
        assert_eq!(back["future_field"], json!({"x": 1}));
    }

    #[test]
    fn both_spellings_of_committed_and_recovering() {
        let d: TaskDetails = serde_json::from_value(json!({
            "state": "RECOVERING",
            "cdc_transactions_counters": {"applied_comitted_transaction_count": 7, "applied_records_comitted_count": "9"},
            "cdc_latency": {"source_latency": "00:00:05", "total_latency": "01:02:03"}
        }))
        .unwrap();
        assert_eq!(d.state, Some(TaskState::Recovery));
        let c = d.cdc_transactions_counters.unwrap();
        assert_eq!(
            (
                c.applied_committed_transaction_count,
                c.applied_records_committed_count
            ),
            (Some(7), Some(9))
        );
        let l = d.cdc_latency.unwrap();
        assert_eq!(
            l.source_latency.unwrap().as_duration(),
            Some(std::time::Duration::from_secs(5))
        );
        assert_eq!(
            l.total_latency.unwrap().as_duration(),
            Some(std::time::Duration::from_secs(3723))
        );
    }

    #[test]
    fn odd_shapes_read_as_absent_instead_of_failing() {
        let d: TaskDetails = serde_json::from_value(
            json!({"memory_mb": "lots", "options": "x", "full_load_completed": "true"}),
        )
        .unwrap();
        assert_eq!(d.memory_mb, None);
        assert_eq!(d.options, None);
        assert_eq!(d.full_load_completed, Some(true));
        let s: ServerDefinition =
            serde_json::from_value(json!({"verify_server_certificate": "true", "port": 443}))
                .unwrap();
        assert_eq!(
            (s.verify_server_certificate, s.port.as_deref()),
            (Some(true), Some("443"))
        );
    }

    #[test]
    fn test_endpoint_state_under_any_key() {
        for k in ["requeststate", "state", "status"] {
            let r: TestEndpointResponse = serde_json::from_value(json!({ k: "SUCCESS" })).unwrap();
            assert_eq!(r.state, Some(EndpointTestState::Success));
        }
    }

    #[test]
    fn requests_carry_only_what_was_set() {
        let s = ServerDefinition {
            type_name: Some("AemReplicateServer".into()),
            name: Some("x".into()),
            verify_server_certificate: Some(true),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"$type":"AemReplicateServer","name":"x","verify_server_certificate":true}"#
        );
        let c = CloneTaskRequest {
            new_task_name: "B".into(),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"new_task_name":"B"}"#
        );
        let p = PatchOperation::new(PatchOp::Replace, "/db_settings/server", Some(json!("h2")));
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"op":"replace","path":"/db_settings/server","value":"h2"}"#
        );
        let f = TableFilter {
            schema: Some("SALES".into()),
            includeerror: Some(true),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_value(&f).unwrap(),
            json!({"schema": "SALES", "includeerror": true})
        );
    }
}
