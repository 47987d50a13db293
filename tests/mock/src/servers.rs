//! Servers: 2.7 PutServerLicense, 2.8 GetServerDetails, 2.9 PutServer, 2.10 PutServerAcl,
//! 2.11 GetServer, 2.12 GetServerAcl, 2.13 GetServerList, 2.14 DeleteServer, 2.15 DeleteServerAcl.

use std::time::Instant;

use serde_json::{json, Map, Value};

use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::Ctx;
use crate::state::{is_running_state, require, License, Role, Server};
use crate::{session, util};

fn info_type(s: &Server) -> &'static str {
    if s.is_compose() {
        "ComposeServerInfo"
    } else {
        "ReplicateServerInfo"
    }
}

fn last_connection(s: &Server) -> String {
    s.last_connection.clone().unwrap_or_else(util::now_iso)
}

pub fn get_server_list(ctx: &Ctx) -> Result<Resp, ApiError> {
    let w = ctx.shared.world.lock();
    require(w.global_role(&ctx.user).max(Role::Viewer), Role::Viewer)?;
    let list: Vec<Value> = w
        .servers
        .iter()
        .filter(|s| w.server_role(&ctx.user, s) >= Role::Viewer)
        .map(|s| {
            let mut o = json!({
                "$type": info_type(s),
                "type": s.kind,
                "name": s.name,
                "description": s.description,
                "host": s.host,
                "port": s.port.to_string(),
                "state": s.state,
                "message": s.message,
                "platform": s.platform,
                "version": s.version,
            });
            if s.state != "NOT_MONITORED" {
                o["last_connection"] = json!(last_connection(s));
            }
            o
        })
        .collect();
    Ok(http::json(&json!({ "serverList": list })))
}

/// Days left, as a number (real servers), or as the guide's REST example writes it, a
/// string (`settings.days_to_expiration_as_string`).
fn days_to_expiration(lic: &License, as_string: bool, today: i64) -> Value {
    let days = match util::parse_date(&lic.expiration) {
        Some(d) => d - today,
        None => -1,
    };
    if as_string {
        Value::String(days.to_string())
    } else {
        Value::from(days)
    }
}

pub fn get_server_details(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND_REPLICATE)?;
    ctx.authorize(&w, idx, Role::Viewer)?;
    let spelling = w.settings.license_state_spelling.clone();
    let days_as_string = w.settings.days_to_expiration_as_string;
    let today = w.settings.today_days();
    let s = &mut w.servers[idx];
    s.settle(Instant::now());
    let (mut running, mut stopped, mut recovering, mut error) = (0, 0, 0, 0);
    let mut disk = 0i64;
    let mut mem = 0i64;
    for t in &s.tasks {
        match t.state.as_str() {
            "RUNNING" | "STARTING" => running += 1,
            "RECOVERY" | "RECOVERING" => recovering += 1,
            "ERROR" => error += 1,
            _ => stopped += 1,
        }
        disk += 10;
        if is_running_state(&t.state) {
            mem += 57;
        }
    }
    let healthy = s.state == "MONITORED" && !s.is_compose();
    let details = json!({
        "$type": if s.is_compose() { "ComposeServerDetails" } else { "ReplicateServerDetails" },
        "type": s.kind,
        "name": s.name,
        "description": s.description,
        "configuration": {
            "host": s.host,
            "platform": s.platform,
            "port": s.port.to_string(),
            "username": s.username,
        },
        "state": s.state,
        "message": s.message,
        "version": s.version,
        "license": {
            "issue_date": s.license.issue_date,
            "state": s.license.wire_state(&spelling),
            "expiration": s.license.expiration,
            "days_to_expiration": days_to_expiration(&s.license, days_as_string, today),
        },
        "last_connection": last_connection(s),
        "task_summary": {
            "total": s.tasks.len(),
            "running": running,
            "stopped": stopped,
            "recovering": recovering,
            "error": error,
        },
        "resource_utilization": {
            "disk_usage_mb": if healthy { disk } else { -1 },
            "memory_mb": if healthy { mem } else { -1 },
            "attunity_cpu_percentage": if healthy { if running > 0 { 12 } else { 1 } } else { -1 },
            "machine_cpu_percentage": if healthy { 20 } else { -1 },
        },
    });
    Ok(http::json(
        &json!({ "serverDetails": details.clone(), "server_details": details }),
    ))
}

