//! The API description (`schema/api.json`): every entry a client offers, its arguments
//! (type, required or default, and where each goes) and its answer, with every answer
//! and payload model as JSON Schema generated from the Rust types. Built from the
//! operation table ([`crate::ops`]), the typed methods (`api.rs`) and the helpers'
//! table; `cargo run -p qem-codegen` writes it, and `-- --check` fails when it is stale.

use crate::api::TYPED_METHODS;
use crate::ops::{AuthScheme, Body, Kind, Paging, Query, Seg, Service};
use schemars::{json_schema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

/// The description of every service, as `schema/api.json` holds it.
pub fn api_description() -> Value {
    let mut generator = SchemaGenerator::default();
    let services: Vec<Value> = crate::ops::SERVICES
        .iter()
        .map(|s| service(s, &mut generator))
        .collect();
    let models = generator.take_definitions(true);
    json!({
        "$comment": "Generated from the core's registry by `cargo run -p qem-codegen`; do not edit.",
        "version": env!("CARGO_PKG_VERSION"),
        "services": services,
        "errors": errors(),
        "models": models,
    })
}

/// What an error carries besides the server's own codes: our codes, each with its
/// meaning, and the categories (`kind`) every error falls in.
fn errors() -> Value {
    let codes: Vec<Value> = crate::codes::ALL
        .iter()
        .map(|(code, doc)| json!({"code": code, "doc": doc.trim()}))
        .collect();
    let kinds: Vec<&str> = crate::ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    json!({
        "$comment": "An error's error_code is the server's own code verbatim when it sent one, else one of these codes; its kind is one of these categories.",
        "codes": codes,
        "kinds": kinds,
    })
}

/// The description as the text of `schema/api.json` (pretty JSON with a final newline),
/// built once: what `qem_operations()` and the bindings' `operations` answer.
pub fn api_description_text() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| {
        let mut text =
            serde_json::to_string_pretty(&api_description()).expect("the description is JSON");
        text.push('\n');
        text
    })
}

