//! The command line: global flags, the commands, and what each one calls.

use crate::output::Show;
use crate::{call_and_print, call_with_progress, Failure, Outcome};
use clap::{Args, Parser, Subcommand};
use qem_core::Client;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// Qlik Enterprise Manager (and Qlik Cloud, Kinetic Task, Veeam) from the command line.
///
/// Connection: flags, then QEM_URL, QEM_USER, QEM_PASSWORD, QEM_CA_FILE, QEM_SERVICE
/// (QEM_API_KEY for Qlik Cloud), then the context (--context, QEM_CONTEXT, or the one `qem context use`
/// chose). The cloud, veeam and kinetic commands imply their service.
/// Exit codes: 0 success, 1 server or transport error, 2 usage or INVALID_ARGUMENT,
/// 3 some items of a bulk command failed, 4 WAIT_TIMEOUT, 5 TASK_FAILED, 6 RATE_LIMITED,
/// 130 interrupted.
#[derive(Parser)]
#[command(name = "qem", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes, before or after it.
#[derive(Args, Clone)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// Print exactly the generic entry's JSON (errors as JSON on stderr).
    #[arg(long, global = true)]
    pub json: bool,
    /// Names or ids only, one per line.
    #[arg(short, long, global = true, conflicts_with = "json")]
    pub quiet: bool,
    /// Log each request (operation, URL, status; never a secret) on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// The named connection to use.
    #[arg(long, global = true, env = "QEM_CONTEXT")]
    pub context: Option<String>,
    /// The server's URL (https://host/attunityenterprisemanager).
    #[arg(long, global = true, env = "QEM_URL")]
    pub url: Option<String>,
    /// The user (DOMAIN\user or user@domain); its password comes from QEM_PASSWORD,
    /// --password-stdin or the context.
    #[arg(long, global = true, env = "QEM_USER")]
    pub user: Option<String>,
    /// Read the password (a Qlik Cloud tenant's API key) from the first line of stdin.
    #[arg(long, global = true)]
    pub password_stdin: bool,
    /// A PEM file of extra trusted CA certificates.
    #[arg(long, global = true, env = "QEM_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// Do not verify the server's certificate.
    #[arg(long, global = true)]
    pub insecure: bool,
    /// The service (qem, qlik_cloud, kinetic, veeam): of the connection when its context
    /// does not say (qem by default), of a context added, of the operations listed.
    #[arg(long, global = true, env = "QEM_SERVICE")]
    pub service: Option<String>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Named connections, in a file only you can read.
    #[command(subcommand)]
    Context(ContextCommand),
    /// Every operation and helper of the API description (only --service's when given).
    Ops,
    /// Any operation or helper by name, with its arguments.
    Call {
        /// Its name (get_task_details, GetTaskDetails, run_task_and_wait...).
        operation: String,
        /// An argument, `name=value` (a value that is not a string in the description is
        /// read as JSON: `timeout=30`, `states=["RUNNING"]`).
        #[arg(long = "arg", short = 'a', value_name = "NAME=VALUE")]
        args: Vec<String>,
        /// Every argument as one JSON object (`--arg` adds to it).
        #[arg(long = "args", value_name = "JSON")]
        args_json: Option<String>,
    },
    /// Servers.
    #[command(subcommand)]
    Servers(ServersCommand),
    /// The tasks of a server.
    #[command(subcommand)]
    Tasks(TasksCommand),
    /// One task.
    #[command(subcommand)]
    Task(TaskCommand),
    /// A task's tables and their states.
    Tables {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
    },
    /// Waits until a task is running, stopped, done with its full load, or drained.
    Wait {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// What to wait for.
        #[arg(long = "for", value_enum)]
        until: WaitFor,
        /// The longest wait (10m, 90s, 500ms).
        #[arg(long, value_parser = parse_duration, default_value = "10m")]
        timeout: u64,
    },
    /// Every task's state and stop reason, with the time taken: what `tasks run
    /// --from-snapshot` later restores.
    Snapshot {
        /// The server, as `servers ls` names it.
        server: String,
        /// Write to this file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Dated backups: each server's ExportAll and every task with its endpoints, under DIR.
    Backup {
        /// The folder the dated backups go under.
        dir: PathBuf,
        /// Only these servers (all when absent).
        #[arg(long = "server")]
        servers: Vec<String>,
    },
    /// Exports a task, renames it and its endpoints, imports it on another server.
    Promote {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// The server it goes to.
        #[arg(long)]
        to: String,
        /// Its name there (the same when absent).
        #[arg(long)]
        new_name: Option<String>,
        /// An endpoint rename, `old=new`.
        #[arg(long = "endpoint", value_name = "OLD=NEW")]
        endpoints: Vec<String>,
        /// Without its endpoints.
        #[arg(long)]
        no_endpoints: bool,
    },
    /// Clones a task on its server under a new name.
    Clone {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// The clone's name.
        new_name: String,
        /// Clone its permissions too.
        #[arg(long)]
        permissions: bool,
        /// The source endpoint of the clone (its display name).
        #[arg(long)]
        source_endpoint: Option<String>,
        /// The target endpoint of the clone.
        #[arg(long)]
        target_endpoint: Option<String>,
        /// The schema of its control tables.
        #[arg(long)]
        control_schema: Option<String>,
        /// The schema of its target tables.
        #[arg(long)]
        target_schema: Option<String>,
    },
    /// The tasks' figures in the Prometheus text format; with --listen, served at /metrics.
    Metrics {
        /// The server, as `servers ls` names it.
        server: String,
        #[command(flatten)]
        selection: Selection,
        /// Serve /metrics at this address (127.0.0.1:9477) instead of printing once.
        #[arg(long)]
        listen: Option<std::net::SocketAddr>,
        /// How often the served figures are read again.
        #[arg(long, value_parser = parse_duration, default_value = "30s")]
        every: u64,
    },
    /// Exports a task (with its endpoints) as JSON, streamed.
    Export {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// Write to this file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Without its endpoints.
        #[arg(long)]
        no_endpoints: bool,
        /// The server's bytes exactly, with the `//` comment line some exports begin with
        /// (left out otherwise, so that the output is plain JSON).
        #[arg(long)]
        raw: bool,
    },
    /// Imports a task from a JSON export.
    Import {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// Read from this file (`-`: stdin).
        #[arg(short, long)]
        input: PathBuf,
    },
    /// Qlik Cloud Tasks: a tenant's tasks and their runs (a qlik_cloud connection).
    #[command(subcommand)]
    Cloud(crate::services::CloudCommand),
    /// Veeam Backup Enterprise Manager: jobs, repositories, clones and their tasks.
    #[command(subcommand)]
    Veeam(crate::services::VeeamCommand),
    /// Kinetic Task: copies trees and local routines between Sources and Groups.
    #[command(subcommand)]
    Kinetic(crate::services::KineticCommand),
    /// Runs the project's mock servers (Enterprise Manager, Qlik Cloud, Kinetic Task,
    /// Veeam) for your own tests; prints the base URL on the first line.
    Mock(MockArgs),
    /// Shell completions.
    Completions { shell: clap_complete::Shell },
}

