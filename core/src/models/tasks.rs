//! Tasks: GetTaskList, GetTaskDetails, RunTask, StopTask, CloneTask (guide 2.16, 2.17,
//! 2.26, 2.27, and qem-clone-task).

use super::{EndpointStatus, Latency, TaskState, TaskStopReason, TaskType};
use serde::{Deserialize, Serialize};

model! {
    /// One task of GetTaskList (2.16).
    TaskInfo {
        /// Replicate: the task's name; Compose: `task__project`.
        name: String,
        /// Current state.
        state: TaskState,
        /// Why the task stopped (always NONE for Compose); `task_stop_reason` is read too.
        stop_reason | "task_stop_reason": TaskStopReason,
        /// The message if the task stopped on an error.
        message: String,
        ; list
        /// Custom tags of the task (empty when none).
        assigned_tags: String,
    }
}

model! {
    /// GetTaskList answer (2.16): `{"taskList": [...]}`.
    TaskList {
        ; list
        /// The tasks.
        task_list as "taskList" | "task_list": TaskInfo,
    }
}

model! {
    /// A task's source or target endpoint (2.17 `source_endpoint`, `target_endpoint`).
    EndpointRef {
        /// Name of the endpoint (Compose: the landing or storage database).
        name: String,
        /// Endpoint type, e.g. `Oracle`.
        endpoint_type as "type": String,
        /// Endpoint status (2.40 Source/target status), when sent.
        state: EndpointStatus,
    }
}

model! {
    /// Changes applied so far, all tables (2.17 `cdc_event_counters`).
    CdcEventCounters {
        /// Records inserted.
        applied_insert_count: i64,
        /// Records updated.
        applied_update_count: i64,
        /// Records deleted.
        applied_delete_count: i64,
        /// Metadata changes.
        applied_ddl_count: i64,
    }
}

model! {
    /// Full load progress (2.17 `full_load_counters`).
    FullLoadCounters {
        /// Tables loaded.
        tables_completed_count: i64,
        /// Tables loading.
        tables_loading_count: i64,
        /// Tables waiting to load.
        tables_queued_count: i64,
        /// Tables that failed to load.
        tables_with_error_count: i64,
        /// Records loaded.
        records_completed_count: i64,
        /// Estimated records still to load.
        estimated_records_for_all_tables_count: i64,
    }
}

model! {
    /// Full load throughput (2.17 `full_load_throughput`): rec/sec and kbyte/sec.
    FullLoadThroughput {
        /// Source, rec/sec.
        source_throughput_records_count: i64,
        /// Source, kbyte/sec.
        source_throughput_volume: i64,
        /// Target, rec/sec.
        target_throughput_records_count: i64,
        /// Target, kbyte/sec.
        target_throughput_volume: i64,
    }
}

model! {
    /// One change-processing throughput figure (2.17): `{"current": n}`.
    ThroughputValue {
        /// The current value.
        current: i64,
    }
}

model! {
    /// Change-processing throughput of the current or last CDC (2.17 `cdc_throughput`).
    CdcThroughput {
        /// Source, rec/sec.
        source_throughput_records_count: ThroughputValue,
        /// Source, kbyte/sec.
        source_throughput_volume: ThroughputValue,
        /// Target, rec/sec.
        target_throughput_records_count: ThroughputValue,
        /// Target, kbyte/sec.
        target_throughput_volume: ThroughputValue,
    }
}

model! {
    /// CDC transaction counters (2.17 `cdc_transactions_counters`). Real servers spell
    /// `comitted`, the guide's table `committed`: both are read, `committed` is written.
    CdcTransactionCounters {
        /// COMMIT change records.
        commit_change_records_count: i64,
        /// ROLLBACK transactions.
        rollback_transaction_count: i64,
        /// ROLLBACK change records.
        rollback_change_records_count: i64,
        /// ROLLBACK change volume, MB.
        rollback_change_volume_mb: i64,
        /// Transactions in progress.
        applied_transactions_in_progress_count: i64,
        /// Records in all in-progress transactions.
        applied_records_in_progress_count: i64,
        /// Transactions committed.
        applied_committed_transaction_count | "applied_comitted_transaction_count" | "applied_comitted_transacion_count": i64,
        /// Records in all completed transactions.
        applied_records_committed_count | "applied_records_comitted_count": i64,
        /// Volume of all completed transactions, MB.
        applied_volume_committed_mb | "applied_volume_comitted_mb": i64,
        /// Changes accumulated in memory until source commit.
        incoming_accumulated_changes_in_memory_count: i64,
        /// Changes accumulated on disk until source commit.
        incoming_accumulated_changes_on_disk_count: i64,
        /// Changes in memory during apply, until target commit.
        incoming_applying_changes_in_memory_count: i64,
        /// Changes on disk during apply, until target commit.
        incoming_applying_changes_on_disk_count: i64,
    }
}

