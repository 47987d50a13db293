//! The mock's Qlik Cloud Tasks API, under `/qlik-cloud` (the tenant's root): the ten
//! operations of `qlik-cloud-tasks-api.txt` at `/api/v1`, and OAuth client credentials at
//! `/oauth/token`, as `services-notes.md` §1 says the real service behaves: bearer API
//! keys and tokens with a lifetime, the "reload" permission (a tenant admin may list and
//! delete without it), cursor pages with absolute links, runs that end after a delay, run
//! logs as JSON or text, Qlik's error body with a trace id, and a per-user rate limit
//! answered with 429 and `Retry-After`. Its state is the `qlik_cloud` section of the
//! state document.

use std::time::{SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use hyper::{HeaderMap, Method};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::http::{self, Resp};
use crate::Shared;

/// Where the tenant is served.
pub const PREFIX: &str = "/qlik-cloud";

/// The `qlik_cloud` section of the state document.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudWorld {
    pub settings: CloudSettings,
    pub users: Vec<CloudUser>,
    /// API keys: `{"key", "user"}` (a user's id).
    pub api_keys: Vec<Credential>,
    /// OAuth clients (client credentials): `{"client_id", "client_secret", "user"}`.
    pub oauth_clients: Vec<Credential>,
    /// Tasks as the API answers them (unknown fields kept).
    pub tasks: Vec<Value>,
    /// Runs as the API answers them; `_startedMs` (when it started, unix ms) and `_fails`
    /// are the mock's own and never sent.
    pub runs: Vec<Value>,
    /// Tokens handed out by `/oauth/token`: `{"token", "user", "expires_ms"}`.
    pub tokens: Vec<Value>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudSettings {
    pub tenant_id: String,
    /// `expires_in` of the tokens `/oauth/token` gives.
    pub token_lifetime_s: u64,
    /// How long a run stays RUNNING.
    pub run_ms: u64,
    /// Tasks (ids or names) whose runs end FAILED.
    pub failing_tasks: Vec<String>,
    /// Requests one user may make per minute (0: no limit); over it, 429.
    pub rate_limit_per_minute: u64,
    /// `limit` when a list request gives none.
    pub default_limit: u64,
    /// The origin page links point to instead of the request's own (to test that a
    /// client does not follow a link elsewhere).
    pub link_origin: Option<String>,
}

impl Default for CloudSettings {
    fn default() -> Self {
        CloudSettings {
            tenant_id: "tenant-1".into(),
            token_lifetime_s: 3600,
            run_ms: 200,
            failing_tasks: vec!["Failing task".into()],
            rate_limit_per_minute: 0,
            default_limit: 10,
            link_origin: None,
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudUser {
    pub id: String,
    pub name: String,
    /// The "reload" permission on the tenant's resources.
    pub reload: bool,
    pub tenant_admin: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Credential {
    pub key: String,
    pub client_id: String,
    pub client_secret: String,
    pub user: String,
}

const DEFAULT: &str = r#"{
  "users": [
    {"id": "user-admin", "name": "Tenant Admin", "reload": true, "tenant_admin": true},
    {"id": "user-dev", "name": "Developer", "reload": true},
    {"id": "user-viewer", "name": "Viewer", "reload": false},
    {"id": "user-auditor", "name": "Auditor", "reload": false, "tenant_admin": true}
  ],
  "api_keys": [
    {"key": "key-admin", "user": "user-admin"},
    {"key": "key-dev", "user": "user-dev"},
    {"key": "key-viewer", "user": "user-viewer"},
    {"key": "key-auditor", "user": "user-auditor"}
  ],
  "oauth_clients": [
    {"client_id": "m2m-client", "client_secret": "m2m-secret", "user": "user-admin"}
  ],
  "tasks": [
    {"id": "task-1", "name": "Reload sales", "specVersion": "0.8", "enabled": true, "resourceId": "app-1",
     "start": {"schedule": "R/2026-01-01T00:00:00Z/P1D"}, "states": [], "events": [],
     "metadata": {"ownerId": "user-dev", "tenantId": "tenant-1", "usage": "ANALYTICS",
                  "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-02T00:00:00Z", "createdBy": "user-dev"}},
    {"id": "task-2", "name": "Failing task", "specVersion": "0.8", "enabled": true, "resourceId": "app-1",
     "states": [], "events": [],
     "metadata": {"ownerId": "user-dev", "tenantId": "tenant-1", "usage": "ANALYTICS",
                  "createdAt": "2026-01-03T00:00:00Z", "updatedAt": "2026-01-03T00:00:00Z", "createdBy": "user-dev"}}
  ]
}"#;

impl Default for CloudWorld {
    fn default() -> Self {
        let mut w = CloudWorld {
            settings: CloudSettings::default(),
            users: Vec::new(),
            api_keys: Vec::new(),
            oauth_clients: Vec::new(),
            tasks: Vec::new(),
            runs: Vec::new(),
            tokens: Vec::new(),
        };
        let v: Value = serde_json::from_str(DEFAULT).expect("the default Qlik Cloud state is JSON");
        let part = |k: &str| v[k].clone();
        w.users = serde_json::from_value(part("users")).unwrap_or_default();
        w.api_keys = serde_json::from_value(part("api_keys")).unwrap_or_default();
        w.oauth_clients = serde_json::from_value(part("oauth_clients")).unwrap_or_default();
        w.tasks = serde_json::from_value(part("tasks")).unwrap_or_default();
        w
    }
}

/// A query string's parameters, names as sent (the service's are case-sensitive).
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(raw: Option<&str>) -> Params {
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(&s.replace('+', " "))
                .decode_utf8_lossy()
                .into_owned()
        };
        Params(
            raw.unwrap_or_default()
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (decode(k), decode(v))
                })
                .collect(),
        )
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn encode(v: &str) -> String {
    percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string()
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn iso_ms(ms: i64) -> String {
    let s = crate::util::fmt_iso(ms.div_euclid(1000));
    // fmt_iso ends with 'Z'; the service sends milliseconds.
    format!("{}.{:03}Z", s.trim_end_matches('Z'), ms.rem_euclid(1000))
}

/// Qlik's error answer: `{"errors":[{"code","title","detail"}],"traceId"}`.
fn error(status: u16, code: &str, title: &str, detail: &str) -> Resp {
    let body = json!({
        "errors": [{"code": code, "title": title, "detail": detail}],
        "traceId": format!("{:016x}", crate::util::random_u64()),
    });
    http::json_bytes(status, body.to_string())
}

fn not_found(what: &str) -> Resp {
    error(404, "TASKS-404", "Not found", what)
}

/// Answers a request under [`PREFIX`] (`rest` is the path after it).
pub fn handle(
    shared: &Shared,
    method: &Method,
    rest: &str,
    query: Option<&str>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Resp {
    let mut world = shared.world.lock();
    let cloud = &mut world.qlik_cloud;
    let now = now_ms();
    if rest == "/oauth/token" && method == Method::POST {
        return token(cloud, body, now);
    }
    let Some(api) = rest.strip_prefix("/api/v1") else {
        return not_found("unknown path");
    };
    // Who calls: an API key or a token still valid.
    let bearer = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        })
        .unwrap_or_default()
        .to_string();
    let user_id = cloud
        .api_keys
        .iter()
        .find(|k| !k.key.is_empty() && k.key == bearer)
        .map(|k| k.user.clone())
        .or_else(|| {
            cloud
                .tokens
                .iter()
                .find(|t| t["token"] == bearer.as_str() && t["expires_ms"].as_i64() > Some(now))
                .and_then(|t| t["user"].as_str().map(str::to_string))
        });
    let Some(user) = user_id.and_then(|id| cloud.users.iter().find(|u| u.id == id).cloned()) else {
        return error(
            401,
            "HTTP-401",
            "Unauthorized",
            "missing or invalid credentials",
        );
    };
    if let Some(wait) = rate_limited(shared, &user.id, cloud.settings.rate_limit_per_minute) {
        let mut r = error(
            429,
            "HTTP-429",
            "API rate limit reached.",
            &format!("You need to wait {wait} seconds until limit is lifted."),
        );
        r.headers_mut().insert(
            hyper::header::RETRY_AFTER,
            hyper::header::HeaderValue::from(wait),
        );
        return r;
    }
    let q = Params::parse(query);
    let origin = match &cloud.settings.link_origin {
        Some(o) => o.clone(),
        None => crate::util::request_origin(shared.tls, headers),
    };
    let segs: Vec<String> = api
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::util::decode_segment)
        .collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let m = method.as_str();
    // A tenant admin may list and delete tasks without the reload permission.
    let admin_may = matches!(
        (m, segs.as_slice()),
        ("GET", ["tasks"]) | ("DELETE", ["tasks", _])
    );
    if !(user.reload || (user.tenant_admin && admin_may)) {
        return error(
            403,
            "TASKS-403",
            "Forbidden",
            "the reload permission is required",
        );
    }
    let per_page = cloud.settings.default_limit.max(1) as usize;
    let page = |items: Vec<Value>, path: &str| paged(items, &q, &origin, path, per_page);
    match (m, segs.as_slice()) {
        ("GET", ["tasks"]) => {
            let Some(resource) = q.get("resourceId").filter(|r| !r.is_empty()) else {
                return bad_request("resourceId is required");
            };
            let items: Vec<Value> = cloud
                .tasks
                .iter()
                .filter(|t| t["resourceId"] == resource)
                .cloned()
                .collect();
            sorted_page(items, &q, "-updatedAt", page, "/api/v1/tasks")
        }
        ("POST", ["tasks"]) => {
            let Some(mut task) = task_body(body) else {
                return bad_request("the body must be a task object");
            };
            for field in ["name", "specVersion"] {
                if !task.get(field).is_some_and(Value::is_string) {
                    return bad_request(&format!("{field} is required"));
                }
            }
            let id = format!("task-{:012x}", crate::util::random_u64() & 0xffff_ffff_ffff);
            task.insert("id".into(), json!(id));
            let mut meta = Map::new();
            meta.insert("ownerId".into(), json!(user.id));
            meta.insert("createdBy".into(), json!(user.id));
            meta.insert("tenantId".into(), json!(cloud.settings.tenant_id));
            meta.insert("createdAt".into(), json!(iso_ms(now)));
            meta.insert("updatedAt".into(), json!(iso_ms(now)));
            if let Some(from) = q.get("migrateFrom") {
                meta.insert("migratedFrom".into(), json!(from));
            }
            task.insert("metadata".into(), Value::Object(meta));
            let task = Value::Object(task);
            cloud.tasks.push(task.clone());
            http::json_bytes(201, task.to_string())
        }
        (_, ["tasks", id]) => {
            let Some(i) = cloud.tasks.iter().position(|t| t["id"] == *id) else {
                return not_found(&format!("task {id} not found"));
            };
            match m {
                "GET" => http::json(&cloud.tasks[i]),
                "PUT" => {
                    let Some(mut task) = task_body(body) else {
                        return bad_request("the body must be a task object");
                    };
                    let mut meta = cloud.tasks[i]["metadata"]
                        .as_object()
                        .cloned()
                        .unwrap_or_default();
                    // The requester becomes the owner (the spec's "ownership transferred").
                    meta.insert("ownerId".into(), json!(user.id));
                    meta.insert("updatedAt".into(), json!(iso_ms(now)));
                    task.insert("id".into(), json!(id));
                    task.insert("metadata".into(), Value::Object(meta));
                    // The service works the resource out itself (from the states): the
                    // mock keeps the one it had when the new definition names none.
                    if !task.contains_key("resourceId") {
                        task.insert("resourceId".into(), cloud.tasks[i]["resourceId"].clone());
                    }
                    cloud.tasks[i] = Value::Object(task);
                    http::json(&cloud.tasks[i])
                }
                "DELETE" => {
                    cloud.tasks.remove(i);
                    cloud.runs.retain(|r| r["taskId"] != *id);
                    http::status_only(204)
                }
                _ => error(405, "HTTP-405", "Method Not Allowed", m),
            }
        }
        ("POST", ["tasks", id, "actions", "start"]) => {
            let Some(task) = cloud.tasks.iter().find(|t| t["id"] == *id).cloned() else {
                return not_found(&format!("task {id} not found"));
            };
            let fails = cloud
                .settings
                .failing_tasks
                .iter()
                .any(|f| task["id"] == *f || task["name"] == *f);
            let run_id = format!("run-{:012x}", crate::util::random_u64() & 0xffff_ffff_ffff);
            cloud.runs.push(json!({
                "id": run_id, "taskId": id, "taskName": task["name"], "taskMeta": {},
                "actionId": format!("action-{run_id}"), "workerId": format!("reload-{run_id}"),
                "workerType": "reload", "resourceId": task["resourceId"],
                "triggeredBy": q.get("source").unwrap_or("manual"), "executedAs": user.id,
                "startedAt": iso_ms(now), "status": "RUNNING",
                "_startedMs": now, "_fails": fails,
            }));
            http::json(&json!({"message": "Task started successfully"}))
        }
        ("GET", ["tasks", id, "runs"]) | ("GET", ["tasks", "resources", id, "runs"]) => {
            let by_resource = segs[1] == "resources";
            if !by_resource && !cloud.tasks.iter().any(|t| t["id"] == *id) {
                return not_found(&format!("task {id} not found"));
            }
            let key = if by_resource { "resourceId" } else { "taskId" };
            let run_ms = cloud.settings.run_ms as i64;
            let items: Vec<Value> = cloud
                .runs
                .iter()
                .filter(|r| r[key] == *id)
                .map(|r| settled(r, now, run_ms))
                .collect();
            let path = format!("/api/v1/{}", segs.join("/"));
            sorted_page(items, &q, "-startedAt", page, &path)
        }
        ("GET", ["tasks", id, "runs", "last"]) => {
            let run_ms = cloud.settings.run_ms as i64;
            match cloud
                .runs
                .iter()
                .filter(|r| r["taskId"] == *id)
                .max_by_key(|r| r["_startedMs"].as_i64())
            {
                Some(r) => http::json(&settled(r, now, run_ms)),
                None => not_found(&format!("task {id} has no run")),
            }
        }
        ("GET", ["tasks", id, "runs", run, "log"]) => {
            let run_ms = cloud.settings.run_ms as i64;
            let Some(r) = cloud
                .runs
                .iter()
                .find(|r| r["taskId"] == *id && r["id"] == *run)
            else {
                return not_found(&format!("run {run} of task {id} not found"));
            };
            let r = settled(r, now, run_ms);
            let log = format!(
                "{} Run {} of {} started ({})\n{} Reloading app {}\n{} Run ended: {}\n",
                r["startedAt"].as_str().unwrap_or_default(),
                run,
                r["taskName"].as_str().unwrap_or_default(),
                r["triggeredBy"].as_str().unwrap_or_default(),
                r["startedAt"].as_str().unwrap_or_default(),
                r["resourceId"].as_str().unwrap_or_default(),
                r["endedAt"].as_str().unwrap_or(""),
                r["status"].as_str().unwrap_or_default(),
            );
            let accept = headers
                .get(hyper::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if accept.contains("text/plain") {
                http::text(200, log)
            } else {
                http::json(&json!({"logContent": log}))
            }
        }
        _ => not_found("unknown path"),
    }
}

/// A request's task, if its body is a JSON object.
fn task_body(body: &Bytes) -> Option<Map<String, Value>> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(task)) => Some(task),
        _ => None,
    }
}

