//! The command line: global flags, the commands, and what each one calls.

use crate::output::Show;
use crate::{call_and_print, Failure, Outcome};
use clap::{Args, Parser, Subcommand};
use qem_core::Client;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// Qlik Enterprise Manager (and Qlik Cloud, Kinetic Task, Veeam) from the command line.
///
/// Connection: flags, then QEM_URL, QEM_USER, QEM_PASSWORD, QEM_CA_FILE, then the context
/// (--context, QEM_CONTEXT, or the one `qem context use` chose).
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
    /// Read the password from the first line of stdin.
    #[arg(long, global = true)]
    pub password_stdin: bool,
    /// A PEM file of extra trusted CA certificates.
    #[arg(long, global = true, env = "QEM_CA_FILE")]
    pub ca_file: Option<PathBuf>,
    /// Do not verify the server's certificate.
    #[arg(long, global = true)]
    pub insecure: bool,
}

#[derive(Subcommand)]
pub enum Command {
    /// Named connections, in a file only you can read.
    #[command(subcommand)]
    Context(ContextCommand),
    /// Every operation and helper of the API description.
    Ops {
        /// Only this service's (qem, qlik_cloud, kinetic, veeam).
        #[arg(long)]
        service: Option<String>,
    },
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
    Tables { server: String, task: String },
    /// Exports a task (with its endpoints) as JSON, streamed.
    Export {
        server: String,
        task: String,
        /// Write to this file (stdout when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Without its endpoints.
        #[arg(long)]
        no_endpoints: bool,
    },
    /// Imports a task from a JSON export.
    Import {
        server: String,
        task: String,
        /// Read from this file (`-`: stdin).
        #[arg(short, long)]
        input: PathBuf,
    },
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
        /// The service (qem, qlik_cloud, kinetic, veeam).
        #[arg(long, default_value = "qem")]
        service: String,
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

#[derive(Subcommand)]
pub enum TasksCommand {
    /// A server's tasks.
    Ls {
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
    Show { server: String, task: String },
    /// Runs a task.
    Run {
        server: String,
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
        server: String,
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

/// Runs a command against `client`.
pub async fn run(client: &Client, global: &Global, command: Command) -> Outcome {
    match command {
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
            let (method, args) = if wait {
                let a = json!({"server": server, "task": task, "option": option, "timeout_ms": timeout});
                ("run_task_and_wait", a)
            } else {
                (
                    "run_task",
                    json!({"server": server, "task": task, "option": option}),
                )
            };
            call_and_print(client, global, method, args, Show::Task).await
        }
        Command::Task(TaskCommand::Stop {
            server,
            task,
            drain,
            wait,
            timeout,
        }) => {
            let a = json!({"server": server, "task": task, "timeout_ms": timeout});
            let (method, args) = match (drain, wait) {
                (true, _) => ("drain_and_stop_task", a),
                (false, true) => ("stop_task_and_wait", a),
                (false, false) => ("stop_task", json!({"server": server, "task": task})),
            };
            call_and_print(client, global, method, args, Show::Task).await
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
        } => {
            // Streamed to the file (or to stdout), never held whole.
            let target = output.unwrap_or_else(|| PathBuf::from("/dev/stdout"));
            let to_stdout = target == std::path::Path::new("/dev/stdout");
            let args = json!({"server": server, "task": task, "withendpoints": !no_endpoints, "file": target});
            let answer = client.call("export_task", args).await?;
            if to_stdout {
                Ok(())
            } else {
                crate::output::print(global, &answer, Show::Written)
            }
        }
        Command::Import {
            server,
            task,
            input,
        } => {
            let mut args = json!({"server": server, "task": task});
            if input == std::path::Path::new("-") {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                    .map_err(|e| Failure::Local(format!("reading stdin: {e}")))?;
                let doc: Value = serde_json::from_str(&text)
                    .map_err(|e| Failure::Usage(format!("stdin is not a JSON export: {e}")))?;
                args["payload"] = doc;
            } else {
                if !input.is_file() {
                    return Err(Failure::Usage(format!("{} is not a file", input.display())));
                }
                args["payload_file"] = json!(input);
            }
            call_and_print(client, global, "import_task", args, Show::Any).await
        }
        Command::Context(_)
        | Command::Ops { .. }
        | Command::Mock(_)
        | Command::Completions { .. } => {
            unreachable!("answered without a connection")
        }
    }
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