pub fn get_server(ctx: &Ctx) -> Result<Resp, ApiError> {
    let (out, name) = {
        let w = ctx.shared.world.lock();
        let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
        ctx.authorize(&w, idx, Role::Operator)?;
        let s = &w.servers[idx];
        (
            json!({
                "$type": if s.is_compose() { "AemComposeServer" } else { "AemReplicateServer" },
                "type": s.kind,
                "name": s.name,
                "description": s.description,
                "host": s.host,
                "port": s.port.to_string(),
                "username": s.username,
                "password": "",
                "verify_server_certificate": s.verify_server_certificate,
                "monitored": s.monitored,
            }),
            s.name.clone(),
        )
    };
    let mut out = out;
    out["password"] = json!(session::remember_password_id(ctx, &name));
    Ok(http::json(&out))
}

fn valid_name_chars(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '.' | '-' | '_'))
}

fn str_field<'a>(o: &'a Map<String, Value>, k: &str) -> Option<std::borrow::Cow<'a, str>> {
    match o.get(k)? {
        Value::String(s) => Some(std::borrow::Cow::Borrowed(s.as_str())),
        Value::Null => None,
        other => Some(std::borrow::Cow::Owned(other.to_string())),
    }
}

fn bool_field(o: &Map<String, Value>, k: &str) -> Option<bool> {
    match o.get(k)? {
        Value::Bool(b) => Some(*b),
        Value::String(s) => util::parse_bool(s),
        _ => None,
    }
}

fn deserialize_err(ty: &str, msg: &str) -> ApiError {
    errors::DESERIALIZE_TO_TYPE_JSON.with(&[("type", ty), ("message", msg)])
}

pub fn put_server(ctx: &Ctx) -> Result<Resp, ApiError> {
    let url_name = ctx.server().to_string();
    let body: Value =
        serde_json::from_slice(&ctx.body).map_err(|e| deserialize_err("Server", &e.to_string()))?;
    let o = body
        .as_object()
        .ok_or_else(|| deserialize_err("Server", "expected a JSON object"))?;
    let mut w = ctx.shared.world.lock();
    let existing = w.servers.iter().position(|s| s.name == url_name);
    match existing {
        Some(i) => {
            ctx.authorize(&w, i, Role::Admin)?;
        }
        None => require(w.global_role(&ctx.user), Role::Admin)?,
    }
    let dtype = str_field(o, "$type")
        .map(|s| s.into_owned())
        .unwrap_or_else(|| {
            existing.map_or("AemReplicateServer".into(), |i| w.servers[i].dtype.clone())
        });
    let kind = match dtype.as_str() {
        "AemReplicateServer" => "REPLICATE".to_string(),
        "AemComposeServer" => {
            let k = str_field(o, "type")
                .map(|s| s.to_ascii_uppercase())
                .unwrap_or_default();
            if k.starts_with("COMPOSE") {
                k
            } else {
                "COMPOSE".into()
            }
        }
        other => {
            return Err(errors::INVALID_SERVER_TYPE
                .with(&[("ServerType", other), ("ServerName", &url_name)]))
        }
    };
    if let Some(n) = str_field(o, "name") {
        if n != url_name {
            return Err(errors::NAME_URL_MISMATCH.plain());
        }
    }
    let host = str_field(o, "host").unwrap_or_default().trim().to_string();
    if host.is_empty() {
        return Err(errors::EMPTY_HOST.plain());
    }
    let port_raw = str_field(o, "port").unwrap_or_default().trim().to_string();
    if port_raw.is_empty() {
        return Err(errors::EMPTY_PORT.plain());
    }
    let username = str_field(o, "username").unwrap_or_default().to_string();
    if username.is_empty() {
        return Err(errors::EMPTY_USERNAME.plain());
    }
    let password = str_field(o, "password").unwrap_or_default().to_string();
    if password.is_empty() {
        return Err(errors::EMPTY_PASSWORD.plain());
    }
    let port: u32 = match port_raw.parse::<u32>() {
        Ok(p) if (1..=65535).contains(&p) => p,
        _ => return Err(errors::INVALID_PORT.plain()),
    };
    if url_name.is_empty() || url_name.chars().count() > 64 || !valid_name_chars(&url_name) {
        return Err(errors::INVALID_NAME.plain());
    }
    if host.chars().count() > 64 || !valid_name_chars(&host) {
        return Err(errors::INVALID_HOST.plain());
    }
    let description = str_field(o, "description").unwrap_or_default().to_string();
    if description.chars().count() > 250 {
        return Err(errors::INVALID_DESC.plain());
    }
    if username.chars().count() > 104 || username.chars().any(|c| "/[]:;|=+*?<>\"".contains(c)) {
        return Err(errors::INVALID_USERNAME.plain());
    }
    if let Some(other) = w
        .servers
        .iter()
        .find(|s| s.name != url_name && s.host.eq_ignore_ascii_case(&host) && s.port == port)
    {
        let _ = other;
        return Err(
            errors::HOST_PORT_ALREADY_EXIST.with(&[("host", &host), ("port", &port.to_string())])
        );
    }
    let is_identifier = password.starts_with("{S:") && password.ends_with('}');
    let new_password = if is_identifier {
        drop(w);
        if !session::password_id_valid(ctx, &password, &url_name) || existing.is_none() {
            return Err(errors::PUT_SERVER_INNER_ERR.with(&[
                ("server", &url_name),
                ("message", "The password identifier is not valid in this session; identifiers returned by GetServer can only be used in the session that requested them."),
            ]));
        }
        w = ctx.shared.world.lock();
        None
    } else {
        Some(password)
    };
    let verify = bool_field(o, "verify_server_certificate");
    let monitored = bool_field(o, "monitored");
    let existing = w.servers.iter().position(|s| s.name == url_name);
    let srv = match existing {
        Some(i) => &mut w.servers[i],
        None => {
            w.servers.push(Server {
                name: url_name.clone(),
                version: if kind == "REPLICATE" {
                    "2024.11.0.177".into()
                } else {
                    "2024.5.0.0".into()
                },
                ..Server::default()
            });
            w.servers.last_mut().expect("pushed")
        }
    };
    srv.dtype = dtype;
    srv.kind = kind;
    srv.description = description;
    srv.host = host;
    srv.port = port;
    srv.username = username;
    if let Some(p) = new_password {
        srv.password = p;
    }
    if let Some(v) = verify {
        srv.verify_server_certificate = v;
    }
    let monitored = monitored.unwrap_or(true);
    srv.monitored = monitored;
    if !monitored {
        srv.state = "NOT_MONITORED".into();
        srv.message = "Server changed status to Not Monitored.".into();
    } else if srv.state == "NOT_MONITORED" {
        srv.state = "MONITORED".into();
        srv.message.clear();
    }
    let action = if existing.is_some() {
        "UpdateServer"
    } else {
        "AddServer"
    };
    w.audit(&ctx.user, action, &url_name, "SERVER", &url_name, "");
    Ok(http::empty_ok())
}

