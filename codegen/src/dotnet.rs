//! The .NET SDK's generated file, `bindings-dotnet/src/AemRestClient.g.cs`: chapter 3's
//! methods of `AemRestClient` (each with its asynchronous twin, XML docs), every helper
//! typed (sync and async), and the classes of the helpers' reports, from the API
//! description and `templates/dotnet/chapter3.json` (chapter 3's signatures, its other
//! names and defaults: what the guide does differently).

use crate::schema::{camel, json_type, leaves_first, models_of, pascal, ref_name, strings};
use minijinja::Environment;
use serde_json::{json, Map, Value};

/// Text for an XML doc comment.
fn xml(text: &str) -> String {
    text.trim()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\n', " ")
}

/// One chapter 3 method: its signature parsed, its call, and its arguments' object.
fn chapter3_method(entry: &Value, ops: &[Value], flags: &[&str]) -> Value {
    let sig = entry["sig"].as_str().expect("a signature");
    let (head, params) = sig
        .trim_end_matches(')')
        .split_once('(')
        .expect("ret name(params)");
    let (ret, name) = head.split_once(' ').expect("ret name");
    let op_name = entry["op"].as_str().unwrap_or(name);
    let op = ops
        .iter()
        .find(|o| o["name"] == op_name)
        .unwrap_or_else(|| panic!("chapter3.json: no operation {op_name}"));
    let mut pairs = Vec::new();
    for p in params.split(", ").filter(|p| !p.is_empty()) {
        let decl = p.split(" = ").next().unwrap_or(p);
        let pname = decl.rsplit(' ').next().unwrap_or(decl);
        if entry["args"].is_string() {
            continue; // a hand-written function builds the arguments
        }
        let key = op["args"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["name"].as_str())
            .find(|k| camel(k) == pname || *k == pname)
            .unwrap_or_else(|| panic!("chapter3.json: {name} has no argument {pname}"));
        let value = match entry["convert"][pname].as_str() {
            Some(expr) => expr.to_owned(),
            None if flags.contains(&pname) => format!("Flag({pname})"),
            None => pname.to_owned(),
        };
        pairs.push(format!("\"{key}\", {value}"));
    }
    let args = entry["args"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| format!("A({})", pairs.join(", ")));
    let kind = match (ret, op["answer"]["kind"].as_str()) {
        ("void", _) => "do",
        ("string", Some("document")) => "text",
        _ => "get",
    };
    json!({
        "name": name, "ret": ret, "params": params, "op": op_name, "doc": xml(entry["doc"].as_str().unwrap_or_default()),
        "remarks": format!("{} ({op_name}).", xml(op["doc"].as_str().unwrap_or_default()).trim_end_matches('.')),
        "kind": kind, "read_as": entry["read_as"].as_str().unwrap_or(ret), "args": args,
        "convert": entry["convert"].is_object(),
    })
}

/// A helper argument's C# type.
fn helper_type(wire: &str, schema: &Value, enums: &Value) -> String {
    match (ref_name(schema), json_type(schema)) {
        (Some("Strings"), _) if wire == "states" => "AemTaskState[]".to_owned(),
        (Some("Strings"), _) => "string[]".to_owned(),
        (Some("Name"), _) => "string".to_owned(),
        (Some("Count"), _) | (None, "integer") => "int?".to_owned(),
        (Some(r), _) => match enums[r].as_str() {
            Some(e) => format!("{e}?"),
            None => "string".to_owned(),
        },
        (None, "boolean") => "bool?".to_owned(),
        (None, "object") if schema["additionalProperties"]["type"] == "string" => {
            "IDictionary<string, string>".to_owned()
        }
        (None, "object") => "IDictionary<string, object>".to_owned(),
        _ => "string".to_owned(),
    }
}

/// A model's C# class (chapter 3's, or the generated one of its name).
fn class_of(model: &str, table: &Value) -> String {
    table["models"][model]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| model.to_owned())
}

