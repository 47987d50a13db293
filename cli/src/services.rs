//! The curated commands of the other services: `qem cloud` (Qlik Cloud Tasks), `qem veeam`
//! (Veeam Backup Enterprise Manager) and `qem kinetic` (Kinetic Task). Each group implies
//! its service: a connection that names none gets it, one of another service is refused.

use crate::cli::{parse_duration, set_given, Global};
use crate::output::Show;
use crate::{call_and_print, call_with_progress, Outcome};
use clap::{Args, Subcommand};
use qem_core::Client;
use serde_json::{json, Map, Value};

#[derive(Subcommand)]
pub enum CloudCommand {
    /// The tenant's tasks, every page (of one app or resource with --resource-id).
    Tasks {
        /// Only the tasks of this resource (an app's id).
        #[arg(long)]
        resource_id: Option<String>,
        #[command(flatten)]
        pages: Pages,
    },
    /// A task.
    Show {
        /// The task's id (`cloud tasks -q`).
        id: String,
    },
    /// Starts a task; with --wait, waits for its run to end (exit 5 when it failed).
    Start {
        /// The task's id (`cloud tasks -q`).
        id: String,
        /// Wait for the run to end.
        #[arg(long)]
        wait: bool,
        /// The longest wait (10m, 90s, 500ms).
        #[arg(long, value_parser = parse_duration, default_value = "10m")]
        timeout: u64,
    },
    /// A task's runs, every page.
    Runs {
        /// The task's id (`cloud tasks -q`).
        id: String,
        #[command(flatten)]
        pages: Pages,
    },
    /// A task's last run.
    LastRun {
        /// The task's id (`cloud tasks -q`).
        id: String,
    },
    /// A run's log, as text.
    Log {
        /// The task's id (`cloud tasks -q`).
        id: String,
        /// The run's id (`cloud runs -q`).
        run_id: String,
    },
    /// Deletes a task.
    Delete {
        /// The task's id (`cloud tasks -q`).
        id: String,
    },
}

/// How much of a paged list is read.
#[derive(Args)]
pub struct Pages {
    /// Items per page (1-100; the tenant's default when absent).
    #[arg(long)]
    limit: Option<u64>,
    /// Stop after this many items.
    #[arg(long)]
    max_items: Option<u64>,
}

impl Pages {
    fn args(&self, mut a: Map<String, Value>) -> Value {
        a.insert("all".into(), true.into());
        if let Some(n) = self.limit {
            a.insert("limit".into(), n.into());
        }
        if let Some(n) = self.max_items {
            a.insert("max_items".into(), n.into());
        }
        Value::Object(a)
    }
}

/// The kinds of job a clone makes, as the schema names them.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum JobKind {
    Backup,
    Replica,
    BackupCopy,
    ImmediateBackupCopy,
}

impl JobKind {
    fn wire(self) -> &'static str {
        match self {
            JobKind::Backup => "Backup",
            JobKind::Replica => "Replica",
            JobKind::BackupCopy => "BackupCopy",
            JobKind::ImmediateBackupCopy => "ImmediateBackupCopy",
        }
    }
}

#[derive(Subcommand)]
pub enum VeeamCommand {
    /// The jobs, with the UIDs `clone` takes (`-q`: the UIDs; Portal Administrators only).
    Jobs,
    /// The backup repositories, with the UIDs `clone --repository` takes.
    Repositories,
    /// Clones a job (its GUID or UID) as NEW_NAME; with --wait, waits for its task and
    /// prints the new job (exit 5 when the clone failed).
    Clone {
        /// The job cloned: its GUID or urn:veeam:Job:<guid> (`veeam jobs -q`).
        job: String,
        /// The new job's name (at most 50 characters).
        new_name: String,
        /// The kind of job (the job's own).
        #[arg(long, value_enum, default_value = "backup")]
        kind: JobKind,
        /// A backup clone's folder: the name of its backup files.
        #[arg(long)]
        folder: Option<String>,
        /// The repository the new job writes to (a backup or backup copy clone).
        #[arg(long)]
        repository: Option<String>,
        /// A replica clone's suffix of its VM replicas' names.
        #[arg(long)]
        vm_suffix: Option<String>,
        /// A backup copy clone's file name.
        #[arg(long)]
        job_file_name: Option<String>,
        /// The new job's description.
        #[arg(long)]
        description: Option<String>,
        /// Wait for the clone's task to finish.
        #[arg(long)]
        wait: bool,
        /// The longest wait (10m, 90s, 500ms).
        #[arg(long, value_parser = parse_duration, default_value = "10m")]
        timeout: u64,
    },
    /// A task: its state, and its result once finished.
    Task {
        /// The task's id (`task-1`), as `clone` printed it.
        task: String,
    },
    /// Stops a task (Enterprise Manager then forgets it).
    StopTask {
        /// The task's id.
        task: String,
    },
}