/// A stable fingerprint of a description's text (FNV-1a, 64 bits, in hex): generated
/// code carries the one of the description it was made from, and a binding built from
/// another description is refused at import.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn service(s: &Service, generator: &mut SchemaGenerator) -> Value {
    let auth = match s.auth {
        AuthScheme::QemSession { header, .. } => json!({"scheme": "session", "header": header}),
        AuthScheme::Bearer => json!({"scheme": "bearer"}),
        AuthScheme::Basic => json!({"scheme": "basic"}),
        AuthScheme::RestSvcSession { header } => {
            json!({"scheme": "logon_session", "header": header})
        }
    };
    let operations: Vec<Value> = s
        .operations
        .iter()
        .map(|op| {
            let table = match s.name {
                "qem" => TYPED_METHODS,
                "qlik_cloud" => crate::cloud::TYPED_METHODS,
                "kinetic" => crate::kinetic::TYPED_METHODS,
                "veeam" => crate::veeam::TYPED_METHODS,
                _ => &[],
            };
            let typed = table.iter().find(|t| t.op == op.name);
            let mut path = String::new();
            let mut args = Vec::new();
            for seg in op.path {
                path.push('/');
                match seg {
                    Seg::Lit(l) => path.push_str(l),
                    Seg::Guid(n, kind) => {
                        path.push_str(&format!("{{{n}}}"));
                        args.push(json!({"name": n, "in": "path", "required": true,
                            "schema": {"type": "string", "minLength": 1,
                                "description": format!("a GUID, or urn:veeam:{kind}:<guid>")}}));
                    }
                    Seg::Name(n) => {
                        path.push_str(&format!("{{{n}}}"));
                        args.push(json!({"name": n, "in": "path", "required": true,
                            "schema": {"type": "string", "minLength": 1}}));
                    }
                }
            }
            let mut fixed = Map::new();
            for q in op.query {
                match *q {
                    Query::Fixed(k, v) => {
                        fixed.insert(k.into(), v.into());
                    }
                    Query::Arg {
                        name,
                        kind,
                        required,
                    } => {
                        // The typed method's own type when it has the argument (an
                        // enum of options, a bool, seconds), else the kind's.
                        let schema = typed
                            .and_then(|t| t.args.iter().find(|(n, _)| *n == name))
                            .map_or_else(|| kind_schema(kind), |(_, s)| s(generator));
                        let mut arg = json!({"name": name, "in": "query", "required": required,
                            "schema": schema});
                        if let Some((_, default)) = op.server_wait.filter(|(w, _)| *w == name) {
                            arg["default"] = default.into();
                        }
                        args.push(arg);
                    }
                }
            }
            if let Some(body) = body_arg(op.body, typed, generator) {
                args.push(body);
            }
            // The arguments a body may be built from (clone-trees' flat fields), but the
            // one already described as the body (RunTask's `cdcposition`).
            let fields: Vec<&str> = op
                .body
                .fields()
                .iter()
                .copied()
                .filter(|f| !args.iter().any(|a| a["name"] == *f))
                .collect();
            for field in fields {
                let required = op.body == Body::JobClone && field == "job_name";
                args.push(json!({"name": field, "in": "body", "content": "field",
                    "required": required, "schema": crate::ops::body_field_schema(field)}));
            }
            if op.paging == Paging::Cursor {
                args.push(json!({"name": "all", "in": "client", "required": false,
                    "schema": {"type": "boolean", "description": "every page: links.next followed (on the tenant only) until it ends; answers {\"data\": [...]}"}}));
                args.push(json!({"name": "max_items", "in": "client", "required": false,
                    "schema": {"type": "integer", "minimum": 0, "description": "with all: stop after this many items"}}));
            }
            if op.text.is_some() {
                args.push(json!({"name": "format", "in": "client", "required": false,
                    "schema": {"enum": ["text", "json"], "description": "json keeps the server's object"}}));
            }
            let answer = match (op.answer, typed) {
                (crate::ops::Answer::Xml, Some(t)) => json!({"kind": "json",
                    "model": t.answer_type, "schema": (t.answer)(generator), "wire": "xml"}),
                (crate::ops::Answer::Xml, None) => json!({"kind": "json", "wire": "xml"}),
                _ if op.text.is_some() => json!({"kind": "text", "field": op.text}),
                (crate::ops::Answer::Empty, _) => json!({"kind": "none"}),
                (crate::ops::Answer::Document, _) => json!({"kind": "document"}),
                (crate::ops::Answer::Json, Some(t)) => json!({"kind": "json",
                    "model": t.answer_type, "schema": (t.answer)(generator)}),
                (crate::ops::Answer::Json, None) => json!({"kind": "json"}),
            };
            json!({
                "name": op.name,
                "method": op.method,
                "aliases": s.aliases.iter().filter(|(_, o)| *o == op.name).map(|(a, _)| *a).collect::<Vec<_>>(),
                "doc": typed.map_or(op.doc, |t| t.doc).trim(),
                "rust": typed.map(|t| t.name),
                "verb": op.verb.as_str(),
                "path": path,
                "query": fixed,
                "args": args,
                "answer": answer,
                "paging": if op.paging == Paging::Cursor { "cursor" } else { "none" },
                "retried": if op.is_retry_safe() { "read" } else { "never after it may have reached the server" },
            })
        })
        .collect();
    let helpers: Vec<Value> = crate::helpers::dispatch::HELPERS
        .iter()
        .filter(|h| h.service == s.name)
        .map(|h| {
            let schema = (h.answer)(generator);
            // A model's name when the answer is one (not for a list or a text).
            let answer = match schema.get("$ref") {
                Some(_) => json!({"kind": "json", "model": h.answer_type, "schema": schema}),
                None => json!({"kind": "json", "schema": schema}),
            };
            json!({"name": h.name, "doc": h.doc, "function": h.name,
                "args": (h.args)(generator), "answer": answer})
        })
        .collect();
    json!({
        "name": s.name,
        "base_path": s.base_path,
        "auth": auth,
        "operations": operations,
        "helpers": helpers,
    })
}

fn kind_schema(kind: Kind) -> Schema {
    match kind {
        Kind::Text => json_schema!({"type": "string"}),
        Kind::Bool => json_schema!({"type": "boolean"}),
        Kind::Seconds | Kind::Count => json_schema!({"type": "integer", "minimum": 0}),
        Kind::Timestamp => json_schema!({"type": "string",
            "description": "a UTC timestamp (2024-01-31T10:00:00) or .NET ticks"}),
    }
}

