//! The typed methods, one line each over the table of operations, generated for the
//! async [`Client`] and the [`blocking::Client`] alike; plus the streaming variants of
//! the document methods. The wait helpers are in `helpers/wait.rs`, the generic entry
//! [`Client::call`] in `generic.rs`.
//!
//! A parameter's name is the guide's; a parameter named `payload` is the body.

use crate::blocking;
use crate::client::Client;
use crate::decode::decode;
use crate::helpers::WaitOptions;
use crate::models::*;
use crate::ops::{self, Operation};
use crate::request::{Args, Payload};
use crate::Result;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::path::Path;
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

/// The JSON Schema of a typed method's argument, for the API description.
pub(crate) trait ArgSchema {
    /// The schema of the value (a reference to a model's definition).
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema;
}

impl<T: schemars::JsonSchema + ?Sized> ArgSchema for &T {
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<T>()
    }
}

impl<T: schemars::JsonSchema> ArgSchema for Option<T> {
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<T>()
    }
}

impl ArgSchema for RunTaskOptions {
    fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        generator.subschema_for::<RunTaskOptions>()
    }
}

/// Writes the JSON Schema of a value, registering the models it uses.
pub(crate) type SchemaFn = fn(&mut schemars::SchemaGenerator) -> schemars::Schema;

/// A typed method as the API description shows it: its REST name, Rust name, doc, its
/// arguments' schemas and its answer's.
pub(crate) struct TypedMethod {
    pub op: &'static str,
    pub name: &'static str,
    pub doc: &'static str,
    pub args: &'static [(&'static str, SchemaFn)],
    pub answer: SchemaFn,
    pub answer_type: &'static str,
}