#[derive(Subcommand)]
pub enum ContextCommand {
    /// Adds (or replaces) a context; the password is asked for without echo.
    Add {
        name: String,
        /// Any further client option, `name=value` (read_timeout_ms=120000...).
        #[arg(long = "option", short = 'o', value_name = "NAME=VALUE")]
        options: Vec<String>,
        /// Make it the current context.
        #[arg(long = "use")]
        make_current: bool,
    },
    /// Makes a context the current one.
    Use { name: String },
    /// The contexts.
    List,
    /// A context's settings, secrets hidden.
    Show { name: Option<String> },
    /// Removes a context.
    Remove { name: String },
}

#[derive(Subcommand)]
pub enum ServersCommand {
    /// The servers Enterprise Manager manages.
    Ls,
}

/// Which tasks a bulk command takes: names, or the criteria (all of which must hold).
#[derive(Args, Clone, Default)]
pub struct Selection {
    /// Task names.
    pub names: Vec<String>,
    /// A name pattern (`*` and `?`).
    #[arg(long = "name")]
    pub pattern: Option<String>,
    /// Tasks in these states.
    #[arg(long)]
    pub state: Vec<String>,
    /// Tasks with these tags.
    #[arg(long)]
    pub tag: Vec<String>,
    /// Every task of the server.
    #[arg(long)]
    pub all: bool,
}

