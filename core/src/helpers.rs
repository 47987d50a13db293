//! The helpers users otherwise build by hand on top of the REST methods (see
//! `real-server-notes.md`): waiting for full load, draining before a stop, running or
//! stopping many tasks with a report per task, snapshots of task states and dated
//! backups. They only combine the methods of `api.rs`; the generic entry
//! (`Client::call`) serves them by name, so every binding has them.

use crate::api::WaitOptions;
use crate::error::{codes, ErrorKind};
use crate::models::{RunTaskOptions, TaskDetails, TaskState};
use crate::{Client, Error, Result};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// Which tasks of a server a bulk helper acts on. Every criterion given must hold; an
/// empty selection is refused unless `all` is set, so that a mistake never stops every
/// task of a server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskSelection {
    /// Exact task names (any of them).
    pub names: Vec<String>,
    /// A name pattern: `*` any run of characters, `?` one character.
    pub pattern: Option<String>,
    /// Current states (any of them).
    pub states: Vec<TaskState>,
    /// Custom tags (a task with any of them).
    pub tags: Vec<String>,
    /// Every task of the server (other criteria still narrow it).
    pub all: bool,
}

impl TaskSelection {
    fn is_empty(&self) -> bool {
        self.names.is_empty()
            && self.pattern.is_none()
            && self.states.is_empty()
            && self.tags.is_empty()
    }
}

/// Why one item of a report failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The error's stable code.
    pub error_code: String,
    /// The error's message.
    pub message: String,
    /// The HTTP status of the answer, when one came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure {
            error_code: e.error_code().to_string(),
            message: e.message().to_string(),
            http_status: e.http_status(),
        }
    }
}

/// What a bulk helper did to one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskOutcome {
    /// The task's name.
    pub task: String,
    /// Whether the action (and its wait, if asked for) succeeded.
    pub ok: bool,
    /// The state seen last, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Why it failed (`error_code`, `message`, `http_status` beside the others).
    #[serde(flatten)]
    pub failure: Option<Failure>,
}

impl TaskOutcome {
    fn of(task: &str, r: Result<Option<TaskState>>) -> TaskOutcome {
        let (state, failure) = match r {
            Ok(state) => (state.map(|s| s.as_str().to_string()), None),
            Err(e) => (None, Some(Failure::from(e))),
        };
        TaskOutcome {
            task: task.to_string(),
            ok: failure.is_none(),
            state,
            failure,
        }
    }
}

/// The report of a bulk helper: one outcome per selected task, in name order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkReport {
    /// The server acted on.
    pub server: String,
    /// How many tasks succeeded.
    pub succeeded: usize,
    /// How many failed.
    pub failed: usize,
    /// Every selected task's outcome.
    pub tasks: Vec<TaskOutcome>,
}

impl BulkReport {
    fn new(server: &str, tasks: Vec<TaskOutcome>) -> BulkReport {
        let succeeded = tasks.iter().filter(|t| t.ok).count();
        BulkReport {
            server: server.to_string(),
            succeeded,
            failed: tasks.len() - succeeded,
            tasks,
        }
    }
}

/// How a bulk helper runs: at most `concurrency` tasks at a time, each waited for (until
/// RUNNING or STOPPED) when `wait` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkOptions {
    /// Tasks acted on at the same time (at least 1).
    pub concurrency: usize,
    /// Wait for each task to reach its state, with these limits.
    pub wait: Option<WaitOptions>,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: 8,
            wait: Some(WaitOptions::default()),
        }
    }
}

/// One task's state at the time of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskStateEntry {
    /// The task's name.
    pub name: String,
    /// Its state (`UNKNOWN` when the server sent none).
    pub state: String,
    /// Why it stopped, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
}

/// The states of every task of a server at one moment, to compare with or restore later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskStateSnapshot {
    /// The server.
    pub server: String,
    /// When it was taken, UTC (`2026-12-01T22:30:00Z`).
    pub taken_at: String,
    /// Every task, in name order.
    pub tasks: Vec<TaskStateEntry>,
}

/// One file a backup wrote, or failed to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupItem {
    /// The server.
    pub server: String,
    /// The task, for a task export; absent for the whole-server export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// The file's path.
    pub file: String,
    /// Its size, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Why it failed (`error_code`, `message`, `http_status` beside the others).
    #[serde(flatten)]
    pub failure: Option<Failure>,
}

/// What a backup wrote: `folder` is `<dir>/<UTC date and time>`, holding per server
/// `<server>/server.json` (ExportAll) and `<server>/tasks/<task>.json` (each task with
/// its endpoints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupReport {
    /// The dated folder.
    pub folder: String,
    /// Files written.
    pub written: usize,
    /// Files that failed.
    pub failed: usize,
    /// Every file, in order.
    pub items: Vec<BackupItem>,
}

/// What to change in a task on its way to another server or environment (see
/// [`Client::promote_task`]). Endpoints are named as in the source export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PromoteChanges {
    /// The task's name there (the same name when absent).
    pub new_name: Option<String>,
    /// Endpoint renames: old name -> new name.
    pub endpoint_names: BTreeMap<String, String>,
    /// Endpoint settings to override: endpoint -> `db_settings` keys to set (`null`
    /// removes a key), e.g. `{"DeltaLake-Dest": {"database": "prod_db"}}`.
    pub endpoint_settings: BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
}

/// What [`Client::promote_task`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromoteReport {
    /// Where the task came from.
    pub from_server: String,
    /// Its name there.
    pub task: String,
    /// Where it went.
    pub to_server: String,
    /// Its name there.
    pub new_name: String,
    /// The endpoints the imported document carried (after renames).
    pub endpoints: Vec<String>,
}

