//! The helpers in the generic entry: each helper's arguments as a serde struct (unknown
//! names refused, as for operations), declared once in [`helpers!`] with the call it
//! makes; the same declaration gives the API description their JSON Schema.

use super::*;
use crate::models::{CloudRun, RunTaskOptions, TaskState, VeeamClonedJob, VeeamJobClone};
use crate::{Client, Error, Result};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

/// A required, non-empty string (a server, task or folder name).
#[derive(Debug, Clone)]
pub struct Name(pub String);

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::String(s) if !s.is_empty() => Ok(Name(s)),
            _ => Err(serde::de::Error::custom("must be a non-empty string")),
        }
    }
}

impl JsonSchema for Name {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Name".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "minLength": 1})
    }
}

/// One string, or a list of them: one name, tag or state alone is as good as a list of
/// one.
#[derive(Debug, Clone, Default)]
pub struct Strings(pub Vec<String>);

impl<'de> Deserialize<'de> for Strings {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let fail = || serde::de::Error::custom("must be a string or an array of strings");
        match Value::deserialize(d)? {
            Value::Null => Ok(Strings::default()),
            Value::String(s) => Ok(Strings(vec![s])),
            Value::Array(a) => a
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(fail()),
                })
                .collect::<std::result::Result<_, _>>()
                .map(Strings),
            _ => Err(fail()),
        }
    }
}

impl JsonSchema for Strings {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Strings".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})
    }
}

/// A whole number above 0.
#[derive(Debug, Clone, Copy)]
pub struct Count(pub u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match Value::deserialize(d)?.as_u64() {
            Some(n) if n > 0 => Ok(Count(n)),
            _ => Err(serde::de::Error::custom("must be a whole number above 0")),
        }
    }
}

impl JsonSchema for Count {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "minimum": 1})
    }
}

/// The task selection's criteria, as every selecting helper takes them.
fn selection(
    names: &Strings,
    pattern: &Option<String>,
    states: &Strings,
    tags: &Strings,
    all: Option<bool>,
) -> TaskSelection {
    TaskSelection {
        names: names.0.clone(),
        pattern: pattern.clone(),
        states: states.0.iter().map(|s| TaskState::from_wire(s)).collect(),
        tags: tags.0.clone(),
        all: all.unwrap_or(false),
    }
}

fn concurrency(c: Option<Count>) -> usize {
    c.map_or(8, |c| c.0.min(1024) as usize)
}

fn quiet_polls(q: Option<Count>) -> u32 {
    q.map_or(3, |q| q.0.min(u64::from(u32::MAX)) as u32)
}

fn to_value<T: Serialize>(v: Result<T>) -> Result<Value> {
    serde_json::to_value(v?).map_err(|e| Error::invalid_response(e.to_string(), None))
}

/// Reads a helper's arguments, naming the argument a mistake is in.
pub(crate) fn read<T: serde::de::DeserializeOwned>(method: &str, args: &crate::Args) -> Result<T> {
    let object = Value::Object(args.values.clone());
    serde_path_to_error::deserialize(object).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." {
            Error::invalid_argument(format!("{method}: {inner}"))
        } else {
            Error::invalid_argument(format!("{method}: `{path}` {inner}"))
        }
    })
}

/// Declares every helper once: a one-line doc, its name (in the generic entry, and the
/// client function it calls) and its answer's type, its arguments (the struct `<Name>Args`, `RunTasksArgs` for
/// `run_tasks`, refusing unknown names; every helper also takes the waits' `timeout_ms`
/// and `poll_ms`) and the call itself.
/// A helper's service: the one it names (`in "qlik_cloud"`), else Enterprise Manager.
macro_rules! helper_service {
    () => {
        crate::ops::QEM.name
    };
    ($service:literal) => {
        $service
    };
}

