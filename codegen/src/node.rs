//! The Node binding's generated files: `bindings-node/methods.js` (one function per
//! method of `AemClient`, with JSDoc, and the table of their arguments `index.js`
//! checks them by) and `bindings-node/index.d.ts` (the hand-written header
//! `bindings-node/scripts/header.d.ts`, then every model, options interface and method).
//!
//! What a method looks like in Node is decided here, once for every entry: required
//! arguments are positional (in the description's order), the others go in a trailing
//! options object (camelCase names); an operation answering a document also gets
//! `<name>ToFile(..., path)`, one taking a document `<name>FromFile(..., path)`.
//! `templates/node/node.json` holds Node's only differences.

use crate::schema::{camel, doc_comment as jsdoc, json_type, ref_name, strings};
use minijinja::Environment;
use serde_json::{json, Map, Value};
use std::fmt::Write as _;

/// A JSON Schema as a TypeScript type.
fn ts(schema: &Value) -> String {
    if let Some(r) = schema["$ref"].as_str() {
        return r.rsplit('/').next().unwrap_or("JsonValue").to_owned();
    }
    if let Some(any) = schema["anyOf"].as_array() {
        let parts: Vec<String> = any.iter().filter(|s| s["type"] != "null").map(ts).collect();
        return parts.join(" | ");
    }
    if let Some(values) = schema["enum"].as_array() {
        let mut parts: Vec<String> = values
            .iter()
            .map(|v| format!("'{}'", v.as_str().unwrap_or_default()))
            .collect();
        // A value a newer server may send stays readable, without losing completion.
        parts.push("(string & {})".to_owned());
        return parts.join(" | ");
    }
    match json_type(schema) {
        "string" => "string".to_owned(),
        "integer" | "number" => "number".to_owned(),
        "boolean" => "boolean".to_owned(),
        "array" => {
            let item = ts(&schema["items"]);
            if item.contains(' ') {
                format!("({item})[]")
            } else {
                format!("{item}[]")
            }
        }
        "object" => "{ [field: string]: unknown }".to_owned(),
        _ => "JsonValue".to_owned(),
    }
}

/// One argument of a method: `{ name, wire, type, check }`.
fn arg(wire: &str, ty: String, check: &str) -> Value {
    json!({"name": camel(wire), "wire": wire, "type": ty, "check": check})
}

/// An operation's argument.
fn op_arg(a: &Value) -> Value {
    let wire = a["name"].as_str().unwrap_or_default();
    let schema = &a["schema"];
    if a["in"] == "path" {
        return arg(wire, "string".to_owned(), "string");
    }
    if wire == "payload" {
        return match (a["content"].as_str(), json_type(schema)) {
            (Some("text"), _) => arg(wire, "string".to_owned(), "text"),
            (Some("document"), _) => arg(wire, "string | ExportDocument".to_owned(), "document"),
            (_, "array") => arg(wire, ts(schema), "array"),
            _ => arg(wire, ts(schema), "object"),
        };
    }
    scalar(wire, schema, false)
}

/// A scalar argument's check and type.
fn scalar(wire: &str, schema: &Value, required: bool) -> Value {
    let by_ref = ref_name(schema);
    match (by_ref, json_type(schema)) {
        (Some("Strings"), _) => {
            // Task states are typed as such; other lists are names.
            let item = if wire == "states" {
                "TaskState"
            } else {
                "string"
            };
            if required {
                arg(wire, format!("{item}[]"), "states")
            } else {
                arg(wire, format!("{item} | {item}[]"), "strings")
            }
        }
        (Some("Name"), _) if ["dir", "path", "file"].contains(&wire) => {
            arg(wire, "string".to_owned(), "path")
        }
        (Some("Name"), _) => arg(wire, "string".to_owned(), "string"),
        (Some("Count"), _) | (None, "integer") => arg(wire, "number".to_owned(), "integer"),
        (Some(r), _) => arg(wire, r.to_owned(), "string"),
        (None, "boolean") => arg(wire, "boolean".to_owned(), "boolean"),
        (None, "object") => arg(wire, "Record<string, unknown>".to_owned(), "object"),
        (None, "array") => arg(wire, "string | string[]".to_owned(), "strings"),
        // Any JSON value (the core checks its shape).
        (None, "") if !schema["enum"].is_array() => arg(wire, "unknown".to_owned(), "any"),
        _ => arg(wire, "string".to_owned(), "string"),
    }
}

