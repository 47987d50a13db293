//! The typed methods, one line each over the table of operations, generated for the
//! async [`Client`] and the [`blocking::Client`] alike; plus the streaming variants of
//! the document methods, the wait helpers and the generic entry [`Client::call`].
//!
//! A parameter's name is the guide's; a parameter named `payload` is the body.

use crate::blocking;
use crate::client::{Client, Reply};
use crate::error::{codes, ErrorKind};
use crate::models::*;
use crate::ops::{Answer, Operation};
use crate::request::{Args, Payload};
use crate::{Error, Result};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};

/// A value a typed method passes as a named argument.
pub trait ArgValue {
    /// Adds itself to `args` under `name`.
    fn add_to(self, name: &str, args: &mut Args);
}

impl ArgValue for &str {
    fn add_to(self, name: &str, args: &mut Args) {
        if name == "payload" {
            args.payload = Some(Payload::Bytes(bytes::Bytes::copy_from_slice(
                self.as_bytes(),
            )));
        } else {
            args.values.insert(name.into(), Value::String(self.into()));
        }
    }
}

impl<T: Into<Value>> ArgValue for Option<T> {
    fn add_to(self, name: &str, args: &mut Args) {
        if let Some(v) = self {
            args.values.insert(name.into(), v.into());
        }
    }
}

impl ArgValue for RunTaskOptions {
    fn add_to(self, name: &str, args: &mut Args) {
        args.values
            .insert(name.into(), Value::String(self.as_str().into()));
    }
}

impl ArgValue for &TableFilter {
    fn add_to(self, _: &str, args: &mut Args) {
        if let Ok(Value::Object(m)) = serde_json::to_value(self) {
            args.values
                .extend(m.into_iter().filter(|(_, v)| !v.is_null()));
        }
    }
}

macro_rules! json_payloads {
    ($($t:ty),*) => {$(
        impl ArgValue for &$t {
            fn add_to(self, _: &str, args: &mut Args) {
                let v = serde_json::to_value(self).expect("models serialize to JSON");
                args.payload = Some(Payload::Json(v));
            }
        }
    )*};
}

json_payloads!(
    ServerDefinition,
    AuthorizationAcl,
    TableSelection,
    CloneTaskRequest,
    [PatchOperation],
    DeleteOldChangeDataRequest,
    RetentionBarrier
);

