//! Qlik Cloud's wait: start a task and follow the run it started to its end.

use super::wait::WaitOptions;
use crate::error::{codes, ErrorKind};
use crate::models::CloudRun;
use crate::ops::cloud::{GET_LAST_TASK_RUN, GET_TASK_RUN_LOG, START_TASK};
use crate::ops::Operation;
use crate::request::Args;
use crate::{Client, Error, Result};
use serde_json::{json, Value};
use std::time::Instant;

impl Client {
    /// Starts a Qlik Cloud task and waits for the run it started: answers the run once
    /// it `SUCCEEDED`; `TASK_FAILED` (with the run's id and the end of its log) when it
    /// `FAILED`; `WAIT_TIMEOUT` when `wait.timeout` passes first. `start` answers no run
    /// id, so the run is the first one newer than the task's last run before the start
    /// (and, when the service echoes it in `triggeredBy`, tagged with this call's
    /// `source`). A rate limit (429) during the wait only slows it down.
    pub async fn start_task_and_wait(&self, id: &str, wait: WaitOptions) -> Result<CloudRun> {
        let deadline = Instant::now() + wait.timeout;
        let last = || self.read(&GET_LAST_TASK_RUN, json!({ "id": id }));
        let before = match last().await {
            Ok(run) => run["id"].as_str().map(str::to_string),
            Err(e) if e.http_status() == Some(404) => None,
            Err(e) => return Err(e),
        };
        let source = format!("qem-sdk-{:016x}", rand_tag());
        self.read(&START_TASK, json!({ "id": id, "source": source }))
            .await?;
        loop {
            match last().await {
                Ok(run) => {
                    let run_id = run["id"].as_str().unwrap_or_default();
                    let ours = !run_id.is_empty()
                        && before.as_deref() != Some(run_id)
                        && run["triggeredBy"]
                            .as_str()
                            .is_none_or(|t| !t.starts_with("qem-sdk-") || t == source);
                    match run["status"].as_str() {
                        Some("SUCCEEDED") if ours => {
                            return serde_json::from_value(run).map_err(|e| {
                                Error::invalid_response(e.to_string(), None)
                                    .with_operation(GET_LAST_TASK_RUN.name)
                            })
                        }
                        Some("FAILED") if ours => return Err(self.run_failed(id, &run).await),
                        _ => {}
                    }
                }
                // Not there yet, or the tenant asks us to slow down: poll on.
                Err(e) if e.http_status() == Some(404) || e.error_code() == codes::RATE_LIMITED => {
                }
                Err(e) => return Err(e),
            }
            if Instant::now() + wait.poll_interval >= deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    codes::WAIT_TIMEOUT,
                    format!("task {id}: its run did not end within {:?}", wait.timeout),
                ));
            }
            tokio::time::sleep(wait.poll_interval).await;
        }
    }

    /// One JSON answer of `op` (its arguments by the spec's names).
    async fn read(&self, op: &'static Operation, args: Value) -> Result<Value> {
        let args = Args::from_json(args)?;
        let body = self
            .execute_read(op, &args, |reply| self.reply_bytes(op, reply))
            .await?;
        crate::decode::decode(op, &body)
    }

    /// `TASK_FAILED` for a run that failed, with the end of its log.
    async fn run_failed(&self, id: &str, run: &Value) -> Error {
        let run_id = run["id"].as_str().unwrap_or_default();
        let log = match self
            .read(&GET_TASK_RUN_LOG, json!({ "id": id, "runId": run_id }))
            .await
        {
            Ok(Value::Object(o)) => o
                .get("logContent")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            _ => String::new(),
        };
        let tail: String = {
            let chars: Vec<char> = log.trim_end().chars().collect();
            chars[chars.len().saturating_sub(500)..].iter().collect()
        };
        Error::new(
            ErrorKind::Server,
            codes::TASK_FAILED,
            format!("task {id}: run {run_id} FAILED; the end of its log:\n{tail}"),
        )
    }
}

/// A tag unique enough to tell this call's run from another caller's.
fn rand_tag() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ (std::process::id() as u64) << 32
}
