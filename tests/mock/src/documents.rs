//! Export/import documents: 2.23 ExportTask, 2.24 ImportTask, 2.32 ExportAll, 2.33 ImportAll,
//! and CloneTask (qem-clone-task.txt). Exports are streamed chunk by chunk.

use std::sync::Arc;
use std::time::Instant;

use bytes::Bytes;
use futures_util::stream;
use http_body_util::{BodyExt, StreamBody};
use hyper::body::Frame;
use serde_json::{json, Map, Value};

use crate::endpoints::endpoint_role;
use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::{task_idx, Ctx};
use crate::state::{
    is_running_state, kind_from_type_id, require, Endpoint, Role, Server, Table, Task, TaskOptions,
    World,
};
use crate::{util, Shared};

const CHUNK: usize = 256 * 1024;

/// Caps a server role by the user's `tasks_role`.
pub fn task_role(w: &World, user: &str, server_role: Role) -> Role {
    match w.user(user).and_then(|u| u.tasks_role) {
        Some(cap) => server_role.min(cap),
        None => server_role,
    }
}

fn ensure_obj<'a>(v: &'a mut Value, key: &str) -> &'a mut Map<String, Value> {
    if !v.is_object() {
        *v = Value::Object(Map::new());
    }
    let o = v.as_object_mut().expect("object");
    let e = o
        .entry(key.to_string())
        .or_insert_with(|| Value::Object(Map::new()));
    if !e.is_object() {
        *e = Value::Object(Map::new());
    }
    e.as_object_mut().expect("object")
}

/// The task's entry of `cmd.replication_definition.tasks`.
pub fn render_task_entry(t: &Task) -> Value {
    let src = t.source_endpoint.clone().unwrap_or_default();
    let trg = t.target_endpoint.clone().unwrap_or_default();
    let mut entry = match &t.document {
        Some(d) if d.is_object() => d.clone(),
        _ => {
            let tables: Vec<Value> = t
                .all_tables()
                .map(|tb| json!({ "owner": tb.schema, "name": tb.table }))
                .collect();
            json!({
                "task": {},
                "source": { "rep_source": {}, "source_tables": { "explicit_included_tables": tables } },
                "targets": [ { "rep_target": {} } ],
                "task_settings": {
                    "source_settings": {},
                    "target_settings": { "queue_settings": { "message_shape": {}, "key_shape": {} }, "ftm_settings": {} },
                    "sorter_settings": { "local_transactions_storage": {} },
                    "common_settings": {},
                },
                "loggers": { "$type": "RepTaskLoggers", "loggers_configuration": {} },
            })
        }
    };
    {
        let task = ensure_obj(&mut entry, "task");
        task.insert("name".into(), json!(t.name));
        if !t.description.is_empty() {
            task.insert("description".into(), json!(t.description));
        }
        task.insert("source_name".into(), json!(src));
        task.insert("target_names".into(), json!([trg]));
    }
    {
        let source = ensure_obj(&mut entry, "source");
        let mut rs = source.remove("rep_source").unwrap_or(json!({}));
        if !rs.is_object() {
            rs = json!({});
        }
        rs["source_name"] = json!(src);
        rs["database_name"] = json!(src);
        source.insert("rep_source".into(), rs);
        let mut st = source.remove("source_tables").unwrap_or(json!({}));
        if !st.is_object() {
            st = json!({});
        }
        st["name"] = json!(src);
        source.insert("source_tables".into(), st);
    }
    {
        let o = entry.as_object_mut().expect("object");
        let mut targets = match o.remove("targets") {
            Some(Value::Array(a)) if !a.is_empty() => a,
            _ => vec![json!({ "rep_target": {} })],
        };
        if !targets[0].is_object() {
            targets[0] = json!({});
        }
        let rt = ensure_obj(&mut targets[0], "rep_target");
        rt.insert("target_name".into(), json!(trg));
        rt.entry("target_state").or_insert(json!("DISABLED"));
        rt.insert("database_name".into(), json!(trg));
        o.insert("targets".into(), Value::Array(targets));
    }
    {
        let ts = ensure_obj(&mut entry, "task_settings");
        let mut ts_v = Value::Object(std::mem::take(ts));
        {
            let cs = ensure_obj(&mut ts_v, "common_settings");
            cs.insert(
                "full_load_enabled".into(),
                json!(t.options.full_load_enabled),
            );
            cs.insert(
                "apply_changes_enabled".into(),
                json!(t.options.apply_changes_enabled),
            );
            cs.insert(
                "save_changes_enabled".into(),
                json!(t.options.store_changes_enabled),
            );
            cs.insert(
                "audit_changes_enabled".into(),
                json!(t.options.audit_changes_enabled),
            );
            if t.padding_bytes > 0 {
                cs.insert(
                    "mock_padding".into(),
                    json!("x".repeat(t.padding_bytes as usize)),
                );
            }
        }
        if let Some(Value::Object(ov)) = &t.settings_overrides {
            let tgt = ensure_obj(&mut ts_v, "target_settings");
            for (k, v) in ov {
                tgt.insert(k.clone(), v.clone());
            }
        }
        *ensure_obj(&mut entry, "task_settings") = match ts_v {
            Value::Object(o) => o,
            _ => Map::new(),
        };
    }
    entry
}