fn bad_request(detail: &str) -> Resp {
    error(400, "TASKS-400", "Bad Request", detail)
}

/// A run as it is now: RUNNING until `run_ms` after its start, then SUCCEEDED or FAILED.
fn settled(run: &Value, now: i64, run_ms: i64) -> Value {
    let mut r = run.clone();
    let started = r["_startedMs"].as_i64().unwrap_or(now);
    if r["status"] == "RUNNING" && now - started >= run_ms {
        let failed = r["_fails"].as_bool().unwrap_or(false);
        r["status"] = json!(if failed { "FAILED" } else { "SUCCEEDED" });
        r["endedAt"] = json!(iso_ms(started + run_ms));
    }
    if let Some(o) = r.as_object_mut() {
        o.retain(|k, _| !k.starts_with('_'));
    }
    r
}

/// Sorts by `sort` (`+field` or `-field`, else `default`) and answers one page.
fn sorted_page(
    mut items: Vec<Value>,
    q: &Params,
    default: &str,
    page: impl Fn(Vec<Value>, &str) -> Resp,
    path: &str,
) -> Resp {
    let sort = q.get("sort").unwrap_or(default);
    let (desc, field) = match sort.split_at(sort.len().min(1)) {
        ("-", f) => (true, f),
        ("+", f) => (false, f),
        _ => (false, sort),
    };
    let key = |v: &Value| -> String {
        let x = if v.get(field).is_some() {
            &v[field]
        } else {
            &v["metadata"][field]
        };
        x.as_str().map_or_else(|| x.to_string(), str::to_string)
    };
    items.sort_by_key(key);
    if desc {
        items.reverse();
    }
    page(items, path)
}

