//! The helpers in the generic entry: their names, their arguments, and the dispatch
//! from a JSON object of arguments to the typed helper.

use super::*;
use crate::models::{RunTaskOptions, TaskState};
use crate::request::Args;
use crate::{Client, Error, Result};
use serde::Serialize;
use std::path::Path;
use std::time::Duration;

/// The helpers' names in the generic entry (the waits of `wait.rs` among them), with the
/// arguments each takes besides the waits' `timeout_ms` and `poll_ms`.
pub(crate) const HELPERS: &[(&str, &[&str])] = &[
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
    let wait = wait_options(method, args)?;
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

/// The waits' `timeout_ms` and `poll_ms` arguments.
fn wait_options(method: &str, args: &Args) -> Result<WaitOptions> {
    let millis = |name: &str, default: Duration| -> Result<Duration> {
        match args.get(name) {
            None => Ok(default),
            Some(v) => v.as_u64().map(Duration::from_millis).ok_or_else(|| {
                Error::invalid_argument(format!(
                    "{method}: `{name}` must be a non-negative whole number of milliseconds"
                ))
            }),
        }
    };
    let d = WaitOptions::default();
    Ok(WaitOptions {
        timeout: millis("timeout_ms", d.timeout)?,
        poll_interval: millis("poll_ms", Duration::from_millis(250))?,
    })
}