impl CdcTransactionCounters {
    /// Changes not yet applied: accumulated and applying, memory and disk, plus records
    /// of in-progress transactions (absent counters count 0).
    pub fn in_flight(&self) -> i64 {
        [
            self.applied_records_in_progress_count,
            self.incoming_accumulated_changes_in_memory_count,
            self.incoming_accumulated_changes_on_disk_count,
            self.incoming_applying_changes_in_memory_count,
            self.incoming_applying_changes_on_disk_count,
        ]
        .iter()
        .map(|c| c.unwrap_or(0).max(0))
        .sum()
    }
}

model! {
    /// Latencies, `"HH:MM:SS"` (2.17 `cdc_latency`); see [`Latency::as_duration`].
    CdcLatency {
        /// From the change on the source to its capture.
        source_latency: Latency,
        /// Source + target + apply latency.
        total_latency: Latency,
    }
}

model! {
    /// Replication options of a task (2.40 Task options; Compose sends the first two).
    TaskOptions {
        /// Full load.
        full_load_enabled: bool,
        /// Apply changes.
        apply_changes_enabled: bool,
        /// Store changes in change tables.
        store_changes_enabled: bool,
        /// Store changes in one audit table.
        audit_changes_enabled: bool,
    }
}

model! {
    /// Loading progress of a Compose task (2.17 `loading_counters`).
    LoadingCounters {
        /// All tables.
        tables_total_count: i64,
        /// Tables loaded.
        tables_completed_count: i64,
        /// Tables loading.
        tables_loading_count: i64,
        /// Tables waiting to load.
        tables_queued_count: i64,
        /// Tables that failed to load.
        tables_with_error_count: i64,
        /// Commands executed.
        commands_total_count: i64,
        /// Commands completed.
        commands_completed_count: i64,
    }
}

model! {
    /// GetTaskDetails answer for a Replicate or Compose task (2.17). Read flat or wrapped
    /// in `{"task": {...}}` (Qlik's sample); written flat.
    TaskDetails pre unwrap_task {
        /// Replicate: `ReplicateTaskInfoDetailed`; Compose (Python SDK): `AemCompose..TaskInfoDetailed`.
        task_type as "type": TaskType,
        /// Compose: `AemComposeDWTaskInfoDetailed`, `AemComposeDMTaskInfoDetailed` or `AemComposeDLTaskInfoDetailed`.
        type_name as "$type": String,
        /// Replicate: the task's name; Compose: `task__project`.
        name: String,
        /// Description (empty when none).
        description: String,
        /// Current state.
        state: TaskState,
        /// The message if the task stopped on an error.
        message: String,
        /// Source endpoint (Compose: the landing database).
        source_endpoint: EndpointRef,
        /// Target endpoint (Compose: the storage database).
        target_endpoint: EndpointRef,
        /// Changes applied.
        cdc_event_counters: CdcEventCounters,
        /// Full load progress.
        full_load_counters: FullLoadCounters,
        /// Whether full load has ended.
        full_load_completed: bool,
        /// Full load start, UTC.
        full_load_start: String,
        /// Full load end, UTC.
        full_load_end: String,
        /// Full load throughput.
        full_load_throughput: FullLoadThroughput,
        /// Change-processing throughput.
        cdc_throughput: CdcThroughput,
        /// CDC transaction counters (`cdc_transaction_counters`, as the guide's heading says, is read too).
        cdc_transactions_counters | "cdc_transaction_counters": CdcTransactionCounters,
        /// Latencies.
        cdc_latency: CdcLatency,
        /// Profile (2.40): e.g. `UNIDIRECTIONAL`.
        profile: String,
        /// Why the task stopped; `stop_reason` is read too.
        task_stop_reason | "stop_reason": TaskStopReason,
        /// Memory used, MB (0 when not running).
        memory_mb: i64,
        /// CPU use of the task process, percent (-1 when not available).
        cpu_percentage: i64,
        /// Disk used, MB.
        disk_usage_mb: i64,
        /// Data errors in all tables.
        data_error_count: i64,
        /// Replication options.
        options: TaskOptions,
        /// Name of the associated Log Stream Staging task (empty when none).
        log_stream_staging: String,
        /// Compose: the project.
        project: String,
        /// Compose: whether loading has completed.
        loading_completed: bool,
        /// Compose: loading start, UTC.
        loading_start: String,
        /// Compose: loading end, UTC.
        loading_end: String,
        /// Compose: loading progress.
        loading_counters: LoadingCounters,
        ; list
        /// Custom tags of the task (empty when none).
        assigned_tags: String,
    }
}

