//! The mock's Veeam Backup Enterprise Manager, under `/veeam` (its API at `/veeam/api`),
//! as `services-notes.md` §2 says the real one behaves: logon with HTTP Basic at
//! `POST /api/sessionMngr/?v=...` (201, the session id in `X-RestSvcSessionId`, and a
//! `Set-Cookie` the real server sends too), the session header on every call (a cookie,
//! when sent, wins over it, as on the real server), sessions ending after `idle_ms`
//! without a request (401), logoff by `DELETE /api/logonSessions/{id}`; jobs and
//! repositories as `EntityReferences`; `POST /api/jobs/{guid}?action=clone` validating
//! the `JobCloneSpec` (namespace, one known kind, elements in the schema's order, names
//! of at most 50 characters, a known repository), answering 202 with a Task that moves
//! `Running` → `OperationFinished` → `Finished` after settable delays; a taken name
//! finishes with `Success="false"`. XML in and out (JSON errors when the caller's
//! `Accept` lists JSON with an XML body: Veeam's 400 "Node [root] does not exist.").
//! Its state is the `veeam` section of the state document.

use base64::Engine as _;
use bytes::Bytes;
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{HeaderMap, Method};
use quick_xml::escape::escape;
use serde::{Deserialize, Serialize};

use crate::http::{self, Resp};
use crate::Shared;

/// Where Enterprise Manager is served.
pub const PREFIX: &str = "/veeam";

const NS: &str = "http://www.veeam.com/ent/v1.0";

