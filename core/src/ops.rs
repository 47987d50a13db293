//! The one table of operations: every Enterprise Manager method's verb, path, query,
//! body and answer, exactly as the guide (chapter 2) and `qem-clone-task.txt` give them.
//!
//! The typed methods of [`crate::Client`], the generic entry [`crate::Client::call`] and
//! every binding go through this table; nothing else in the project knows a URL.
//! Adding a method is adding one entry here, a named constant whose words are its names
//! (and a typed one-liner in `api.rs` naming it).
//!
//! A [`Service`] groups the operations of one product with its base path and auth
//! scheme, so other task APIs of the same kind (Qlik Cloud with bearer tokens and cursor
//! paging, Veeam, Kinetic) can later live beside Enterprise Manager.

/// HTTP verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verb {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Verb {
    /// The method's name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Patch => "PATCH",
            Verb::Delete => "DELETE",
        }
    }
}

/// One path segment after the service's base path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// A literal segment.
    Lit(&'static str),
    /// A required, non-empty name argument, percent-encoded once as one segment.
    Name(&'static str),
    /// A required Veeam id: a GUID, or the entity's URN (`urn:veeam:Job:<guid>`, the
    /// second field names its type), sent as the GUID.
    Guid(&'static str, &'static str),
}

/// How a query parameter's value is read from the arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text, sent as given.
    Text,
    /// `true` / `false`.
    Bool,
    /// A non-negative integer (seconds for `timeout`).
    Seconds,
    /// A UTC timestamp or .NET ticks, sent as given.
    Timestamp,
    /// A non-negative integer (a page size).
    Count,
}

/// One query parameter, in the order the guide writes the URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Query {
    /// A fixed pair such as `action=export`.
    Fixed(&'static str, &'static str),
    /// An argument; absent optional ones are left out.
    Arg {
        /// The argument's and the parameter's name.
        name: &'static str,
        /// How its value is checked and written.
        kind: Kind,
        /// Refuse the call when absent.
        required: bool,
    },
}

const fn opt(name: &'static str, kind: Kind) -> Query {
    Query::Arg {
        name,
        kind,
        required: false,
    }
}

const fn req(name: &'static str, kind: Kind) -> Query {
    Query::Arg {
        name,
        kind,
        required: true,
    }
}

/// What the request carries as a body, always from the `payload` argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    /// No body (bodiless POST/PUT/DELETE still send `Content-Length: 0`).
    None,
    /// A JSON value (object or array), required.
    Json,
    /// A JSON object, required (Qlik Cloud's bodies).
    Object,
    /// Plain text (a license), required.
    Text,
    /// A JSON document sent as it is, streamable from a file or reader (imports).
    Document,
    /// RunTask's `{"cdcposition": ...}`: sent only when a position is given, and
    /// required for the three position options.
    CdcPosition,
    /// Kinetic Task's clone-trees request: the `payload` object, or built from the flat
    /// arguments (`source_from`, `source_to`, `group_from`, `group_to`, `names`,
    /// `local_routines`); either way checked before sending.
    CloneTrees,
    /// Veeam's `JobCloneSpec` XML, built from the arguments ([`JOB_CLONE_FIELDS`]),
    /// elements in the schema's order; there is no `payload`.
    JobClone,
}

/// What a successful answer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Nothing of interest (an error body is still detected).
    Empty,
    /// A JSON object.
    Json,
    /// A JSON document, streamable to a file or writer (exports).
    Document,
    /// An XML entity (Veeam), read namespace-tolerantly into the JSON shape every
    /// binding receives.
    Xml,
}

/// How a service authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthScheme {
    /// Enterprise Manager: Basic login, then a session header on every call.
    QemSession {
        /// The login operation's name.
        login: &'static str,
        /// The logout operation's name.
        logout: &'static str,
        /// The session header.
        header: &'static str,
    },
    /// A bearer token on every request (Qlik Cloud): an API key, or a token from OAuth
    /// client credentials.
    Bearer,
    /// HTTP Basic on every request, or nothing (Kinetic Task): no session, no renewal.
    Basic,
    /// Veeam Backup Enterprise Manager: a logon session made with HTTP Basic
    /// (`POST sessionMngr/?v=...`, 201), its id in a header on every call, ended by
    /// `DELETE logonSessions/{id}`; renewed once on 401.
    RestSvcSession {
        /// The session header.
        header: &'static str,
    },
}