/// Generates each method once for the async client and once for the blocking one.
macro_rules! operations {
    ($( $(#[$doc:meta])* $op:literal => fn $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty; )*) => {
        impl Client {
            $(
                $(#[$doc])*
                #[allow(clippy::too_many_arguments)]
                pub async fn $name(&self, $($arg: $ty),*) -> Result<$ret> {
                    #[allow(unused_mut)]
                    let mut args = Args::new();
                    $( ArgValue::add_to($arg, stringify!($arg), &mut args); )*
                    self.typed(self.op($op), args).await
                }
            )*
        }
        blocking_mirror! { $( $(#[$doc])* fn $name($($arg: $ty),*) -> $ret; )* }
    };
}

/// Mirrors async methods of [`Client`] on [`blocking::Client`].
macro_rules! blocking_mirror {
    ($( $(#[$doc:meta])* fn $name:ident $(<$g:ident : $bound:path>)? ( $($arg:ident : $ty:ty),* ) -> $ret:ty; )*) => {
        impl blocking::Client {
            $(
                $(#[$doc])*
                #[allow(clippy::too_many_arguments)]
                pub fn $name $(<$g: $bound>)? (&self, $($arg: $ty),*) -> Result<$ret> {
                    self.block_on(self.as_async().$name($($arg),*))
                }
            )*
        }
    };
}

operations! {
    /// 2.7 Registers a license (its text) on a server.
    "PutServerLicense" => fn put_server_license(server: &str, payload: &str) -> ();
    /// 2.8 Details of a server: configuration, state, license, task summary, resources.
    "GetServerDetails" => fn get_server_details(server: &str) -> ServerDetailsResponse;
    /// 2.9 Adds a server or updates its definition.
    "PutServer" => fn put_server(server: &str, payload: &ServerDefinition) -> ();
    /// 2.10 Replaces the explicit ACL of a server.
    "PutServerAcl" => fn put_server_acl(server: &str, payload: &AuthorizationAcl) -> ();
    /// 2.11 A server's definition; the password comes back as a session-bound identifier.
    "GetServer" => fn get_server(server: &str) -> ServerDefinition;
    /// 2.12 The explicit ACL of a server.
    "GetServerAcl" => fn get_server_acl(server: &str) -> AuthorizationAcl;
    /// 2.13 Every server under management.
    "GetServerList" => fn get_server_list() -> ServerList;
    /// 2.14 Removes a server from Enterprise Manager.
    "DeleteServer" => fn delete_server(server: &str) -> ();
    /// 2.15 Removes the explicit ACL of a server.
    "DeleteServerAcl" => fn delete_server_acl(server: &str) -> ();
    /// 2.16 The tasks of a server.
    "GetTaskList" => fn get_task_list(server: &str) -> TaskList;
    /// 2.17 Full monitoring information of a task.
    "GetTaskDetails" => fn get_task_details(server: &str, task: &str) -> TaskDetails;
    /// 2.18 The tables of a task matching the filter.
    "GetTableList" => fn get_table_list(server: &str, task: &str, filter: &TableFilter) -> TableList;
    /// 2.19 The table selection of a task.
    "GetTaskTableSelection" => fn get_task_table_selection(server: &str, task: &str) -> TableSelection;
    /// 2.20 Replaces the table selection of a task.
    "PutTaskTableSelection" => fn put_task_table_selection(server: &str, task: &str, payload: &TableSelection) -> ();
    /// 2.21 Load and change-processing statuses of the tables matching the filter.
    "GetTableStatuses" => fn get_table_statuses(server: &str, task: &str, filter: &TableFilter) -> TableStatuses;
    /// 2.22 Deletes a task, and its logs when asked.
    "DeleteTask" => fn delete_task(server: &str, task: &str, deletetasklogs: Option<bool>) -> ();
    /// 2.23 A task's definition as a JSON document (see `export_task_to_file` to stream it).
    "ExportTask" => fn export_task(server: &str, task: &str, withendpoints: Option<bool>) -> String;
    /// 2.24 Creates or replaces a task from an exported document.
    "ImportTask" => fn import_task(server: &str, task: &str, payload: &str) -> ();
    /// 2.25 The audit trail between two timestamps (UTC or .NET ticks).
    "ExportAuditTrail" => fn export_audit_trail(start_timestamp: &str, end_timestamp: Option<&str>) -> String;
    /// 2.26 Runs a task; the server waits up to `timeout` seconds (30 by default) for a steady state.
    "RunTask" => fn run_task(server: &str, task: &str, option: RunTaskOptions, cdcposition: Option<&str>, timeout: Option<u32>) -> TaskActionResponse;
    /// 2.27 Stops a task; the server waits up to `timeout` seconds (30 by default).
    "StopTask" => fn stop_task(server: &str, task: &str, timeout: Option<u32>) -> TaskActionResponse;
    /// CloneTask: copies a task's definition under a new name.
    "CloneTask" => fn clone_task(server: &str, task: &str, payload: &CloneTaskRequest) -> ();
    /// 2.28 The endpoints of a server.
    "GetEndpointList" => fn get_endpoint_list(server: &str) -> EndpointList;
    /// 2.29 Changes endpoint settings with JSON Patch operations on `/db_settings/...`.
    "PatchEndpoint" => fn patch_endpoint(server: &str, endpoint: &str, payload: &[PatchOperation]) -> ();
    /// 2.30 Deletes an endpoint no task uses.
    "DeleteEndpoint" => fn delete_endpoint(server: &str, endpoint: &str) -> ();
    /// 2.31 Switches an endpoint to another configuration without waiting.
    "ReconfigureEndpointNoWait" => fn reconfigure_endpoint_no_wait(server: &str, endpoint: &str, configuration: &str, recycle: Option<bool>) -> ();
    /// 2.32 Every task and endpoint of a server as one document.
    "ExportAll" => fn export_all(server: &str) -> String;
    /// 2.33 Imports a document of tasks and endpoints into a server.
    "ImportAll" => fn import_all(server: &str, payload: &str) -> ();
    /// 2.34 Reloads a table.
    "ReloadTable" => fn reload_table(server: &str, task: &str, schema: &str, table: &str) -> ();
    /// 2.35 Resumes a suspended table.
    "ResumeTable" => fn resume_table(server: &str, task: &str, schema: &str, table: &str) -> ();
    /// 2.36 Tests an endpoint's connection; the server waits up to `timeout` seconds (60 by default).
    "TestEndpoint" => fn test_endpoint(server: &str, endpoint: &str, timeout: Option<u32>) -> TestEndpointResponse;
    /// 2.37 Deletes change data older than a timestamp or an ISO 8601 duration.
    "DeleteOldChangeData" => fn delete_old_change_data(server: &str, task: &str, payload: &DeleteOldChangeDataRequest) -> ();
    /// 2.38 Sets the change data retention barrier.
    "SetChangeDataRetentionBarrier" => fn set_change_data_retention_barrier(server: &str, task: &str, payload: &RetentionBarrier) -> ();
    /// 2.39 The change data retention barrier.
    "GetChangeDataRetentionBarrier" => fn get_change_data_retention_barrier(server: &str, task: &str) -> RetentionBarrier;
}

blocking_mirror! {
    /// Logs in now, replacing any session.
    fn login() -> ();
    /// Ends the session; a later call logs in again.
    fn logout() -> ();
    /// Streams an export of a task to a file; returns its size.
    fn export_task_to_file(server: &str, task: &str, withendpoints: Option<bool>, path: &Path) -> u64;
    /// Streams an export of a whole server to a file; returns its size.
    fn export_all_to_file(server: &str, path: &Path) -> u64;
    /// Streams the audit trail to a file; returns its size.
    fn export_audit_trail_to_file(start_timestamp: &str, end_timestamp: Option<&str>, path: &Path) -> u64;
    /// Imports a task from a document file, streamed.
    fn import_task_from_file(server: &str, task: &str, path: &Path) -> ();
    /// Imports a whole-server document file, streamed.
    fn import_all_from_file(server: &str, path: &Path) -> ();
    /// Polls a task until it is in one of `states`.
    fn wait_for_task_state(server: &str, task: &str, states: &[TaskState], wait: WaitOptions) -> TaskDetails;
    /// Runs a task and waits until it is RUNNING.
    fn run_task_and_wait(server: &str, task: &str, option: RunTaskOptions, cdcposition: Option<&str>, wait: WaitOptions) -> TaskDetails;
    /// Stops a task and waits until it is STOPPED.
    fn stop_task_and_wait(server: &str, task: &str, wait: WaitOptions) -> TaskDetails;
}

/// How long and how often the wait helpers poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitOptions {
    /// Give up after this long with `WAIT_TIMEOUT`.
    pub timeout: Duration,
    /// Time between two polls of the task's details.
    pub poll_interval: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(600),
            poll_interval: Duration::from_secs(1),
        }
    }
}

impl WaitOptions {
    /// Waits up to `timeout`, polling every `poll_interval`.
    pub fn new(timeout: Duration, poll_interval: Duration) -> Self {
        WaitOptions {
            timeout,
            poll_interval,
        }
    }
}

fn decode<T: DeserializeOwned>(op: &Operation, body: &[u8]) -> Result<T> {
    let invalid = |what: String| Error::invalid_response(what, None).with_operation(op.name);
    match op.answer {
        Answer::Empty => serde_json::from_value(Value::Null).map_err(|e| {
            invalid(format!(
                "{} answers nothing, yet a value was asked for: {e}",
                op.name
            ))
        }),
        Answer::Json => {
            if body.iter().all(u8::is_ascii_whitespace) {
                return Err(invalid(format!(
                    "{} answered an empty body where JSON was due",
                    op.name
                )));
            }
            let bad = |e: serde_json::Error| {
                invalid(format!(
                    "{} answered something that is not the expected JSON: {e}",
                    op.name
                ))
            };
            match op.unwrap {
                None => serde_json::from_slice(body).map_err(bad),
                Some(key) => {
                    let v: Value = serde_json::from_slice(body).map_err(bad)?;
                    serde_json::from_value(unwrap_answer(v, key)).map_err(bad)
                }
            }
        }
        Answer::Document => {
            let text = String::from_utf8(body.to_vec()).map_err(|_| {
                invalid(format!("{} answered a document that is not UTF-8", op.name))
            })?;
            if text.trim().is_empty() {
                return Err(invalid(format!("{} answered an empty document", op.name)));
            }
            serde_json::from_value(Value::String(text))
                .map_err(|e| invalid(format!("{}: {e}", op.name)))
        }
    }
}

/// What the generic entry got: a value it built, or a JSON answer still as its bytes
/// (decoded by `call`, checked and passed on as text by `call_text`).
enum Answered {
    Value(Value),
    Json(&'static Operation, bytes::Bytes),
}

/// A JSON answer as text: checked and unwrapped as `decode` checks and unwraps it, with
/// the same errors, but without building a `Value` when the answer is well formed.
fn json_text(op: &Operation, body: &[u8]) -> Result<String> {
    if let (Some(key), Ok(text)) = (op.unwrap, std::str::from_utf8(body)) {
        // Only the top level is looked at; its parts are checked but stay text.
        type Top<'a> = std::collections::HashMap<String, &'a serde_json::value::RawValue>;
        if let Ok(top) = serde_json::from_str::<Top>(text) {
            let inner = top
                .get(key)
                .filter(|v| top.len() == 1 && v.get().starts_with('{'));
            return Ok(inner.map_or(text, |v| v.get()).to_string());
        }
        // Not an object: `decode` gives `call`'s answer or error.
        return decode::<Value>(op, body).map(|v| v.to_string());
    }
    decode::<serde::de::IgnoredAny>(op, body)?;
    let text = std::str::from_utf8(body).map_err(|_| {
        Error::invalid_response(format!("{} answered JSON that is not UTF-8", op.name), None)
            .with_operation(op.name)
    })?;
    Ok(text.to_string())
}

/// `{"key": {...}}` with nothing else becomes the inner object (Qlik's sample reads task
/// details wrapped in `"task"`; servers send them flat).
fn unwrap_answer(v: Value, key: &str) -> Value {
    match v {
        Value::Object(mut m) if m.len() == 1 && m.get(key).is_some_and(Value::is_object) => {
            m.remove(key).expect("checked")
        }
        other => other,
    }
}

/// Parses an export document, skipping the `//` comment lines some exports begin with.
pub fn parse_document(text: &str) -> std::result::Result<Value, serde_json::Error> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map(|(_, r)| r).unwrap_or("");
        } else {
            return serde_json::from_str(trimmed);
        }
    }
}

impl Client {
    async fn typed<T: DeserializeOwned>(&self, op: &'static Operation, args: Args) -> Result<T> {
        let reply = self.execute(op, &args).await?;
        let body = self.reply_bytes(op, reply).await?;
        decode(op, &body)
    }

    async fn document_to<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        name: &str,
        args: Args,
        writer: &mut W,
    ) -> Result<u64> {
        let op = self.op(name);
        let reply = self.execute(op, &args).await?;
        self.stream_reply(op, reply, writer).await
    }

    async fn document_to_file(&self, name: &str, args: Args, path: &Path) -> Result<u64> {
        let op = self.op(name);
        // Ask first, create the file only once the server has said yes.
        let reply = self.execute(op, &args).await?;
        let file = tokio::fs::File::create(path).await.map_err(|e| {
            Error::io(&format!("creating {}", path.display()), &e).with_operation(op.name)
        })?;
        let mut w = tokio::io::BufWriter::with_capacity(256 * 1024, file);
        self.stream_reply(op, reply, &mut w).await
    }

    async fn document_from(&self, name: &str, args: Args) -> Result<()> {
        let op = self.op(name);
        self.execute(op, &args).await.map(drop)
    }

    /// Streams a task export to `writer` without holding the document; returns its size.
    pub async fn export_task_to_writer<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        server: &str,
        task: &str,
        withendpoints: Option<bool>,
        writer: &mut W,
    ) -> Result<u64> {
        let args = Args::new()
            .set("server", server)
            .set("task", task)
            .set("withendpoints", withendpoints);
        self.document_to("ExportTask", args, writer).await
    }

    /// Streams a task export to a file; returns its size.
    pub async fn export_task_to_file(
        &self,
        server: &str,
        task: &str,
        withendpoints: Option<bool>,
        path: &Path,
    ) -> Result<u64> {
        let args = Args::new()
            .set("server", server)
            .set("task", task)
            .set("withendpoints", withendpoints);
        self.document_to_file("ExportTask", args, path).await
    }

    /// Streams a whole-server export to `writer`; returns its size.
    pub async fn export_all_to_writer<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        server: &str,
        writer: &mut W,
    ) -> Result<u64> {
        self.document_to("ExportAll", Args::new().set("server", server), writer)
            .await
    }

    /// Streams a whole-server export to a file; returns its size.
    pub async fn export_all_to_file(&self, server: &str, path: &Path) -> Result<u64> {
        self.document_to_file("ExportAll", Args::new().set("server", server), path)
            .await
    }

    /// Streams the audit trail to a file; returns its size.
    pub async fn export_audit_trail_to_file(
        &self,
        start_timestamp: &str,
        end_timestamp: Option<&str>,
        path: &Path,
    ) -> Result<u64> {
        let args = Args::new()
            .set("start_timestamp", start_timestamp)
            .set("end_timestamp", end_timestamp);
        self.document_to_file("ExportAuditTrail", args, path).await
    }

    /// Streams the audit trail to `writer`; returns its size.
    pub async fn export_audit_trail_to_writer<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        start_timestamp: &str,
        end_timestamp: Option<&str>,
        writer: &mut W,
    ) -> Result<u64> {
        let args = Args::new()
            .set("start_timestamp", start_timestamp)
            .set("end_timestamp", end_timestamp);
        self.document_to("ExportAuditTrail", args, writer).await
    }

    /// Imports a whole-server document from a reader, streamed (renewing the session
    /// first when it may have expired, since a reader cannot be sent twice).
    pub async fn import_all_from_reader<R: AsyncRead + Send + Unpin + 'static>(
        &self,
        server: &str,
        reader: R,
    ) -> Result<()> {
        let args =
            Args::new()
                .set("server", server)
                .payload(Payload::Reader(std::sync::Mutex::new(Some(Box::new(
                    reader,
                )))));
        self.document_from("ImportAll", args).await
    }

    /// Imports a task from a document file, streamed from disk.
    pub async fn import_task_from_file(&self, server: &str, task: &str, path: &Path) -> Result<()> {
        let args = Args::new()
            .set("server", server)
            .set("task", task)
            .payload(Payload::File(path.into()));
        self.document_from("ImportTask", args).await
    }

    /// Imports a task from a reader, streamed. A reader cannot be sent twice, so the
    /// session is renewed before sending when it may have expired.
    pub async fn import_task_from_reader<R: AsyncRead + Send + Unpin + 'static>(
        &self,
        server: &str,
        task: &str,
        reader: R,
    ) -> Result<()> {
        let args = Args::new()
            .set("server", server)
            .set("task", task)
            .payload(Payload::Reader(std::sync::Mutex::new(Some(Box::new(
                reader,
            )))));
        self.document_from("ImportTask", args).await
    }

    /// Imports a whole-server document file, streamed from disk.
    pub async fn import_all_from_file(&self, server: &str, path: &Path) -> Result<()> {
        let args = Args::new()
            .set("server", server)
            .payload(Payload::File(path.into()));
        self.document_from("ImportAll", args).await
    }

    /// Polls a task's details until its state is one of `states`; answers the details
    /// seen last. Fails with `WAIT_TIMEOUT` when the time is up.
    pub async fn wait_for_task_state(
        &self,
        server: &str,
        task: &str,
        states: &[TaskState],
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        use crate::helpers::Seen;
        let judge = |d: &TaskDetails| {
            if d.state.as_ref().is_some_and(|s| states.contains(s)) {
                Seen::Done
            } else {
                Seen::Again
            }
        };
        let pending = |d: &TaskDetails| {
            let seen = d.state.as_ref().map_or("unknown", |s| s.as_str());
            let wanted: Vec<&str> = states.iter().map(TaskState::as_str).collect();
            format!(
                "task {task} on server {server} is {seen}, not {}",
                wanted.join(" or ")
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Runs a task and waits until it is RUNNING (or fails if it ends in ERROR or STOPPED).
    pub async fn run_task_and_wait(
        &self,
        server: &str,
        task: &str,
        option: RunTaskOptions,
        cdcposition: Option<&str>,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        self.run_task(server, task, option, cdcposition, None)
            .await?;
        let wanted = [TaskState::Running, TaskState::Error, TaskState::Stopped];
        let details = self
            .wait_for_task_state(server, task, &wanted, wait)
            .await?;
        match details.state {
            Some(TaskState::Running) => Ok(details),
            _ => Err(Error::new(
                ErrorKind::Server,
                codes::TASK_FAILED,
                format!(
                    "task {task} on server {server} did not reach RUNNING: {} {}",
                    details.state.as_ref().map_or("unknown", |s| s.as_str()),
                    details.message.as_deref().unwrap_or("")
                ),
            )),
        }
    }

    /// Stops a task and waits until it is STOPPED.
    pub async fn stop_task_and_wait(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        self.stop_task(server, task, None).await?;
        self.wait_for_task_state(server, task, &[TaskState::Stopped], wait)
            .await
    }

    /// The generic entry every binding and the conformance runner use: an operation's
    /// REST or Python name (`RunTask`, `run_task`), the guide's named arguments as a JSON
    /// object (`payload` for the body), and the JSON answer (`null` when there is none;
    /// export documents parsed, or as the server's exact text with `"raw": true`, or
    /// streamed to the path in argument `file`).
    /// Also serves `login`, `logout` and, by name, the helpers of `helpers.rs` (the wait
    /// helpers `wait_for_task_state` (`states`, `timeout_ms`, `poll_ms`),
    /// `run_task_and_wait` and `stop_task_and_wait` among them).
    pub async fn call(&self, method: &str, args: Value) -> Result<Value> {
        match self.answered(method, args).await? {
            Answered::Value(v) => Ok(v),
            Answered::Json(op, body) => decode(op, &body),
        }
    }

    /// The generic entry with the answer as JSON text, for bindings that hand text on
    /// (Node, the C ABI): the same answers as [`Client::call`], but a JSON answer is
    /// checked and passed on as the server sent it (unwrapped where `call` unwraps)
    /// instead of being built into a `Value` and written out again.
    pub async fn call_text(&self, method: &str, args: Value) -> Result<String> {
        match self.answered(method, args).await? {
            Answered::Value(v) => Ok(v.to_string()),
            Answered::Json(op, body) => json_text(op, &body),
        }
    }

    async fn answered(&self, method: &str, args: Value) -> Result<Answered> {
        let mut args = Args::from_json(args)?;
        match method {
            "login" | "Login" => return self.login().await.map(|_| Answered::Value(Value::Null)),
            "logout" | "Logout" => {
                return self.logout().await.map(|_| Answered::Value(Value::Null))
            }
            _ => {}
        }
        if let Some(answer) = crate::helpers::call(self, method, &args).await {
            return answer.map(Answered::Value);
        }
        let op = self
            .service()
            .find(method)
            .ok_or_else(|| Error::invalid_argument(format!("unknown operation `{method}`")))?;
        let file = match args.values.remove("file") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) if op.answer == Answer::Document => Some(p),
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `file` must be a path string, and only export methods take one"
                )))
            }
        };
        let raw = match args.values.remove("raw") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) if op.answer == Answer::Document => true,
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `raw` must be true or false, and only export methods take it"
                )))
            }
        };
        check_known_args(op, &args.values, method)?;
        if let Some(path) = file {
            let reply = self.execute(op, &args).await?;
            let written = self.write_file(op, reply, Path::new(&path)).await?;
            return Ok(Answered::Value(
                serde_json::json!({ "file": path, "bytes": written }),
            ));
        }
        let reply = self.execute(op, &args).await?;
        let body = self.reply_bytes(op, reply).await?;
        match op.answer {
            Answer::Empty => Ok(Answered::Value(Value::Null)),
            Answer::Json => Ok(Answered::Json(op, body)),
            Answer::Document => {
                let text: String = decode(op, &body)?;
                if raw {
                    return Ok(Answered::Value(Value::String(text)));
                }
                parse_document(&text).map(Answered::Value).map_err(|e| {
                    Error::invalid_response(
                        format!("{} answered a document that is not JSON: {e}", op.name),
                        None,
                    )
                    .with_operation(op.name)
                })
            }
        }
    }

    async fn write_file(&self, op: &'static Operation, reply: Reply, path: &Path) -> Result<u64> {
        let file = tokio::fs::File::create(path).await.map_err(|e| {
            Error::io(&format!("creating {}", path.display()), &e).with_operation(op.name)
        })?;
        let mut w = tokio::io::BufWriter::with_capacity(256 * 1024, file);
        self.stream_reply(op, reply, &mut w).await
    }
}