impl Selection {
    /// The selection's arguments of the core's helpers.
    fn args(&self, server: &str) -> Map<String, Value> {
        let mut a = Map::new();
        a.insert("server".into(), server.into());
        if !self.names.is_empty() {
            a.insert("names".into(), self.names.clone().into());
        }
        if let Some(p) = &self.pattern {
            a.insert("pattern".into(), p.clone().into());
        }
        if !self.state.is_empty() {
            a.insert("states".into(), self.state.clone().into());
        }
        if !self.tag.is_empty() {
            a.insert("tags".into(), self.tag.clone().into());
        }
        if self.all {
            a.insert("all".into(), true.into());
        }
        a
    }
}

/// What `qem wait` waits for.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum WaitFor {
    Running,
    Stopped,
    FullLoad,
    Drained,
}

#[derive(Subcommand)]
pub enum TasksCommand {
    /// Runs the selected tasks (or those running in a snapshot), a report per task.
    Run {
        /// The server: every server when absent (with --all or criteria), or the snapshot's.
        server: Option<String>,
        #[command(flatten)]
        selection: Selection,
        /// The tasks that were RUNNING in this snapshot (`qem snapshot`).
        #[arg(long)]
        from_snapshot: Option<PathBuf>,
        /// The run option.
        #[arg(long, default_value = "RESUME_PROCESSING")]
        option: String,
        /// Tasks handled at once.
        #[arg(long, default_value_t = 8)]
        concurrency: u64,
        /// Do not wait for each task to be RUNNING.
        #[arg(long)]
        no_wait: bool,
    },
    /// Stops the selected tasks (or those running in a snapshot), a report per task.
    Stop {
        /// The server: every server when absent (with --all or criteria), or the snapshot's.
        server: Option<String>,
        #[command(flatten)]
        selection: Selection,
        /// The tasks that were RUNNING in this snapshot.
        #[arg(long)]
        from_snapshot: Option<PathBuf>,
        /// Drain each task before stopping it.
        #[arg(long)]
        drain: bool,
        /// Tasks handled at once.
        #[arg(long, default_value_t = 8)]
        concurrency: u64,
        /// Do not wait for each task to be STOPPED.
        #[arg(long)]
        no_wait: bool,
    },
    /// A server's tasks.
    Ls {
        /// The server, as `servers ls` names it.
        server: String,
        /// Only tasks in these states (RUNNING, STOPPED...).
        #[arg(long)]
        state: Vec<String>,
        /// Only tasks with these tags.
        #[arg(long)]
        tag: Vec<String>,
        /// Only tasks whose name matches (`*` and `?`).
        #[arg(long)]
        name: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum TaskCommand {
    /// A task's details.
    Show {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
    },
    /// Runs a task.
    Run {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// The run option (RESUME_PROCESSING, RELOAD_TARGET...).
        #[arg(long, default_value = "RESUME_PROCESSING")]
        option: String,
        /// Wait until it is RUNNING.
        #[arg(long)]
        wait: bool,
        /// The longest wait (10m, 90s, 500ms).
        #[arg(long, value_parser = parse_duration, default_value = "10m")]
        timeout: u64,
    },
    /// Stops a task.
    Stop {
        /// The server, as `servers ls` names it.
        server: String,
        /// The task's name.
        task: String,
        /// Drain it first (no latency, nothing in flight), then stop it.
        #[arg(long)]
        drain: bool,
        /// Wait until it is STOPPED.
        #[arg(long)]
        wait: bool,
        /// The longest wait (10m, 90s, 500ms).
        #[arg(long, value_parser = parse_duration, default_value = "10m")]
        timeout: u64,
    },
}

#[derive(Args)]
pub struct MockArgs {
    /// The port (0 picks a free one).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// A state document to start from (see the mock's STATE.md).
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Write the self-signed certificate (PEM) here, for the clients' CA file.
    #[arg(long)]
    pub cert_out: Option<PathBuf>,
    /// Plain HTTP instead of HTTPS.
    #[arg(long)]
    pub http: bool,
}

/// A duration: `90s`, `10m`, `1h`, `500ms` or seconds; in milliseconds.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (number, unit) = t
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map_or((t, ""), |i| t.split_at(i));
    let n: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration (90s, 10m, 1h, 500ms)"))?;
    let ms = match unit {
        "ms" => n,
        "" | "s" => n * 1e3,
        "m" => n * 60e3,
        "h" => n * 3600e3,
        _ => return Err(format!("`{text}` is not a duration (90s, 10m, 1h, 500ms)")),
    };
    Ok(ms.round() as u64)
}

impl Command {
    /// The service a command group implies (`qem veeam ...`), if any.
    pub fn service(&self) -> Option<&'static str> {
        match self {
            Command::Cloud(_) => Some("qlik_cloud"),
            Command::Veeam(_) => Some("veeam"),
            Command::Kinetic(_) => Some("kinetic"),
            _ => None,
        }
    }
}