/// A report field's C# type.
fn field_type(schema: &Value, models: &Map<String, Value>, table: &Value) -> String {
    let nullable = schema["type"]
        .as_array()
        .is_some_and(|t| t.iter().any(|x| x == "null"));
    match (ref_name(schema), json_type(schema)) {
        // An enumeration chapter 3 does not have: its text (unknown values read too).
        (Some(r), _) if models[r]["enum"].is_array() && !table["models"][r].is_string() => {
            "string".to_owned()
        }
        (Some(r), _) => class_of(r, table),
        (None, "array") => match (ref_name(&schema["items"]), json_type(&schema["items"])) {
            (Some(r), _) => format!("List<{}>", class_of(r, table)),
            (None, "string") => "List<string>".to_owned(),
            _ => "List<object>".to_owned(),
        },
        // Any JSON value, as Json.Parse gives it.
        (None, "") => "object".to_owned(),
        (None, "integer") if nullable => "long?".to_owned(),
        (None, "integer") => "long".to_owned(),
        (None, "boolean") if nullable => "bool?".to_owned(),
        (None, "boolean") => "bool".to_owned(),
        (None, "object") => "JsonObject".to_owned(),
        _ => "string".to_owned(),
    }
}

/// The classes of the helpers' reports (and of the models of operations chapter 3 does
/// not list): every model with no chapter 3 class, and the models those name, leaves first.
fn reports(helpers: &[Value], models: &Map<String, Value>, table: &Value) -> Vec<Value> {
    let roots = helpers.iter().filter_map(|h| h["answer"]["model"].as_str());
    let has_class = |m: &str| table["models"][m].is_string();
    let mut out = Vec::new();
    for name in leaves_first(roots, models, &has_class) {
        let schema = &models[name];
        let mut fields = Vec::new();
        for (wire, s) in schema["properties"].as_object().into_iter().flatten() {
            if wire.starts_with('$') {
                continue; // the kind's name, which the class is
            }
            // C# refuses a member named as its class.
            let member = match pascal(wire) {
                p if p == name => format!("{p}Value"),
                p => p,
            };
            fields.push(
                json!({"wire": wire, "name": member, "type": field_type(s, models, table),
                "doc": xml(s["description"].as_str().unwrap_or_default())}),
            );
        }
        out.push(
            json!({"name": name, "doc": xml(schema["description"].as_str().unwrap_or_default()),
            "fields": fields}),
        );
    }
    out
}

/// One helper, typed: required arguments first, the others optional (null: the core's default).
fn helper(h: &Value, models: &Map<String, Value>, table: &Value) -> Value {
    let method = h["name"].as_str().unwrap_or_default();
    let schema = ref_name(&h["args"])
        .and_then(|r| models.get(r))
        .expect("a helper's arguments are a model");
    let required = strings(&schema["required"]);
    let (mut first, mut rest, mut pairs) = (Vec::new(), Vec::new(), Vec::new());
    for (wire, s) in schema["properties"].as_object().into_iter().flatten() {
        let ty = helper_type(wire, s, &table["models"]);
        let name = camel(wire);
        if required.contains(&wire.as_str()) {
            first.push(format!("{ty} {name}"));
        } else {
            rest.push(format!("{ty} {name} = null"));
        }
        pairs.push(format!("\"{wire}\", {name}"));
    }
    first.extend(rest);
    let answer = &h["answer"];
    let ret = match (answer["model"].as_str(), json_type(&answer["schema"])) {
        (Some(m), _) => class_of(m, table),
        (None, "array") => "List<string>".to_owned(),
        _ => "string".to_owned(),
    };
    json!({"name": pascal(method), "ret": ret, "params": first.join(", "), "op": method,
        "doc": xml(h["doc"].as_str().unwrap_or_default()), "kind": "get", "read_as": ret,
        "args": format!("A({})", pairs.join(", ")), "convert": false})
}

/// The .NET client of a service other than Enterprise Manager: its class (generated into
/// `<class>.g.cs`; its constructors are written by hand beside it) and the heading of its
/// methods.
fn service_client(service: &str) -> (&'static str, &'static str) {
    match service {
        "qlik_cloud" => (
            "QlikCloudTasksClient",
            "every Qlik Cloud Tasks operation: the ids first, then the body, then the optional arguments",
        ),
        "kinetic" => (
            "KineticTaskClient",
            "every Kinetic Task operation: the body, or its fields by name",
        ),
        "veeam" => (
            "VeeamEnterpriseManagerClient",
            "every Veeam Backup Enterprise Manager operation: the ids first, then the clone's fields by name",
        ),
        other => panic!("no .NET client is named for service {other}: add it to service_client"),
    }
}