/// The endpoint's entry of `cmd.replication_definition.databases`.
pub fn render_database(e: &Endpoint) -> Value {
    let mut o = json!({
        "name": e.name,
        "role": e.role,
        "is_licensed": e.is_licensed,
        "type_id": e.type_id(),
        "db_settings": e.db_settings,
        "override_properties": e.override_properties.clone().unwrap_or(json!({})),
    });
    if !e.description.is_empty() {
        o["description"] = json!(e.description);
    }
    o
}

fn version_value(s: &Server) -> Value {
    let parts: Vec<i64> = s
        .version
        .split('.')
        .map(|p| p.trim().parse().unwrap_or(0))
        .collect();
    json!({
        "version": s.version,
        "version_major": parts.first().copied().unwrap_or(0),
        "version_minor": parts.get(1).copied().unwrap_or(0),
        "version_revision": parts.last().copied().unwrap_or(0),
    })
}

enum Phase {
    Head,
    Tasks(usize),
    Mid,
    Dbs(usize),
    Tail,
    Done,
}

struct ExportGen {
    shared: Arc<Shared>,
    server: String,
    task: Option<String>,
    dbs: Option<Option<Vec<String>>>,
    phase: Phase,
    head: Option<String>,
    tail: Option<String>,
    wrote: bool,
}

impl ExportGen {
    fn next_chunk(&mut self) -> Option<Bytes> {
        loop {
            match self.phase {
                Phase::Head => {
                    self.phase = Phase::Tasks(0);
                    return self.head.take().map(Bytes::from);
                }
                Phase::Tasks(i) => {
                    let mut buf = Vec::with_capacity(CHUNK + 4096);
                    let w = self.shared.world.lock();
                    let Some(s) = w.server(&self.server) else {
                        self.phase = Phase::Mid;
                        continue;
                    };
                    let mut j = i;
                    while j < s.tasks.len() && buf.len() < CHUNK {
                        let t = &s.tasks[j];
                        j += 1;
                        if self.task.as_deref().is_some_and(|n| n != t.name) {
                            continue;
                        }
                        if self.wrote {
                            buf.extend_from_slice(b", ");
                        }
                        self.wrote = true;
                        write_pretty(&mut buf, &render_task_entry(t), ENTRY_DEPTH);
                    }
                    self.phase = if j >= s.tasks.len() {
                        Phase::Mid
                    } else {
                        Phase::Tasks(j)
                    };
                    if !buf.is_empty() {
                        return Some(Bytes::from(buf));
                    }
                }
                Phase::Mid => {
                    self.wrote = false;
                    if self.dbs.is_some() {
                        self.phase = Phase::Dbs(0);
                        return Some(Bytes::from_static(b"],\n\t\t\"databases\":\t["));
                    }
                    self.phase = Phase::Tail;
                    return Some(Bytes::from_static(b"]"));
                }
                Phase::Dbs(i) => {
                    let mut buf = Vec::with_capacity(CHUNK + 4096);
                    let w = self.shared.world.lock();
                    let Some(s) = w.server(&self.server) else {
                        self.phase = Phase::Tail;
                        return Some(Bytes::from_static(b"]"));
                    };
                    let filter = self.dbs.as_ref().and_then(|f| f.as_ref());
                    let mut j = i;
                    while j < s.endpoints.len() && buf.len() < CHUNK {
                        let e = &s.endpoints[j];
                        j += 1;
                        if filter.is_some_and(|f| !f.contains(&e.name)) {
                            continue;
                        }
                        if self.wrote {
                            buf.extend_from_slice(b", ");
                        }
                        self.wrote = true;
                        write_pretty(&mut buf, &render_database(e), ENTRY_DEPTH);
                    }
                    if j >= s.endpoints.len() {
                        buf.push(b']');
                        self.phase = Phase::Tail;
                    } else {
                        self.phase = Phase::Dbs(j);
                    }
                    return Some(Bytes::from(buf));
                }
                Phase::Tail => {
                    self.phase = Phase::Done;
                    return self.tail.take().map(Bytes::from);
                }
                Phase::Done => return None,
            }
        }
    }
}

