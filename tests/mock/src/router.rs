//! Maps (HTTP method, path segments, `action`) to the guide's methods.

use std::sync::Arc;

use bytes::Bytes;
use hyper::{HeaderMap, Method};

use crate::errors::{self, ApiError, ErrDef};
use crate::http::{self, Resp};
use crate::state::{require, Role, Server, World};
use crate::util::Query;
use crate::Shared;

/// Everything a handler needs about the request.
pub struct Ctx {
    pub shared: Arc<Shared>,
    pub user: String,
    pub session: String,
    pub segs: Vec<String>,
    pub query: Query,
    pub body: Bytes,
}

impl Ctx {
    pub fn server(&self) -> &str {
        self.segs.get(1).map(String::as_str).unwrap_or_default()
    }
    /// The task (under /tasks/) or endpoint (under /endpoints/) name.
    pub fn item(&self) -> &str {
        self.segs.get(3).map(String::as_str).unwrap_or_default()
    }
    /// The position of the named server, or `not_found` filled with its name.
    pub fn server_idx(&self, w: &World, not_found: ErrDef) -> Result<usize, ApiError> {
        w.servers
            .iter()
            .position(|s| s.name == self.server())
            .ok_or_else(|| not_found.with(&[("server", self.server())]))
    }
    /// The user's role on the server at `idx`, which must be at least `need`.
    pub fn authorize(&self, w: &World, idx: usize, need: Role) -> Result<Role, ApiError> {
        let r = w.server_role(&self.user, &w.servers[idx]);
        require(r, need)?;
        Ok(r)
    }
    /// Server lookup + role check + reachability: the common preamble.
    pub fn reachable_server(&self, w: &World, need: Role) -> Result<usize, ApiError> {
        let idx = self.server_idx(w, errors::SERVER_NOT_FOUND)?;
        self.authorize(w, idx, need)?;
        w.servers[idx].check_reachable()?;
        Ok(idx)
    }
    pub fn body_str(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

/// The position of a task on a server, or `not_found`.
pub fn task_idx(srv: &Server, task: &str, not_found: ErrDef) -> Result<usize, ApiError> {
    srv.tasks
        .iter()
        .position(|t| t.name == task)
        .ok_or_else(|| not_found.with(&[("task", task), ("server", &srv.name)]))
}

pub(crate) fn op_for(
    method: &Method,
    segs: &[String],
    action: Option<&str>,
) -> Option<&'static str> {
    let m = method.as_str();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    Some(match (segs.as_slice(), m, action) {
        (["login"], "GET" | "POST", _) => "login",
        (["logout"], "GET" | "POST", _) => "logout",
        (["servers"], "GET", _) => "get_server_list",
        (["servers", _], "GET", None) => "get_server_details",
        (["servers", _], "GET", Some("export")) => "export_all",
        (["servers", _], "GET", Some("acl")) => "get_server_acl",
        (["servers", _], "PUT", Some("acl")) => "put_server_acl",
        (["servers", _], "DELETE", Some("acl")) => "delete_server_acl",
        (["servers", _], "POST", Some("import")) => "import_all",
        (["servers", _, "def"], "GET", _) => "get_server",
        (["servers", _, "def"], "PUT", _) => "put_server",
        (["servers", _, "def"], "DELETE", _) => "delete_server",
        (["servers", _, "license", "def"], "PUT", _) => "put_server_license",
        (["servers", _, "tasks"], "GET", _) => "get_task_list",
        (["servers", _, "tasks", _], "GET", None) => "get_task_details",
        (["servers", _, "tasks", _], "GET", Some("export")) => "export_task",
        (["servers", _, "tasks", _], "GET", Some("get_change_data_retention_barrier")) => {
            "get_change_data_retention_barrier"
        }
        (["servers", _, "tasks", _], "POST", Some("run")) => "run_task",
        (["servers", _, "tasks", _], "POST", Some("stop")) => "stop_task",
        (["servers", _, "tasks", _], "POST", Some("delete")) => "delete_task",
        (["servers", _, "tasks", _], "POST", Some("import")) => "import_task",
        (["servers", _, "tasks", _], "POST", Some("clone")) => "clone_task",
        (["servers", _, "tasks", _], "POST", Some("delete_old_change_data")) => {
            "delete_old_change_data"
        }
        (["servers", _, "tasks", _], "PUT", Some("set_change_data_retention_barrier")) => {
            "set_change_data_retention_barrier"
        }
        (["servers", _, "tasks", _, "tables"], "GET", None) => "get_table_list",
        (["servers", _, "tasks", _, "tables"], "GET", Some("getstatus")) => "get_table_statuses",
        (["servers", _, "tasks", _, "tables"], "GET", Some("selection")) => {
            "get_task_table_selection"
        }
        (["servers", _, "tasks", _, "tables"], "PUT", Some("selection")) => {
            "put_task_table_selection"
        }
        (["servers", _, "tasks", _, "tables"], "POST", Some("reload")) => "reload_table",
        (["servers", _, "tasks", _, "tables"], "POST", Some("resume")) => "resume_table",
        (["servers", _, "endpoints"], "GET", _) => "get_endpoint_list",
        (["servers", _, "endpoints", _], "PATCH", _) => "patch_endpoint",
        (["servers", _, "endpoints", _], "DELETE" | "POST", Some("delete")) => "delete_endpoint",
        (["servers", _, "endpoints", _], "DELETE", None) => "delete_endpoint",
        (["servers", _, "endpoints", _], "GET", Some("test")) => "test_endpoint",
        (["servers", _, "endpoints", _], "PUT", Some("reconfigure")) => {
            "reconfigure_endpoint_no_wait"
        }
        (["security", "audit_trail"], "GET", _) => "export_audit_trail",
        _ => return None,
    })
}

/// True when `s` reads as an encoder's output: at least one percent-escape, every `%`
/// starting one, and nothing an encoder would have escaped (no space, no non-ASCII).
/// Only such a name can have been encoded twice; `100%25 done` (with its space) cannot.
fn has_escape(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let mut escapes = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len()
                && b[i + 1].is_ascii_hexdigit()
                && b[i + 2].is_ascii_hexdigit() =>
            {
                escapes += 1;
                i += 3;
                continue;
            }
            b'%' => return false,
            c if c.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&c) => {}
            _ => return false,
        }
        i += 1;
    }
    escapes > 0
}