/// The TypeScript type of an answer.
fn returns(answer: &Value) -> String {
    match (answer["kind"].as_str(), answer["model"].as_str()) {
        (Some("none"), _) => "void".to_owned(),
        (Some("document"), _) => "ExportDocument".to_owned(),
        (Some("text"), _) => "string".to_owned(),
        (_, Some(model)) => model.to_owned(),
        _ => ts(&answer["schema"]),
    }
}

/// Every method of one service's client, in the table's shape (`MethodInfo` of index.d.ts).
fn methods(description: &Value, table: &Value, service: &Value) -> Vec<Value> {
    let models = &description["models"];
    let mut out = Vec::new();
    let mut files = Vec::new();
    for op in service["operations"].as_array().into_iter().flatten() {
        let method = op["method"].as_str().unwrap_or_default();
        let extra = strings(&table["positional"][method]);
        let (mut positional, mut options) = (Vec::new(), Vec::new());
        for a in op["args"].as_array().into_iter().flatten() {
            let spec = op_arg(a);
            if a["required"] == true || a["name"].as_str().is_some_and(|n| extra.contains(&n)) {
                positional.push(spec);
            } else {
                options.push(spec);
            }
        }
        let session = matches!(method, "login" | "logout");
        let base = json!({
            "name": camel(method), "method": method, "rest": if session { Value::Null } else { op["name"].clone() },
            "kind": if session { "session" } else { "op" }, "doc": op["doc"],
            "positional": positional, "options": options, "returns": returns(&op["answer"]),
        });
        // Documents go to and come from files without passing through memory.
        if op["answer"]["kind"] == "document" {
            let mut f = base.clone();
            f["name"] = json!(format!("{}ToFile", camel(method)));
            f["rest"] = Value::Null;
            f["kind"] = json!("export_file");
            f["doc"] = json!(format!(
                "{} Streamed into a file; answers the number of bytes written.",
                op["doc"].as_str().unwrap_or_default()
            ));
            let mut p = positional_of(&base);
            p.push(json!({"name": "path", "wire": "file", "type": "string", "check": "path"}));
            f["positional"] = json!(p);
            f["returns"] = json!("number");
            files.push(f);
        }
        if base["positional"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["check"] == "document")
        {
            let mut f = base.clone();
            f["name"] = json!(format!("{}FromFile", camel(method)));
            f["rest"] = Value::Null;
            f["kind"] = json!("import_file");
            f["doc"] = json!(format!(
                "{} The document is streamed from a file.",
                op["doc"].as_str().unwrap_or_default()
            ));
            let p: Vec<Value> = positional_of(&base)
                .into_iter()
                .map(|a| if a["check"] == "document" {
                    json!({"name": "path", "wire": "payload_file", "type": "string", "check": "path"})
                } else {
                    a
                })
                .collect();
            f["positional"] = json!(p);
            files.push(f);
        }
        out.push(base);
    }
    out.extend(files);
    for h in service["helpers"].as_array().into_iter().flatten() {
        let method = h["name"].as_str().unwrap_or_default();
        let args_model = ref_name(&h["args"]).unwrap_or_default();
        let schema = &models[args_model];
        let required = strings(&schema["required"]);
        let extra = strings(&table["positional"][method]);
        let (mut positional, mut options) = (Vec::new(), Vec::new());
        for (wire, s) in schema["properties"].as_object().into_iter().flatten() {
            let is_required = required.contains(&wire.as_str());
            let spec = scalar(wire, s, is_required);
            if is_required || extra.contains(&wire.as_str()) {
                positional.push(spec);
            } else {
                options.push(spec);
            }
        }
        out.push(json!({
            "name": camel(method), "method": method, "rest": Value::Null, "kind": "helper", "doc": h["doc"],
            "positional": positional, "options": options, "returns": returns(&h["answer"]),
        }));
    }
    out
}