fn export_response(gen: ExportGen) -> Resp {
    let s = stream::unfold(gen, |mut g| async move {
        let chunk = g.next_chunk()?;
        Some((Ok::<_, std::io::Error>(Frame::data(chunk)), g))
    });
    http::stream_json(StreamBody::new(s).boxed())
}

fn head_and_tail(w: &World, s: &Server, doc_name: &str) -> (String, String) {
    // A fixed stamp (the world's load time, or `settings.export_time`) keeps exports of
    // an unchanged task byte for byte the same, for users' golden-file tests.
    let stamp = w
        .settings
        .export_time
        .clone()
        .unwrap_or_else(|| util::fmt_stamp_micros(w.loaded_micros));
    let name = format!(
        "{doc_name}__{}",
        stamp
            .replace([':', ' '], "-")
            .replace('.', "-")
            .replace("--", "-")
    );
    let comment = w
        .settings
        .export_comment
        .as_ref()
        .map(|c| format!("// {}\r\n", c.replace(['\r', '\n'], " ")))
        .unwrap_or_default();
    let head = format!(
        "{comment}{{\n\t\"name\":\t{},\n\t\"cmd.replication_definition\":\t{{\n\t\t\"tasks\":\t[",
        Value::String(name)
    );
    let mut tail = b"\n\t},\n\t\"_version\":\t".to_vec();
    write_pretty(&mut tail, &version_value(s), 1);
    tail.extend_from_slice(b",\n\t\"description\":\t");
    write_pretty(
        &mut tail,
        &Value::String(format!(
            "Host name: {}, Time: {}",
            w.settings.host_name, stamp
        )),
        1,
    );
    tail.extend_from_slice(b"\n}");
    (head, String::from_utf8(tail).unwrap_or_default())
}

/// The depth of the entries of `tasks` and `databases`: their members are at four tabs.
const ENTRY_DEPTH: usize = 3;

/// Writes `v` as Replicate writes export documents (the fixture, real exports): one
/// member a line, indented with tabs, a tab after the colon, arrays on one line with
/// `[{` / `}, {` / `}]` around objects, empty objects as `{` and `}` on two lines.
fn write_pretty(out: &mut Vec<u8>, v: &Value, depth: usize) {
    let mut ser = serde_json::Serializer::with_formatter(out, ExportFormatter { depth });
    let _ = serde::Serialize::serialize(v, &mut ser);
}

/// The serde_json formatter of [`write_pretty`]; `depth` is the current indentation.
struct ExportFormatter {
    depth: usize,
}