/// What the classes are generated for: the helpers' answers, and the answers and body
/// models of `ops`.
fn answers_of<'a>(
    helpers: impl Iterator<Item = &'a Value>,
    ops: impl Iterator<Item = &'a Value>,
) -> Vec<Value> {
    let mut answering: Vec<Value> = helpers.cloned().collect();
    for op in ops {
        answering.push(json!({"answer": op["answer"]}));
        for a in op["args"].as_array().into_iter().flatten() {
            if let Some(r) = ref_name(&a["schema"]) {
                answering.push(json!({"answer": {"model": r}}));
            }
        }
    }
    answering
}

/// An operation chapter 3 does not list, by the guide's rule: the payload first, then
/// the names, then the other arguments (optional ones `= null`).
fn rule_method(op: &Value, table: &Value, payload_first: bool) -> Value {
    let (mut payload, mut first, mut rest, mut pairs) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in op["args"].as_array().into_iter().flatten() {
        let wire = a["name"].as_str().unwrap_or_default();
        let name = camel(wire);
        let schema = &a["schema"];
        let required = a["required"] == true;
        let ty = match (
            wire,
            a["content"].as_str(),
            ref_name(schema),
            json_type(schema),
        ) {
            ("payload", Some("text" | "document"), _, _) => "string".to_owned(),
            ("payload", _, Some(r), _) => class_of(r, table),
            ("payload", _, None, "array") => "List<object>".to_owned(),
            ("payload", _, None, _) => "JsonObject".to_owned(),
            (_, _, _, "boolean") => "bool?".to_owned(),
            (_, _, _, "integer") => "int?".to_owned(),
            (_, _, None, "array") if json_type(&schema["items"]) == "string" => {
                "string[]".to_owned()
            }
            // Any JSON value (a list of pairs, or a map).
            (_, _, None, "") if !schema["enum"].is_array() => "object".to_owned(),
            _ => "string".to_owned(),
        };
        let ty = if required {
            ty.trim_end_matches('?').to_owned()
        } else {
            ty
        };
        match (wire, required) {
            ("payload", true) => payload.push(format!("{ty} {name}")),
            (_, true) => first.push(format!("{ty} {name}")),
            (_, false) => rest.push(format!("{ty} {name} = null")),
        }
        pairs.push(format!("\"{wire}\", {name}"));
    }
    // Chapter 3's rule puts the body first; Qlik Cloud's clients take the ids first, as
    // in every other language.
    let payload = if payload_first {
        [payload, first, rest].concat()
    } else {
        [first, payload, rest].concat()
    };
    let answer = &op["answer"];
    let (kind, ret) = match (answer["kind"].as_str(), answer["model"].as_str()) {
        (Some("none"), _) => ("do", "void".to_owned()),
        (Some("document"), _) => ("text", "string".to_owned()),
        (Some("text"), _) => ("get", "string".to_owned()),
        (_, Some(m)) => ("get", class_of(m, table)),
        _ => ("get", "JsonObject".to_owned()),
    };
    json!({"name": op["name"], "ret": ret, "params": payload.join(", "), "op": op["name"],
        "doc": xml(op["doc"].as_str().unwrap_or_default()), "kind": kind, "read_as": ret,
        "args": format!("A({})", pairs.join(", ")), "convert": false})
}

/// Chapter 3's enumerations: members and numbers from each model's values and x-codes.
fn enumerations(table: &Value, models: &Map<String, Value>) -> Vec<Value> {
    let mut out = Vec::new();
    for e in table["enums"].as_array().into_iter().flatten() {
        let model = e["model"].as_str().unwrap_or_default();
        let schema = &models[model];
        let mut members: Vec<(String, i64)> = match e["only"].as_object() {
            Some(only) => only
                .iter()
                .map(|(m, n)| (m.clone(), n.as_i64().unwrap_or_default()))
                .collect(),
            None => schema["x-codes"]
                .as_object()
                .unwrap_or_else(|| {
                    panic!("{model} numbers no value (x-codes): chapter 3 needs them")
                })
                .iter()
                .map(|(n, m)| {
                    (
                        m.as_str().unwrap_or_default().to_owned(),
                        n.parse().unwrap_or_default(),
                    )
                })
                .collect(),
        };
        members.sort_by_key(|(_, n)| *n);
        let members: Vec<Value> = members
            .iter()
            .map(|(m, n)| {
                // The member's other spellings are read too.
                let mut names = vec![m.clone()];
                for (alias, target) in schema["x-aliases"].as_object().into_iter().flatten() {
                    if target == m.as_str() {
                        names.push(alias.clone());
                    }
                }
                json!({"name": m, "value": n.to_string(), "names": names})
            })
            .chain(
                e["same"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(m, other)| json!({"name": m, "value": other, "names": [m]})),
            )
            .collect();
        let doc = e["doc"]
            .as_str()
            .or_else(|| schema["description"].as_str())
            .map(xml)
            .unwrap_or_default();
        out.push(json!({"name": e["enum"], "doc": doc, "members": members}));
    }
    out
}