/// The name the body gives the object the URL creates (PutServer's `name`, the task of
/// an ImportTask document), to tell a name encoded twice from one holding `%`.
fn body_name(op: &str, body: &[u8]) -> Option<String> {
    match op {
        "put_server" => serde_json::from_slice::<serde_json::Value>(body)
            .ok()?
            .get("name")?
            .as_str()
            .map(str::to_string),
        "import_task" => {
            let doc = crate::documents::parse_document(body).ok()??;
            doc.pointer("/cmd.replication_definition/tasks/0/task/name")?
                .as_str()
                .map(str::to_string)
        }
        _ => None,
    }
}

/// Names encoded twice (Qlik's older client sends `Local%2520Server`, as the servers
/// of its time decoded names twice): a path name is decoded once; when no object has
/// that name, it still holds percent-escapes, and decoding it again gives the name of
/// an object (or the name the body creates), that name is used. A name that really
/// holds `%` keeps working, because the name decoded once is looked up first.
pub(crate) fn resolve_names(shared: &Shared, op: &str, segs: &mut [String], body: &[u8]) {
    let needs = |i: usize| segs.get(i).is_some_and(|s| has_escape(s));
    if segs.first().map(String::as_str) != Some("servers") || !(needs(1) || needs(3)) {
        return;
    }
    let w = shared.world.lock();
    let created = body_name(op, body);
    let pick = |once: &str, exists: &dyn Fn(&str) -> bool| -> Option<String> {
        if !has_escape(once) || exists(once) {
            return None;
        }
        if created.as_deref() == Some(once) {
            return None;
        }
        let twice = crate::util::decode_segment(once);
        (exists(&twice) || created.as_deref() == Some(twice.as_str())).then_some(twice)
    };
    if let Some(name) = pick(&segs[1], &|n| w.server(n).is_some()) {
        segs[1] = name;
    }
    let Some(server) = w.server(&segs[1]) else {
        return;
    };
    let item = match segs.get(2).map(String::as_str) {
        Some("tasks") => pick(segs.get(3).map_or("", |s| s), &|n| server.task(n).is_some()),
        Some("endpoints") => pick(segs.get(3).map_or("", |s| s), &|n| {
            server.endpoint(n).is_some()
        }),
        _ => None,
    };
    if let Some(name) = item {
        segs[3] = name;
    }
}