/// One page of `items` from the cursor `page` (opaque: an offset in disguise), with
/// absolute `self`, `next` and `prev` links.
fn paged(items: Vec<Value>, q: &Params, origin: &str, path: &str, per_page: usize) -> Resp {
    let limit = match q.get("limit") {
        None => per_page,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => return bad_request("limit must be 1 to 100"),
        },
    };
    let start = match q.get("page") {
        None => 0,
        Some(c) => match c
            .strip_prefix("cur")
            .and_then(|h| usize::from_str_radix(h, 16).ok())
        {
            Some(n) => n ^ 0x5a5a,
            None => return bad_request("page is not a cursor"),
        },
    };
    let link = |offset: usize| {
        let mut params: Vec<String> =
            q.0.iter()
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| format!("{k}={}", encode(v)))
                .collect();
        if offset > 0 {
            params.push(format!("page=cur{:x}", offset ^ 0x5a5a));
        }
        let query = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        json!({"href": format!("{origin}{PREFIX}{path}{query}")})
    };
    let data: Vec<Value> = items.iter().skip(start).take(limit).cloned().collect();
    let mut links = Map::new();
    links.insert("self".into(), link(start));
    if start + limit < items.len() {
        links.insert("next".into(), link(start + limit));
    }
    links.insert(
        "prev".into(),
        if start > 0 {
            link(start.saturating_sub(limit))
        } else {
            Value::Null
        },
    );
    http::json(&json!({"data": data, "links": links}))
}