impl ExportFormatter {
    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.depth {
            w.write_all(b"\t")?;
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for ExportFormatter {
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        w.write_all(b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        self.newline(w)?;
        w.write_all(b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b":\t")
    }
    // An array's objects are written one level deeper than the line the array is on.
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        w.write_all(b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }
}

pub fn export_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let with_endpoints = ctx.query.flag("withendpoints").unwrap_or(false);
    let w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Operator)?;
    let s = &w.servers[idx];
    let ti = task_idx(s, ctx.item(), errors::TASK_NOT_FOUND)?;
    if !s.supports_export() {
        return Err(errors::EXPORT_TASK_NOT_SUPPORTED_VERSION.plain());
    }
    let role = w.server_role(&ctx.user, s);
    if endpoint_role(&w, &ctx.user, role) < Role::Operator {
        return Err(errors::EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT
            .with(&[("task", ctx.item()), ("server", &s.name)]));
    }
    let t = &s.tasks[ti];
    let (head, tail) = head_and_tail(&w, s, &t.name);
    let dbs = with_endpoints.then(|| {
        Some(
            [t.source_endpoint.clone(), t.target_endpoint.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>(),
        )
    });
    Ok(export_response(ExportGen {
        shared: ctx.shared.clone(),
        server: s.name.clone(),
        task: Some(t.name.clone()),
        dbs,
        phase: Phase::Head,
        head: Some(head),
        tail: Some(tail),
        wrote: false,
    }))
}

pub fn export_all(ctx: &Ctx) -> Result<Resp, ApiError> {
    let w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    require(w.global_role(&ctx.user), Role::Admin)?;
    let role = ctx.authorize(&w, idx, Role::Admin)?;
    let s = &w.servers[idx];
    s.check_reachable()?;
    if !s.supports_export() {
        return Err(errors::EXPORT_ALL_NOT_SUPPORTED_VERSION.plain());
    }
    let sv = [("server", s.name.as_str())];
    if task_role(&w, &ctx.user, role) < Role::Designer {
        return Err(errors::EXPORT_NO_PERMISSION_ON_TASK.with(&sv));
    }
    if endpoint_role(&w, &ctx.user, role) < Role::Operator {
        return Err(errors::EXPORT_NO_PERMISSION_ON_ENDPOINT.with(&sv));
    }
    let (head, tail) = head_and_tail(&w, s, &s.name);
    Ok(export_response(ExportGen {
        shared: ctx.shared.clone(),
        server: s.name.clone(),
        task: None,
        dbs: Some(None),
        phase: Phase::Head,
        head: Some(head),
        tail: Some(tail),
        wrote: false,
    }))
}

/// Parses an export document, skipping leading `//` comment lines. `Ok(None)` when empty.
pub(crate) fn parse_document(body: &[u8]) -> Result<Option<Value>, String> {
    let text = String::from_utf8_lossy(body);
    let mut rest: &str = text.trim_start_matches('\u{feff}');
    loop {
        let t = rest.trim_start();
        if t.starts_with("//") {
            rest = t.find('\n').map_or("", |i| &t[i + 1..]);
        } else {
            rest = t;
            break;
        }
    }
    if rest.trim().is_empty() {
        return Ok(None);
    }
    serde_json::from_str(rest)
        .map(Some)
        .map_err(|e| e.to_string())
}

fn entry_endpoints(entry: &Value) -> (Option<String>, Option<String>) {
    let s = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let src = s(entry.pointer("/task/source_name"))
        .or_else(|| s(entry.pointer("/source/rep_source/source_name")));
    let trg = s(entry.pointer("/task/target_names/0"))
        .or_else(|| s(entry.pointer("/targets/0/rep_target/target_name")));
    (src, trg)
}

fn entry_name(entry: &Value) -> Option<String> {
    entry
        .pointer("/task/name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// Builds (or updates) a task from a document entry.
fn task_from_entry(entry: &Value, name: &str, existing: Option<&Task>) -> Task {
    let (src, trg) = entry_endpoints(entry);
    let mut t = existing.cloned().unwrap_or_default();
    t.name = name.to_string();
    t.description = entry
        .pointer("/task/description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    t.source_endpoint = src;
    t.target_endpoint = trg;
    let cs = entry.pointer("/task_settings/common_settings");
    let flag = |k: &str, d: bool| {
        cs.and_then(|c| c.get(k))
            .and_then(Value::as_bool)
            .unwrap_or(d)
    };
    t.options = TaskOptions {
        full_load_enabled: flag("full_load_enabled", true),
        apply_changes_enabled: flag("apply_changes_enabled", true),
        store_changes_enabled: flag("save_changes_enabled", false),
        audit_changes_enabled: flag("audit_changes_enabled", false),
    };
    let explicit = entry
        .pointer("/source/source_tables/explicit_included_tables")
        .and_then(Value::as_array);
    let mut tables = Vec::new();
    for e in explicit.into_iter().flatten() {
        let owner = e.get("owner").and_then(Value::as_str).unwrap_or_default();
        let tname = e.get("name").and_then(Value::as_str).unwrap_or_default();
        let old = existing.and_then(|x| {
            x.tables
                .iter()
                .find(|tb| tb.schema == owner && tb.table == tname)
        });
        tables.push(old.cloned().unwrap_or(Table {
            schema: owner.into(),
            table: tname.into(),
            state: "TABLE_QUEUED".into(),
            ..Table::default()
        }));
    }
    t.tables = tables;
    t.synthetic_tables = 0;
    t.padding_bytes = 0;
    t.document = Some(entry.clone());
    if existing.is_none() {
        t.state = "STOPPED".into();
        t.stop_reason = "NORMAL".into();
    }
    t
}

fn endpoint_from_db(db: &Value) -> Option<Endpoint> {
    let name = db
        .get("name")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())?;
    let type_id = db
        .get("type_id")
        .and_then(Value::as_str)
        .map(str::to_string);
    let kind = db
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| type_id.as_deref().map(kind_from_type_id))
        .unwrap_or_default();
    Some(Endpoint {
        name: name.to_string(),
        role: db
            .get("role")
            .and_then(Value::as_str)
            .unwrap_or("SOURCE")
            .to_string(),
        kind,
        is_licensed: db
            .get("is_licensed")
            .and_then(Value::as_bool)
            .unwrap_or(true),
        description: db
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
        db_settings: db.get("db_settings").cloned().unwrap_or(json!({})),
        type_id,
        override_properties: db.get("override_properties").cloned(),
        test_result: None,
    })
}

fn upsert_endpoint(s: &mut Server, e: Endpoint) {
    match s.endpoints.iter_mut().find(|x| x.name == e.name) {
        Some(x) => {
            let test = x.test_result.take();
            *x = e;
            x.test_result = test;
        }
        None => s.endpoints.push(e),
    }
}

pub fn import_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let task = ctx.item().to_string();
    let mut w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Designer)?;
    let role = w.server_role(&ctx.user, &w.servers[idx]);
    let server = w.servers[idx].name.clone();
    let a = [("task", task.as_str()), ("server", server.as_str())];
    require(task_role(&w, &ctx.user, role), Role::Designer)?;
    if !w.servers[idx].supports_export() {
        return Err(errors::IMPORT_ALL_NOT_SUPPORTED_VERSION.plain());
    }
    let doc = parse_document(&ctx.body)
        .map_err(|m| {
            errors::DESERIALIZE_TO_TYPE.with(&[("type", "ReplicationDefinition"), ("message", &m)])
        })?
        .ok_or_else(|| errors::IMPORT_TASK_CONTENT_EMPTY.with(&a))?;
    let rd = doc
        .get("cmd.replication_definition")
        .and_then(Value::as_object);
    let Some(rd) = rd else {
        return Err(if doc.as_object().is_some_and(|o| o.is_empty()) {
            errors::IMPORT_TASK_CONTENT_EMPTY.with(&a)
        } else {
            errors::IMPORT_TASK_CONTAIN_ALIEN_ITEMS.with(&a)
        });
    };
    if ["remote_machines", "servers", "users"]
        .iter()
        .any(|k| rd.contains_key(*k))
    {
        return Err(errors::IMPORT_TASK_CONTAIN_ALIEN_ITEMS.with(&a));
    }
    let tasks = rd
        .get("tasks")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if tasks.is_empty() {
        return Err(errors::IMPORT_TASK_CONTENT_EMPTY.with(&a));
    }
    if tasks.len() > 1 {
        return Err(errors::IMPORT_TASK_CONTAINS_MULTIPLE_TASKS.with(&a));
    }
    let entry = &tasks[0];
    if entry_name(entry).is_none() {
        return Err(errors::IMPORT_TASK_NAME_DIFFER.with(&a));
    }
    let dbs: Vec<Value> = rd
        .get("databases")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if !dbs.is_empty() && endpoint_role(&w, &ctx.user, role) < Role::Designer {
        return Err(errors::IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT.with(&a));
    }
    let s = &w.servers[idx];
    if let Some(t) = s.task(&task) {
        let mut t = t.clone();
        t.settle(Instant::now());
        if is_running_state(&t.state) {
            return Err(errors::TASK_NOT_IMPORTABLE.with(&a));
        }
    }
    let (src, trg) = entry_endpoints(entry);
    if !dbs.is_empty() {
        let names: Vec<&str> = dbs
            .iter()
            .filter_map(|d| d.get("name").and_then(Value::as_str))
            .collect();
        let ok = |e: &Option<String>| e.as_deref().is_none_or(|n| names.contains(&n));
        if !ok(&src) || !ok(&trg) {
            return Err(errors::IMPORT_TASK_ENDPOINT_DIFFER.with(&a));
        }
    } else {
        for (role_name, e) in [("source", &src), ("target", &trg)] {
            if let Some(n) = e {
                if s.endpoint(n).is_none() {
                    return Err(errors::IMPORT_TASK_NO_ENDPOINT_IN_SERVER.with(&[
                        ("task", &task),
                        ("server", &server),
                        ("role", role_name),
                        ("endpoint", n),
                    ]));
                }
            }
        }
    }
    let s = &mut w.servers[idx];
    for db in &dbs {
        if let Some(e) = endpoint_from_db(db) {
            upsert_endpoint(s, e);
        }
    }
    let pos = s.tasks.iter().position(|t| t.name == task);
    let new_task = task_from_entry(entry, &task, pos.map(|p| &s.tasks[p]));
    match pos {
        Some(p) => s.tasks[p] = new_task,
        None => s.tasks.push(new_task),
    }
    w.audit(&ctx.user, "ImportTask", &server, "TASK", &task, "");
    Ok(http::empty_ok())
}