/// Answers a `settings.force_errors` entry for `op`, if any.
fn forced_error(ctx: &Ctx, op: &str) -> Option<ApiError> {
    let code = {
        let w = ctx.shared.world.lock();
        w.settings.force_errors.get(op)?.clone()
    };
    let args = [
        ("server", ctx.server()),
        ("task", ctx.item()),
        ("endpoint", ctx.item()),
        ("name", ctx.server()),
        ("ServerName", ctx.server()),
        ("serverName", ctx.server()),
        ("ServerType", "Unknown"),
        ("schema", ctx.query.get("schema").unwrap_or_default()),
        ("table", ctx.query.get("table").unwrap_or_default()),
        ("role", "source"),
        ("type", "Object"),
        ("fieldName", "field"),
        ("Module", "Replication Management"),
        ("message", "Simulated error (settings.force_errors)."),
    ];
    Some(match errors::by_code(&code) {
        Some(d) => d.with(&args),
        None => ApiError::new(500, &code, "Simulated error (settings.force_errors)."),
    })
}

pub async fn dispatch(
    shared: Arc<Shared>,
    method: Method,
    segs: Vec<String>,
    raw_query: Option<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Resp {
    let query = Query::parse(raw_query.as_deref());
    let action = query.action();
    let Some(op) = op_for(&method, &segs, action.as_deref()) else {
        return http::not_found("No such method.");
    };
    if op == "login" {
        return match crate::session::login(&shared, &headers, &body) {
            Ok(r) => r,
            Err(e) => http::error(&e),
        };
    }
    let (user, session) = match crate::session::authenticate(&shared, &headers) {
        Ok(v) => v,
        Err(e) => return http::error(&e),
    };
    let ctx = Ctx {
        shared,
        user,
        session,
        segs,
        query,
        body,
    };
    if let Err(e) = crate::session::check_em_license(&ctx) {
        return http::error(&e);
    }
    if let Some(e) = forced_error(&ctx, op) {
        return http::error(&e);
    }
    let res: Result<Resp, ApiError> = match op {
        "logout" => crate::session::logout(&ctx),
        "get_server_list" => crate::servers::get_server_list(&ctx),
        "get_server_details" => crate::servers::get_server_details(&ctx),
        "get_server" => crate::servers::get_server(&ctx),
        "put_server" => crate::servers::put_server(&ctx),
        "delete_server" => crate::servers::delete_server(&ctx),
        "put_server_license" => crate::servers::put_server_license(&ctx),
        "get_server_acl" => crate::servers::get_server_acl(&ctx),
        "put_server_acl" => crate::servers::put_server_acl(&ctx),
        "delete_server_acl" => crate::servers::delete_server_acl(&ctx),
        "get_task_list" => crate::tasks::get_task_list(&ctx),
        "get_task_details" => crate::tasks::get_task_details(&ctx),
        "run_task" => crate::tasks::run_task(&ctx).await,
        "stop_task" => crate::tasks::stop_task(&ctx).await,
        "delete_task" => crate::tasks::delete_task(&ctx),
        "delete_old_change_data" => crate::tasks::delete_old_change_data(&ctx),
        "set_change_data_retention_barrier" => crate::tasks::set_retention_barrier(&ctx),
        "get_change_data_retention_barrier" => crate::tasks::get_retention_barrier(&ctx),
        "export_task" => crate::documents::export_task(&ctx),
        "export_all" => crate::documents::export_all(&ctx),
        "import_task" => crate::documents::import_task(&ctx),
        "import_all" => crate::documents::import_all(&ctx),
        "clone_task" => crate::documents::clone_task(&ctx),
        "get_table_list" => crate::tables::get_table_list(&ctx),
        "get_table_statuses" => crate::tables::get_table_statuses(&ctx),
        "get_task_table_selection" => crate::tables::get_selection(&ctx),
        "put_task_table_selection" => crate::tables::put_selection(&ctx),
        "reload_table" => crate::tables::reload_table(&ctx),
        "resume_table" => crate::tables::resume_table(&ctx),
        "get_endpoint_list" => crate::endpoints::get_endpoint_list(&ctx),
        "patch_endpoint" => crate::endpoints::patch_endpoint(&ctx),
        "delete_endpoint" => crate::endpoints::delete_endpoint(&ctx),
        "test_endpoint" => crate::endpoints::test_endpoint(&ctx),
        "reconfigure_endpoint_no_wait" => crate::endpoints::reconfigure_endpoint(&ctx),
        "export_audit_trail" => crate::audit::export_audit_trail(&ctx),
        _ => Err(ApiError::new(404, "NOT_FOUND", "No such method.")),
    };
    match res {
        Ok(r) => r,
        Err(e) => http::error(&e),
    }
}