fn check_known_args(op: &Operation, values: &Map<String, Value>, method: &str) -> Result<()> {
    for name in values.keys() {
        let known =
            op.arg_names().any(|a| a == name) || (op.name == "RunTask" && name == "cdcposition");
        if !known {
            let expected: Vec<&str> = op.arg_names().collect();
            return Err(Error::invalid_argument(format!(
                "{method}: unknown argument `{name}` (it takes {})",
                if expected.is_empty() {
                    "none".to_string()
                } else {
                    expected.join(", ")
                }
            )));
        }
    }
    Ok(())
}

pub(crate) fn wait_options(method: &str, args: &Args) -> Result<WaitOptions> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `call_text` must answer what `call` answers, written as text.
    #[test]
    fn json_text_is_the_decoded_answer() {
        let wrapped = crate::ops::QEM.find("get_task_details").unwrap();
        let flat = crate::ops::QEM.find("get_server_list").unwrap();
        assert!(wrapped.unwrap.is_some() && flat.unwrap.is_none());
        let bodies: &[&[u8]] = &[
            br#"{"name": "t1", "state": "RUNNING"}"#,
            b" {\"task\" : {\"name\": \"t1\", \"n\": [1, 2.50, {}]}}\n",
            br#"{"task": {"name": "t1"}, "other": 1}"#,
            br#"{"task": "not an object"}"#,
            br#"{"ta\u0073k": {"name": "escaped key"}}"#,
            br#"[1, {"task": {}}]"#,
            br#""text""#,
            br#"{"task": {"name": "t1"}"#,
            br#"{"task": {}} trailing"#,
            b"",
            b"  \n",
            b"{\"name\": \"\xff\"}",
        ];
        for op in [wrapped, flat] {
            for body in bodies {
                let value: Result<Value> = decode(op, body);
                let text = json_text(op, body);
                match (value, text) {
                    (Ok(v), Ok(t)) => {
                        let again: Value = serde_json::from_str(&t).unwrap();
                        assert_eq!(v, again, "{} {:?}", op.name, String::from_utf8_lossy(body));
                    }
                    (Err(a), Err(b)) => assert_eq!(a.error_code(), b.error_code()),
                    (v, t) => panic!("{} {body:?}: call {v:?}, call_text {t:?}", op.name),
                }
            }
        }
        // Wrapped task details come out unwrapped, and as the server wrote them.
        let t = json_text(wrapped, br#"{"task": {"b": 2.50, "a": 1}}"#).unwrap();
        assert_eq!(t, r#"{"b": 2.50, "a": 1}"#);
    }

    #[test]
    fn documents_may_start_with_comment_lines() {
        let v = parse_document("// exported\n// by EM\n{\"name\": \"x\"}").unwrap();
        assert_eq!(v["name"], "x");
        assert!(parse_document("// only a comment").is_err());
    }
}