/// The body argument: `payload` (or RunTask's `cdcposition`), with the typed method's
/// model when it has one.
fn body_arg(
    body: Body,
    typed: Option<&crate::api::TypedMethod>,
    generator: &mut SchemaGenerator,
) -> Option<Value> {
    let payload = typed.and_then(|t| t.args.iter().find(|(n, _)| *n == "payload"));
    let (name, content, schema, required) = match body {
        Body::None => return None,
        Body::Json | Body::Object => (
            "payload",
            "json",
            payload.map_or(json_schema!({}), |(_, s)| s(generator)),
            true,
        ),
        Body::Text => ("payload", "text", json_schema!({"type": "string"}), true),
        Body::Document => (
            "payload",
            "document",
            json_schema!({"description": "a JSON document, sent as it is (a file or a stream too)"}),
            true,
        ),
        Body::CloneTrees => (
            "payload",
            "json",
            generator.subschema_for::<crate::models::KineticCloneTreesRequest>(),
            false,
        ),
        Body::JobClone => return None,
        Body::CdcPosition => (
            "cdcposition",
            "json",
            json_schema!({"type": "string",
                "description": "sent as {\"cdcposition\": ...}; needed by the three position options, none otherwise"}),
            false,
        ),
    };
    Some(
        json!({"name": name, "in": "body", "content": content, "required": required, "schema": schema}),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::QEM;

    /// Every operation is described with a doc, every JSON answer has its model, and
    /// every `$ref` points at a model the description holds. (That each typed method
    /// names an operation of the table is checked by the compiler.)
    #[test]
    fn the_sdk_error_codes_and_kinds_are_described() {
        let d = api_description();
        let codes: Vec<&str> = d["errors"]["codes"]
            .as_array()
            .expect("codes")
            .iter()
            .filter_map(|c| c["code"].as_str())
            .collect();
        for code in [
            "CONNECTION_ERROR",
            "WAIT_TIMEOUT",
            "INVALID_ARGUMENT",
            "INTERNAL_ERROR",
        ] {
            assert!(codes.contains(&code), "{code} is not described");
        }
        assert!(d["errors"]["codes"][0]["doc"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        // The categories the bindings map errors by, each once.
        assert_eq!(
            d["errors"]["kinds"],
            json!([
                "session",
                "unauthorized",
                "not_found",
                "server",
                "connection",
                "timeout",
                "tls",
                "invalid_argument",
                "invalid_response",
                "closed",
                "io"
            ])
        );
    }

    #[test]
    fn the_description_is_whole() {
        let d = api_description();
        let ops = d["services"][0]["operations"].as_array().unwrap();
        assert_eq!(ops.len(), QEM.operations.len());
        for op in ops {
            assert!(!op["doc"].as_str().unwrap().is_empty(), "{op}");
            if op["answer"]["kind"] == "json" {
                assert!(op["answer"]["model"].is_string(), "{}", op["name"]);
            }
        }
        let text = d.to_string();
        for piece in text.split("\"$ref\":\"#/$defs/").skip(1) {
            let name = &piece[..piece.find('"').unwrap()];
            assert!(d["models"].get(name).is_some(), "no model {name}");
        }
        let license = &d["models"]["LicenseState"];
        assert_eq!(license["x-aliases"]["LICENSE_VALID"], "VALID_LICENSE");
    }

    #[test]
    fn qlik_cloud_is_the_second_service() {
        let d = api_description();
        let cloud = &d["services"][1];
        assert_eq!(cloud["name"], "qlik_cloud");
        assert_eq!(cloud["auth"]["scheme"], "bearer");
        let ops = cloud["operations"].as_array().unwrap();
        assert_eq!(ops.len(), 10);
        let find = |m: &str| ops.iter().find(|o| o["method"] == m).unwrap();
        // Not Enterprise Manager's DeleteTask, though the names are the same.
        assert_eq!(find("delete_task")["path"], "/tasks/{id}");
        assert_eq!(find("delete_task")["rust"], "delete_task");
        assert_eq!(find("get_task")["answer"]["model"], "CloudTask");
        assert_eq!(
            find("create_task")["args"][1]["schema"]["$ref"],
            "#/$defs/CloudTask"
        );
        assert_eq!(cloud["helpers"][0]["answer"]["model"], "CloudRun");
        assert!(d["models"]["CloudRunStatus"]["enum"]
            .as_array()
            .unwrap()
            .contains(&json!("SUCCEEDED")));
        assert_eq!(find("get_task")["aliases"], json!(["getTask"]));
        assert_eq!(find("get_tasks")["paging"], "cursor");
        let names: Vec<&str> = find("get_tasks")["args"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["resourceId", "limit", "page", "sort", "all", "max_items"]
        );
        assert_eq!(find("get_task_run_log")["answer"]["kind"], "text");
        assert_eq!(cloud["helpers"][0]["name"], "start_task_and_wait");
        // Enterprise Manager's aliases stay its own.
        let qem = d["services"][0]["operations"].as_array().unwrap();
        let put = qem
            .iter()
            .find(|o| o["method"] == "put_task_table_selection")
            .unwrap();
        assert_eq!(
            put["aliases"],
            json!(["set_task_table_selection", "SetTaskTableSelection"])
        );
    }
}