pub fn delete_server(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND_REQUESTED)?;
    ctx.authorize(&w, idx, Role::Admin)?;
    let name = w.servers.remove(idx).name;
    w.audit(&ctx.user, "DeleteServer", &name, "SERVER", &name, "");
    Ok(http::empty_ok())
}

/// Parses a license: `key=value` lines (comments `#`), or a JSON object.
fn parse_license(text: &str) -> Option<Map<String, Value>> {
    let t = text.trim_start_matches('\u{feff}').trim();
    if t.is_empty() {
        return None;
    }
    if t.starts_with('{') {
        let v: Value = serde_json::from_str(t).ok()?;
        let o = v.as_object()?.clone();
        return (!o.is_empty()).then_some(o);
    }
    let mut out = Map::new();
    for line in t.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (k, v) = line.split_once('=')?;
        let k = k.trim();
        if k.is_empty() || k.contains(char::is_whitespace) {
            return None;
        }
        out.insert(k.to_string(), Value::String(v.trim().to_string()));
    }
    (!out.is_empty()).then_some(out)
}

pub fn put_server_license(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    ctx.authorize(&w, idx, Role::Admin)?;
    let lic =
        parse_license(&ctx.body_str()).ok_or_else(|| errors::SRV_LIC_INVALID_FORMAT.plain())?;
    let get = |k: &str| lic.get(k).and_then(Value::as_str).map(str::to_string);
    let expiration = get("expiration_date").or_else(|| get("expiration"));
    if let Some(e) = &expiration {
        if !e.is_empty() && util::parse_date(e).is_none() {
            return Err(errors::SRV_LIC_INVALID_FORMAT.plain());
        }
    }
    let today = w.settings.today_days();
    let srv = &mut w.servers[idx];
    if let Some(d) = get("issue_date") {
        srv.license.issue_date = d;
    }
    let expiration = expiration
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "9999-12-31".into());
    let expired = util::parse_date(&expiration).is_some_and(|d| d < today);
    srv.license.expiration = expiration;
    srv.license.state = if expired {
        "EXPIRED_LICENSE"
    } else {
        "VALID_LICENSE"
    }
    .into();
    let name = srv.name.clone();
    w.audit(&ctx.user, "PutServerLicense", &name, "SERVER", &name, "");
    Ok(http::empty_ok())
}

const ACL_ROLES: [&str; 4] = [
    "admin_role",
    "designer_role",
    "operator_role",
    "viewer_role",
];