/// A property's C# type by the rule: integer long, boolean bool, enumerations and
/// classes by chapter 3's names.
fn property_type(schema: &Value, models: &Map<String, Value>, table: &Value) -> String {
    if let Some(any) = schema["anyOf"].as_array() {
        // A number or its name (a load order): the number.
        if any.iter().any(|s| s["type"] == "integer") {
            return "long".to_owned();
        }
    }
    if let Some(r) = ref_name(schema) {
        let target = &models[r];
        if target["properties"].is_object() {
            return class_of(r, table);
        }
        if target["enum"].is_array() {
            return table["models"][r].as_str().unwrap_or("string").to_owned();
        }
        return property_type(target, models, table);
    }
    match json_type(schema) {
        "array" => format!("List<{}>", property_type(&schema["items"], models, table)),
        "integer" => "long".to_owned(),
        "boolean" => "bool".to_owned(),
        "object" => "JsonObject".to_owned(),
        _ => "string".to_owned(),
    }
}

/// Chapter 3's classes over the description's models.
fn model_classes(table: &Value, models: &Map<String, Value>) -> Vec<Value> {
    let mut out = Vec::new();
    for c in table["classes"].as_array().into_iter().flatten() {
        let name = c["class"].as_str().unwrap_or_default();
        let own = models_of(c);
        let mut props: Vec<(String, Value)> = Vec::new();
        for m in &own {
            for (w, s) in models[*m]["properties"].as_object().into_iter().flatten() {
                if !props.iter().any(|(n, _)| n == w) {
                    props.push((w.clone(), s.clone()));
                }
            }
        }
        let wanted: Vec<String> = match c["fields"].as_array() {
            Some(f) => f
                .iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect(),
            None => props.iter().map(|(n, _)| n.clone()).collect(),
        };
        let mut fields = Vec::new();
        for w in &wanted {
            let schema = props
                .iter()
                .find(|(n, _)| n == w)
                .map(|(_, s)| s.clone())
                .unwrap_or_else(|| panic!("chapter3.json: {name}'s field {w} is not in its model"));
            let prop = match (c["names"][w].as_str(), w.as_str()) {
                (Some(n), _) => n.to_owned(),
                (None, "$type") => "TypeName".to_owned(),
                (None, _) => pascal(w),
            };
            let ty = c["types"][&prop]
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| property_type(&schema, models, table));
            let names = match (&c["json"][&prop], w.as_str()) {
                (Value::Array(n), _) => n.clone(),
                (_, "$type") => vec![json!("$type")],
                _ => vec![json!(prop)],
            };
            fields.push(json!({"name": prop, "type": ty, "names": names,
                "doc": xml(schema["description"].as_str().unwrap_or_default())}));
        }
        for (prop, ty) in c["add"].as_object().into_iter().flatten() {
            fields.push(json!({"name": prop, "type": ty, "names": [prop], "doc": ""}));
        }
        let ctor = match (c["type_name"].as_str(), c["ctor"].as_str()) {
            (Some(t), _) => Some(format!("TypeName = \"{t}\";")),
            (None, Some(text)) => Some(text.to_owned()),
            _ => None,
        };
        let doc = c["doc"].as_str().map(str::to_owned).or_else(|| {
            own.first()
                .and_then(|m| models[*m]["description"].as_str())
                .map(xml)
        });
        out.push(
            json!({"name": name, "base": c["base"].as_str().unwrap_or("AemModel"),
            "doc": doc, "ctor": ctor, "fields": fields}),
        );
    }
    out
}

