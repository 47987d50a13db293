//! Kinetic Task: the clone-trees body (from `payload` or the flat arguments, checked
//! before anything is sent) and the typed [`KineticTaskClient`].
//!
//! ```no_run
//! # async fn demo() -> qem_core::Result<()> {
//! use qem_core::kinetic::KineticTaskClient;
//! use qem_core::models::{KineticCloneTreesRequest, KineticFromTo};
//! let task = KineticTaskClient::new("https://kinetic.example.net/kinetic-task", Some(("svc", "secret")))?;
//! let pair = |from: &str, to: &str| KineticFromTo { from: from.into(), to: to.into() };
//! let done = task
//!     .clone_trees(&KineticCloneTreesRequest {
//!         source: pair("Playground", "Playground"),
//!         source_group: pair("Testing", "Documentation"),
//!         local_routines: None,
//!         names: None,
//!     })
//!     .await?;
//! println!("{:?}: {} trees", done.message, done.trees.len());
//! # Ok(()) }
//! ```

use crate::api::{ArgSchema, TypedMethod};
use crate::config::ServiceKind;
use crate::models::{KineticCloneTreesRequest, KineticCloneTreesResult, KineticFromTo};
use crate::ops::{Operation, CLONE_TREES_FIELDS};
use crate::request::{Args, Payload};
use crate::{Client, ClientConfig, Credentials, Error, Result};
use serde_json::{Map, Value};

/// The body of clone-trees, as bytes: `payload` as given (an object, or JSON text of
/// one) once it holds what the service requires, or the flat arguments built into the
/// spec's shape. Always valid JSON, whatever the spec's examples show.
pub(crate) fn clone_trees_body(op: &Operation, args: &Args) -> Result<bytes::Bytes> {
    let bad = |what: String| Error::invalid_argument(format!("{}: {what}", op.method));
    let flat: Vec<&str> = CLONE_TREES_FIELDS
        .iter()
        .copied()
        .filter(|f| args.get(f).is_some_and(|v| !v.is_null()))
        .collect();
    let given = match &args.payload {
        None => None,
        Some(Payload::Json(Value::String(text))) => Some(
            serde_json::from_str::<Value>(text)
                .map_err(|e| bad(format!("`payload` is not JSON: {e}")))
                .map(|v| (v, Some(text.clone())))?,
        ),
        Some(Payload::Json(v)) => Some((v.clone(), None)),
        Some(_) => return Err(bad("`payload` must be a JSON object".into())),
    };
    match (given, flat.is_empty()) {
        (Some(_), false) => Err(bad(format!(
            "give `payload` or the flat arguments ({}), not both",
            flat.join(", ")
        ))),
        (Some((value, text)), true) => {
            if !value.is_object() {
                return Err(bad("`payload` must be a JSON object".into()));
            }
            let request: KineticCloneTreesRequest = serde_path_to_error::deserialize(&value)
                .map_err(|e| bad(format!("`payload.{}`: {}", e.path(), e.inner())))?;
            check(&request).map_err(bad)?;
            // Written exactly: the caller's object as it came (unknown fields too).
            Ok(match text {
                Some(t) => t.into(),
                None => serde_json::to_vec(&value).expect("JSON serializes").into(),
            })
        }
        (None, _) => {
            let text = |name: &str| -> Result<String> {
                match args.get(name) {
                    Some(Value::String(s)) => Ok(s.clone()),
                    None | Some(Value::Null) => Err(bad(format!(
                        "`{name}` is required (or give the whole body as `payload`)"
                    ))),
                    Some(_) => Err(bad(format!("`{name}` must be a string"))),
                }
            };
            let pair = |from: &str, to: &str| -> Result<KineticFromTo> {
                Ok(KineticFromTo {
                    from: text(from)?,
                    to: text(to)?,
                })
            };
            let request = KineticCloneTreesRequest {
                source: pair("source_from", "source_to")?,
                source_group: pair("group_from", "group_to")?,
                local_routines: args
                    .get("local_routines")
                    .filter(|v| !v.is_null())
                    .map(routines)
                    .transpose()
                    .map_err(bad)?,
                names: args
                    .get("names")
                    .filter(|v| !v.is_null())
                    .map(names)
                    .transpose()
                    .map_err(bad)?,
            };
            check(&request).map_err(bad)?;
            Ok(serde_json::to_vec(&request)
                .expect("JSON serializes")
                .into())
        }
    }
}