/// Where a task export names its endpoints, besides each database's `name`.
const ENDPOINT_PATHS: &[&str] = &[
    "/task/source_name",
    "/source/rep_source/source_name",
    "/source/rep_source/database_name",
    "/source/source_tables/name",
];

/// Applies `changes` to a task export (the shape of `cmd.replication_definition`: one
/// task, its endpoints under `databases`); answers the endpoints' names after renames.
/// Names change only where exports hold endpoint names (see `ENDPOINT_PATHS`, the
/// task's `target_names`, each target's `rep_target`, each database's `name`), never in
/// table lists.
pub fn promote_document(
    doc: &mut serde_json::Value,
    task: &str,
    changes: &PromoteChanges,
) -> Result<Vec<String>> {
    use serde_json::Value;
    let invalid = |what: String| Error::invalid_argument(format!("promote_task: {what}"));
    let rd = doc
        .get_mut("cmd.replication_definition")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| invalid("the export has no `cmd.replication_definition`".into()))?;
    // The endpoints carried in full (with settings), by their names in the export.
    let mut carried: Vec<String> = Vec::new();
    if let Some(Value::Array(dbs)) = rd.get_mut("databases") {
        for db in dbs.iter_mut().filter_map(Value::as_object_mut) {
            let Some(old) = db.get("name").and_then(Value::as_str).map(str::to_string) else {
                continue;
            };
            if let Some(set) = changes.endpoint_settings.get(&old) {
                let settings = db
                    .entry("db_settings")
                    .or_insert_with(|| Value::Object(Default::default()));
                let Value::Object(settings) = settings else {
                    return Err(invalid(format!(
                        "endpoint {old}'s db_settings is not an object"
                    )));
                };
                for (k, v) in set {
                    if v.is_null() {
                        settings.remove(k);
                    } else {
                        settings.insert(k.clone(), v.clone());
                    }
                }
            }
            if let Some(new) = changes.endpoint_names.get(&old) {
                db.insert("name".into(), Value::String(new.clone()));
            }
            carried.push(old);
        }
    }
    let entry = match rd.get_mut("tasks").and_then(Value::as_array_mut) {
        Some(tasks) if tasks.len() == 1 => &mut tasks[0],
        _ => return Err(invalid("the export does not hold exactly one task".into())),
    };
    // Every place the task names an endpoint, renamed; the names seen are kept.
    let mut referenced: Vec<String> = Vec::new();
    let mut places: Vec<String> = ENDPOINT_PATHS.iter().map(|p| p.to_string()).collect();
    let count = |p: &str, e: &Value| e.pointer(p).and_then(Value::as_array).map_or(0, Vec::len);
    places
        .extend((0..count("/task/target_names", entry)).map(|i| format!("/task/target_names/{i}")));
    for i in 0..count("/targets", entry) {
        places.push(format!("/targets/{i}/rep_target/target_name"));
        places.push(format!("/targets/{i}/rep_target/database_name"));
    }
    for place in &places {
        if let Some(v) = entry.pointer_mut(place) {
            if let Some(name) = v.as_str() {
                referenced.push(name.to_string());
                if let Some(new) = changes.endpoint_names.get(name) {
                    *v = Value::String(new.clone());
                }
            }
        }
    }
    for name in changes.endpoint_names.keys() {
        if !carried.contains(name) && !referenced.contains(name) {
            return Err(invalid(format!(
                "endpoint {name} is not in the export of {task}"
            )));
        }
    }
    for name in changes.endpoint_settings.keys() {
        if !carried.contains(name) {
            return Err(invalid(format!(
                "the export of {task} does not carry endpoint {name}'s settings (export it with its endpoints)"
            )));
        }
    }
    if let Some(new) = &changes.new_name {
        match entry.pointer_mut("/task/name") {
            Some(v) => *v = Value::String(new.clone()),
            None => return Err(invalid(format!("the export of {task} has no task name"))),
        }
        // The document's own name is `<task>__<time stamp>`.
        if let Some(Value::String(n)) = doc.get_mut("name") {
            if let Some(rest) = n.strip_prefix(task) {
                *n = format!("{new}{rest}");
            }
        }
    }
    Ok(carried
        .iter()
        .map(|n| changes.endpoint_names.get(n).unwrap_or(n).clone())
        .collect())
}

/// A Prometheus label value, escaped.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// A metric's samples of one task: an extra label, if any, and the value when known.
type Samples = Vec<(Option<(&'static str, &'static str)>, Option<f64>)>;

/// One sample per label value, e.g. tables by `status`.
fn by_label(key: &'static str, values: [(&'static str, Option<i64>); 4]) -> Samples {
    values
        .into_iter()
        .map(|(v, n)| (Some((key, v)), n.map(|n| n as f64)))
        .collect()
}