/// Sets the fields of `object` that were given.
pub(crate) fn set_given<const N: usize>(object: &mut Value, fields: [(&str, Option<String>); N]) {
    for (k, v) in fields {
        if let Some(v) = v {
            object[k] = v.into();
        }
    }
}

/// Runs a command against `client`.
pub async fn run(client: &Client, global: &Global, command: Command) -> Outcome {
    match command {
        Command::Cloud(c) => crate::services::cloud(client, global, c).await,
        Command::Veeam(c) => crate::services::veeam(client, global, c).await,
        Command::Kinetic(c) => crate::services::kinetic(client, global, c).await,
        Command::Call {
            operation,
            args,
            args_json,
        } => {
            let args = crate::args::build(
                client.service().name,
                &operation,
                &args,
                args_json.as_deref(),
            )?;
            call_and_print(client, global, &operation, args, Show::Any).await
        }
        Command::Servers(ServersCommand::Ls) => {
            call_and_print(client, global, "get_server_list", json!({}), Show::Servers).await
        }
        Command::Tasks(TasksCommand::Ls {
            server,
            state,
            tag,
            name,
        }) => {
            let answer = client
                .call("get_task_list", json!({ "server": server }))
                .await?;
            let answer = if state.is_empty() && tag.is_empty() && name.is_none() {
                answer
            } else {
                // The selection is the core's (the same rules as run_tasks and stop_tasks).
                let mut sel = Map::new();
                sel.insert("server".into(), server.into());
                if !state.is_empty() {
                    sel.insert("states".into(), state.into());
                }
                if !tag.is_empty() {
                    sel.insert("tags".into(), tag.into());
                }
                if let Some(n) = name {
                    sel.insert("pattern".into(), n.into());
                }
                let picked = client.call("select_tasks", Value::Object(sel)).await?;
                let picked: Vec<&str> = picked
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .collect();
                let mut answer = answer;
                if let Some(list) = answer.get_mut("taskList").and_then(Value::as_array_mut) {
                    list.retain(|t| t["name"].as_str().is_some_and(|n| picked.contains(&n)));
                }
                answer
            };
            crate::output::print(global, &answer, Show::Tasks)
        }
        Command::Task(TaskCommand::Show { server, task }) => {
            let args = json!({"server": server, "task": task});
            call_and_print(client, global, "get_task_details", args, Show::Task).await
        }
        Command::Task(TaskCommand::Run {
            server,
            task,
            option,
            wait,
            timeout,
        }) => {
            let what = format!("running {task}, waiting until it is RUNNING");
            let (method, args) = if wait {
                let a = json!({"server": server, "task": task, "option": option, "timeout_ms": timeout});
                ("run_task_and_wait", a)
            } else {
                (
                    "run_task",
                    json!({"server": server, "task": task, "option": option}),
                )
            };
            call_with_progress(client, global, what, method, args, Show::Task).await
        }
        Command::Task(TaskCommand::Stop {
            server,
            task,
            drain,
            wait,
            timeout,
        }) => {
            let what = match drain {
                true => format!("draining {task}, then stopping it"),
                false => format!("stopping {task}"),
            };
            let a = json!({"server": server, "task": task, "timeout_ms": timeout});
            let (method, args) = match (drain, wait) {
                (true, _) => ("drain_and_stop_task", a),
                (false, true) => ("stop_task_and_wait", a),
                (false, false) => ("stop_task", json!({"server": server, "task": task})),
            };
            call_with_progress(client, global, what, method, args, Show::Task).await
        }
        Command::Tables { server, task } => {
            let args = json!({"server": server, "task": task});
            call_and_print(client, global, "get_table_statuses", args, Show::Tables).await
        }
        Command::Export {
            server,
            task,
            output,
            no_endpoints,
            raw,
        } => {
            // Streamed to disk by the core (constant memory): straight to the file with
            // --raw, else to a scratch file copied on without its leading comment lines.
            let direct = output.as_ref().filter(|_| raw).cloned();
            let scratch = scratch_path(output.as_deref(), "export");
            let first = direct.clone().unwrap_or_else(|| scratch.clone());
            let args = json!({"server": server, "task": task, "withendpoints": !no_endpoints, "file": first});
            let watched = output.is_some().then(|| first.clone());
            let export = client.call("export_task", args);
            let done = crate::progress::during("exporting".into(), watched, export).await;
            let finished = match (done, direct.is_some()) {
                (Err(e), _) => Err(e.into()),
                (Ok(answer), true) => Ok(answer),
                (Ok(_), false) => copy_document(&scratch, output.as_deref(), raw),
            };
            let _ = std::fs::remove_file(&scratch);
            let answer = finished?;
            match output {
                None => Ok(()),
                Some(_) => crate::output::print(global, &answer, Show::Written),
            }
        }
        Command::Import {
            server,
            task,
            input,
        } => {
            let mut args = json!({"server": server, "task": task});
            if input == std::path::Path::new("-") {
                // Kept on disk first (constant memory), so the upload streams from a file
                // that can be sent again after a session renewal.
                let scratch = scratch_path(None, "import");
                let copied = std::fs::File::create(&scratch).and_then(|mut f| {
                    std::io::copy(&mut std::io::stdin().lock(), &mut f)?;
                    f.sync_all()
                });
                if let Err(e) = copied {
                    let _ = std::fs::remove_file(&scratch);
                    return Err(Failure::Local(format!("reading stdin: {e}")));
                }
                args["payload_file"] = json!(scratch);
                let what = "importing".to_string();
                let done =
                    call_with_progress(client, global, what, "import_task", args, Show::Any).await;
                let _ = std::fs::remove_file(&scratch);
                return done;
            } else {
                if !input.is_file() {
                    return Err(Failure::Usage(format!("{} is not a file", input.display())));
                }
                args["payload_file"] = json!(input);
            }
            let what = "importing".to_string();
            call_with_progress(client, global, what, "import_task", args, Show::Any).await
        }
        Command::Tasks(TasksCommand::Run {
            server,
            selection,
            from_snapshot,
            option,
            concurrency,
            no_wait,
        }) => {
            let target = Bulk::new(server, selection, from_snapshot, concurrency, no_wait);
            let target = target.with("option", option.into());
            bulk(client, global, "run_tasks", "running", target).await
        }
        Command::Tasks(TasksCommand::Stop {
            server,
            selection,
            from_snapshot,
            drain,
            concurrency,
            no_wait,
        }) => {
            let target = Bulk::new(server, selection, from_snapshot, concurrency, no_wait);
            let target = target.with("drain", drain.into());
            bulk(client, global, "stop_tasks", "stopping", target).await
        }
        Command::Wait {
            server,
            task,
            until,
            timeout,
        } => {
            let mut a = json!({"server": server, "task": task, "timeout_ms": timeout});
            let method = match until {
                WaitFor::Running => {
                    a["states"] = json!(["RUNNING"]);
                    "wait_for_task_state"
                }
                WaitFor::Stopped => {
                    a["states"] = json!(["STOPPED"]);
                    "wait_for_task_state"
                }
                WaitFor::FullLoad => "wait_for_full_load",
                WaitFor::Drained => "drain_task",
            };
            let what = format!("waiting for {}", a["task"].as_str().unwrap_or_default());
            call_with_progress(client, global, what, method, a, Show::Task).await
        }
        Command::Snapshot { server, output } => {
            let answer = client
                .call("snapshot_task_states", json!({ "server": server }))
                .await?;
            match output {
                Some(path) => {
                    let text = serde_json::to_string_pretty(&answer).expect("JSON");
                    std::fs::write(&path, text)
                        .map_err(|e| Failure::Local(format!("writing {}: {e}", path.display())))?;
                    if !global.quiet && !global.json {
                        eprintln!(
                            "snapshot of {} tasks written to {}",
                            answer["tasks"].as_array().map_or(0, Vec::len),
                            path.display()
                        );
                    }
                    Ok(())
                }
                None => {
                    println!("{}", serde_json::to_string_pretty(&answer).expect("JSON"));
                    Ok(())
                }
            }
        }
        Command::Backup { dir, servers } => {
            let mut a = json!({ "dir": dir });
            if !servers.is_empty() {
                a["servers"] = servers.into();
            }
            let what = "backing up".to_string();
            call_with_progress(client, global, what, "backup", a, Show::Report).await
        }
        Command::Promote {
            server,
            task,
            to,
            new_name,
            endpoints,
            no_endpoints,
        } => {
            let renames = crate::args::renames("endpoint", &endpoints)?;
            let mut a = json!({"server": server, "task": task, "to_server": to, "with_endpoints": !no_endpoints});
            if let Some(n) = new_name {
                a["new_name"] = n.into();
            }
            if !renames.is_empty() {
                a["endpoint_names"] = Value::Object(renames);
            }
            call_and_print(client, global, "promote_task", a, Show::Any).await
        }
        Command::Clone {
            server,
            task,
            new_name,
            permissions,
            source_endpoint,
            target_endpoint,
            control_schema,
            target_schema,
        } => {
            // CloneTask's body, with only what was given.
            let mut body = json!({ "new_task_name": new_name });
            if permissions {
                body["clone_permissions"] = true.into();
            }
            set_given(
                &mut body,
                [
                    ("new_source_endpoint", source_endpoint),
                    ("new_target_endpoint", target_endpoint),
                    ("new_control_schema", control_schema),
                    ("new_target_schema", target_schema),
                ],
            );
            let a = json!({"server": server, "task": task, "payload": body});
            call_and_print(client, global, "clone_task", a, Show::Any).await
        }
        Command::Metrics {
            server,
            selection,
            listen,
            every,
        } => {
            let mut a = selection.args(&server);
            if selection.names.is_empty()
                && selection.pattern.is_none()
                && selection.state.is_empty()
                && selection.tag.is_empty()
            {
                a.remove("all");
            }
            match listen {
                None => {
                    call_and_print(
                        client,
                        global,
                        "prometheus_metrics",
                        Value::Object(a),
                        Show::Any,
                    )
                    .await
                }
                Some(addr) => crate::metrics::serve(client, addr, Value::Object(a), every).await,
            }
        }
        Command::Context(_) | Command::Ops | Command::Mock(_) | Command::Completions { .. } => {
            unreachable!("answered without a connection")
        }
    }
}