impl AuthScheme {
    /// Whether these credentials are this scheme's.
    pub fn accepts(&self, credentials: &crate::Credentials) -> bool {
        use crate::Credentials as C;
        match self {
            AuthScheme::QemSession { .. } => matches!(
                credentials,
                C::ActiveDirectory { .. } | C::ApiToken(_) | C::Jwt(_) | C::Encoded(_) | C::Saml(_)
            ),
            AuthScheme::Bearer => matches!(credentials, C::ApiKey(_) | C::OAuthClient { .. }),
            AuthScheme::Basic => matches!(credentials, C::Basic { .. } | C::None),
            AuthScheme::RestSvcSession { .. } => matches!(credentials, C::Basic { .. }),
        }
    }

    /// Whether it keeps a session that a login makes and a logout ends.
    pub fn has_session(&self) -> bool {
        matches!(
            self,
            AuthScheme::QemSession { .. } | AuthScheme::RestSvcSession { .. }
        )
    }
}

/// How a list answer is paged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paging {
    /// One answer holds everything (all Enterprise Manager methods).
    None,
    /// Cursor paging: the answer's `links.next` (Qlik Cloud).
    Cursor,
}

/// One API method.
#[derive(Debug, Clone, Copy)]
pub struct Operation {
    /// The service it belongs to ([`Service::name`]).
    pub service: &'static str,
    /// The guide's REST name (`GetTaskDetails`).
    pub name: &'static str,
    /// The guide's Python name (`get_task_details`).
    pub method: &'static str,
    /// What it does, for an operation without a typed method (login, logout); the typed
    /// methods' docs are theirs (`api.rs`).
    pub doc: &'static str,
    /// HTTP verb.
    pub verb: Verb,
    /// Path segments after the service's base path.
    pub path: &'static [Seg],
    /// Query parameters in the guide's order.
    pub query: &'static [Query],
    /// The body.
    pub body: Body,
    /// The answer.
    pub answer: Answer,
    /// The query argument whose seconds the server may wait before answering, with the
    /// server's default: the client's read timeout must exceed it.
    pub server_wait: Option<(&'static str, u64)>,
    /// Paging of the answer.
    pub paging: Paging,
    /// A key some servers wrap the answer in (`{"task": {...}}`), removed on reading.
    pub unwrap: Option<&'static str>,
    /// The field of a JSON answer whose text is the answer (a run log's `logContent`);
    /// a text answer is taken as it is. Argument `format: "json"` keeps the object.
    pub text: Option<&'static str>,
}

impl Operation {
    /// Only reads are retried after connection errors and 502/503/504.
    pub fn is_retry_safe(&self) -> bool {
        self.verb == Verb::Get
    }

    /// Every argument name the operation reads.
    pub fn arg_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        let path = self.path.iter().filter_map(|s| match s {
            Seg::Name(n) | Seg::Guid(n, _) => Some(*n),
            Seg::Lit(_) => None,
        });
        let query = self.query.iter().filter_map(|q| match q {
            Query::Arg { name, .. } => Some(*name),
            Query::Fixed(..) => None,
        });
        let body = match self.body {
            Body::None | Body::JobClone => None,
            _ => Some("payload"),
        };
        path.chain(query)
            .chain(body)
            .chain(self.body.fields().iter().copied())
    }
}

/// Clone-trees' flat arguments, the body's fields by other names.
pub const CLONE_TREES_FIELDS: &[&str] = &[
    "source_from",
    "source_to",
    "group_from",
    "group_to",
    "names",
    "local_routines",
];

/// Veeam job clone's arguments: the clone kind and the `*JobCloneInfo` elements.
pub const JOB_CLONE_FIELDS: &[&str] = &[
    "job_name",
    "folder_name",
    "repository_uid",
    "kind",
    "description",
    "vm_suffix",
    "job_file_name",
];