#[derive(Subcommand)]
pub enum KineticCommand {
    /// Copies the trees and local routines of one Source and Group into another.
    CloneTrees {
        /// The Source copied from.
        #[arg(long)]
        source_from: String,
        /// The Source copied into.
        #[arg(long)]
        source_to: String,
        /// The Group copied from.
        #[arg(long)]
        group_from: String,
        /// The Group copied into.
        #[arg(long)]
        group_to: String,
        /// Only these trees and local routines (all when absent).
        #[arg(long = "name")]
        names: Vec<String>,
        /// A local routine's definition id and its copy's, `old=new`.
        #[arg(long = "routine", value_name = "OLD=NEW")]
        routines: Vec<String>,
    },
}

const CLOUD_TASKS: Show = Show::Columns(&["id", "name", "enabled", "resourceId", "updatedAt"]);
const CLOUD_RUNS: Show = Show::Columns(&["id", "status", "startedAt", "endedAt", "taskName"]);
const VEEAM_REFS: Show = Show::Columns(&["UID", "Name"]);
const VEEAM_TASK: Show = Show::Columns(&["TaskId", "State", "Operation"]);

/// `{"id": id}` and more.
fn by_id(id: String) -> Map<String, Value> {
    let mut a = Map::new();
    a.insert("id".into(), id.into());
    a
}

pub async fn cloud(client: &Client, global: &Global, command: CloudCommand) -> Outcome {
    match command {
        CloudCommand::Tasks { resource_id, pages } => {
            let mut a = Map::new();
            if let Some(r) = resource_id {
                a.insert("resourceId".into(), r.into());
            }
            call_and_print(client, global, "get_tasks", pages.args(a), CLOUD_TASKS).await
        }
        CloudCommand::Show { id } => {
            call_and_print(client, global, "get_task", by_id(id).into(), CLOUD_TASKS).await
        }
        CloudCommand::Start { id, wait, timeout } => {
            let what = format!("starting {id}, waiting for its run to end");
            let (method, a) = match wait {
                true => (
                    "start_task_and_wait",
                    json!({"id": id, "timeout_ms": timeout}),
                ),
                false => ("start_task", json!({ "id": id })),
            };
            call_with_progress(client, global, what, method, a, CLOUD_RUNS).await
        }
        CloudCommand::Runs { id, pages } => {
            call_and_print(
                client,
                global,
                "get_task_runs",
                pages.args(by_id(id)),
                CLOUD_RUNS,
            )
            .await
        }
        CloudCommand::LastRun { id } => {
            let a = by_id(id).into();
            call_and_print(client, global, "get_last_task_run", a, CLOUD_RUNS).await
        }
        CloudCommand::Log { id, run_id } => {
            let a = json!({"id": id, "runId": run_id});
            call_and_print(client, global, "get_task_run_log", a, Show::Any).await
        }
        CloudCommand::Delete { id } => {
            call_and_print(client, global, "delete_task", by_id(id).into(), Show::Any).await
        }
    }
}

pub async fn veeam(client: &Client, global: &Global, command: VeeamCommand) -> Outcome {
    match command {
        VeeamCommand::Jobs => {
            call_and_print(client, global, "get_jobs", json!({}), VEEAM_REFS).await
        }
        VeeamCommand::Repositories => {
            call_and_print(client, global, "get_repositories", json!({}), VEEAM_REFS).await
        }
        VeeamCommand::Clone {
            job,
            new_name,
            kind,
            folder,
            repository,
            vm_suffix,
            job_file_name,
            description,
            wait,
            timeout,
        } => {
            let mut a = json!({"job": job, "job_name": new_name, "kind": kind.wire()});
            set_given(
                &mut a,
                [
                    ("folder_name", folder),
                    ("repository_uid", repository),
                    ("vm_suffix", vm_suffix),
                    ("job_file_name", job_file_name),
                    ("description", description),
                ],
            );
            let what = format!("cloning {job} as {new_name}");
            let (method, show) = match wait {
                true => {
                    a["timeout_ms"] = timeout.into();
                    ("clone_job_and_wait", Show::Any)
                }
                false => ("clone_job", VEEAM_TASK),
            };
            call_with_progress(client, global, what, method, a, show).await
        }
        VeeamCommand::Task { task } => {
            let a = json!({ "task": task });
            call_and_print(client, global, "get_task", a, VEEAM_TASK).await
        }
        VeeamCommand::StopTask { task } => {
            let a = json!({ "task": task });
            call_and_print(client, global, "delete_task", a, Show::Any).await
        }
    }
}

pub async fn kinetic(client: &Client, global: &Global, command: KineticCommand) -> Outcome {
    let KineticCommand::CloneTrees {
        source_from,
        source_to,
        group_from,
        group_to,
        names,
        routines,
    } = command;
    let mut a = json!({"source_from": source_from, "source_to": source_to,
        "group_from": group_from, "group_to": group_to});
    if !names.is_empty() {
        a["names"] = names.into();
    }
    if !routines.is_empty() {
        a["local_routines"] = Value::Object(crate::args::renames("routine", &routines)?);
    }
    let answer = client.call("clone_trees", a).await?;
    if global.json {
        return crate::output::print(global, &answer, Show::Any);
    }
    let trees = answer.get("trees").cloned().unwrap_or_else(|| json!([]));
    let columns = Show::Columns(&["name", "id", "definitionId", "status"]);
    crate::output::print(global, &trees, columns)?;
    if !global.quiet {
        if let Some(m) = answer["message"].as_str() {
            println!("{m}");
        }
    }
    Ok(())
}