/// What a bulk command acts on: a server (or every server, or the snapshot's), and
/// its tasks (the selection, or those RUNNING in the snapshot).
struct Bulk {
    server: Option<String>,
    selection: Selection,
    snapshot: Option<PathBuf>,
    /// The helper's other arguments (concurrency, wait, option or drain).
    extra: Map<String, Value>,
}

impl Bulk {
    fn new(
        server: Option<String>,
        selection: Selection,
        snapshot: Option<PathBuf>,
        concurrency: u64,
        no_wait: bool,
    ) -> Bulk {
        let mut extra = Map::new();
        extra.insert("concurrency".into(), concurrency.into());
        extra.insert("wait".into(), (!no_wait).into());
        Bulk {
            server,
            selection,
            snapshot,
            extra,
        }
    }

    fn with(mut self, name: &str, value: Value) -> Bulk {
        self.extra.insert(name.into(), value);
        self
    }
}

/// Runs a bulk helper (`run_tasks`, `stop_tasks`) on each server of `target`: one
/// server's report as the helper answers it; several servers' as
/// `{"succeeded", "failed", "servers": [reports]}`.
async fn bulk(
    client: &Client,
    global: &Global,
    method: &str,
    doing: &str,
    target: Bulk,
) -> Outcome {
    let snapshot = match &target.snapshot {
        None => None,
        Some(path) => Some(read_snapshot(path)?),
    };
    let servers: Vec<String> = match (&target.server, &snapshot) {
        (Some(s), _) => vec![s.clone()],
        (None, Some(snap)) => vec![snap["server"]
            .as_str()
            .ok_or_else(|| Failure::Usage("the snapshot names no server: give one".into()))?
            .to_string()],
        (None, None) => {
            let list = client.call("get_server_list", json!({})).await?;
            list["serverList"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["name"].as_str().map(str::to_string))
                .collect()
        }
    };
    let mut reports = Vec::new();
    for server in &servers {
        let mut a = match &snapshot {
            Some(snap) => snapshot_selection(server, snap)?,
            None => target.selection.args(server),
        };
        a.extend(target.extra.clone());
        let what = format!("{doing} the tasks of {server}");
        let report =
            crate::progress::during(what, None, client.call(method, Value::Object(a))).await?;
        reports.push(report);
    }
    let answer = match <[Value; 1]>::try_from(reports) {
        Ok([one]) => one,
        Err(reports) => {
            let sum = |k: &str| {
                reports
                    .iter()
                    .map(|r| r[k].as_u64().unwrap_or(0))
                    .sum::<u64>()
            };
            json!({"succeeded": sum("succeeded"), "failed": sum("failed"), "servers": reports})
        }
    };
    crate::output::print(global, &answer, Show::Report)
}