macro_rules! helpers {
    ($(
        #[doc = $doc:literal]
        $function:ident $(in $service:literal)? -> $answer:ty {
            $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)?
        }
        |$client:ident, $a:ident, $wait:ident| $body:expr;
    )*) => { pastey::paste! {
        $(
            #[doc = $doc]
            #[derive(Debug, Deserialize, JsonSchema)]
            #[serde(deny_unknown_fields)]
            pub struct [<$function:camel Args>] {
                $( $(#[$fm])* pub $field: $ty, )*
                /// How long a wait may take, in milliseconds (10 minutes when absent).
                #[serde(default)]
                pub timeout_ms: Option<u64>,
                /// How often a wait polls, in milliseconds (when absent: 250; a Qlik Cloud wait, 1 second).
                #[serde(default)]
                pub poll_ms: Option<u64>,
            }

            impl [<$function:camel Args>] {
                fn wait(&self) -> WaitOptions {
                    let d = WaitOptions::default();
                    WaitOptions {
                        timeout: self.timeout_ms.map_or(d.timeout, Duration::from_millis),
                        poll_interval: Duration::from_millis(self.poll_ms.unwrap_or(250)),
                    }
                }
            }
        )*

        /// Every helper of the generic entry, as the API description shows it: name,
        /// doc, client function and the schema of its arguments.
        pub(crate) static HELPERS: &[HelperSpec] = &[
            $( HelperSpec {
                name: stringify!($function),
                service: helper_service!($($service)?),
                doc: $doc,
                args: |g| g.subschema_for::<[<$function:camel Args>]>(),
                answer: |g| g.subschema_for::<$answer>(),
                answer_type: stringify!($answer),
            }, )*
        ];

        /// Serves a helper by name for the generic entry; `None` when `method` is not one.
        pub(crate) async fn call(
            client: &Client,
            method: &str,
            args: &crate::Args,
        ) -> Option<Result<Value>> {
            $( if method == stringify!($function) {
                let service = helper_service!($($service)?);
                if client.service().name != service {
                    return Some(Err(client.wrong_service(method, service)));
                }
                return Some(async {
                    let $a: [<$function:camel Args>] = read(stringify!($function), args)?;
                    let $wait = $a.wait();
                    let $client = client;
                    let answer: Result<$answer> = $body.await;
                    to_value(answer)
                }.await);
            } )*
            None
        }
    } };
}

/// A helper of the generic entry, for the API description.
pub(crate) struct HelperSpec {
    pub name: &'static str,
    /// The service whose clients have it (`qem`, `qlik_cloud`).
    pub service: &'static str,
    pub doc: &'static str,
    pub args: crate::api::SchemaFn,
    pub answer: crate::api::SchemaFn,
    pub answer_type: &'static str,
}

helpers! {
    #[doc = "Polls a task until it is in one of `states`; answers its details."]
    wait_for_task_state -> TaskDetails {
        server: Name, task: Name,
        /// The wanted states (any of them).
        states: Strings,
    } |c, a, w| {
        let states: Vec<TaskState> = a.states.0.iter().map(|s| TaskState::from_wire(s)).collect();
        async move {
            if states.is_empty() {
                return Err(Error::invalid_argument(
                    "wait_for_task_state: `states` must be a non-empty array of task states",
                ));
            }
            c.wait_for_task_state(&a.server.0, &a.task.0, &states, w).await
        }
    };
    #[doc = "Runs a task and waits until it is RUNNING (TASK_FAILED on ERROR or STOPPED)."]
    run_task_and_wait -> TaskDetails {
        server: Name, task: Name,
        /// The run option (RESUME_PROCESSING).
        option: Option<RunTaskOptions>,
        /// The position for the three position options.
        cdcposition: Option<String>,
    } |c, a, w| c.run_task_and_wait(
        &a.server.0, &a.task.0, a.option.clone().unwrap_or(RunTaskOptions::ResumeProcessing),
        a.cdcposition.as_deref(), w,
    );
    #[doc = "Stops a task and waits until it is STOPPED."]
    stop_task_and_wait -> TaskDetails {
        server: Name, task: Name,
    } |c, a, w| c.stop_task_and_wait(&a.server.0, &a.task.0, w);
    #[doc = "Waits until a task's full load has ended; answers its details."]
    wait_for_full_load -> TaskDetails {
        server: Name, task: Name,
    } |c, a, w| c.wait_for_full_load(&a.server.0, &a.task.0, w);
    #[doc = "Waits for latency 00:00:00 and no change in flight on `quiet_polls` polls in a row."]
    drain_task -> TaskDetails {
        server: Name, task: Name,
        /// Polls in a row that must be quiet (3).
        quiet_polls: Option<Count>,
    } |c, a, w| c.drain_task(&a.server.0, &a.task.0, quiet_polls(a.quiet_polls), w);
    #[doc = "Drains a task (as drain_task), then stops it and waits for STOPPED."]
    drain_and_stop_task -> TaskDetails {
        server: Name, task: Name,
        /// Polls in a row that must be quiet (3).
        quiet_polls: Option<Count>,
    } |c, a, w| c.drain_and_stop_task(&a.server.0, &a.task.0, quiet_polls(a.quiet_polls), w);
    #[doc = "The names of the tasks a selection picks, sorted (an empty selection needs `all`: true)."]
    select_tasks -> Vec<String> {
        server: Name,
        /// Exact task names (any of them).
        #[serde(default)]
        names: Strings,
        /// A name pattern: `*` any run of characters, `?` one character.
        pattern: Option<String>,
        /// Current states (any of them).
        #[serde(default)]
        states: Strings,
        /// Custom tags (a task with any of them).
        #[serde(default)]
        tags: Strings,
        /// Every task of the server (other criteria still narrow it).
        all: Option<bool>,
    } |c, a, _w| async move {
        c.select_tasks(&a.server.0, &selection(&a.names, &a.pattern, &a.states, &a.tags, a.all)).await
    };
    #[doc = "Runs the selected tasks with a concurrency limit; a report per task."]
    run_tasks -> BulkReport {
        server: Name, #[serde(default)] names: Strings, pattern: Option<String>,
        #[serde(default)] states: Strings, #[serde(default)] tags: Strings,
        all: Option<bool>,
        /// The run option (RESUME_PROCESSING).
        option: Option<RunTaskOptions>,
        /// Tasks handled at once (8).
        concurrency: Option<Count>,
        /// Wait for each task to be RUNNING (true).
        wait: Option<bool>,
    } |c, a, w| async move {
        let options = BulkOptions { concurrency: concurrency(a.concurrency), wait: a.wait.unwrap_or(true).then_some(w) };
        let option = a.option.clone().unwrap_or(RunTaskOptions::ResumeProcessing);
        c.run_tasks(&a.server.0, &selection(&a.names, &a.pattern, &a.states, &a.tags, a.all), option, options).await
    };
    #[doc = "Stops the selected tasks (drained first with `drain`); a report per task."]
    stop_tasks -> BulkReport {
        server: Name, #[serde(default)] names: Strings, pattern: Option<String>,
        #[serde(default)] states: Strings, #[serde(default)] tags: Strings,
        all: Option<bool>,
        /// Drain each task before stopping it (false).
        drain: Option<bool>,
        /// Polls in a row that must be quiet when draining (3).
        quiet_polls: Option<Count>,
        /// Tasks handled at once (8).
        concurrency: Option<Count>,
        /// Wait for each task to be STOPPED (true).
        wait: Option<bool>,
    } |c, a, w| async move {
        let options = BulkOptions { concurrency: concurrency(a.concurrency), wait: a.wait.unwrap_or(true).then_some(w) };
        let drain = a.drain.unwrap_or(false).then(|| quiet_polls(a.quiet_polls));
        c.stop_tasks(&a.server.0, &selection(&a.names, &a.pattern, &a.states, &a.tags, a.all), drain, options).await
    };
    #[doc = "Every task's state and stop reason, with the time taken."]
    snapshot_task_states -> TaskStateSnapshot {
        server: Name,
    } |c, a, _w| c.snapshot_task_states(&a.server.0);
    #[doc = "Dated backups: ExportAll per server and every task with its endpoints, under `dir`."]
    backup -> BackupReport {
        /// The folder the dated backup folder is made in.
        dir: Name,
        /// The servers (all of GetServerList when absent).
        #[serde(default)]
        servers: Strings,
    } |c, a, _w| async move { c.backup(Path::new(&a.dir.0), &a.servers.0).await };
    #[doc = "The selected tasks' figures in the Prometheus text format (every task when nothing is selected)."]
    prometheus_metrics -> String {
        server: Name, #[serde(default)] names: Strings, pattern: Option<String>,
        #[serde(default)] states: Strings, #[serde(default)] tags: Strings,
        all: Option<bool>,
        /// Task details read at once (8).
        concurrency: Option<Count>,
    } |c, a, _w| async move {
        c.prometheus_metrics(&a.server.0, &selection(&a.names, &a.pattern, &a.states, &a.tags, a.all), concurrency(a.concurrency)).await
    };
    #[doc = "Exports a task, renames it and its endpoints, overrides endpoint settings, imports it (nothing imported when a change does not apply)."]
    promote_task -> PromoteReport {
        server: Name, task: Name,
        /// The server it is imported to.
        to_server: Name,
        /// Its name there (the same name when absent).
        new_name: Option<String>,
        /// Endpoint renames: old name -> new name.
        endpoint_names: Option<BTreeMap<String, String>>,
        /// Endpoint -> `db_settings` keys to set (`null` removes a key).
        endpoint_settings: Option<BTreeMap<String, serde_json::Map<String, Value>>>,
        /// Export and import the task's endpoints too (true).
        with_endpoints: Option<bool>,
    } |c, a, _w| async move {
        let changes = PromoteChanges {
            new_name: a.new_name.clone(),
            endpoint_names: a.endpoint_names.clone().unwrap_or_default(),
            endpoint_settings: a.endpoint_settings.clone().unwrap_or_default(),
        };
        c.promote_task(&a.server.0, &a.task.0, c, &a.to_server.0, &changes, a.with_endpoints.unwrap_or(true)).await
    };
    #[doc = "Starts a task and waits for the run it started: the run once it SUCCEEDED; TASK_FAILED (the run id and the end of its log) when it FAILED; WAIT_TIMEOUT."]
    start_task_and_wait in "qlik_cloud" -> CloudRun {
        /// The task's id.
        id: Name,
    } |c, a, w| {
        // A tenant's rate limit is per minute: without `poll_ms`, one poll a second.
        let w = if a.poll_ms.is_none() { WaitOptions { poll_interval: Duration::from_secs(1), ..w } } else { w };
        async move { c.start_task_and_wait(&a.id.0, w).await }
    };
    #[doc = "Clones a job and waits for its task: the new job (id, UID and name from the task's Related link) once Finished; TASK_FAILED with Veeam's message; WAIT_TIMEOUT."]
    clone_job_and_wait in "veeam" -> VeeamClonedJob {
        /// The job cloned: its GUID or urn:veeam:Job:<guid>.
        job: Name,
        /// The new job's name (at most 50 characters).
        job_name: Name,
        /// A backup clone's folder (the name of its backup files).
        folder_name: Option<String>,
        /// The repository: a GUID or urn:veeam:Repository:<guid>.
        repository_uid: Option<String>,
        /// Backup (the default), Replica, BackupCopy or ImmediateBackupCopy.
        kind: Option<String>,
        /// The new job's description.
        description: Option<String>,
        /// A replica clone's suffix of its VM replicas' names.
        vm_suffix: Option<String>,
        /// A backup copy clone's file name.
        job_file_name: Option<String>,
    } |c, a, w| {
        // Enterprise Manager collects a task's data in its own time: one poll a second.
        let w = if a.poll_ms.is_none() { WaitOptions { poll_interval: Duration::from_secs(1), ..w } } else { w };
        let clone = VeeamJobClone {
            job_name: a.job_name.0.clone(), folder_name: a.folder_name.clone(),
            repository_uid: a.repository_uid.clone(), kind: a.kind.clone(),
            description: a.description.clone(), vm_suffix: a.vm_suffix.clone(),
            job_file_name: a.job_file_name.clone(),
        };
        async move { c.clone_job_and_wait(&a.job.0, &clone, w).await }
    };
}