pub fn get_server_acl(ctx: &Ctx) -> Result<Resp, ApiError> {
    let w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    ctx.authorize(&w, idx, Role::Operator)?;
    let s = &w.servers[idx];
    if !s.acl.is_object() {
        return Err(errors::SERVER_HAS_NO_ACL.with(&[("server", &s.name)]));
    }
    Ok(http::json(&s.acl))
}

pub fn delete_server_acl(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    ctx.authorize(&w, idx, Role::Admin)?;
    let s = &mut w.servers[idx];
    if !s.acl.is_object() {
        return Err(errors::SERVER_HAS_NO_ACL.with(&[("server", &s.name)]));
    }
    s.acl = Value::Null;
    let name = s.name.clone();
    w.audit(&ctx.user, "DeleteServerAcl", &name, "SERVER", &name, "");
    Ok(http::empty_ok())
}

fn names(role: &Value, field: &str) -> Result<Vec<String>, ApiError> {
    let ty = "AemAuthorizationAcl";
    match role.get(field) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|e| match e {
                Value::Object(o) => Ok(o
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()),
                Value::String(s) => Ok(s.clone()),
                _ => Err(deserialize_err(ty, &format!("invalid entry in {field}"))),
            })
            .collect(),
        Some(_) => Err(deserialize_err(ty, &format!("{field} must be an array"))),
    }
}

pub fn put_server_acl(ctx: &Ctx) -> Result<Resp, ApiError> {
    let ty = "AemAuthorizationAcl";
    let body: Value =
        serde_json::from_slice(&ctx.body).map_err(|e| deserialize_err(ty, &e.to_string()))?;
    let o = body
        .as_object()
        .ok_or_else(|| deserialize_err(ty, "expected a JSON object"))?;
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND)?;
    ctx.authorize(&w, idx, Role::Admin)?;
    let server = w.servers[idx].name.clone();
    for k in o.keys() {
        if k.ends_with("_role") && !ACL_ROLES.contains(&k.as_str()) {
            return Err(deserialize_err(ty, &format!("unknown role '{k}'")));
        }
    }
    let disable = match o.get("disable_inheritance") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => util::parse_bool(s)
            .ok_or_else(|| deserialize_err(ty, "disable_inheritance must be a boolean"))?,
        Some(_) => return Err(deserialize_err(ty, "disable_inheritance must be a boolean")),
    };
    // (name, is_group, role index)
    let mut seen: Vec<(String, bool, usize)> = Vec::new();
    let mut out = Map::new();
    for (ri, key) in ACL_ROLES.iter().enumerate() {
        let role = o.get(*key).cloned().unwrap_or(Value::Null);
        if !(role.is_null() || role.is_object()) {
            return Err(deserialize_err(ty, &format!("{key} must be an object")));
        }
        let users = names(&role, "users")?;
        let groups = names(&role, "groups")?;
        for (list, is_group) in [(&users, false), (&groups, true)] {
            for n in list {
                if !n.contains('\\') {
                    return Err(if is_group {
                        errors::NO_DOMAIN_IN_GROUP.with(&[("groupName", n)])
                    } else {
                        errors::NO_DOMAIN_IN_USER.with(&[("userName", n)])
                    });
                }
                if let Some((_, g, r)) = seen.iter().find(|(sn, _, _)| sn == n) {
                    return Err(if *g != is_group || *r == ri {
                        errors::USER_GROUP_MULTIPLE_ASSIGNED.with(&[("name", n)])
                    } else if is_group {
                        errors::GROUP_ASSIGNED_TO_MULTIPLE_ROLES.with(&[("groupName", n)])
                    } else {
                        errors::USER_ASSIGNED_TO_MULTIPLE_ROLES.with(&[("userName", n)])
                    });
                }
                seen.push((n.clone(), is_group, ri));
            }
        }
        let to_objs =
            |v: &Vec<String>| Value::Array(v.iter().map(|n| json!({ "name": n })).collect());
        out.insert(
            key.to_string(),
            json!({ "users": to_objs(&users), "groups": to_objs(&groups) }),
        );
    }
    let admins_empty = seen.iter().all(|(_, _, r)| *r != 0);
    if disable && admins_empty {
        return Err(errors::NO_ADMIN_ON_SERVER.with(&[("serverName", &server)]));
    }
    out.insert("disable_inheritance".into(), Value::Bool(disable));
    w.servers[idx].acl = Value::Object(out);
    w.audit(&ctx.user, "PutServerAcl", &server, "SERVER", &server, "");
    Ok(http::empty_ok())
}