/// The schema of a body's field given by itself (clone-trees', a Veeam clone's).
pub(crate) fn body_field_schema(field: &str) -> serde_json::Value {
    use serde_json::json;
    let name = |doc: &str| json!({"type": "string", "minLength": 1, "maxLength": crate::veeam::MAX_NAME_CHARS, "description": doc});
    let text = |doc: &str| json!({"type": "string", "minLength": 1, "description": doc});
    match field {
        "source_from" => text("the Source the trees are copied from"),
        "source_to" => text("the Source they are copied into (the same one, or another)"),
        "group_from" => text("the Group (within source_from) copied from"),
        "group_to" => text("the Group they are copied into"),
        "names" => json!({"type": "array", "items": {"type": "string"},
            "description": "the trees and local routines to copy (all when absent)"}),
        "local_routines" => json!({"description":
            "each copied local routine's definition id and its copy's: [{\"from\", \"to\"}], [[from, to]] or {from: to}"}),
        "job_name" => name("the new job's name"),
        "folder_name" => name("a backup clone's folder: the name of its backup files"),
        "job_file_name" => name("a backup copy clone's file name"),
        "repository_uid" => {
            text("the repository the new job writes to: a GUID or urn:veeam:Repository:<guid>")
        }
        "kind" => json!({"enum": crate::models::VeeamCloneKind::ALL,
            "description": "the kind of job (Backup when absent)"}),
        "vm_suffix" => text("a replica clone's suffix of its VM replicas' names"),
        "description" => text("the new job's description"),
        _ => json!({"type": "string"}),
    }
}

impl Body {
    /// The arguments a body may be built from instead of `payload`.
    pub fn fields(&self) -> &'static [&'static str] {
        match self {
            Body::CdcPosition => &["cdcposition"],
            Body::CloneTrees => CLONE_TREES_FIELDS,
            Body::JobClone => JOB_CLONE_FIELDS,
            _ => &[],
        }
    }
}

/// A product's API: its base path, auth and operations.
#[derive(Debug)]
pub struct Service {
    /// Short name.
    pub name: &'static str,
    /// Path from the configured URL to the API root.
    pub base_path: &'static str,
    /// Authentication.
    pub auth: AuthScheme,
    /// Every operation.
    pub operations: &'static [Operation],
    /// Other names of its operations: (alias, REST name).
    pub aliases: &'static [(&'static str, &'static str)],
}

impl Service {
    /// Finds an operation by its REST name (`RunTask`) or Python name (`run_task`).
    /// `set_task_table_selection` is the guide's other name for `put_task_table_selection`.
    pub fn find(&self, name: &str) -> Option<&'static Operation> {
        let name = self
            .aliases
            .iter()
            .find(|(alias, _)| *alias == name)
            .map_or(name, |(_, op)| *op);
        self.operations
            .iter()
            .find(|o| o.method == name || o.name == name)
    }
}

/// The guide's other spellings of operations, as data: (alias, REST name).
pub const ALIASES: &[(&str, &str)] = &[
    ("set_task_table_selection", "PutTaskTableSelection"),
    ("SetTaskTableSelection", "PutTaskTableSelection"),
    ("DeleteOldData", "DeleteOldChangeData"),
];

use Seg::{Lit, Name};

const SERVER: &[Seg] = &[Lit("servers"), Name("server")];
const SERVER_DEF: &[Seg] = &[Lit("servers"), Name("server"), Lit("def")];
const TASKS: &[Seg] = &[Lit("servers"), Name("server"), Lit("tasks")];
const TASK: &[Seg] = &[Lit("servers"), Name("server"), Lit("tasks"), Name("task")];
const TABLES: &[Seg] = &[
    Lit("servers"),
    Name("server"),
    Lit("tasks"),
    Name("task"),
    Lit("tables"),
];
const ENDPOINTS: &[Seg] = &[Lit("servers"), Name("server"), Lit("endpoints")];
const ENDPOINT: &[Seg] = &[
    Lit("servers"),
    Name("server"),
    Lit("endpoints"),
    Name("endpoint"),
];

/// The table filters of 2.18 and 2.21, in the guide's order.
const TABLE_FILTERS: [Query; 7] = [
    opt("schema", Kind::Text),
    opt("table", Kind::Text),
    opt("includequeued", Kind::Bool),
    opt("includeloading", Kind::Bool),
    opt("includecompleted", Kind::Bool),
    opt("includechangeprocessing", Kind::Bool),
    opt("includeerror", Kind::Bool),
];