pub fn import_all(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    require(w.global_role(&ctx.user), Role::Admin)?;
    let role = ctx.authorize(&w, idx, Role::Admin)?;
    w.servers[idx].check_reachable()?;
    let server = w.servers[idx].name.clone();
    let sv = [("server", server.as_str())];
    if !w.servers[idx].supports_export() {
        return Err(errors::IMPORT_ALL_NOT_SUPPORTED_VERSION.plain());
    }
    if task_role(&w, &ctx.user, role) < Role::Designer {
        return Err(errors::IMPORT_NO_PERMISSION_ON_TASK.with(&sv));
    }
    if endpoint_role(&w, &ctx.user, role) < Role::Designer {
        return Err(errors::IMPORT_NO_PERMISSION_ON_ENDPOINT.with(&sv));
    }
    let doc = parse_document(&ctx.body)
        .map_err(|_| errors::IMPORT_INVALID_CONTENT.with(&sv))?
        .ok_or_else(|| errors::IMPORT_CONTENT_EMPTY.with(&sv))?;
    if doc.as_object().is_some_and(|o| o.is_empty()) {
        return Err(errors::IMPORT_CONTENT_EMPTY.with(&sv));
    }
    let rd = doc
        .get("cmd.replication_definition")
        .and_then(Value::as_object)
        .ok_or_else(|| errors::IMPORT_INVALID_CONTENT.with(&sv))?;
    let tasks = match rd.get("tasks") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err(errors::IMPORT_INVALID_CONTENT.with(&sv)),
    };
    let dbs = match rd.get("databases") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a.clone(),
        Some(_) => return Err(errors::IMPORT_INVALID_CONTENT.with(&sv)),
    };
    if tasks.iter().any(|t| entry_name(t).is_none())
        || dbs.iter().any(|d| endpoint_from_db(d).is_none())
    {
        return Err(errors::IMPORT_INVALID_CONTENT.with(&sv));
    }
    let s = &mut w.servers[idx];
    for db in &dbs {
        if let Some(e) = endpoint_from_db(db) {
            upsert_endpoint(s, e);
        }
    }
    for entry in &tasks {
        let name = entry_name(entry).expect("checked");
        let pos = s.tasks.iter().position(|t| t.name == name);
        let new_task = task_from_entry(entry, &name, pos.map(|p| &s.tasks[p]));
        match pos {
            Some(p) => s.tasks[p] = new_task,
            None => s.tasks.push(new_task),
        }
    }
    let details = format!("{} task(s), {} endpoint(s)", tasks.len(), dbs.len());
    w.audit(&ctx.user, "ImportAll", &server, "SERVER", &server, &details);
    Ok(http::empty_ok())
}