/// The Prometheus text of tasks' details (see [`Client::prometheus_metrics`]).
pub fn metrics_text(server: &str, tasks: &[(String, Option<TaskDetails>)]) -> String {
    type Sample = fn(&TaskDetails) -> Samples;
    let metrics: &[(&str, &str, &str, Sample)] = &[
        (
            "qem_task_running",
            "gauge",
            "1 while the task is RUNNING.",
            |d| {
                vec![(
                    None,
                    Some(f64::from(u8::from(d.state == Some(TaskState::Running)))),
                )]
            },
        ),
        (
            "qem_task_total_latency_seconds",
            "gauge",
            "Total CDC latency.",
            |d| vec![(None, d.total_latency().map(|l| l.as_secs_f64()))],
        ),
        (
            "qem_task_source_latency_seconds",
            "gauge",
            "Source CDC latency.",
            |d| vec![(None, d.source_latency().map(|l| l.as_secs_f64()))],
        ),
        (
            "qem_task_full_load_tables",
            "gauge",
            "Tables by full load status.",
            |d| {
                let c = d.full_load_counters.clone().unwrap_or_default();
                by_label(
                    "status",
                    [
                        ("completed", c.tables_completed_count),
                        ("loading", c.tables_loading_count),
                        ("queued", c.tables_queued_count),
                        ("error", c.tables_with_error_count),
                    ],
                )
            },
        ),
        (
            "qem_task_full_load_records",
            "gauge",
            "Records loaded by the full load.",
            |d| {
                let c = d.full_load_counters.as_ref();
                vec![(
                    None,
                    c.and_then(|c| c.records_completed_count).map(|v| v as f64),
                )]
            },
        ),
        (
            "qem_task_applied_changes",
            "gauge",
            "Changes applied, by kind.",
            |d| {
                let c = d.cdc_event_counters.clone().unwrap_or_default();
                by_label(
                    "kind",
                    [
                        ("insert", c.applied_insert_count),
                        ("update", c.applied_update_count),
                        ("delete", c.applied_delete_count),
                        ("ddl", c.applied_ddl_count),
                    ],
                )
            },
        ),
        (
            "qem_task_changes_in_flight",
            "gauge",
            "Changes captured and not yet applied.",
            |d| {
                vec![(
                    None,
                    d.cdc_transactions_counters
                        .as_ref()
                        .map(|c| c.in_flight() as f64),
                )]
            },
        ),
        ("qem_task_memory_mb", "gauge", "Memory used, MB.", |d| {
            vec![(None, d.memory_mb.map(|v| v as f64))]
        }),
        (
            "qem_task_cpu_percent",
            "gauge",
            "CPU use of the task process, percent.",
            |d| vec![(None, d.cpu_percentage.filter(|v| *v >= 0).map(|v| v as f64))],
        ),
        ("qem_task_disk_usage_mb", "gauge", "Disk used, MB.", |d| {
            vec![(None, d.disk_usage_mb.map(|v| v as f64))]
        }),
        (
            "qem_task_data_errors",
            "gauge",
            "Data errors in all tables.",
            |d| vec![(None, d.data_error_count.map(|v| v as f64))],
        ),
    ];
    let base = |task: &str| format!("server=\"{}\",task=\"{}\"", label(server), label(task));
    let mut out = String::new();
    out.push_str(
        "# HELP qem_task_up 1 when the task's details could be read.\n# TYPE qem_task_up gauge\n",
    );
    for (task, d) in tasks {
        out.push_str(&format!(
            "qem_task_up{{{}}} {}\n",
            base(task),
            u8::from(d.is_some())
        ));
    }
    out.push_str("# HELP qem_task_state The task's state, as a label (value 1).\n# TYPE qem_task_state gauge\n");
    for (task, d) in tasks {
        if let Some(d) = d {
            out.push_str(&format!(
                "qem_task_state{{{},state=\"{}\"}} 1\n",
                base(task),
                label(state_name(d))
            ));
        }
    }
    for (name, kind, help, sample) in metrics {
        out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} {kind}\n"));
        for (task, d) in tasks {
            let Some(d) = d else { continue };
            for (extra, value) in sample(d) {
                let Some(value) = value else { continue };
                let extra = extra.map_or(String::new(), |(k, v)| format!(",{k}=\"{v}\""));
                out.push_str(&format!("{name}{{{}{extra}}} {value}\n", base(task)));
            }
        }
    }
    out
}

/// True when `name` matches `pattern` (`*` any run, `?` one character).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // The classic greedy match with one backtrack point: linear in practice.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a time (UTC), without a calendar crate.
fn utc(t: SystemTime) -> (i64, u32, u32, u32, u32, u32) {
    let secs = t
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days to civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    let rem = rem as u32;
    (year, month, day, rem / 3600, rem / 60 % 60, rem % 60)
}

fn iso_now() -> String {
    let (y, mo, d, h, mi, s) = utc(SystemTime::now());
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// A folder name for a backup taken now: `2026-12-01_223000Z`.
fn backup_stamp() -> String {
    let (y, mo, d, h, mi, s) = utc(SystemTime::now());
    format!("{y:04}-{mo:02}-{d:02}_{h:02}{mi:02}{s:02}Z")
}

/// A server or task name as one file name: path separators and characters that some
/// file systems refuse become `_`; never empty, never `.` or `..`.
fn file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == ' ' || c == '.');
    if trimmed.is_empty() {
        "_".to_string()
    } else {
        trimmed.to_string()
    }
}

fn task_failed(server: &str, task: &str, what: String) -> Error {
    Error::new(
        ErrorKind::Server,
        codes::TASK_FAILED,
        format!("task {task} on server {server} {what}"),
    )
}

/// What a poll of [`Client::poll_task`] made of the details it read.
pub(crate) enum Seen {
    /// Answer these details.
    Done,
    /// Fail with this error.
    Fail(Error),
    /// Poll again.
    Again,
}

fn state_name(d: &TaskDetails) -> &str {
    d.state.as_ref().map_or("unknown", |s| s.as_str())
}

/// Whether the details say full load has ended: the server's own flag, or (servers that
/// leave it out) no table loading or queued and at least one done.
fn full_load_done(d: &TaskDetails) -> bool {
    if let Some(done) = d.full_load_completed {
        return done;
    }
    d.full_load_counters.as_ref().is_some_and(|c| {
        c.tables_loading_count.unwrap_or(0) == 0
            && c.tables_queued_count.unwrap_or(0) == 0
            && c.tables_completed_count.unwrap_or(0) + c.tables_with_error_count.unwrap_or(0) > 0
    })
}

