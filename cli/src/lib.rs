//! `qem`: every operation of the API description from the command line (`qem call`,
//! `qem ops`), curated commands for daily work, named connections (`qem context`) and the
//! project's mock servers (`qem mock`). Everything goes through the core's generic entry,
//! so `--json` prints exactly what it answers. [`run`] is the whole program: the `qem`
//! binary calls it, and so does the `qem` command the Python wheel installs.

mod args;
mod cli;
mod contexts;
mod metrics;
mod output;
mod progress;
mod services;

use clap::Parser as _;
use cli::{Cli, Command};
use qem_core::{Client, Error};
use serde_json::{json, Value};
use std::ffi::OsString;

/// The documented exit codes.
pub mod exit {
    /// A server or transport error.
    pub const FAILED: u8 = 1;
    /// A usage mistake or an argument the SDK refused (`INVALID_ARGUMENT`).
    pub const USAGE: u8 = 2;
    /// Some items of a bulk command failed.
    pub const PARTIAL: u8 = 3;
    /// A wait ran out (`WAIT_TIMEOUT`).
    pub const WAIT_TIMEOUT: u8 = 4;
    /// A task failed (`TASK_FAILED`).
    pub const TASK_FAILED: u8 = 5;
    /// The server kept refusing for its rate limit (`RATE_LIMITED`).
    pub const RATE_LIMITED: u8 = 6;
    /// Interrupted (Ctrl-C).
    pub const INTERRUPTED: u8 = 130;
}

/// What went wrong, with the exit code it means.
pub(crate) enum Failure {
    /// A mistake in the command line or the configuration: nothing was sent.
    Usage(String),
    /// The SDK's error.
    Sdk(Error),
    /// A local problem (a file).
    Local(String),
    /// Some items of a bulk command failed (the report was printed).
    Partial,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Sdk(e)
    }
}

impl Failure {
    fn code(&self) -> u8 {
        match self {
            Failure::Usage(_) => exit::USAGE,
            Failure::Local(_) => exit::FAILED,
            Failure::Partial => exit::PARTIAL,
            Failure::Sdk(e) => match e.error_code() {
                "INVALID_ARGUMENT" => exit::USAGE,
                "WAIT_TIMEOUT" => exit::WAIT_TIMEOUT,
                "TASK_FAILED" => exit::TASK_FAILED,
                "RATE_LIMITED" => exit::RATE_LIMITED,
                _ => exit::FAILED,
            },
        }
    }

    /// One line on stderr; with `--json`, the error as JSON.
    fn report(&self, json_out: bool) {
        let (code, message, status, operation) = match self {
            Failure::Usage(m) => ("USAGE".to_string(), m.clone(), None, None),
            Failure::Local(m) => ("IO_ERROR".to_string(), m.clone(), None, None),
            Failure::Partial => return,
            Failure::Sdk(e) => (
                e.error_code().to_string(),
                e.message().to_string(),
                e.http_status(),
                e.operation().map(str::to_string),
            ),
        };
        if json_out {
            let v = json!({"error_code": code, "message": message, "http_status": status, "operation": operation});
            eprintln!("{v}");
        } else {
            let one_line = message.replace('\n', " ");
            match self {
                Failure::Sdk(_) => eprintln!("qem: {code}: {one_line}"),
                _ => eprintln!("qem: {one_line}"),
            }
        }
    }
}

pub(crate) type Outcome = Result<(), Failure>;

/// A usage mistake as one line (clap's first line, without its styling).
fn usage_line(e: &clap::Error) -> String {
    let text = e.to_string();
    let mut line = String::new();
    let mut chars = text.lines().next().unwrap_or_default().chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // An ANSI sequence: up to its final letter.
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            line.push(c);
        }
    }
    line.trim_start_matches("error: ").to_string()
}

/// Runs `qem` with these arguments (the first is the program's name); answers the exit
/// code. Help and version are printed and exit the process, as does Ctrl-C (130).
pub fn run(args: Vec<OsString>) -> u8 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind as K;
            if matches!(e.kind(), K::DisplayHelp | K::DisplayVersion) {
                e.exit();
            }
            eprintln!("qem: {} (see qem --help)", usage_line(&e));
            return exit::USAGE;
        }
    };
    if cli.global.verbose > 0 {
        // The core logs each request's operation, URL and status at debug level; it never
        // logs a header or a body, so no secret reaches this output.
        let level = if cli.global.verbose > 1 {
            "trace"
        } else {
            "debug"
        };
        let filter = tracing_subscriber::EnvFilter::new(format!("qem_core={level}"));
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .with_target(false)
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            // A host process (Python) may have its own subscriber: that one stays.
            .try_init()
            .ok();
    }
    let json_out = cli.global.json;
    let result = match cli.command {
        // Commands that need no connection.
        Command::Context(c) => contexts::run(c, &cli.global),
        Command::Ops => output::ops(cli.global.service.as_deref(), &cli.global),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "qem", &mut std::io::stdout());
            Ok(())
        }
        Command::Mock(m) => cli::mock(m),
        other => with_client(&cli.global, other),
    };
    match result {
        Ok(()) => 0,
        Err(f) => {
            f.report(json_out);
            f.code()
        }
    }
}

/// Runs a command that talks to a server: the client from flags, environment and
/// context; Ctrl-C cancels the call in flight, logs out and exits 130.
fn with_client(global: &cli::Global, command: Command) -> Outcome {
    let options = contexts::client_options(global, command.service())?;
    let config = qem_core::ClientConfig::from_json(&options).map_err(Failure::Sdk)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Failure::Local(format!("starting the runtime: {e}")))?;
    rt.block_on(async move {
        let client = Client::new(config)?;
        let outcome = tokio::select! {
            r = cli::run(&client, global, command) => r,
            _ = tokio::signal::ctrl_c() => {
                let _ = client.close().await;
                eprintln!("qem: interrupted");
                std::process::exit(exit::INTERRUPTED.into());
            }
        };
        // Logging out is best effort: the command's own outcome is what counts.
        let _ = client.close().await;
        outcome
    })
}

/// Calls the generic entry and prints its answer: `--json` as it is; otherwise as the
/// command's table (`show`).
pub(crate) async fn call_and_print(
    client: &Client,
    global: &cli::Global,
    method: &str,
    args: Value,
    show: output::Show,
) -> Outcome {
    let answer = client.call(method, args).await?;
    output::print(global, &answer, show)
}

/// [`call_and_print`] with progress on a terminal: `what` is going on meanwhile.
pub(crate) async fn call_with_progress(
    client: &Client,
    global: &cli::Global,
    what: String,
    method: &str,
    args: Value,
    show: output::Show,
) -> Outcome {
    let answer = progress::during(what, None, client.call(method, args)).await?;
    output::print(global, &answer, show)
}