pub fn clone_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let de = |m: &str| {
        errors::DESERIALIZE_TO_TYPE.with(&[("type", "AemCloneTaskParameters"), ("message", m)])
    };
    let body: Value = if ctx.body.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        serde_json::from_slice(&ctx.body).map_err(|e| de(&e.to_string()))?
    };
    let o = body
        .as_object()
        .ok_or_else(|| de("expected a JSON object"))?;
    let get = |k: &str| {
        o.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Operator)?;
    let server = w.servers[idx].name.clone();
    let s = &w.servers[idx];
    let ti = task_idx(s, ctx.item(), errors::TASK_NOT_FOUND)?;
    let Some(new_name) = get("new_task_name") else {
        return Err(errors::MISSING_FIELD.with(&[("fieldName", "new_task_name")]));
    };
    if s.task(&new_name).is_some() {
        return Err(
            errors::CLONE_TASK_ALREADY_EXISTS.with(&[("task", &new_name), ("server", &server)])
        );
    }
    let fail = |m: &str| {
        errors::CLONE_TASK_INNER_ERR.with(&[
            ("task", ctx.item()),
            ("server", &server),
            ("message", m),
        ])
    };
    let orig = &s.tasks[ti];
    let (Some(src), Some(trg)) = (orig.source_endpoint.clone(), orig.target_endpoint.clone())
    else {
        return Err(fail(
            "The task being cloned must have a source and target endpoint.",
        ));
    };
    let resolve = |key: &str, current: &str| -> Result<String, ApiError> {
        let Some(n) = get(key) else {
            return Ok(current.to_string());
        };
        let e = s.endpoint(&n).ok_or_else(|| {
            errors::ENDPOINT_NOT_FOUND.with(&[("endpoint", &n), ("server", &server)])
        })?;
        if let Some(cur) = s.endpoint(current) {
            if !cur.kind.eq_ignore_ascii_case(&e.kind) {
                return Err(fail(&format!(
                    "Endpoint '{n}' is of type '{}' but the task's endpoint is of type '{}'.",
                    e.kind, cur.kind
                )));
            }
        }
        Ok(n)
    };
    let new_src = resolve("new_source_endpoint", &src)?;
    let new_trg = resolve("new_target_endpoint", &trg)?;
    let mut t = orig.clone();
    t.settle(Instant::now());
    t.name = new_name.clone();
    t.source_endpoint = Some(new_src);
    t.target_endpoint = Some(new_trg);
    t.state = "STOPPED".into();
    t.stop_reason = "NORMAL".into();
    t.message.clear();
    t.pending = None;
    t.run_started = None;
    t.fault = None;
    t.full_load_start = None;
    t.full_load_end = None;
    t.retention_barrier = Value::Null;
    for tb in &mut t.tables {
        tb.state = "TABLE_QUEUED".into();
        tb.pending = None;
        tb.load_start = None;
        tb.load_end = None;
    }
    let mut overrides = match t.settings_overrides.take() {
        Some(Value::Object(m)) => m,
        _ => Map::new(),
    };
    for (key, setting) in [
        ("new_control_schema", "control_schema"),
        ("new_target_schema", "default_schema"),
        ("new_control_table_tablespace", "control_table_tablespace"),
        ("new_control_index_tablespace", "control_index_tablespace"),
    ] {
        if let Some(v) = get(key) {
            overrides.insert(setting.into(), json!(v));
        }
    }
    if !overrides.is_empty() {
        t.settings_overrides = Some(Value::Object(overrides));
    }
    let perms = o
        .get("clone_permissions")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    w.servers[idx].tasks.push(t);
    w.audit(
        &ctx.user,
        "CloneTask",
        &server,
        "TASK",
        &new_name,
        &format!("cloned from {}; clone_permissions={perms}", ctx.item()),
    );
    Ok(http::empty_ok())
}