/// An operation; its names are filled in by [`operations_table!`] from its constant's.
const fn op(
    verb: Verb,
    path: &'static [Seg],
    query: &'static [Query],
    body: Body,
    answer: Answer,
) -> Operation {
    Operation {
        service: "",
        name: "",
        method: "",
        doc: "",
        verb,
        path,
        query,
        body,
        answer,
        server_wait: None,
        paging: Paging::None,
        unwrap: None,
        text: None,
    }
}

const fn unwraps(mut o: Operation, key: &'static str) -> Operation {
    o.unwrap = Some(key);
    o
}

const fn waits(mut o: Operation, arg: &'static str, default_secs: u64) -> Operation {
    o.server_wait = Some((arg, default_secs));
    o
}

/// Declares every operation once, as a named constant (what the typed methods use, so a
/// misspelt name does not compile) whose words give its names: `GET_SERVER_ACL` is the
/// REST name `GetServerAcl` and the snake name `get_server_acl`. Each takes its place in
/// [`QEM_OPERATIONS`].
macro_rules! operations_table {
    ($service:literal, $(#[doc = $tdoc:literal])* $table:ident;
     $( $(#[doc = $doc:literal])* $ident:ident = $def:expr; )*) => { pastey::paste! {
        $( $(#[doc = $doc])* #[allow(missing_docs)] pub const $ident: Operation = Operation {
            service: $service,
            name: stringify!([<$ident:camel>]),
            method: stringify!([<$ident:lower>]),
            doc: concat!($($doc),*),
            ..$def
        }; )*
        $(#[doc = $tdoc])*
        pub static $table: &[Operation] = &[ $( $ident ),* ];
    } };
}

use Answer as A;
use Body as B;
use Verb::*;

// Every Enterprise Manager operation: login, logout, the 33 methods of chapter 2
// (2.7 to 2.39) and CloneTask.
#[rustfmt::skip]
operations_table! {
    "qem",
    /// Every Enterprise Manager operation, in the guide's order.
    QEM_OPERATIONS;
    /// 2.5 Logs in (again), replacing any session.
    LOGIN = op(Get, &[Lit("login")], &[], B::None, A::Empty);
    /// 2.6 Ends the session; a later call logs in again.
    LOGOUT = op(Get, &[Lit("logout")], &[], B::None, A::Empty);
    // 2.7 - 2.15 servers
    PUT_SERVER_LICENSE = op(Put, &[Lit("servers"), Name("server"), Lit("license"), Lit("def")], &[], B::Text, A::Empty);
    GET_SERVER_DETAILS = op(Get, SERVER, &[], B::None, A::Json);
    PUT_SERVER = op(Put, SERVER_DEF, &[], B::Json, A::Empty);
    PUT_SERVER_ACL = op(Put, SERVER, &[Query::Fixed("action", "acl")], B::Json, A::Empty);
    GET_SERVER = op(Get, SERVER_DEF, &[], B::None, A::Json);
    GET_SERVER_ACL = op(Get, SERVER, &[Query::Fixed("action", "acl")], B::None, A::Json);
    GET_SERVER_LIST = op(Get, &[Lit("servers")], &[], B::None, A::Json);
    DELETE_SERVER = op(Delete, SERVER_DEF, &[], B::None, A::Empty);
    DELETE_SERVER_ACL = op(Delete, SERVER, &[Query::Fixed("action", "acl")], B::None, A::Empty);
    // 2.16 - 2.27 tasks and tables
    GET_TASK_LIST = op(Get, TASKS, &[], B::None, A::Json);
    GET_TASK_DETAILS = unwraps(op(Get, TASK, &[], B::None, A::Json), "task");
    GET_TABLE_LIST = op(Get, TABLES, &TABLE_FILTERS, B::None, A::Json);
    GET_TASK_TABLE_SELECTION = op(Get, TABLES, &[Query::Fixed("action", "selection")], B::None, A::Json);
    PUT_TASK_TABLE_SELECTION = op(Put, TABLES, &[Query::Fixed("action", "selection")], B::Json, A::Empty);
    GET_TABLE_STATUSES = op(Get, TABLES, &[
        Query::Fixed("action", "getstatus"),
        TABLE_FILTERS[0], TABLE_FILTERS[1], TABLE_FILTERS[2], TABLE_FILTERS[3],
        TABLE_FILTERS[4], TABLE_FILTERS[5], TABLE_FILTERS[6],
    ], B::None, A::Json);
    DELETE_TASK = op(Post, TASK, &[Query::Fixed("action", "delete"), opt("deletetasklogs", Kind::Bool)], B::None, A::Empty);
    EXPORT_TASK = op(Get, TASK, &[Query::Fixed("action", "export"), opt("withendpoints", Kind::Bool)], B::None, A::Document);
    IMPORT_TASK = op(Post, TASK, &[Query::Fixed("action", "import")], B::Document, A::Empty);
    EXPORT_AUDIT_TRAIL = op(Get, &[Lit("security"), Lit("audit_trail")], &[req("start_timestamp", Kind::Timestamp), opt("end_timestamp", Kind::Timestamp)], B::None, A::Document);
    RUN_TASK = waits(op(Post, TASK, &[Query::Fixed("action", "run"), opt("option", Kind::Text), opt("timeout", Kind::Seconds)], B::CdcPosition, A::Json), "timeout", 30);
    STOP_TASK = waits(op(Post, TASK, &[Query::Fixed("action", "stop"), opt("timeout", Kind::Seconds)], B::None, A::Json), "timeout", 30);
    CLONE_TASK = op(Post, TASK, &[Query::Fixed("action", "clone")], B::Json, A::Empty);
    // 2.28 - 2.31 endpoints
    GET_ENDPOINT_LIST = op(Get, ENDPOINTS, &[], B::None, A::Json);
    PATCH_ENDPOINT = op(Patch, ENDPOINT, &[], B::Json, A::Empty);
    DELETE_ENDPOINT = op(Delete, ENDPOINT, &[Query::Fixed("action", "delete")], B::None, A::Empty);
    RECONFIGURE_ENDPOINT_NO_WAIT = op(Put, ENDPOINT, &[Query::Fixed("action", "reconfigure"), req("configuration", Kind::Text), opt("recycle", Kind::Bool)], B::None, A::Empty);
    // 2.32, 2.33 whole servers
    EXPORT_ALL = op(Get, SERVER, &[Query::Fixed("action", "export")], B::None, A::Document);
    IMPORT_ALL = op(Post, SERVER, &[Query::Fixed("action", "import")], B::Document, A::Empty);
    // 2.34 - 2.36
    RELOAD_TABLE = op(Post, TABLES, &[Query::Fixed("action", "reload"), req("schema", Kind::Text), req("table", Kind::Text)], B::None, A::Empty);
    RESUME_TABLE = op(Post, TABLES, &[Query::Fixed("action", "Resume"), req("schema", Kind::Text), req("table", Kind::Text)], B::None, A::Empty);
    TEST_ENDPOINT = waits(op(Get, ENDPOINT, &[Query::Fixed("action", "test"), opt("timeout", Kind::Seconds)], B::None, A::Json), "timeout", 60);
    // 2.37 - 2.39 change data
    DELETE_OLD_CHANGE_DATA = op(Post, TASK, &[Query::Fixed("action", "delete_old_change_data")], B::Json, A::Empty);
    SET_CHANGE_DATA_RETENTION_BARRIER = op(Put, TASK, &[Query::Fixed("action", "set_change_data_retention_barrier")], B::Json, A::Empty);
    GET_CHANGE_DATA_RETENTION_BARRIER = op(Get, TASK, &[Query::Fixed("action", "get_change_data_retention_barrier")], B::None, A::Json);
}

/// Qlik Enterprise Manager.
pub static QEM: Service = Service {
    name: "qem",
    base_path: "/api/v1",
    auth: AuthScheme::QemSession {
        login: "Login",
        logout: "Logout",
        header: "EnterpriseManager.APISessionID",
    },
    operations: QEM_OPERATIONS,
    aliases: ALIASES,
};

/// The Qlik Cloud Tasks API (`qlik-cloud-tasks-api.txt`): the ten operations with the
/// spec's parameter names (`id`, `runId`, `resourceId`, `limit`, `page`, `sort`,
/// `migrateFrom`, `source`, the body as `payload`).
pub mod cloud {
    use super::{opt, Answer as A, Body as B, Kind, Operation, Seg, Service, Verb::*};
    use Seg::{Lit, Name};

    const TASKS: &[Seg] = &[Lit("tasks")];
    const TASK: &[Seg] = &[Lit("tasks"), Name("id")];
    const RUNS: &[Seg] = &[Lit("tasks"), Name("id"), Lit("runs")];
    const PAGE: [super::Query; 3] = [
        opt("limit", Kind::Count),
        opt("page", Kind::Text),
        opt("sort", Kind::Text),
    ];

    #[rustfmt::skip]
    operations_table! {
        "qlik_cloud",
        /// Every Qlik Cloud Tasks operation, in the spec's order.
        OPERATIONS;
        /// The tasks the caller may see (one page); `resourceId` filters by app (the spec
        /// requires it, newer tenants do not: sent when given, the server judges).
        GET_TASKS = op_paged(Get, TASKS, &[opt("resourceId", Kind::Text), PAGE[0], PAGE[1], PAGE[2]]);
        /// Creates a task (201); `migrateFrom` names a reload task to migrate.
        CREATE_TASK = super::op(Post, TASKS, &[opt("migrateFrom", Kind::Text)], B::Object, A::Json);
        /// One task.
        GET_TASK = super::op(Get, TASK, &[], B::None, A::Json);
        /// Replaces a task (the caller becomes its owner).
        UPDATE_TASK = super::op(Put, TASK, &[], B::Object, A::Json);
        /// Deletes a task (204).
        DELETE_TASK = super::op(Delete, TASK, &[], B::None, A::Empty);
        /// Starts a task; `source` is the origin of the trigger (`manual`).
        START_TASK = super::op(Post, &[Lit("tasks"), Name("id"), Lit("actions"), Lit("start")], &[opt("source", Kind::Text)], B::None, A::Json);
        /// A task's runs (one page).
        GET_TASK_RUNS = op_paged(Get, RUNS, &PAGE);
        /// The log of one run.
        GET_TASK_RUN_LOG = as_text(super::op(Get, &[Lit("tasks"), Name("id"), Lit("runs"), Name("runId"), Lit("log")], &[], B::None, A::Json), "logContent");
        /// A task's last run.
        GET_LAST_TASK_RUN = super::op(Get, &[Lit("tasks"), Name("id"), Lit("runs"), Lit("last")], &[], B::None, A::Json);
        /// The runs of the tasks of one resource (`id` is the resource's, one page).
        GET_TASKS_RESOURCE_RUNS = op_paged(Get, &[Lit("tasks"), Lit("resources"), Name("id"), Lit("runs")], &PAGE);
    }

    const fn as_text(mut o: Operation, field: &'static str) -> Operation {
        o.text = Some(field);
        o
    }

    const fn op_paged(
        verb: super::Verb,
        path: &'static [Seg],
        query: &'static [super::Query],
    ) -> Operation {
        let mut o = super::op(verb, path, query, B::None, A::Json);
        o.paging = super::Paging::Cursor;
        o
    }

    /// The names of Qlik's TypeScript SDK (`@qlik/api`), as data: (alias, REST name).
    pub const ALIASES: &[(&str, &str)] = &[
        ("getTasks", "GetTasks"),
        ("createTask", "CreateTask"),
        ("getTask", "GetTask"),
        ("updateTask", "UpdateTask"),
        ("deleteTask", "DeleteTask"),
        ("startTask", "StartTask"),
        ("getTaskRuns", "GetTaskRuns"),
        ("getTaskRunLog", "GetTaskRunLog"),
        ("getLastTaskRun", "GetLastTaskRun"),
        ("getTasksResourceRuns", "GetTasksResourceRuns"),
    ];

    /// The Qlik Cloud Tasks API of one tenant: bearer tokens, under `{tenant}/api/v1`.
    pub static QLIK_CLOUD: Service = Service {
        name: "qlik_cloud",
        base_path: "/api/v1",
        auth: super::AuthScheme::Bearer,
        operations: OPERATIONS,
        aliases: ALIASES,
    };
}

/// Kinetic Task (`kinetic-task-clone-trees.txt`): its REST API v1 under the web
/// application (`{url}/app/api/v1`), HTTP Basic or no authentication.
pub mod kinetic {
    use super::{Answer as A, Body as B, Operation, Seg, Service, Verb::*};
    use Seg::Lit;

    #[rustfmt::skip]
    operations_table! {
        "kinetic",
        /// Every Kinetic Task operation.
        OPERATIONS;
        /// Copies the trees and local routines of a Source / Group into another (the
        /// originals stay); `names` limits it to some, `localRoutines` gives the copied
        /// local routines their new definition ids. Never repeated once it may have
        /// reached the server.
        CLONE_TREES = super::op(Post, &[Lit("clone-trees")], &[], B::CloneTrees, A::Json);
    }

    /// The names of Kinetic's own clients, as data: (alias, REST name).
    pub const ALIASES: &[(&str, &str)] = &[("cloneTrees", "CloneTrees")];

    /// Kinetic Task's web application.
    pub static KINETIC: Service = Service {
        name: "kinetic",
        base_path: "/app/api/v1",
        auth: super::AuthScheme::Basic,
        operations: OPERATIONS,
        aliases: ALIASES,
    };
}

/// Veeam Backup Enterprise Manager's REST API (`veeam-em-clone-job.txt`, and
/// services-notes §2) under `{url}/api`: clone a job, follow and stop the task it
/// starts, and list the jobs and repositories whose ids a clone takes. XML both ways.
pub mod veeam {
    use super::{Answer as A, Body as B, Operation, Query, Seg, Service, Verb::*};
    use Seg::{Guid, Lit, Name};

    const TASK: &[Seg] = &[Lit("tasks"), Name("task")];

    #[rustfmt::skip]
    operations_table! {
        "veeam",
        /// Every Veeam Backup Enterprise Manager operation.
        OPERATIONS;
        /// Clones a job (`job`: its GUID or `urn:veeam:Job:<guid>`) as `job_name` on the
        /// same backup server: answers the Task doing it (202). Never repeated once it
        /// may have reached the server.
        CLONE_JOB = super::op(Post, &[Lit("jobs"), Guid("job", "Job")], &[Query::Fixed("action", "clone")], B::JobClone, A::Xml);
        /// A task: its state (`Running`, `OperationFinished`, `Finished`), its result and
        /// links (`Related`: the job a clone made).
        GET_TASK = super::op(Get, TASK, &[], B::None, A::Xml);
        /// Stops a task and forgets it (204).
        DELETE_TASK = super::op(Delete, TASK, &[], B::None, A::Empty);
        /// The jobs (references with their UIDs; Portal Administrators only).
        GET_JOBS = super::op(Get, &[Lit("jobs")], &[], B::None, A::Xml);
        /// The backup repositories (references with their UIDs).
        GET_REPOSITORIES = super::op(Get, &[Lit("repositories")], &[], B::None, A::Xml);
    }

    /// Other names of its operations: (alias, REST name).
    pub const ALIASES: &[(&str, &str)] = &[
        ("cloneJob", "CloneJob"),
        ("getTask", "GetTask"),
        ("deleteTask", "DeleteTask"),
        ("getJobs", "GetJobs"),
        ("getRepositories", "GetRepositories"),
    ];

    /// Veeam Backup Enterprise Manager (`https://host:9398`, the API under `/api`).
    pub static VEEAM: Service = Service {
        name: "veeam",
        base_path: "/api",
        auth: super::AuthScheme::RestSvcSession {
            header: "X-RestSvcSessionId",
        },
        operations: OPERATIONS,
        aliases: ALIASES,
    };
}

/// Every service the engine serves, Enterprise Manager first.
pub static SERVICES: &[&Service] = &[&QEM, &cloud::QLIK_CLOUD, &kinetic::KINETIC, &veeam::VEEAM];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_six_unique_operations() {
        assert_eq!(QEM_OPERATIONS.len(), 36);
        let mut names: Vec<_> = QEM_OPERATIONS.iter().map(|o| o.name).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 36);
        let mut methods: Vec<_> = QEM_OPERATIONS.iter().map(|o| o.method).collect();
        methods.sort();
        methods.dedup();
        assert_eq!(methods.len(), 36);
    }

    #[test]
    fn lookup_by_either_name_and_alias() {
        assert_eq!(QEM.find("run_task").unwrap().name, "RunTask");
        assert_eq!(QEM.find("RunTask").unwrap().method, "run_task");
        assert_eq!(
            QEM.find("set_task_table_selection").unwrap().name,
            "PutTaskTableSelection"
        );
        assert!(QEM.find("no_such_method").is_none());
    }

    #[test]
    fn only_gets_are_retried() {
        for o in QEM_OPERATIONS {
            assert_eq!(o.is_retry_safe(), o.verb == Verb::Get, "{}", o.name);
        }
        assert!(!QEM.find("run_task").unwrap().is_retry_safe());
    }
}
