//! The mock's Kinetic Task web application, under `/kinetic-task`: clone-trees at
//! `/app/api/v1/clone-trees`, as `services-notes.md` §3 says the real service behaves.
//! No session: HTTP Basic on each request when given (wrong credentials: 401), a Source
//! whose API policy rules check the caller's identity refuses anyone else (403), trees
//! unique by Source, Group and name and local routines by definition id (400), errors as
//! `{"message"}`. Its state is the `kinetic` section of the state document.

use base64::Engine as _;
use bytes::Bytes;
use hyper::{HeaderMap, Method};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::http::{self, Resp};
use crate::Shared;

/// Where the web application is served.
pub const PREFIX: &str = "/kinetic-task";

/// The `kinetic` section of the state document.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct KineticWorld {
    /// Users HTTP Basic knows: `{"username", "password"}`.
    pub users: Vec<KineticUser>,
    /// Sources: `{"name", "identity": [users allowed]}` (identity absent: anyone, no
    /// credentials needed).
    pub sources: Vec<KineticSource>,
    /// Trees and local routines as the API answers them (`definitionId`: a routine).
    pub trees: Vec<Value>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct KineticUser {
    pub username: String,
    pub password: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct KineticSource {
    pub name: String,
    /// The users an identity policy rule lets in; none: no rule.
    pub identity: Option<Vec<String>>,
}

impl Default for KineticWorld {
    fn default() -> Self {
        let tree = |id: i64, name: &str, group: &str, definition: Option<&str>| {
            let mut t = json!({"id": id, "name": name, "notes": "", "ownerEmail": "support@kineticdata.com",
                "source": {"name": "Playground"}, "sourceGroup": group, "status": "Active",
                "createdAt": "2014-09-15T17:22:18.554Z", "createdBy": "SYSTEM",
                "updatedAt": "2014-09-15T17:22:18.554Z", "updatedBy": "SYSTEM"});
            if let Some(d) = definition {
                t["definitionId"] = json!(d);
            }
            t
        };
        KineticWorld {
            users: vec![KineticUser {
                username: "admin".into(),
                password: "admin-pass".into(),
            }],
            sources: vec![
                KineticSource {
                    name: "Playground".into(),
                    identity: None,
                },
                KineticSource {
                    name: "Kinetic Request".into(),
                    identity: Some(vec!["admin".into()]),
                },
            ],
            trees: vec![
                tree(23, "Clone Trees Example", "Testing", None),
                tree(
                    24,
                    "Clone Routine Example",
                    "Testing",
                    Some("routine_playground_testing_v1"),
                ),
                tree(25, "Another Tree", "Testing", None),
            ],
        }
    }
}

/// `{"message"}` with a status, as Kinetic Task answers failures.
fn fail(status: u16, message: &str) -> Resp {
    http::json_bytes(status, json!({ "message": message }).to_string())
}

/// A failure: its status and message.
type Failure = (u16, String);

/// The caller by HTTP Basic: `Ok(None)` without the header, `Err` with wrong credentials.
fn caller(world: &KineticWorld, headers: &HeaderMap) -> Result<Option<String>, Failure> {
    let Some(value) = headers.get(hyper::header::AUTHORIZATION) else {
        return Ok(None);
    };
    let unauthorized = || {
        (
            401,
            "The Basic Authentication credentials are not valid.".to_string(),
        )
    };
    let text = value.to_str().map_err(|_| unauthorized())?;
    let encoded = text.strip_prefix("Basic ").ok_or_else(unauthorized)?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .ok_or_else(unauthorized)?;
    let (user, password) = decoded.split_once(':').ok_or_else(unauthorized)?;
    match world
        .users
        .iter()
        .find(|u| u.username == user && u.password == password)
    {
        Some(u) => Ok(Some(u.username.clone())),
        None => Err(unauthorized()),
    }
}

/// Answers a request under [`PREFIX`] (`rest` is the path after it).
pub fn handle(
    shared: &Shared,
    method: &Method,
    rest: &str,
    _query: Option<&str>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Resp {
    let mut world = shared.world.lock();
    let kinetic = &mut world.kinetic;
    if rest.trim_end_matches('/') != "/app/api/v1/clone-trees" {
        return fail(404, "Not found.");
    }
    if method != Method::POST {
        return fail(405, "Method not allowed.");
    }
    match clone_trees(kinetic, headers, body) {
        Ok(answer) => http::json(&answer),
        Err((status, message)) => fail(status, &message),
    }
}

/// Clone-trees: the trees created, or why not.
fn clone_trees(
    kinetic: &mut KineticWorld,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<Value, Failure> {
    let bad = |m: String| (400u16, m);
    let user = caller(kinetic, headers)?;
    let req = serde_json::from_slice::<Value>(body)
        .map_err(|_| bad("The body is not valid JSON.".into()))?;
    let text = |v: &Value| v.as_str().filter(|s| !s.is_empty()).map(str::to_string);
    let need = |path: &str, v: &Value| {
        text(v).ok_or_else(|| bad(format!("Missing required parameter: {path}")))
    };
    let src_from = need("source.from", &req["source"]["from"])?;
    let src_to = need("source.to", &req["source"]["to"])?;
    let group_from = need("sourceGroup.from", &req["sourceGroup"]["from"])?;
    let group_to = need("sourceGroup.to", &req["sourceGroup"]["to"])?;
    for name in [&src_from, &src_to] {
        let Some(source) = kinetic.sources.iter().find(|s| &s.name == name) else {
            return Err(bad(format!("Unknown source: {name}")));
        };
        if let Some(allowed) = &source.identity {
            if !user.as_ref().is_some_and(|u| allowed.contains(u)) {
                return Err((
                    403,
                    format!("The API policy rules of source {name} were violated."),
                ));
            }
        }
    }
    let names: Option<Vec<String>> = req["names"].as_array().map(|a| {
        a.iter()
            .filter_map(|n| n.as_str().map(str::to_string))
            .collect()
    });
    let routines: Vec<(String, String)> = req["localRoutines"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| Some((text(&p["from"])?, text(&p["to"])?)))
        .collect();
    let chosen: Vec<Value> = kinetic
        .trees
        .iter()
        .filter(|t| {
            t["source"]["name"] == src_from.as_str() && t["sourceGroup"] == group_from.as_str()
        })
        .filter(|t| {
            names
                .as_ref()
                .is_none_or(|n| n.iter().any(|x| t["name"] == x.as_str()))
        })
        .cloned()
        .collect();
    let now = crate::util::fmt_iso(crate::util::unix_now_micros() / 1_000_000);
    let mut next_id = kinetic
        .trees
        .iter()
        .filter_map(|t| t["id"].as_i64())
        .max()
        .unwrap_or(0);
    let mut created = Vec::new();
    for t in &chosen {
        let name = t["name"].as_str().unwrap_or_default();
        let taken = kinetic.trees.iter().chain(&created).any(|x| {
            x["source"]["name"] == src_to.as_str()
                && x["sourceGroup"] == group_to.as_str()
                && x["name"] == name
        });
        if taken {
            return Err(bad(format!(
                "A tree named {name} already exists in {src_to} > {group_to}."
            )));
        }
        let mut copy = t.clone();
        if let Some(definition) = t["definitionId"].as_str() {
            let Some((_, new)) = routines.iter().find(|(from, _)| from == definition) else {
                return Err(bad(format!(
                    "The local routine {definition} needs a new definitionId (localRoutines)."
                )));
            };
            if kinetic
                .trees
                .iter()
                .chain(&created)
                .any(|x| x["definitionId"] == new.as_str())
            {
                return Err(bad(format!("The definitionId {new} is already in use.")));
            }
            copy["definitionId"] = json!(new);
        }
        next_id += 1;
        copy["id"] = json!(next_id);
        copy["source"] = json!({"name": src_to});
        copy["sourceGroup"] = json!(group_to);
        let who = user.clone().unwrap_or_else(|| "SYSTEM".into());
        for (k, v) in [
            ("createdAt", &now),
            ("updatedAt", &now),
            ("createdBy", &who),
            ("updatedBy", &who),
        ] {
            copy[k] = json!(v);
        }
        created.push(copy);
    }
    kinetic.trees.extend(created.iter().cloned());
    let message = format!(
        "Cloned {} tree{}.",
        created.len(),
        if created.len() == 1 { "" } else { "s" }
    );
    Ok(json!({ "message": message, "trees": created }))
}