/// `/mock/generate`: a server with many synthetic tasks (see STATE.md).
pub fn generate(w: &mut World, spec: &Value) -> Result<Value, String> {
    let name = spec
        .get("server")
        .and_then(Value::as_str)
        .unwrap_or("Big")
        .to_string();
    let n = spec.get("tasks").and_then(Value::as_u64).unwrap_or(100);
    let m = spec
        .get("tables_per_task")
        .and_then(Value::as_u64)
        .unwrap_or(10);
    let k = spec
        .get("padding_bytes")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if n > 10_000_000 || k > 64 * 1024 * 1024 {
        return Err("too large".into());
    }
    let port = 3552 + w.servers.len() as u32;
    let mut srv = Server {
        name: name.clone(),
        description: "generated by qem-mock".into(),
        host: format!("gen-{}.example.net", port),
        port,
        ..Server::default()
    };
    srv.endpoints = vec![
        Endpoint {
            name: "Gen Source".into(),
            role: "SOURCE".into(),
            kind: "Oracle".into(),
            db_settings: json!({ "$type": "OracleSettings", "server": "gen:1521/ORCL", "username": "gen" }),
            ..Endpoint::default()
        },
        Endpoint {
            name: "Gen Target".into(),
            role: "TARGET".into(),
            kind: "Databricks Delta".into(),
            db_settings: json!({ "$type": "DatabricksDeltaSettings", "host": "gen.example.net" }),
            ..Endpoint::default()
        },
    ];
    srv.tasks = (1..=n)
        .map(|i| Task {
            name: format!("Task_{i:06}"),
            source_endpoint: Some("Gen Source".into()),
            target_endpoint: Some("Gen Target".into()),
            assigned_tags: vec!["generated".into()],
            synthetic_tables: m,
            padding_bytes: k,
            ..Task::default()
        })
        .collect();
    let sample = render_task_entry(&srv.tasks.first().cloned().unwrap_or_default());
    let mut per_task = Vec::new();
    write_pretty(&mut per_task, &sample, ENTRY_DEPTH);
    let per_task = per_task.len() as u64 + 2;
    w.servers.retain(|s| s.name != name);
    w.servers.push(srv);
    Ok(json!({ "server": name, "tasks": n, "estimated_export_bytes": per_task * n + 1024 }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The formatter writes a real export (the fixture) back byte for byte.
    #[test]
    fn exports_are_written_as_replicate_writes_them() {
        let real = include_str!("../fixtures/export-task-as400-to-deltalake.json");
        let doc: Value = serde_json::from_str(real).unwrap();
        let mut out = Vec::new();
        write_pretty(&mut out, &doc, 0);
        assert_eq!(String::from_utf8(out).unwrap(), real);
    }

    #[test]
    fn arrays_of_scalars_and_empty_containers() {
        let mut out = Vec::new();
        write_pretty(
            &mut out,
            &json!({"a": [1, "x"], "b": [], "c": {}, "d": [[1], {}]}),
            0,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n\t\"a\":\t[1, \"x\"],\n\t\"b\":\t[],\n\t\"c\":\t{\n\t},\n\t\"d\":\t[[1], {\n\t\t}]\n}"
        );
    }
}