/// Generates each method once for the async client and once for the blocking one, named
/// as its operation's snake name (`GET_SERVER_DETAILS` is `get_server_details`), and its
/// row of [`TYPED_METHODS`].
macro_rules! operations {
    ($( $(#[doc = $doc:literal])* $op:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty; )*) => { pastey::paste! {
        /// Every typed method, in the order they are declared.
        pub(crate) static TYPED_METHODS: &[TypedMethod] = &[
            $(
                TypedMethod {
                    op: crate::ops::$op.name,
                    name: crate::ops::$op.method,
                    doc: concat!($($doc, "\n"),*),
                    args: &[ $( (stringify!($arg), <$ty as ArgSchema>::schema) ),* ],
                    answer: |g| g.subschema_for::<$ret>(),
                    answer_type: stringify!($ret),
                },
            )*
        ];

        impl Client {
            $(
                $(#[doc = $doc])*
                #[allow(clippy::too_many_arguments)]
                pub async fn [<$op:lower>](&self, $($arg: $ty),*) -> Result<$ret> {
                    #[allow(unused_mut)]
                    let mut args = Args::new();
                    $( ArgValue::add_to($arg, stringify!($arg), &mut args); )*
                    self.typed(&crate::ops::$op, args).await
                }
            )*
        }
        blocking_mirror! { $( $(#[doc = $doc])* fn [<$op:lower>]($($arg: $ty),*) -> $ret; )* }

        /// The canonical spelling rewrite of an operation's answer model (REST name):
        /// its `canon` and the aliases it rewrites.
        pub(crate) fn answer_canon(op: &str) -> Option<(fn(&mut Value), fn(&mut Vec<&'static str>))> {
            $( if op == crate::ops::$op.name {
                return Some((<$ret as Canon>::canon, <$ret as Canon>::aliases));
            } )*
            None
        }
    } };
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
    PUT_SERVER_LICENSE(server: &str, payload: &str) -> ();
    /// 2.8 Details of a server: configuration, state, license, task summary, resources.
    GET_SERVER_DETAILS(server: &str) -> ServerDetailsResponse;
    /// 2.9 Adds a server or updates its definition.
    PUT_SERVER(server: &str, payload: &ServerDefinition) -> ();
    /// 2.10 Replaces the explicit ACL of a server.
    PUT_SERVER_ACL(server: &str, payload: &AuthorizationAcl) -> ();
    /// 2.11 A server's definition; the password comes back as a session-bound identifier.
    GET_SERVER(server: &str) -> ServerDefinition;
    /// 2.12 The explicit ACL of a server.
    GET_SERVER_ACL(server: &str) -> AuthorizationAcl;
    /// 2.13 Every server under management.
    GET_SERVER_LIST() -> ServerList;
    /// 2.14 Removes a server from Enterprise Manager.
    DELETE_SERVER(server: &str) -> ();
    /// 2.15 Removes the explicit ACL of a server.
    DELETE_SERVER_ACL(server: &str) -> ();
    /// 2.16 The tasks of a server.
    GET_TASK_LIST(server: &str) -> TaskList;
    /// 2.17 Full monitoring information of a task.
    GET_TASK_DETAILS(server: &str, task: &str) -> TaskDetails;
    /// 2.18 The tables of a task matching the filter.
    GET_TABLE_LIST(server: &str, task: &str, filter: &TableFilter) -> TableList;
    /// 2.19 The table selection of a task.
    GET_TASK_TABLE_SELECTION(server: &str, task: &str) -> TableSelection;
    /// 2.20 Replaces the table selection of a task.
    PUT_TASK_TABLE_SELECTION(server: &str, task: &str, payload: &TableSelection) -> ();
    /// 2.21 Load and change-processing statuses of the tables matching the filter.
    GET_TABLE_STATUSES(server: &str, task: &str, filter: &TableFilter) -> TableStatuses;
    /// 2.22 Deletes a task, and its logs when asked.
    DELETE_TASK(server: &str, task: &str, deletetasklogs: Option<bool>) -> ();
    /// 2.23 A task's definition as a JSON document (see `export_task_to_file` to stream it).
    EXPORT_TASK(server: &str, task: &str, withendpoints: Option<bool>) -> String;
    /// 2.24 Creates or replaces a task from an exported document.
    IMPORT_TASK(server: &str, task: &str, payload: &str) -> ();
    /// 2.25 The audit trail between two timestamps (UTC or .NET ticks).
    EXPORT_AUDIT_TRAIL(start_timestamp: &str, end_timestamp: Option<&str>) -> String;
    /// 2.26 Runs a task; the server waits up to `timeout` seconds (30 by default) for a steady state.
    RUN_TASK(server: &str, task: &str, option: RunTaskOptions, cdcposition: Option<&str>, timeout: Option<u32>) -> TaskActionResponse;
    /// 2.27 Stops a task; the server waits up to `timeout` seconds (30 by default).
    STOP_TASK(server: &str, task: &str, timeout: Option<u32>) -> TaskActionResponse;
    /// CloneTask: copies a task's definition under a new name.
    CLONE_TASK(server: &str, task: &str, payload: &CloneTaskRequest) -> ();
    /// 2.28 The endpoints of a server.
    GET_ENDPOINT_LIST(server: &str) -> EndpointList;
    /// 2.29 Changes endpoint settings with JSON Patch operations on `/db_settings/...`.
    PATCH_ENDPOINT(server: &str, endpoint: &str, payload: &[PatchOperation]) -> ();
    /// 2.30 Deletes an endpoint no task uses.
    DELETE_ENDPOINT(server: &str, endpoint: &str) -> ();
    /// 2.31 Switches an endpoint to another configuration without waiting.
    RECONFIGURE_ENDPOINT_NO_WAIT(server: &str, endpoint: &str, configuration: &str, recycle: Option<bool>) -> ();
    /// 2.32 Every task and endpoint of a server as one document.
    EXPORT_ALL(server: &str) -> String;
    /// 2.33 Imports a document of tasks and endpoints into a server.
    IMPORT_ALL(server: &str, payload: &str) -> ();
    /// 2.34 Reloads a table.
    RELOAD_TABLE(server: &str, task: &str, schema: &str, table: &str) -> ();
    /// 2.35 Resumes a suspended table.
    RESUME_TABLE(server: &str, task: &str, schema: &str, table: &str) -> ();
    /// 2.36 Tests an endpoint's connection; the server waits up to `timeout` seconds (60 by default).
    TEST_ENDPOINT(server: &str, endpoint: &str, timeout: Option<u32>) -> TestEndpointResponse;
    /// 2.37 Deletes change data older than a timestamp or an ISO 8601 duration.
    DELETE_OLD_CHANGE_DATA(server: &str, task: &str, payload: &DeleteOldChangeDataRequest) -> ();
    /// 2.38 Sets the change data retention barrier.
    SET_CHANGE_DATA_RETENTION_BARRIER(server: &str, task: &str, payload: &RetentionBarrier) -> ();
    /// 2.39 The change data retention barrier.
    GET_CHANGE_DATA_RETENTION_BARRIER(server: &str, task: &str) -> RetentionBarrier;
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

impl Client {
    async fn typed<T: DeserializeOwned>(&self, op: &'static Operation, args: Args) -> Result<T> {
        let read = self.execute_read(op, &args, |reply| self.reply_bytes(op, reply));
        let body = self.bounded(op.method, read).await?;
        decode(op, &body)
    }

    async fn document_to<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        op: &'static Operation,
        args: Args,
        writer: &mut W,
    ) -> Result<u64> {
        let reply = self.execute(op, &args).await?;
        self.stream_reply(op, reply, writer).await
    }

    async fn document_to_file(
        &self,
        op: &'static Operation,
        args: Args,
        path: &Path,
    ) -> Result<u64> {
        self.execute_read(op, &args, |reply| self.write_file(op, reply, path))
            .await
    }

    async fn document_from(&self, op: &'static Operation, args: Args) -> Result<()> {
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
        self.document_to(&ops::EXPORT_TASK, args, writer).await
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
        self.document_to_file(&ops::EXPORT_TASK, args, path).await
    }

    /// Streams a whole-server export to `writer`; returns its size.
    pub async fn export_all_to_writer<W: AsyncWrite + Unpin + ?Sized>(
        &self,
        server: &str,
        writer: &mut W,
    ) -> Result<u64> {
        self.document_to(&ops::EXPORT_ALL, Args::new().set("server", server), writer)
            .await
    }

    /// Streams a whole-server export to a file; returns its size.
    pub async fn export_all_to_file(&self, server: &str, path: &Path) -> Result<u64> {
        self.document_to_file(&ops::EXPORT_ALL, Args::new().set("server", server), path)
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
        self.document_to_file(&ops::EXPORT_AUDIT_TRAIL, args, path)
            .await
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
        self.document_to(&ops::EXPORT_AUDIT_TRAIL, args, writer)
            .await
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
        self.document_from(&ops::IMPORT_ALL, args).await
    }

    /// Imports a task from a document file, streamed from disk.
    pub async fn import_task_from_file(&self, server: &str, task: &str, path: &Path) -> Result<()> {
        let args = Args::new()
            .set("server", server)
            .set("task", task)
            .payload(Payload::File(path.into()));
        self.document_from(&ops::IMPORT_TASK, args).await
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
        self.document_from(&ops::IMPORT_TASK, args).await
    }

    /// Imports a whole-server document file, streamed from disk.
    pub async fn import_all_from_file(&self, server: &str, path: &Path) -> Result<()> {
        let args = Args::new()
            .set("server", server)
            .payload(Payload::File(path.into()));
        self.document_from(&ops::IMPORT_ALL, args).await
    }
}