/// Whether the details show nothing left to apply: total latency zero (or not sent) and
/// no change in flight.
fn drained(d: &TaskDetails) -> bool {
    let latency_zero = d.total_latency().is_none_or(|l| l.is_zero());
    let in_flight = d
        .cdc_transactions_counters
        .as_ref()
        .map_or(0, |c| c.in_flight());
    latency_zero && in_flight == 0
}

impl Client {
    /// The one polling loop of the wait helpers: reads the task's details every
    /// `wait.poll_interval` until `judge` says done or failed; when the time is up, fails
    /// with `WAIT_TIMEOUT` and `pending(details)` (what was still awaited) as the message.
    pub(crate) async fn poll_task(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
        mut judge: impl FnMut(&TaskDetails) -> Seen,
        pending: impl Fn(&TaskDetails) -> String,
    ) -> Result<TaskDetails> {
        let started = Instant::now();
        loop {
            let d = self.get_task_details(server, task).await?;
            match judge(&d) {
                Seen::Done => return Ok(d),
                Seen::Fail(e) => return Err(e),
                Seen::Again => {}
            }
            if started.elapsed() + wait.poll_interval > wait.timeout {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    codes::WAIT_TIMEOUT,
                    format!(
                        "{} after {:.1} s",
                        pending(&d),
                        started.elapsed().as_secs_f64()
                    ),
                ));
            }
            tokio::time::sleep(wait.poll_interval).await;
        }
    }

    /// Polls a task until its full load has ended; answers the details seen last. Fails
    /// with `TASK_FAILED` when the task is in ERROR, or stops before full load ended
    /// after having been seen running; with `WAIT_TIMEOUT` when the time is up.
    pub async fn wait_for_full_load(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let mut seen_active = false;
        let judge = |d: &TaskDetails| match d.state {
            Some(TaskState::Error) => Seen::Fail(task_failed(
                server,
                task,
                format!(
                    "failed during full load: {}",
                    d.message.as_deref().unwrap_or("")
                ),
            )),
            _ if full_load_done(d) => Seen::Done,
            Some(TaskState::Stopped) if seen_active => Seen::Fail(task_failed(
                server,
                task,
                "stopped before its full load ended".into(),
            )),
            Some(TaskState::Stopped) => Seen::Again,
            _ => {
                seen_active = true;
                Seen::Again
            }
        };
        let pending = |d: &TaskDetails| {
            format!(
                "task {task} on server {server}: full load not ended ({})",
                state_name(d)
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Polls a RUNNING task until nothing is left to apply (total latency `00:00:00` and
    /// no change in flight) on `quiet_polls` polls in a row; answers the details seen
    /// last. A STOPPED task has nothing to drain and answers at once. Fails with
    /// `TASK_FAILED` on ERROR, `WAIT_TIMEOUT` when the time is up.
    pub async fn drain_task(
        &self,
        server: &str,
        task: &str,
        quiet_polls: u32,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let mut quiet = 0;
        let judge = |d: &TaskDetails| match d.state {
            Some(TaskState::Stopped) => Seen::Done,
            Some(TaskState::Error) => Seen::Fail(task_failed(
                server,
                task,
                format!("is in ERROR: {}", d.message.as_deref().unwrap_or("")),
            )),
            _ => {
                quiet = if drained(d) { quiet + 1 } else { 0 };
                if quiet >= quiet_polls.max(1) {
                    Seen::Done
                } else {
                    Seen::Again
                }
            }
        };
        let pending = |d: &TaskDetails| {
            let latency = d
                .total_latency()
                .map_or("unknown".into(), |l| format!("{} s", l.as_secs()));
            let in_flight = d
                .cdc_transactions_counters
                .as_ref()
                .map_or(0, |c| c.in_flight());
            format!(
                "task {task} on server {server}: not drained (latency {latency}, {in_flight} changes in flight)"
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Drains a task (see [`Client::drain_task`]), then stops it and waits for STOPPED.
    pub async fn drain_and_stop_task(
        &self,
        server: &str,
        task: &str,
        quiet_polls: u32,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let started = Instant::now();
        let d = self.drain_task(server, task, quiet_polls, wait).await?;
        if d.state == Some(TaskState::Stopped) {
            return Ok(d);
        }
        let left = WaitOptions {
            timeout: wait
                .timeout
                .saturating_sub(started.elapsed())
                .max(Duration::from_secs(1)),
            ..wait
        };
        self.stop_task_and_wait(server, task, left).await
    }

    /// The names of a server's tasks that `selection` picks, in name order.
    pub async fn select_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
    ) -> Result<Vec<String>> {
        if selection.is_empty() && !selection.all {
            return Err(Error::invalid_argument(
                "a task selection needs names, a pattern, states or tags (or `all`: true)",
            ));
        }
        let list = self.get_task_list(server).await?;
        let mut names: Vec<String> = list
            .task_list
            .iter()
            .filter_map(|t| {
                let name = t.name.as_deref()?;
                let by_name =
                    selection.names.is_empty() || selection.names.iter().any(|n| n == name);
                let by_pattern = selection
                    .pattern
                    .as_deref()
                    .is_none_or(|p| glob_match(p, name));
                let by_state = selection.states.is_empty()
                    || t.state
                        .as_ref()
                        .is_some_and(|s| selection.states.contains(s));
                let by_tag = selection.tags.is_empty()
                    || t.assigned_tags
                        .iter()
                        .any(|tag| selection.tags.contains(tag));
                (by_name && by_pattern && by_state && by_tag).then(|| name.to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }

    /// Runs the selected tasks, at most `options.concurrency` at a time, each waited for
    /// until RUNNING when `options.wait` is set; one outcome per task, failures included.
    pub async fn run_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
        option: RunTaskOptions,
        options: BulkOptions,
    ) -> Result<BulkReport> {
        let names = self.select_tasks(server, selection).await?;
        let outcomes = self
            .for_each_task(&names, options.concurrency, |task| {
                let option = option.clone();
                async move {
                    match options.wait {
                        Some(w) => self
                            .run_task_and_wait(server, &task, option, None, w)
                            .await
                            .map(|d| d.state),
                        None => self
                            .run_task(server, &task, option, None, None)
                            .await
                            .map(|_| None),
                    }
                }
            })
            .await;
        Ok(BulkReport::new(server, outcomes))
    }

    /// Stops the selected tasks, at most `options.concurrency` at a time, each drained
    /// first (`drain_quiet_polls` polls) when that is given, and waited for until STOPPED
    /// when `options.wait` is set; one outcome per task, failures included.
    pub async fn stop_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
        drain_quiet_polls: Option<u32>,
        options: BulkOptions,
    ) -> Result<BulkReport> {
        let names = self.select_tasks(server, selection).await?;
        let outcomes = self
            .for_each_task(&names, options.concurrency, |task| async move {
                let wait = options.wait.unwrap_or_default();
                match (drain_quiet_polls, options.wait) {
                    (Some(q), _) => self
                        .drain_and_stop_task(server, &task, q, wait)
                        .await
                        .map(|d| d.state),
                    (None, Some(w)) => self
                        .stop_task_and_wait(server, &task, w)
                        .await
                        .map(|d| d.state),
                    (None, None) => self.stop_task(server, &task, None).await.map(|_| None),
                }
            })
            .await;
        Ok(BulkReport::new(server, outcomes))
    }

    async fn for_each_task<'a, F, Fut>(
        &'a self,
        names: &[String],
        concurrency: usize,
        act: F,
    ) -> Vec<TaskOutcome>
    where
        F: Fn(String) -> Fut + 'a,
        Fut: std::future::Future<Output = Result<Option<TaskState>>> + 'a,
    {
        futures_util::stream::iter(names.iter().cloned())
            .map(|task| {
                let fut = act(task.clone());
                async move { TaskOutcome::of(&task, fut.await) }
            })
            .buffered(concurrency.max(1))
            .collect()
            .await
    }

    /// Promotes a task to another server, of this Enterprise Manager or of `target`'s:
    /// exports it (with its endpoints unless `with_endpoints` is false), applies
    /// `changes` (rename, endpoint renames, endpoint settings; see [`promote_document`])
    /// and imports it there. Nothing is imported when a change does not apply.
    pub async fn promote_task(
        &self,
        server: &str,
        task: &str,
        target: &Client,
        to_server: &str,
        changes: &PromoteChanges,
        with_endpoints: bool,
    ) -> Result<PromoteReport> {
        let text = self.export_task(server, task, Some(with_endpoints)).await?;
        let mut doc = crate::parse_document(&text).map_err(|e| {
            Error::invalid_response(format!("the export of {task} is not JSON: {e}"), None)
        })?;
        let endpoints = promote_document(&mut doc, task, changes)?;
        let new_name = changes.new_name.clone().unwrap_or_else(|| task.to_string());
        target
            .import_task(to_server, &new_name, &doc.to_string())
            .await?;
        Ok(PromoteReport {
            from_server: server.to_string(),
            task: task.to_string(),
            to_server: to_server.to_string(),
            new_name,
            endpoints,
        })
    }

    /// Metrics of the selected tasks (every task when the selection is empty) in the
    /// Prometheus text format, from their details read `concurrency` at a time: state,
    /// latencies, full load tables, applied changes, changes in flight, resources, data
    /// errors. A task whose details cannot be read has `qem_task_up` 0.
    pub async fn prometheus_metrics(
        &self,
        server: &str,
        selection: &TaskSelection,
        concurrency: usize,
    ) -> Result<String> {
        let selection = if selection.is_empty() {
            TaskSelection {
                all: true,
                ..selection.clone()
            }
        } else {
            selection.clone()
        };
        let names = self.select_tasks(server, &selection).await?;
        let details: Vec<(String, Option<TaskDetails>)> = futures_util::stream::iter(names)
            .map(|task| async move {
                let d = self.get_task_details(server, &task).await.ok();
                (task, d)
            })
            .buffered(concurrency.max(1))
            .collect()
            .await;
        Ok(metrics_text(server, &details))
    }

    /// The states of every task of a server now, in name order.
    pub async fn snapshot_task_states(&self, server: &str) -> Result<TaskStateSnapshot> {
        let taken_at = iso_now();
        let list = self.get_task_list(server).await?;
        let mut tasks: Vec<TaskStateEntry> = list
            .task_list
            .iter()
            .filter_map(|t| {
                Some(TaskStateEntry {
                    name: t.name.clone()?,
                    state: t
                        .state
                        .as_ref()
                        .map_or("UNKNOWN", |s| s.as_str())
                        .to_string(),
                    stop_reason: t.stop_reason.as_ref().map(|r| r.as_str().to_string()),
                })
            })
            .collect();
        tasks.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(TaskStateSnapshot {
            server: server.to_string(),
            taken_at,
            tasks,
        })
    }

    /// Backs up servers into a new dated folder under `dir`: per server its ExportAll
    /// and each task exported with its endpoints (see [`BackupReport`]). `servers`
    /// empty means every server of GetServerList. A failed export, or a server whose
    /// tasks cannot be listed, is reported and the backup goes on; only a failure to list
    /// the servers or to create the folders fails the whole call.
    pub async fn backup(&self, dir: &Path, servers: &[String]) -> Result<BackupReport> {
        let servers: Vec<String> = if servers.is_empty() {
            let list = self.get_server_list().await?;
            list.server_list
                .iter()
                .filter_map(|s| s.name.clone())
                .collect()
        } else {
            servers.to_vec()
        };
        let mut folder = dir.join(backup_stamp());
        // Two backups within one second get folders of their own.
        let mut n = 1;
        while folder.exists() {
            n += 1;
            folder = dir.join(format!("{}-{n}", backup_stamp()));
        }
        let mut items = Vec::new();
        for server in &servers {
            let tasks_dir = folder.join(file_name(server)).join("tasks");
            tokio::fs::create_dir_all(&tasks_dir)
                .await
                .map_err(|e| Error::io(&format!("creating {}", tasks_dir.display()), &e))?;
            let all = folder.join(file_name(server)).join("server.json");
            let r = self.export_all_to_file(server, &all).await;
            items.push(backup_item(server, None, all, r));
            // A server that cannot be listed is reported, and the backup goes on.
            let mut tasks: Vec<String> = match self.get_task_list(server).await {
                Ok(list) => list
                    .task_list
                    .iter()
                    .filter_map(|t| t.name.clone())
                    .collect(),
                Err(e) => {
                    items.push(backup_item(server, None, tasks_dir, Err(e)));
                    continue;
                }
            };
            tasks.sort();
            for task in tasks {
                let file = unique(&tasks_dir, &file_name(&task));
                let r = self
                    .export_task_to_file(server, &task, Some(true), &file)
                    .await;
                items.push(backup_item(server, Some(&task), file, r));
            }
        }
        let written = items.iter().filter(|i| i.bytes.is_some()).count();
        Ok(BackupReport {
            folder: folder.display().to_string(),
            written,
            failed: items.len() - written,
            items,
        })
    }
}

/// `<dir>/<name>.json`, or `<name>-2.json`, ... when two names clean up alike.
fn unique(dir: &Path, name: &str) -> PathBuf {
    let mut path = dir.join(format!("{name}.json"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{name}-{n}.json"));
    }
    path
}

fn backup_item(server: &str, task: Option<&str>, file: PathBuf, r: Result<u64>) -> BackupItem {
    let (bytes, failure) = match r {
        Ok(b) => (Some(b), None),
        Err(e) => (None, Some(Failure::from(e))),
    };
    BackupItem {
        server: server.to_string(),
        task: task.map(str::to_string),
        file: file.display().to_string(),
        bytes,
        failure,
    }
}

/// The helpers' names in the generic entry (the wait helpers of `api.rs` too), with the
/// arguments each takes besides the waits' `timeout_ms` and `poll_ms`.
const HELPERS: &[(&str, &[&str])] = &[
    ("wait_for_task_state", &["server", "task", "states"]),
    (
        "run_task_and_wait",
        &["server", "task", "option", "cdcposition"],
    ),
    ("stop_task_and_wait", &["server", "task"]),
    ("wait_for_full_load", &["server", "task"]),
    ("drain_task", &["server", "task", "quiet_polls"]),
    ("drain_and_stop_task", &["server", "task", "quiet_polls"]),
    (
        "select_tasks",
        &["server", "names", "pattern", "states", "tags", "all"],
    ),
    (
        "run_tasks",
        &[
            "server",
            "names",
            "pattern",
            "states",
            "tags",
            "all",
            "option",
            "concurrency",
            "wait",
        ],
    ),
    (
        "stop_tasks",
        &[
            "server",
            "names",
            "pattern",
            "states",
            "tags",
            "all",
            "drain",
            "quiet_polls",
            "concurrency",
            "wait",
        ],
    ),
    ("snapshot_task_states", &["server"]),
    ("backup", &["dir", "servers"]),
    (
        "prometheus_metrics",
        &[
            "server",
            "names",
            "pattern",
            "states",
            "tags",
            "all",
            "concurrency",
        ],
    ),
    (
        "promote_task",
        &[
            "server",
            "task",
            "to_server",
            "new_name",
            "endpoint_names",
            "endpoint_settings",
            "with_endpoints",
        ],
    ),
];

/// Serves a helper by name for the generic entry; `None` when `method` is not one.
pub(crate) async fn call(
    client: &Client,
    method: &str,
    args: &crate::Args,
) -> Option<Result<serde_json::Value>> {
    let (_, known) = HELPERS.iter().find(|(name, _)| *name == method)?;
    Some(dispatch(client, method, known, args).await)
}

fn to_value<T: Serialize>(v: Result<T>) -> Result<serde_json::Value> {
    serde_json::to_value(v?).map_err(|e| Error::invalid_response(e.to_string(), None))
}

async fn dispatch(
    client: &Client,
    method: &str,
    known: &[&str],
    args: &crate::Args,
) -> Result<serde_json::Value> {
    use serde_json::Value;
    let waits = ["timeout_ms", "poll_ms"];
    if let Some(k) = args
        .values
        .keys()
        .find(|k| !known.contains(&k.as_str()) && !waits.contains(&k.as_str()))
    {
        return Err(Error::invalid_argument(format!(
            "{method}: unknown argument `{k}` (it takes {}, timeout_ms, poll_ms)",
            known.join(", ")
        )));
    }
    let bad = |name: &str, want: &str| {
        Error::invalid_argument(format!("{method}: `{name}` must be {want}"))
    };
    let text = |name: &str| -> Result<String> {
        match args.get(name) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            None | Some(Value::Null) => Err(Error::invalid_argument(format!(
                "{method}: `{name}` is required"
            ))),
            Some(_) => Err(bad(name, "a non-empty string")),
        }
    };
    let count = |name: &str, default: u64| -> Result<u64> {
        match args.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(v) => v
                .as_u64()
                .filter(|n| *n > 0)
                .ok_or_else(|| bad(name, "a whole number above 0")),
        }
    };
    let flag = |name: &str, default: bool| -> Result<bool> {
        match args.get(name) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(bad(name, "true or false")),
        }
    };
    let selection = || -> Result<TaskSelection> {
        let mut m = serde_json::Map::new();
        for k in ["names", "pattern", "states", "tags", "all"] {
            match args.get(k) {
                None | Some(Value::Null) => {}
                // One name, tag or state alone is as good as a list of one.
                Some(Value::String(s)) if k == "names" || k == "tags" || k == "states" => {
                    m.insert(k.into(), Value::Array(vec![Value::String(s.clone())]));
                }
                Some(Value::Array(a))
                    if k != "pattern" && k != "all" && a.iter().all(Value::is_string) =>
                {
                    m.insert(k.into(), Value::Array(a.clone()));
                }
                Some(v @ Value::String(_)) if k == "pattern" => {
                    m.insert(k.into(), v.clone());
                }
                Some(v @ Value::Bool(_)) if k == "all" => {
                    m.insert(k.into(), v.clone());
                }
                Some(_) => {
                    return Err(bad(
                        k,
                        match k {
                            "pattern" => "a string",
                            "all" => "true or false",
                            _ => "a string or an array of strings",
                        },
                    ))
                }
            }
        }
        serde_json::from_value(Value::Object(m)).map_err(|e| {
            Error::invalid_argument(format!("{method}: the task selection is not valid: {e}"))
        })
    };
    let wait = crate::api::wait_options(method, args)?;
    let quiet = || count("quiet_polls", 3).map(|n| n.min(u64::from(u32::MAX)) as u32);
    let bulk = |wait_default: bool| -> Result<BulkOptions> {
        Ok(BulkOptions {
            concurrency: count("concurrency", 8)?.min(1024) as usize,
            wait: flag("wait", wait_default)?.then_some(wait),
        })
    };
    match method {
        "wait_for_task_state" => {
            let states = match args.get("states") {
                Some(Value::Array(a)) if !a.is_empty() => a
                    .iter()
                    .map(|s| {
                        s.as_str()
                            .map(TaskState::from_wire)
                            .ok_or_else(|| bad("states", "an array of strings"))
                    })
                    .collect::<Result<Vec<_>>>()?,
                _ => return Err(bad("states", "a non-empty array of task states")),
            };
            to_value(
                client
                    .wait_for_task_state(&text("server")?, &text("task")?, &states, wait)
                    .await,
            )
        }
        "run_task_and_wait" => {
            let option = RunTaskOptions::from_wire(&text("option")?);
            let pos = match args.get("cdcposition") {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(_) => return Err(bad("cdcposition", "a string")),
            };
            let (server, task) = (text("server")?, text("task")?);
            to_value(
                client
                    .run_task_and_wait(&server, &task, option, pos.as_deref(), wait)
                    .await,
            )
        }
        "stop_task_and_wait" => to_value(
            client
                .stop_task_and_wait(&text("server")?, &text("task")?, wait)
                .await,
        ),
        "wait_for_full_load" => to_value(
            client
                .wait_for_full_load(&text("server")?, &text("task")?, wait)
                .await,
        ),
        "drain_task" => to_value(
            client
                .drain_task(&text("server")?, &text("task")?, quiet()?, wait)
                .await,
        ),
        "drain_and_stop_task" => to_value(
            client
                .drain_and_stop_task(&text("server")?, &text("task")?, quiet()?, wait)
                .await,
        ),
        "select_tasks" => to_value(client.select_tasks(&text("server")?, &selection()?).await),
        "run_tasks" => {
            let option = match args.get("option") {
                None | Some(Value::Null) => RunTaskOptions::ResumeProcessing,
                Some(Value::String(s)) => RunTaskOptions::from_wire(s),
                Some(_) => {
                    return Err(bad(
                        "option",
                        "a run option string (RESUME_PROCESSING, RELOAD_TARGET, ...)",
                    ))
                }
            };
            let options = bulk(true)?;
            to_value(
                client
                    .run_tasks(&text("server")?, &selection()?, option, options)
                    .await,
            )
        }
        "stop_tasks" => {
            let drain = flag("drain", false)?.then(quiet).transpose()?;
            let options = bulk(true)?;
            to_value(
                client
                    .stop_tasks(&text("server")?, &selection()?, drain, options)
                    .await,
            )
        }
        "snapshot_task_states" => to_value(client.snapshot_task_states(&text("server")?).await),
        "backup" => {
            let servers: Vec<String> = match args.get("servers") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::String(s)) => vec![s.clone()],
                Some(v) => serde_json::from_value(v.clone())
                    .map_err(|_| bad("servers", "an array of server names"))?,
            };
            to_value(client.backup(Path::new(&text("dir")?), &servers).await)
        }
        "prometheus_metrics" => {
            let concurrency = count("concurrency", 8)?.min(1024) as usize;
            to_value(
                client
                    .prometheus_metrics(&text("server")?, &selection()?, concurrency)
                    .await,
            )
        }
        "promote_task" => {
            let mut m = serde_json::Map::new();
            for k in ["new_name", "endpoint_names", "endpoint_settings"] {
                if let Some(v) = args.get(k).filter(|v| !v.is_null()) {
                    m.insert(k.into(), v.clone());
                }
            }
            let changes: PromoteChanges = serde_json::from_value(Value::Object(m)).map_err(|e| {
                Error::invalid_argument(format!(
                    "{method}: new_name must be a string, endpoint_names an object of strings, endpoint_settings an object of objects: {e}"
                ))
            })?;
            let with_endpoints = flag("with_endpoints", true)?;
            let (server, task, to_server) = (text("server")?, text("task")?, text("to_server")?);
            to_value(
                client
                    .promote_task(&server, &task, client, &to_server, &changes, with_endpoints)
                    .await,
            )
        }
        _ => Err(Error::invalid_argument(format!(
            "unknown operation `{method}`"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("Sales*", "SalesDBBackup"));
        assert!(glob_match("*Backup", "SalesDBBackup"));
        assert!(glob_match("S?les*p", "SalesDBBackup"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("Sales", "SalesDB"));
        assert!(!glob_match("*x*", "SalesDBBackup"));
        assert!(glob_match("a*b*c", "aXbYbZc"));
    }

    #[test]
    fn civil_dates() {
        let at = |s: u64| utc(SystemTime::UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(at(951_782_400), (2000, 2, 29, 0, 0, 0));
        assert_eq!(at(1_796_164_245), (2026, 12, 1, 22, 30, 45));
    }

    /// A real export (an excerpt of `fixtures/export-task-as400-to-deltalake.json`),
    /// promoted: every reference to a renamed endpoint follows, table lists do not,
    /// settings are merged.
    #[test]
    fn promotes_a_real_export() {
        let text = crate::models::tests::EXPORT_EXCERPT;
        let mut doc = crate::parse_document(text).unwrap();
        let changes: PromoteChanges = serde_json::from_value(serde_json::json!({
            "new_name": "Prod-Cluster",
            "endpoint_names": {"AS400-Source": "AS400-Prod"},
            "endpoint_settings": {"DeltaLake-Dest": {"database": "prod_db"}, "AS400-Source": {"server": null}},
        }))
        .unwrap();
        let endpoints = promote_document(&mut doc, "Test-New-Cluster", &changes).unwrap();
        assert_eq!(endpoints, ["AS400-Prod", "DeltaLake-Dest"]);
        let rd = &doc["cmd.replication_definition"];
        let t = &rd["tasks"][0];
        assert_eq!(t["task"]["name"], "Prod-Cluster");
        assert_eq!(t["task"]["source_name"], "AS400-Prod");
        assert_eq!(t["source"]["rep_source"]["source_name"], "AS400-Prod");
        assert_eq!(t["source"]["rep_source"]["database_name"], "AS400-Prod");
        assert_eq!(t["source"]["source_tables"]["name"], "AS400-Prod");
        assert_eq!(t["task"]["target_names"][0], "DeltaLake-Dest");
        assert_eq!(rd["databases"][0]["name"], "AS400-Prod");
        assert!(rd["databases"][0]["db_settings"].get("server").is_none());
        let settings = &rd["databases"][1]["db_settings"];
        assert_eq!(settings["database"], "prod_db");
        assert_eq!(
            settings["$type"], "DatabricksAzureDeltaSettings",
            "other settings stay"
        );
        assert!(doc["name"].as_str().unwrap().starts_with("Prod-Cluster__"));
        assert_eq!(
            t["source"]["source_tables"]["explicit_included_tables"][0]["name"],
            "GMF309PF"
        );
        for bad in [
            serde_json::json!({"endpoint_names": {"Nope": "X"}}),
            serde_json::json!({"endpoint_settings": {"Nope": {"a": 1}}}),
        ] {
            let changes: PromoteChanges = serde_json::from_value(bad).unwrap();
            let mut doc = crate::parse_document(text).unwrap();
            let e = promote_document(&mut doc, "Test-New-Cluster", &changes).unwrap_err();
            assert_eq!(e.error_code(), "INVALID_ARGUMENT");
        }
    }

    #[test]
    fn prometheus_text() {
        let d: TaskDetails = serde_json::from_value(serde_json::json!({
            "name": "T\"1", "state": "RUNNING",
            "cdc_latency": {"source_latency": "00:00:02", "total_latency": "00:01:05"},
            "full_load_counters": {"tables_completed_count": 3, "tables_loading_count": "1"},
            "cdc_transactions_counters": {"applied_records_in_progress_count": 4},
            "cpu_percentage": -1, "memory_mb": 57,
        }))
        .unwrap();
        let text = metrics_text(
            "Local Server",
            &[("T\"1".into(), Some(d)), ("Gone".into(), None)],
        );
        let task = r#"server="Local Server",task="T\"1""#;
        for line in [
            format!("qem_task_up{{{task}}} 1"),
            r#"qem_task_up{server="Local Server",task="Gone"} 0"#.to_string(),
            format!("qem_task_state{{{task},state=\"RUNNING\"}} 1"),
            format!("qem_task_running{{{task}}} 1"),
            format!("qem_task_total_latency_seconds{{{task}}} 65"),
            format!("qem_task_source_latency_seconds{{{task}}} 2"),
            format!("qem_task_full_load_tables{{{task},status=\"completed\"}} 3"),
            format!("qem_task_full_load_tables{{{task},status=\"loading\"}} 1"),
            format!("qem_task_changes_in_flight{{{task}}} 4"),
            format!("qem_task_memory_mb{{{task}}} 57"),
            "# TYPE qem_task_running gauge".to_string(),
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line} in\n{text}");
        }
        assert!(
            !text.contains("qem_task_cpu_percent{"),
            "-1 means not available"
        );
        assert!(
            !text.contains("status=\"queued\""),
            "absent counters are left out"
        );
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("Local Server"), "Local Server");
        assert_eq!(file_name("a/b\\c:d"), "a_b_c_d");
        assert_eq!(file_name(".."), "_");
        assert_eq!(file_name(""), "_");
    }
}