/// The Node client of a service other than Enterprise Manager: its class, and the prefix
/// of its tables and options interfaces (`cloudMethods`, `QlikCloudGetTasksParams`).
fn service_client(service: &str) -> (&'static str, &'static str) {
    match service {
        "qlik_cloud" => ("QlikCloudClient", "QlikCloud"),
        "kinetic" => ("KineticClient", "Kinetic"),
        "veeam" => ("VeeamClient", "Veeam"),
        other => panic!("no Node client is named for service {other}: add it to service_client"),
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The interface of a method's options (`getTableList` -> `GetTableListParams`).
fn params_type(method: &str) -> String {
    let mut c = method.chars();
    let first = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>())
        .unwrap_or_default();
    format!("{first}{}Params", c.as_str())
}

fn positional_of(m: &Value) -> Vec<Value> {
    m["positional"].as_array().cloned().unwrap_or_default()
}

fn quote_key(k: &str) -> String {
    if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !k.starts_with(|c: char| c.is_ascii_digit())
    {
        k.to_owned()
    } else {
        format!("'{k}'")
    }
}

/// The generated part of index.d.ts: every model, each method's options, the methods
/// of each client.
fn declarations(
    description: &Value,
    methods: &[Value],
    others: &[(&str, &str, Vec<Value>)],
) -> String {
    let mut out = String::new();
    let empty = Map::new();
    let models = description["models"].as_object().unwrap_or(&empty);
    let errors = &description["errors"];
    let codes: Vec<String> = errors["codes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            format!(
                " * - `{}`: {}",
                c["code"].as_str().unwrap_or_default(),
                c["doc"].as_str().unwrap_or_default()
            )
        })
        .collect();
    let quoted = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str().or_else(|| x["code"].as_str()))
            .map(|x| format!("'{x}'"))
            .collect()
    };
    let _ = writeln!(
        out,
        "/**\n * The SDK's own error codes (an error from the server carries the server's code verbatim):\n{}\n */\nexport type SdkErrorCode = {}\n",
        codes.join("\n"),
        quoted(&errors["codes"]).join(" | ")
    );
    let _ = writeln!(
        out,
        "/** The category every error falls in (`AemClientError.kind`). */\nexport type ErrorKind = {}\n",
        quoted(&errors["kinds"]).join(" | ")
    );
    out.push_str("/** An exported task or server document, parsed. */\n");
    out.push_str("export interface ExportDocument {\n  [field: string]: unknown\n}\n\n");
    for (name, schema) in models {
        jsdoc(
            &mut out,
            "",
            schema["description"].as_str().unwrap_or_default(),
        );
        let Some(props) = schema["properties"].as_object() else {
            let _ = writeln!(out, "export type {name} = {}\n", ts(schema));
            continue;
        };
        let required = strings(&schema["required"]);
        let _ = writeln!(out, "export interface {name} {{");
        for (field, s) in props {
            jsdoc(
                &mut out,
                "  ",
                s["description"].as_str().unwrap_or_default(),
            );
            let q = if required.contains(&field.as_str()) {
                ""
            } else {
                "?"
            };
            let _ = writeln!(out, "  {}{q}: {}", quote_key(field), ts(s));
        }
        if schema["additionalProperties"] == true {
            out.push_str("  /** Fields this SDK does not know, as the server sent them. */\n");
            out.push_str("  [field: string]: unknown\n");
        }
        out.push_str("}\n\n");
    }
    method_declarations(&mut out, methods, "", "AemClient");
    for (client, prefix, methods) in others {
        method_declarations(&mut out, methods, prefix, client);
    }
    out
}

