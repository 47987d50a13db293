//! The helpers users otherwise build by hand on top of the REST methods (see
//! `real-server-notes.md`): waiting for full load, draining before a stop, running or
//! stopping many tasks with a report per task, snapshots of task states and dated
//! backups. They only combine the methods of `api.rs`; the generic entry
//! (`Client::call`) serves them by name, so every binding has them.
//!
//! One module per concern: `wait` (every wait on a task's state), `select` (many
//! tasks at once, state snapshots), `backup`, `promote`, `metrics`, and the
//! helpers' table in the generic entry (`dispatch`).

mod backup;
mod cloud;
pub(crate) mod dispatch;
mod metrics;
mod promote;
mod select;
mod wait;

pub use backup::{BackupItem, BackupReport};
pub use dispatch::StartTaskAndWaitArgs;
pub use metrics::metrics_text;
pub use promote::{promote_document, PromoteChanges, PromoteReport};
pub use select::{
    glob_match, BulkOptions, BulkReport, TaskOutcome, TaskSelection, TaskStateEntry,
    TaskStateSnapshot,
};
pub use wait::WaitOptions;

use crate::error::{codes, ErrorKind};
use crate::models::TaskDetails;
use crate::Error;
use serde::{Deserialize, Serialize};
use std::time::SystemTime;

/// Why one item of a report failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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

fn task_failed(server: &str, task: &str, what: String) -> Error {
    Error::new(
        ErrorKind::Server,
        codes::TASK_FAILED,
        format!("task {task} on server {server} {what}"),
    )
}

fn state_name(d: &TaskDetails) -> &str {
    d.state.as_ref().map_or("unknown", |s| s.as_str())
}