fn read_snapshot(path: &std::path::Path) -> Result<Value, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
    let snap: Value = serde_json::from_str(&text)
        .map_err(|e| Failure::Usage(format!("{} is not a snapshot: {e}", path.display())))?;
    if !snap["tasks"].is_array() {
        return Err(Failure::Usage(format!(
            "{} is not a snapshot (no tasks)",
            path.display()
        )));
    }
    Ok(snap)
}

/// The tasks that were RUNNING in a snapshot of `server`, as a selection by name.
fn snapshot_selection(server: &str, snap: &Value) -> Result<Map<String, Value>, Failure> {
    if snap["server"].as_str().is_some_and(|s| s != server) {
        return Err(Failure::Usage(format!(
            "the snapshot is of {}, not of {server}",
            snap["server"]
        )));
    }
    let running: Vec<Value> = snap["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|t| t["state"] == "RUNNING")
        .filter_map(|t| t["name"].as_str().map(Value::from))
        .collect();
    let mut a = Map::new();
    a.insert("server".into(), server.into());
    a.insert("names".into(), Value::Array(running));
    Ok(a)
}

/// A scratch file beside `near` (or in the temporary folder), unique to this process.
fn scratch_path(near: Option<&std::path::Path>, what: &str) -> PathBuf {
    let dir = near
        .and_then(|p| p.parent())
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(std::env::temp_dir, std::path::Path::to_path_buf);
    dir.join(format!(".qem-{what}-{}.json", std::process::id()))
}

/// Copies an export from `scratch` to `output` (stdout when none), without the BOM and
/// `//` comment lines it may begin with unless `raw`; answers `{"file", "bytes"}`.
fn copy_document(
    scratch: &std::path::Path,
    output: Option<&std::path::Path>,
    raw: bool,
) -> Result<Value, Failure> {
    use std::io::{BufRead as _, Write as _};
    let io = |e: std::io::Error| Failure::Local(format!("writing the export: {e}"));
    let mut src = std::io::BufReader::new(std::fs::File::open(scratch).map_err(io)?);
    if !raw {
        loop {
            let head = src.fill_buf().map_err(io)?;
            let bom = head.starts_with("\u{feff}".as_bytes());
            let blank = head.first().is_some_and(u8::is_ascii_whitespace);
            if bom {
                src.consume(3);
            } else if blank {
                src.consume(1);
            } else if head.starts_with(b"//") {
                src.read_line(&mut String::new()).map_err(io)?;
            } else {
                break;
            }
        }
    }
    let mut dst: Box<dyn std::io::Write> = match output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(io)?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let bytes = std::io::copy(&mut src, &mut dst).map_err(io)?;
    dst.flush().map_err(io)?;
    Ok(
        json!({ "file": output.map_or_else(|| "-".into(), |p| p.display().to_string()), "bytes": bytes }),
    )
}

/// `qem mock`: the mock servers until interrupted.
pub fn mock(m: MockArgs) -> Outcome {
    use std::io::Write as _;
    let state = match &m.state {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::Usage(format!("cannot read {}: {e}", path.display())))?;
            Some(serde_json::from_str(&text).map_err(|e| {
                Failure::Usage(format!(
                    "{} is not a JSON state document: {e}",
                    path.display()
                ))
            })?)
        }
    };
    let config = qem_mock::MockConfig {
        tls: !m.http,
        port: m.port,
        bind: m.bind,
        state,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Local(format!("starting the runtime: {e}")))?;
    rt.block_on(async move {
        let server = qem_mock::MockServer::start(config)
            .await
            .map_err(|e| Failure::Local(format!("cannot start the mock: {e}")))?;
        if let (Some(path), Some(pem)) = (&m.cert_out, server.ca_cert_pem()) {
            std::fs::write(path, pem)
                .map_err(|e| Failure::Local(format!("cannot write {}: {e}", path.display())))?;
        }
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", server.base_url());
        for service in ["qlik_cloud", "kinetic", "veeam"] {
            let _ = writeln!(out, "{service}: {}", server.service_url(service));
        }
        let _ = writeln!(
            out,
            "control: {}/mock (see STATE.md)",
            server
                .service_url("kinetic")
                .trim_end_matches("/kinetic-task")
        );
        let _ = out.flush();
        drop(out);
        let _ = tokio::signal::ctrl_c().await;
        Ok(())
    })
}