/// Each method's options interface (`{prefix}GetTaskRunsParams`) and the interface of
/// the methods of `client` (`{client}Methods`).
fn method_declarations(out: &mut String, methods: &[Value], prefix: &str, client: &str) {
    let mut class = String::new();
    for m in methods {
        let name = m["name"].as_str().unwrap_or_default();
        let opts = m["options"].as_array().cloned().unwrap_or_default();
        let mut params: Vec<String> = positional_of(m)
            .iter()
            .map(|p| {
                format!(
                    "{}: {}",
                    p["name"].as_str().unwrap_or_default(),
                    p["type"].as_str().unwrap_or_default()
                )
            })
            .collect();
        if !opts.is_empty() {
            let iface = format!("{prefix}{}", params_type(name));
            let _ = writeln!(out, "/** Optional arguments of `{client}.{name}`. */");
            let _ = writeln!(out, "export interface {iface} {{");
            for o in &opts {
                let _ = writeln!(
                    out,
                    "  {}?: {} | null",
                    o["name"].as_str().unwrap_or_default(),
                    o["type"].as_str().unwrap_or_default()
                );
            }
            out.push_str("}\n\n");
            params.push(format!("options?: {iface}"));
        }
        jsdoc(&mut class, "  ", m["doc"].as_str().unwrap_or_default());
        let _ = writeln!(
            class,
            "  {name}({}): Promise<{}>",
            params.join(", "),
            m["returns"].as_str().unwrap_or_default()
        );
    }
    let _ = writeln!(
        out,
        "/** The methods of {client}, one per operation and helper of its service in the API description. */"
    );
    let _ = writeln!(out, "export interface {client}Methods {{");
    out.push_str(&class);
    out.push_str("}\n\n");
}

/// The generated files: (path from the workspace root, content).
pub fn files(description: &Value) -> Vec<(&'static str, String)> {
    let table: Value = serde_json::from_str(include_str!("../templates/node/node.json"))
        .expect("node.json is JSON");
    let qem = methods(description, &table, &description["services"][0]);
    // The other services' clients: (class, prefix of its options interfaces, methods).
    let others: Vec<(&str, &str, Vec<Value>)> = description["services"]
        .as_array()
        .into_iter()
        .flatten()
        .skip(1)
        .map(|s| {
            let (client, prefix) = service_client(s["name"].as_str().unwrap_or_default());
            (client, prefix, methods(description, &table, s))
        })
        .collect();
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template(
        "methods.js",
        include_str!("../templates/node/methods.js.j2"),
    )
    .expect("methods.js.j2 parses");
    let render = |methods: &[Value], prefix: &str| -> Vec<Value> {
        methods
        .iter()
        .map(|m| {
            let mut params: Vec<String> = positional_of(m).iter().map(|p| p["name"].as_str().unwrap_or_default().to_owned()).collect();
            if m["options"].as_array().is_some_and(|o| !o.is_empty()) {
                params.push("options".to_owned());
            }
            json!({"name": m["name"], "doc": m["doc"].as_str().unwrap_or_default().replace("*/", "* /"), "params": params,
                "positional": m["positional"], "has_options": m["options"].as_array().is_some_and(|o| !o.is_empty()),
                "options_type": format!("{prefix}{}", params_type(m["name"].as_str().unwrap_or_default())),
                "returns": m["returns"], "spec": serde_json::to_string(m).unwrap_or_default()})
        })
        .collect()
    };
    let mut services = vec![
        json!({"client": "AemClient", "table": "methods", "define": "defineMethods", "methods": render(&qem, "")}),
    ];
    for (client, prefix, methods) in &others {
        services.push(
            json!({"client": client, "table": format!("{}Methods", lower_first(prefix)),
            "define": format!("define{prefix}Methods"), "methods": render(methods, prefix)}),
        );
    }
    let js = env
        .get_template("methods.js")
        .and_then(|t| t.render(json!({"services": services})))
        .unwrap_or_else(|e| panic!("rendering methods.js: {e:#}"));
    let header = include_str!("../../bindings-node/scripts/header.d.ts");
    let dts = format!(
        "{header}\n// ---- Generated by `cargo run -p qem-codegen` from schema/api.json: do not edit. ----\n\n{}",
        declarations(description, &qem, &others)
    );
    vec![
        ("bindings-node/methods.js", js),
        ("bindings-node/index.d.ts", dts),
    ]
}
