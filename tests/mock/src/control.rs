//! The control API under `/mock/` (STATE.md): never faulted, no session needed.

use bytes::Bytes;
use hyper::Method;
use serde_json::{json, Value};

use crate::http::{self, Resp};
use crate::state::World;
use crate::{Faults, Shared};

fn bad(msg: &str) -> Resp {
    http::json_bytes(400, json!({ "ok": false, "error": msg }).to_string())
}

fn ok() -> Resp {
    http::json(&json!({ "ok": true }))
}

pub fn handle(shared: &Shared, method: &Method, path: &str, body: &Bytes) -> Resp {
    let path = path.trim_end_matches('/');
    match (method.as_str(), path) {
        ("GET", "/mock/health") => ok(),
        ("GET", "/mock/state") => http::json(&shared.world.lock().to_value()),
        ("PUT" | "POST", "/mock/state") => {
            let v: Value = match serde_json::from_slice(body) {
                Ok(v) => v,
                Err(e) => return bad(&e.to_string()),
            };
            match World::from_value(v) {
                Ok(w) => {
                    shared.set_world(w);
                    ok()
                }
                Err(e) => bad(&e),
            }
        }
        ("POST", "/mock/reset") => {
            shared.reset();
            ok()
        }
        ("POST", "/mock/expire-sessions") => {
            shared.expire_sessions();
            ok()
        }
        ("GET", "/mock/faults") => {
            let f = shared.faults.lock().faults.clone();
            http::json(&serde_json::to_value(f).unwrap_or(Value::Null))
        }
        ("PUT" | "POST", "/mock/faults") => {
            let f: Faults = if body.iter().all(u8::is_ascii_whitespace) {
                Faults::default()
            } else {
                match serde_json::from_slice(body) {
                    Ok(f) => f,
                    Err(e) => return bad(&e.to_string()),
                }
            };
            shared.set_faults(f);
            ok()
        }
        ("GET", "/mock/stats") => http::json(&shared.stats()),
        ("DELETE", "/mock/stats") => {
            shared.reset_stats();
            ok()
        }
        ("GET", "/mock/requests") => {
            let log: Vec<_> = shared.requests.lock().iter().cloned().collect();
            http::json(&serde_json::to_value(log).unwrap_or(Value::Null))
        }
        ("DELETE", "/mock/requests") => {
            shared.requests.lock().clear();
            ok()
        }
        ("POST", "/mock/generate") => {
            let spec: Value = if body.iter().all(u8::is_ascii_whitespace) {
                json!({})
            } else {
                match serde_json::from_slice(body) {
                    Ok(v) => v,
                    Err(e) => return bad(&e.to_string()),
                }
            };
            match crate::documents::generate(&mut shared.world.lock(), &spec) {
                Ok(v) => http::json(&v),
                Err(e) => bad(&e),
            }
        }
        _ => http::json_bytes(
            404,
            json!({ "ok": false, "error": "unknown control endpoint" }).to_string(),
        ),
    }
}