/// The generated files: (path from the workspace root, content).
pub fn files(description: &Value) -> Vec<(&'static str, String)> {
    let table: Value = serde_json::from_str(include_str!("../templates/dotnet/chapter3.json"))
        .expect("chapter3.json is JSON");
    let service = &description["services"][0];
    let ops = service["operations"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let helpers = service["helpers"].as_array().cloned().unwrap_or_default();
    let empty = Map::new();
    let models = description["models"].as_object().unwrap_or(&empty);
    let flags = strings(&table["flags"]);
    let mut methods: Vec<Value> = table["methods"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| chapter3_method(e, &ops, &flags))
        .collect();
    // An operation added since chapter 3 gets a method by the rule.
    let rule_methods: Vec<Value> = ops
        .iter()
        .filter(|op| !matches!(op["method"].as_str(), Some("login" | "logout")))
        .filter(|op| !methods.iter().any(|m| m["op"] == op["name"]))
        .map(|op| rule_method(op, &table, true))
        .collect();
    methods.extend(rule_methods.iter().cloned());
    let typed_helpers: Vec<Value> = helpers.iter().map(|h| helper(h, models, &table)).collect();
    let answering = answers_of(
        helpers.iter(),
        ops.iter()
            .filter(|op| rule_methods.iter().any(|m| m["op"] == op["name"])),
    );
    let classes = reports(&answering, models, &table);
    // The other services' clients: every operation by the rule (the ids first), the
    // helpers typed, the models.
    let mut service_files = Vec::new();
    let mut service_classes: Vec<Value> = Vec::new();
    for service in description["services"]
        .as_array()
        .into_iter()
        .flatten()
        .skip(1)
    {
        let (class_name, title) = service_client(service["name"].as_str().unwrap_or_default());
        // A path of a run of the generator: leaking it costs nothing.
        let path: &'static str = format!("bindings-dotnet/src/{class_name}.g.cs").leak();
        let methods: Vec<Value> = service["operations"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|op| rule_method(op, &table, false))
            .collect();
        let helpers: Vec<Value> = service["helpers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|h| helper(h, models, &table))
            .collect();
        let answering = answers_of(
            service["helpers"].as_array().into_iter().flatten(),
            service["operations"].as_array().into_iter().flatten(),
        );
        let own: Vec<Value> = reports(&answering, models, &table)
            .into_iter()
            .filter(|c| {
                !classes
                    .iter()
                    .chain(&service_classes)
                    .any(|q| q["name"] == c["name"])
            })
            .collect();
        service_classes.extend(own.iter().cloned());
        service_files.push((path, class_name, title, methods, helpers, own));
    }
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template(
        "models.cs",
        include_str!("../templates/dotnet/Models.g.cs.j2"),
    )
    .expect("Models.g.cs.j2 parses");
    env.add_template(
        "client.cs",
        include_str!("../templates/dotnet/AemRestClient.g.cs.j2"),
    )
    .expect("AemRestClient.g.cs.j2 parses");
    let render = |context: Value| {
        env.get_template("client.cs")
            .and_then(|t| t.render(context))
            .unwrap_or_else(|e| panic!("rendering a client: {e:#}"))
    };
    let text = render(json!({"class_name": "AemRestClient", "chapter3": true,
        "methods_title": "chapter 3's methods (3.5 - 3.37, CloneTask), by the guide's signatures",
        "methods": methods, "helpers": typed_helpers, "classes": classes}));
    let (enums, model_classes) = (enumerations(&table, models), model_classes(&table, models));
    let model_text = env
        .get_template("models.cs")
        .and_then(|t| {
            t.render(json!({"enums": enums, "classes": model_classes,
                "codes": description["errors"]["codes"]}))
        })
        .unwrap_or_else(|e| panic!("rendering Models.g.cs: {e:#}"));
    let mut files: Vec<(&'static str, String)> = service_files
        .into_iter()
        .map(|(path, class_name, title, methods, helpers, own)| {
            let text = render(json!({"class_name": class_name, "chapter3": false,
                "methods_title": title, "methods": methods, "helpers": helpers, "classes": own}));
            (path, text)
        })
        .collect();
    let all: Vec<Value> = model_classes
        .into_iter()
        .chain(classes)
        .chain(service_classes)
        .collect();
    files.extend([
        ("bindings-dotnet/src/AemRestClient.g.cs", text),
        ("bindings-dotnet/src/Models.g.cs", model_text),
        (
            "bindings-dotnet/src/Json.g.cs",
            crate::dotnet_json::file(&all, &enums),
        ),
    ]);
    files
}