/// Unwraps `{"task": {...}}` when `task` is the only key and holds an object with a
/// `name` or `state`.
fn unwrap_task(v: &mut serde_json::Value) {
    let inner = match v {
        serde_json::Value::Object(obj) if obj.len() == 1 => match obj.get_mut("task") {
            Some(serde_json::Value::Object(t))
                if t.contains_key("name") || t.contains_key("state") =>
            {
                std::mem::take(t)
            }
            _ => return,
        },
        _ => return,
    };
    *v = serde_json::Value::Object(inner);
}

impl TaskDetails {
    /// Reads task details from a JSON value, flat or wrapped in `{"task": {...}}`.
    pub fn from_value(v: serde_json::Value) -> serde_json::Result<Self> {
        serde_json::from_value(v)
    }

    /// The task type, from `type` or else `$type`.
    pub fn kind(&self) -> Option<TaskType> {
        self.task_type
            .clone()
            .or_else(|| self.type_name.as_deref().map(TaskType::from_wire))
    }

    /// True for a Compose task.
    pub fn is_compose(&self) -> bool {
        matches!(
            self.kind(),
            Some(TaskType::ComposeDw | TaskType::ComposeDm | TaskType::ComposeDl)
        ) || self.project.is_some()
            || self.loading_counters.is_some()
    }

    /// The total latency as a duration, when sent and parsable.
    pub fn total_latency(&self) -> Option<std::time::Duration> {
        self.cdc_latency
            .as_ref()?
            .total_latency
            .as_ref()?
            .as_duration()
    }

    /// The source latency as a duration, when sent and parsable.
    pub fn source_latency(&self) -> Option<std::time::Duration> {
        self.cdc_latency
            .as_ref()?
            .source_latency
            .as_ref()?
            .as_duration()
    }
}

/// RunTask's body (2.26): `{"cdcposition": ...}`, sent with the three position options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RunTaskRequest {
    /// A timestamp (`2017-03-07T11:19:03`), a source position (LSN, SCN) or a target checkpoint.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub cdcposition: Option<String>,
}

impl RunTaskRequest {
    /// `{"cdcposition": position}`.
    pub fn new(position: impl Into<String>) -> Self {
        RunTaskRequest {
            cdcposition: Some(position.into()),
        }
    }
}

model! {
    /// RunTask and StopTask answer (2.26, 2.27): `{"state", "error_message"}`.
    TaskActionResponse {
        /// State of the task after the action.
        state: TaskState,
        /// The error, empty when none.
        error_message: String,
    }
}

/// CloneTask's body (qem-clone-task): the new name, and optional overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CloneTaskRequest {
    /// Clone the task's permissions too (server default false).
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub clone_permissions: Option<bool>,
    /// The new task's name (required).
    #[serde(default)]
    pub new_task_name: String,
    /// Display name of an existing source endpoint of the same type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_source_endpoint: Option<String>,
    /// Display name of an existing target endpoint of the same type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_target_endpoint: Option<String>,
    /// Schema in which to create the control tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_schema: Option<String>,
    /// Schema in which to create the target tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_target_schema: Option<String>,
    /// Tablespace of the control tables (Oracle targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_table_tablespace: Option<String>,
    /// Tablespace of the control table indexes (Oracle targets).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_control_index_tablespace: Option<String>,
}

impl CloneTaskRequest {
    /// `{"new_task_name": name}`.
    pub fn new(new_task_name: impl Into<String>) -> Self {
        CloneTaskRequest {
            new_task_name: new_task_name.into(),
            ..Default::default()
        }
    }
}