/// What the service requires, said before sending: every name given, not empty, and
/// without NUL (which no Source, Group, tree or routine name holds).
fn check(r: &KineticCloneTreesRequest) -> std::result::Result<(), String> {
    let texts = [
        &r.source.from,
        &r.source.to,
        &r.source_group.from,
        &r.source_group.to,
    ];
    let listed = r
        .local_routines
        .iter()
        .flatten()
        .flat_map(|p| [&p.from, &p.to]);
    if texts
        .into_iter()
        .chain(listed)
        .chain(r.names.iter().flatten())
        .any(|t| t.contains('\0'))
    {
        return Err("names cannot hold NUL characters".into());
    }
    let pairs = [("source", &r.source), ("sourceGroup", &r.source_group)];
    for (what, p) in pairs {
        if p.from.trim().is_empty() || p.to.trim().is_empty() {
            return Err(format!("`{what}` needs a non-empty `from` and `to`"));
        }
    }
    for p in r.local_routines.iter().flatten() {
        if p.from.trim().is_empty() || p.to.trim().is_empty() {
            return Err("each of `localRoutines` needs a non-empty `from` and `to`".into());
        }
    }
    Ok(())
}

/// `local_routines`: `[{"from", "to"}]`, `[[from, to]]` or `{from: to}`.
fn routines(v: &Value) -> std::result::Result<Vec<KineticFromTo>, String> {
    let wrong =
        || "`local_routines` must be [{\"from\", \"to\"}], [[from, to]] or {from: to}".to_string();
    let pair = |from: &Value, to: &Value| match (from, to) {
        (Value::String(f), Value::String(t)) => Ok(KineticFromTo {
            from: f.clone(),
            to: t.clone(),
        }),
        _ => Err(wrong()),
    };
    match v {
        Value::Object(m) => m
            .iter()
            .map(|(f, t)| pair(&Value::String(f.clone()), t))
            .collect(),
        Value::Array(items) => items
            .iter()
            .map(|item| match item {
                Value::Object(o) => pair(
                    o.get("from").unwrap_or(&Value::Null),
                    o.get("to").unwrap_or(&Value::Null),
                ),
                Value::Array(p) if p.len() == 2 => pair(&p[0], &p[1]),
                _ => Err(wrong()),
            })
            .collect(),
        _ => Err(wrong()),
    }
}

/// `names`: a list of names (or one).
fn names(v: &Value) -> std::result::Result<Vec<String>, String> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|n| match n {
                Value::String(s) => Ok(s.clone()),
                _ => Err("`names` must be a list of strings".to_string()),
            })
            .collect(),
        _ => Err("`names` must be a list of strings".to_string()),
    }
}

/// The typed method, for the API description.
pub(crate) static TYPED_METHODS: &[TypedMethod] = &[TypedMethod {
    op: crate::ops::kinetic::CLONE_TREES.name,
    name: crate::ops::kinetic::CLONE_TREES.method,
    doc: "Copies the trees and local routines of a Source / Group into another (the originals stay): `payload`, or the flat `source_from`, `source_to`, `group_from`, `group_to`, `names`, `local_routines` (pairs or a map); answers the trees created. Never repeated once it may have reached the server.",
    args: &[("payload", <&KineticCloneTreesRequest as ArgSchema>::schema)],
    answer: |g| g.subschema_for::<KineticCloneTreesResult>(),
    answer_type: "KineticCloneTreesResult",
}];

/// A Kinetic Task client: clone-trees typed, and the generic entry (cheap to clone).
#[derive(Clone, Debug)]
pub struct KineticTaskClient {
    inner: Client,
}

impl KineticTaskClient {
    /// A client of the Kinetic Task web application at `url`
    /// (`https://host[:port]/kinetic-task`), with a user for HTTP Basic when its
    /// sources' API policy rules check the caller's identity.
    pub fn new(url: &str, user: Option<(&str, &str)>) -> Result<KineticTaskClient> {
        let credentials = match user {
            Some((username, password)) => Credentials::Basic {
                username: username.into(),
                password: password.into(),
            },
            None => Credentials::None,
        };
        let mut config = ClientConfig::new(url.trim_end_matches('/'), credentials);
        config.service = ServiceKind::Kinetic;
        Self::with_config(config)
    }

    /// A client for these settings (their `service` must be Kinetic).
    pub fn with_config(config: ClientConfig) -> Result<KineticTaskClient> {
        if config.service != ServiceKind::Kinetic {
            return Err(Error::invalid_argument(
                "a Kinetic Task client needs client option `service` \"kinetic\"",
            ));
        }
        Ok(KineticTaskClient {
            inner: Client::new(config)?,
        })
    }

    /// The engine's client underneath (the generic entry).
    pub fn client(&self) -> &Client {
        &self.inner
    }

    /// Copies trees and local routines from one Source / Group into another (see
    /// [`crate::ops::kinetic::CLONE_TREES`]); never repeated once it may have reached
    /// the server.
    pub async fn clone_trees(
        &self,
        request: &KineticCloneTreesRequest,
    ) -> Result<KineticCloneTreesResult> {
        let mut args = Map::new();
        args.insert(
            "payload".into(),
            serde_json::to_value(request).expect("JSON serializes"),
        );
        let op = &crate::ops::kinetic::CLONE_TREES;
        let answer = self.inner.call(op.method, Value::Object(args)).await?;
        crate::decode::answer_as(op.name, answer)
    }
}