/// The `veeam` section of the state document.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamWorld {
    /// Users HTTP Basic knows, with their role: `PortalAdministrator`, `PortalUser`,
    /// `RestoreOperator`, or anything else (no role: the logon is refused).
    pub users: Vec<VeeamUser>,
    /// Jobs: `{"id" (GUID), "name", "kind"}` (Backup, Replica, BackupCopy,
    /// ImmediateBackupCopy).
    pub jobs: Vec<VeeamJob>,
    /// Repositories: `{"id" (GUID), "name"}`.
    pub repositories: Vec<VeeamRepository>,
    /// How long a session lives without a request (15 minutes).
    pub idle_ms: u64,
    /// How long after its start a clone task is `OperationFinished`, then `Finished`.
    pub operation_finished_ms: u64,
    pub finished_ms: u64,
    /// Whether a task is seen only by the logon session that started it.
    pub tasks_per_session: bool,
    /// Sessions and tasks as they stand (usually left out of a state document).
    pub sessions: Vec<VeeamSession>,
    pub tasks: Vec<VeeamTask>,
    /// Tasks started so far (ids are never reused).
    pub tasks_started: u64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamUser {
    pub username: String,
    pub password: String,
    pub role: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamJob {
    pub id: String,
    pub name: String,
    pub kind: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamRepository {
    pub id: String,
    pub name: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamSession {
    /// What `X-RestSvcSessionId` carries.
    pub token: String,
    /// The LogonSession's id (what the logoff names).
    pub id: String,
    pub user: String,
    pub last_used_ms: i64,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct VeeamTask {
    pub id: String,
    pub session: String,
    pub started_ms: i64,
    /// The clone: the new job's name and kind, and the new job's id once finished.
    pub job_name: String,
    pub kind: String,
    pub new_job: Option<String>,
    /// Set when it finished: whether it succeeded, and Veeam's message.
    pub success: Option<bool>,
    pub message: String,
}

impl Default for VeeamWorld {
    fn default() -> Self {
        let job = |id: &str, name: &str, kind: &str| VeeamJob {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
        };
        VeeamWorld {
            users: vec![
                VeeamUser {
                    username: "EM\\admin".into(),
                    password: "admin-pass".into(),
                    role: "PortalAdministrator".into(),
                },
                VeeamUser {
                    username: "EM\\operator".into(),
                    password: "operator-pass".into(),
                    role: "RestoreOperator".into(),
                },
            ],
            jobs: vec![
                job(
                    "78c3919c-54d7-43fe-b047-485d3566f11f",
                    "Nightly SQL",
                    "Backup",
                ),
                job(
                    "5e2a5c4b-1f7e-4a0e-9a35-6d1b2f0c8a11",
                    "DR Replica",
                    "Replica",
                ),
                job(
                    "0b7f3a52-8c8d-4c3e-8f5b-2a9e4d6c1e22",
                    "Offsite Copy",
                    "BackupCopy",
                ),
                job(
                    "9a1d6e3f-7b24-4c85-a0e9-3f6b8d2c5e33",
                    "Immediate Copy",
                    "ImmediateBackupCopy",
                ),
            ],
            repositories: vec![VeeamRepository {
                id: "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44".into(),
                name: "Default Backup Repository".into(),
            }],
            idle_ms: 15 * 60 * 1000,
            operation_finished_ms: 200,
            finished_ms: 400,
            tasks_per_session: false,
            sessions: Vec::new(),
            tasks: Vec::new(),
            tasks_started: 0,
        }
    }
}

fn now_ms() -> i64 {
    crate::util::unix_now_micros() / 1000
}

/// An XML answer.
fn xml(status: u16, body: String) -> Resp {
    let mut r = http::json_bytes(status, body);
    r.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/xml; charset=utf-8"),
    );
    r
}

/// Veeam's `Error`, in XML, or in JSON when the caller asked for JSON.
fn fail(status: u16, message: &str, json: bool) -> Resp {
    if json {
        let body = serde_json::json!({"FirstChanceExceptionMessage": null, "Message": message,
            "StackTrace": null, "Status": null, "StatusCode": status});
        return http::json_bytes(status, body.to_string());
    }
    let mut r = xml(
        status,
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?><Error xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Message="{}" StatusCode="{status}" xmlns="{NS}" />"#,
            escape(message)
        ),
    );
    if status == 401 {
        r.headers_mut().insert(
            "www-authenticate",
            HeaderValue::from_static("Basic Realm=RestSvc"),
        );
    }
    r
}

/// A failure: status and message.
type Failure = (u16, String);

fn new_guid(n: u64) -> String {
    let t = now_ms() as u64;
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (t >> 16) as u32,
        (t & 0xffff) as u16,
        n & 0xfff,
        (n >> 12) & 0xfff,
        t.wrapping_mul(2_654_435_761).wrapping_add(n) & 0xffff_ffff_ffff
    )
}

/// What a case checks of a Veeam request: its `accept` and `content_type`, and whether
/// a `cookie` was sent (`none`, or `sent`; the client must never send one).
pub fn logged_names(headers: &HeaderMap) -> std::collections::BTreeMap<String, String> {
    let text = |h: hyper::header::HeaderName| {
        headers
            .get(h)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    };
    let mut names = std::collections::BTreeMap::new();
    for (key, h) in [
        ("accept", hyper::header::ACCEPT),
        ("content_type", hyper::header::CONTENT_TYPE),
    ] {
        if let Some(v) = text(h) {
            names.insert(key.to_string(), v);
        }
    }
    let cookie = if headers.contains_key(hyper::header::COOKIE) {
        "sent"
    } else {
        "none"
    };
    names.insert("cookie".into(), cookie.into());
    names
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
    let veeam = &mut world.veeam;
    let wants_json = headers
        .get(hyper::header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("application/json"));
    let segs: Vec<String> = rest
        .split('/')
        .filter(|s| !s.is_empty())
        .map(crate::util::decode_segment)
        .collect();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let base = format!(
        "{}{PREFIX}/api",
        crate::util::request_origin(shared.tls, headers)
    );
    let action = query
        .into_iter()
        .flat_map(|q| q.split('&'))
        .find_map(|p| p.strip_prefix("action="));
    let answer = match (method, segs.as_slice()) {
        (&Method::GET, ["api"]) => Ok(xml(
            200,
            format!(
                r#"<?xml version="1.0" encoding="utf-8"?><EnterpriseManager xmlns="{NS}"><SupportedVersions><SupportedVersion Name="v1_7"/></SupportedVersions><Links><Link Href="{base}/sessionMngr/?v=latest" Type="LogonSession" Rel="Create"/></Links></EnterpriseManager>"#
            ),
        )),
        (&Method::POST, ["api", "sessionMngr"]) => return logon(veeam, headers, &base),
        (_, ["api", ..]) => match session(veeam, headers) {
            Err((status, m)) => Err((status, m)),
            Ok(s) => route(veeam, method, &segs[1..], action, headers, body, &base, &s),
        },
        _ => Err((404, "Not found.".to_string())),
    };
    match answer {
        Ok(resp) => resp,
        Err((status, message)) => fail(status, &message, wants_json),
    }
}

/// Logon: HTTP Basic against the users; 201 with the session.
fn logon(veeam: &mut VeeamWorld, headers: &HeaderMap, base: &str) -> Resp {
    let unauthorized = || {
        fail(
            401,
            "Unauthorized: the user name or password is not valid.",
            false,
        )
    };
    let Some(decoded) = headers
        .get(hyper::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|e| {
            base64::engine::general_purpose::STANDARD
                .decode(e.trim())
                .ok()
        })
        .and_then(|b| String::from_utf8(b).ok())
    else {
        return unauthorized();
    };
    let Some((user, password)) = decoded.split_once(':') else {
        return unauthorized();
    };
    let Some(u) = veeam
        .users
        .iter()
        .find(|u| u.username.eq_ignore_ascii_case(user) && u.password == password)
    else {
        return unauthorized();
    };
    if !["PortalAdministrator", "PortalUser", "RestoreOperator"].contains(&u.role.as_str()) {
        return unauthorized();
    }
    let n = veeam.sessions.len() as u64 + veeam.tasks.len() as u64 + 1;
    let id = new_guid(n);
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{}", now_ms()));
    veeam.sessions.push(VeeamSession {
        token: token.clone(),
        id: id.clone(),
        user: u.username.clone(),
        last_used_ms: now_ms(),
    });
    let mut r = xml(
        201,
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?><LogonSession xmlns="{NS}" Href="{base}/logonSessions/{id}" Type="LogonSession"><Links><Link Href="{base}/logonSessions/{id}" Type="LogonSession" Rel="Delete"/><Link Href="{base}/jobs" Type="EntityReferenceListType" Rel="Down"/></Links><UserName>{}</UserName><SessionId>{id}</SessionId></LogonSession>"#,
            escape(&u.username)
        ),
    );
    if let Ok(v) = HeaderValue::from_str(&token) {
        r.headers_mut().insert("x-restsvcsessionid", v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("X-RestSvcSessionId={token}; Path=/api;")) {
        r.headers_mut().insert(hyper::header::SET_COOKIE, v);
    }
    r
}

/// The caller's session: the cookie's when one is sent (the real server prefers it),
/// else the header's; 401 when unknown or idle too long.
fn session(veeam: &mut VeeamWorld, headers: &HeaderMap) -> Result<VeeamSession, Failure> {
    let from_cookie = headers
        .get_all(hyper::header::COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .flat_map(|c| c.split(';'))
        .find_map(|p| p.trim().strip_prefix("X-RestSvcSessionId="))
        .map(str::to_string);
    let token = from_cookie.or_else(|| {
        headers
            .get("x-restsvcsessionid")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    });
    let Some(token) = token else {
        return Err((401, "Unauthorized: no X-RestSvcSessionId header.".into()));
    };
    let idle = veeam.idle_ms as i64;
    let now = now_ms();
    veeam.sessions.retain(|s| now - s.last_used_ms < idle);
    match veeam.sessions.iter_mut().find(|s| s.token == token) {
        Some(s) => {
            s.last_used_ms = now;
            Ok(s.clone())
        }
        None => Err((
            401,
            "Unauthorized: the authorization header was found but is expired or not valid.".into(),
        )),
    }
}

#[allow(clippy::too_many_arguments)]
fn route(
    veeam: &mut VeeamWorld,
    method: &Method,
    segs: &[&str],
    action: Option<&str>,
    headers: &HeaderMap,
    body: &Bytes,
    base: &str,
    session: &VeeamSession,
) -> Result<Resp, Failure> {
    advance(veeam);
    let role = veeam
        .users
        .iter()
        .find(|u| u.username == session.user)
        .map(|u| u.role.clone())
        .unwrap_or_default();
    match (method, segs) {
        (&Method::DELETE, ["logonSessions", id]) => {
            if *id != session.id {
                return Err((404, format!("Logon session {id} not found.")));
            }
            veeam.sessions.retain(|s| s.id != *id);
            Ok(http::status_only(204))
        }
        (&Method::GET, ["jobs"]) => {
            if role != "PortalAdministrator" {
                return Err((
                    403,
                    "Access denied: only a Portal Administrator may list jobs.".into(),
                ));
            }
            let refs = veeam
                .jobs
                .iter()
                .map(|j| entity_ref("Job", &j.id, &j.name, &format!("{base}/jobs/{}", j.id)));
            Ok(references(refs))
        }
        (&Method::GET, ["repositories"]) => {
            let refs = veeam.repositories.iter().map(|r| {
                entity_ref(
                    "Repository",
                    &r.id,
                    &r.name,
                    &format!("{base}/repositories/{}", r.id),
                )
            });
            Ok(references(refs))
        }
        (&Method::POST, ["jobs", id]) if action == Some("clone") => {
            clone(veeam, id, headers, body, session)
                .map(|task| task_xml(&task, base, 202, u64::MAX))
        }
        (&Method::GET, ["tasks", id]) => {
            let task = visible_task(veeam, id, session)?;
            Ok(task_xml(&task, base, 200, veeam.operation_finished_ms))
        }
        (&Method::DELETE, ["tasks", id]) => {
            visible_task(veeam, id, session)?;
            veeam.tasks.retain(|t| t.id != *id);
            Ok(http::status_only(204))
        }
        _ => Err((404, "Not found.".into())),
    }
}

fn visible_task(
    veeam: &VeeamWorld,
    id: &str,
    session: &VeeamSession,
) -> Result<VeeamTask, Failure> {
    veeam
        .tasks
        .iter()
        .find(|t| t.id == id && (!veeam.tasks_per_session || t.session == session.id))
        .cloned()
        .ok_or_else(|| (404, format!("Task {id} not found.")))
}

fn entity_ref(kind: &str, id: &str, name: &str, href: &str) -> String {
    format!(
        r#"<Ref UID="urn:veeam:{kind}:{id}" Name="{}" Href="{href}" Type="{kind}Reference"><Links><Link Href="{href}?format=Entity" Name="{}" Type="{kind}" Rel="Alternate"/></Links></Ref>"#,
        escape(name),
        escape(name)
    )
}

fn references(refs: impl Iterator<Item = String>) -> Resp {
    let inner: String = refs.collect();
    xml(
        200,
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?><EntityReferences xmlns="{NS}">{inner}</EntityReferences>"#
        ),
    )
}

/// Moves every task on by the time passed: `OperationFinished`, then `Finished` (the
/// clone done: a new job, or a failure when its name is taken).
fn advance(veeam: &mut VeeamWorld) {
    let now = now_ms();
    let finished_after = veeam.finished_ms as i64;
    let mut made = Vec::new();
    for t in veeam.tasks.iter_mut() {
        if t.success.is_some() || now - t.started_ms < finished_after {
            continue;
        }
        let taken = veeam
            .jobs
            .iter()
            .chain(&made)
            .any(|j: &VeeamJob| j.name.eq_ignore_ascii_case(&t.job_name));
        if taken {
            t.success = Some(false);
            t.message = format!(
                "Failed to clone job: a job named '{}' already exists.",
                t.job_name
            );
        } else {
            let id = new_guid(1000 + made.len() as u64 + t.started_ms as u64 % 4096);
            made.push(VeeamJob {
                id: id.clone(),
                name: t.job_name.clone(),
                kind: t.kind.clone(),
            });
            t.new_job = Some(id);
            t.success = Some(true);
            t.message = "Ok".into();
        }
    }
    veeam.jobs.extend(made);
}

fn task_xml(t: &VeeamTask, base: &str, status: u16, operation_finished_ms: u64) -> Resp {
    let elapsed = now_ms() - t.started_ms;
    let state = match t.success {
        Some(_) => "Finished",
        None if elapsed >= operation_finished_ms.min(i64::MAX as u64) as i64 => "OperationFinished",
        None => "Running",
    };
    let mut links = format!(
        r#"<Link Href="{base}/tasks/{}" Type="Task" Rel="Delete"/>"#,
        t.id
    );
    if let Some(job) = &t.new_job {
        links.push_str(&format!(
            r#"<Link Href="{base}/jobs/{job}?format=Entity" Name="{}" Type="Job" Rel="Related"/>"#,
            escape(&t.job_name)
        ));
    }
    let result = match t.success {
        Some(ok) => format!(
            r#"<Result Success="{ok}"><Message>{}</Message></Result>"#,
            escape(&t.message)
        ),
        None => String::new(),
    };
    xml(
        status,
        format!(
            r#"<?xml version="1.0" encoding="utf-8"?><Task xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Href="{base}/tasks/{id}" Type="Task" xmlns="{NS}"><Links>{links}</Links><TaskId>{id}</TaskId><State>{state}</State><Operation>CloneJob</Operation>{result}</Task>"#,
            id = t.id
        ),
    )
}

/// The elements each clone kind takes, in the schema's order: (element, required).
fn kind_elements(info: &str) -> Option<(&'static str, &'static [(&'static str, bool)])> {
    Some(match info {
        "BackupJobCloneInfo" => (
            "Backup",
            &[
                ("JobName", true),
                ("FolderName", true),
                ("RepositoryUid", true),
                ("Description", false),
            ],
        ),
        "ReplicaJobCloneInfo" => (
            "Replica",
            &[
                ("JobName", true),
                ("VmSuffix", true),
                ("Description", false),
            ],
        ),
        "BackupCopyJobCloneInfo" => (
            "BackupCopy",
            &[
                ("JobName", true),
                ("JobFileName", true),
                ("RepositoryUid", true),
                ("Description", false),
            ],
        ),
        "ImmediateBackupCopyJobCloneInfo" => (
            "ImmediateBackupCopy",
            &[
                ("JobName", true),
                ("Description", false),
                ("RepositoryUid", true),
                ("JobFileName", true),
            ],
        ),
        _ => return None,
    })
}

/// The `JobCloneSpec`: its kind element's name and namespace, and the kind's elements
/// with their text, in document order.
struct Spec {
    root: String,
    root_ns: String,
    info: Option<String>,
    infos: usize,
    fields: Vec<(String, String)>,
}

fn parse_spec(body: &[u8]) -> Result<Spec, String> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let mut reader = quick_xml::NsReader::from_reader(body);
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut spec = Spec {
        root: String::new(),
        root_ns: String::new(),
        info: None,
        infos: 0,
        fields: Vec::new(),
    };
    let mut current: Option<String> = None;
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        let local = |e: &quick_xml::events::BytesStart| {
            String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let level = depth + 1;
                match level {
                    1 => {
                        spec.root = local(e);
                        if let ResolveResult::Bound(n) = ns {
                            spec.root_ns = String::from_utf8_lossy(n.as_ref()).into_owned();
                        }
                    }
                    2 => {
                        spec.infos += 1;
                        spec.info = Some(local(e));
                    }
                    3 => {
                        current = Some(local(e));
                        spec.fields.push((local(e), String::new()));
                    }
                    _ => {}
                }
                if matches!(event, Event::Start(_)) {
                    depth = level;
                } else {
                    current = None;
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                current = None;
            }
            Event::Text(t) if current.is_some() => {
                let text = t.unescape().map_err(|e| e.to_string())?;
                if let Some(last) = spec.fields.last_mut() {
                    last.1.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(spec)
}

fn clone(
    veeam: &mut VeeamWorld,
    id: &str,
    headers: &HeaderMap,
    body: &Bytes,
    session: &VeeamSession,
) -> Result<VeeamTask, Failure> {
    let bad = |m: String| (400u16, m);
    let accept = headers
        .get(hyper::header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .unwrap_or("");
    if accept.contains("application/json") {
        return Err(bad("Node [root] does not exist.".into()));
    }
    let content_type = headers
        .get(CONTENT_TYPE)
        .and_then(|a| a.to_str().ok())
        .unwrap_or("");
    if !content_type.starts_with("application/xml") && !content_type.starts_with("text/xml") {
        return Err((
            415,
            format!("Unsupported content type '{content_type}': send application/xml."),
        ));
    }
    let Some(job) = veeam
        .jobs
        .iter()
        .find(|j| j.id.eq_ignore_ascii_case(id))
        .cloned()
    else {
        return Err((404, format!("Job {id} was not found.")));
    };
    let spec =
        parse_spec(body).map_err(|e| bad(format!("The request body is not valid XML: {e}")))?;
    if spec.root != "JobCloneSpec" || spec.root_ns != NS {
        return Err(bad(format!("Expected JobCloneSpec in namespace {NS}.")));
    }
    let info = spec.info.clone().unwrap_or_default();
    let Some((kind, elements)) = kind_elements(&info).filter(|_| spec.infos == 1) else {
        return Err(bad(format!(
            "JobCloneSpec must hold one clone kind, not '{info}'."
        )));
    };
    if kind != job.kind {
        return Err(bad(format!(
            "Job '{}' is a {} job; a {kind} clone does not apply.",
            job.name, job.kind
        )));
    }
    // The schema's order: each element after the previous one, the required ones present.
    let mut at = 0;
    for (name, text) in &spec.fields {
        let Some(pos) = elements[at..].iter().position(|(e, _)| e == name) else {
            return Err(bad(format!("Element '{name}' is unexpected here (XML elements must follow the schema's order).")));
        };
        if elements[at..at + pos].iter().any(|(_, required)| *required) {
            return Err(bad(format!(
                "Element '{name}' comes before a required element."
            )));
        }
        at += pos + 1;
        if text.trim().is_empty() {
            return Err(bad(format!("Element '{name}' is empty.")));
        }
        if ["JobName", "FolderName", "JobFileName"].contains(&name.as_str())
            && text.chars().count() > 50
        {
            return Err(bad(format!("{name} is longer than 50 characters.")));
        }
        if name == "RepositoryUid" {
            let guid = text.strip_prefix("urn:veeam:Repository:").unwrap_or("");
            if !veeam
                .repositories
                .iter()
                .any(|r| r.id.eq_ignore_ascii_case(guid))
            {
                return Err(bad(format!("Repository '{text}' was not found.")));
            }
        }
    }
    if let Some((missing, _)) = elements[at..].iter().find(|(_, required)| *required) {
        return Err(bad(format!("Element '{missing}' is required.")));
    }
    let job_name = spec
        .fields
        .iter()
        .find(|(n, _)| n == "JobName")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    veeam.tasks_started += 1;
    let n = veeam.tasks_started;
    let task = VeeamTask {
        id: format!("task-{n}"),
        session: session.id.clone(),
        started_ms: now_ms(),
        job_name,
        kind: kind.to_string(),
        ..VeeamTask::default()
    };
    veeam.tasks.push(task.clone());
    Ok(task)
}