/// `POST /oauth/token`, client credentials: a token valid `token_lifetime_s`.
fn token(cloud: &mut CloudWorld, body: &Bytes, now: i64) -> Resp {
    let req: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    if req["grant_type"] != "client_credentials" {
        return http::json_bytes(400, json!({"error": "unsupported_grant_type"}).to_string());
    }
    let Some(client) = cloud.oauth_clients.iter().find(|c| {
        req["client_id"] == c.client_id.as_str() && req["client_secret"] == c.client_secret.as_str()
    }) else {
        return http::json_bytes(401, json!({"error": "invalid_client"}).to_string());
    };
    let lifetime = cloud.settings.token_lifetime_s;
    let token = format!("tok-{:016x}", crate::util::random_u64());
    cloud
        .tokens
        .retain(|t| t["expires_ms"].as_i64() > Some(now));
    cloud.tokens.push(
        json!({"token": token, "user": client.user, "expires_ms": now + lifetime as i64 * 1000}),
    );
    http::json(
        &json!({"access_token": token, "token_type": "bearer", "expires_in": lifetime, "scope": req["scope"]}),
    )
}

/// Seconds to wait when `user` has made `limit` requests in the last minute; counts this one otherwise.
fn rate_limited(shared: &Shared, user: &str, limit: u64) -> Option<u64> {
    if limit == 0 {
        return None;
    }
    let now = std::time::Instant::now();
    let mut seen = shared.cloud_requests.lock();
    let mine = seen.entry(user.to_string()).or_default();
    while mine
        .front()
        .is_some_and(|t| now.duration_since(*t).as_secs() >= 60)
    {
        mine.pop_front();
    }
    if mine.len() as u64 >= limit {
        let oldest = *mine.front()?;
        return Some(
            60u64
                .saturating_sub(now.duration_since(oldest).as_secs())
                .max(1),
        );
    }
    mine.push_back(now);
    None
}
