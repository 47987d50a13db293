//! The Python binding's generated files: the typed methods of `qem.Client` and
//! `qem.AsyncClient` (`qem/_operations.py`) and their stubs (`qem/_client.pyi`,
//! `qem/_async.pyi`), from the API description and `templates/python/`.
//!
//! What a method looks like in Python is decided here, once for every entry: the
//! required arguments are positional (names first, in the description's order), the
//! others keyword-only; each argument's check and its stub type follow from its JSON
//! Schema; a wait's `timeout_ms` / `poll_ms` become seconds (`timeout`, `poll_interval`).
//! `templates/python/names.json` gives the chapter 4 class of each model.

use crate::python_models::{self, Chapter4};
use crate::schema::{doc, json_type, leaves_first, ref_name, strings};
use minijinja::Environment;
use serde_json::{json, Map, Value};

/// The chapter 4 names of the models: their classes (`templates/python/models.json`)
/// and where a method differs (`templates/python/names.json`).
struct Names(Value, Chapter4);

impl Names {
    fn load() -> Names {
        let text = include_str!("../templates/python/names.json");
        Names(
            serde_json::from_str(text).expect("names.json is JSON"),
            Chapter4::load(),
        )
    }

    fn get(&self, table: &str, key: &str) -> Option<String> {
        match table {
            "models" => self.1.class_of(key),
            // The table of kinds a class is read through (`m._SERVER_DEF`).
            "specs" => self.1.spec_for_class(key).map(|s| format!("m.{s}")),
            _ => self.0[table][key].as_str().map(str::to_owned),
        }
    }

    /// The class of `model` as method `method`'s answer or payload (`table`).
    fn class(&self, table: &str, method: &str, model: Option<&str>) -> Option<String> {
        self.get(table, method)
            .or_else(|| model.and_then(|m| self.get("models", m)))
    }
}

/// One Python argument.
struct Arg {
    /// The Python parameter.
    py: String,
    /// The key it is sent under.
    key: String,
    /// The expression checking and converting it (`fn` is the method's name).
    conv: String,
    /// Its stub type.
    ann: String,
    required: bool,
}

impl Arg {
    fn to_json(&self) -> Value {
        json!({"py": self.py, "key": self.key, "conv": self.conv, "ann": self.ann,
            "required": self.required})
    }
}

/// A Python parameter's name: the description's, in snake case (`runId` is `run_id`).
fn snake(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A scalar argument (a name, text, a flag, a number, a run option, a list of names).
fn scalar(key: &str, schema: &Value, required: bool) -> Arg {
    let name = snake(key);
    let name = name.as_str();
    let quoted = format!("fn, \"{name}\", {name}");
    let (conv, ann) = match (ref_name(schema), json_type(schema)) {
        (Some("RunTaskOptions"), _) => (
            format!("_option(fn, {name})"),
            "Union[AemRunTaskOptions, str, None]".to_owned(),
        ),
        (Some("Name"), _) => (format!("_name({quoted})"), "str".to_owned()),
        (Some("Strings"), _) => (
            // A required list refuses None here, as a required name does.
            format!("_strings({quoted}{})", if required { ", True" } else { "" }),
            "Union[str, Enum, Sequence[Union[str, Enum]]]".to_owned(),
        ),
        (Some("Count"), _) | (None, "integer") => {
            (format!("_opt_int({quoted})"), "Optional[int]".to_owned())
        }
        (None, "boolean") => (format!("_opt_bool({quoted})"), "Optional[bool]".to_owned()),
        (None, "object") => (
            format!("_opt_dict({quoted})"),
            "Optional[Dict[str, Any]]".to_owned(),
        ),
        (None, "array") => (
            format!("_strings({quoted})"),
            "Union[str, List[str], None]".to_owned(),
        ),
        // Any JSON value (the core checks its shape).
        (None, "") if !schema["enum"].is_array() => (name.to_owned(), "Any".to_owned()),
        (None, "string") if required => (format!("_name({quoted})"), "str".to_owned()),
        _ => (format!("_opt_str({quoted})"), "Optional[str]".to_owned()),
    };
    let ann = if required || ann.starts_with("Optional") || ann.ends_with("None]") {
        ann
    } else {
        format!("Optional[{ann}]")
    };
    Arg {
        py: name.to_owned(),
        key: key.to_owned(),
        conv,
        ann,
        required,
    }
}

/// An operation's body argument.
fn body(method: &str, arg: &Value, names: &Names) -> Arg {
    let name = arg["name"].as_str().unwrap_or("payload");
    let required = arg["required"].as_bool().unwrap_or(false);
    if name != "payload" {
        // RunTask's position, sent as {"cdcposition": ...} by the core.
        return scalar(name, &arg["schema"], required);
    }
    let (conv, ann) = match arg["content"].as_str() {
        // An optional body, which other arguments may build instead.
        _ if !required => match ref_name(&arg["schema"]) {
            Some(model) => (
                format!("None if payload is None else _body(fn, payload, (t.{model},))"),
                format!("Union[{model}, Dict[str, Any], str, None]"),
            ),
            None => ("payload".to_owned(), "Any".to_owned()),
        },
        Some("text") => (
            "_text(fn, payload)".to_owned(),
            "Union[str, bytes]".to_owned(),
        ),
        Some("document") => (
            "_document(fn, payload)".to_owned(),
            "Union[str, bytes, Dict[str, Any]]".to_owned(),
        ),
        _ => match names.class("payloads", method, ref_name(&arg["schema"])) {
            Some(class) => {
                let value = match names.get("named_payloads", method) {
                    Some(field) => format!("_named(payload, \"{field}\")"),
                    None => "payload".to_owned(),
                };
                (
                    format!("_body(fn, {value}, (m.{class},))"),
                    format!("Union[{class}, Dict[str, Any], str]"),
                )
            }
            // A model with a generated class (`qem.types`).
            None => match ref_name(&arg["schema"]) {
                Some(model) => (
                    format!("_body(fn, payload, (t.{model},))"),
                    format!("Union[{model}, Dict[str, Any], str]"),
                ),
                None => (
                    "_body(fn, payload, ())".to_owned(),
                    "Union[List[Dict[str, Any]], str]".to_owned(),
                ),
            },
        },
    };
    Arg {
        py: "payload".to_owned(),
        key: "payload".to_owned(),
        conv,
        ann,
        required,
    }
}

/// A method's answer: the spec the binding reads it with and its stub type.
fn answer(method: &str, answer: &Value, names: &Names) -> (String, String) {
    match answer["kind"].as_str() {
        Some("none") => ("None".to_owned(), "None".to_owned()),
        Some("document") => ("None".to_owned(), "Any".to_owned()),
        Some("text") => ("None".to_owned(), "str".to_owned()),
        _ => match names.class("answers", method, answer["model"].as_str()) {
            Some(class) => {
                let spec = names
                    .get("specs", &class)
                    .unwrap_or_else(|| format!("m.{class}"));
                (spec, class)
            }
            // A model with no chapter 4 class: its generated class (`qem.types`).
            None => match answer["model"].as_str() {
                Some(model) => (format!("t.{model}"), model.to_owned()),
                None => {
                    let ann = match json_type(&answer["schema"]) {
                        "string" => "str",
                        "array" => "List[str]",
                        _ => "Any",
                    };
                    ("None".to_owned(), ann.to_owned())
                }
            },
        },
    }
}

/// Names a class body cannot declare (a field so named is read and written all the same).
const PYTHON_KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The classes of `qem.types`: every object model an answer names (and the models its
/// fields name) that has no chapter 4 class, leaves first so that each class exists
/// before another names it.
fn generated_models(roots: &[String], models: &Map<String, Value>, names: &Names) -> Vec<Value> {
    let has_class = |m: &str| names.get("models", m).is_some();
    let order = leaves_first(roots.iter().map(String::as_str), models, &has_class);
    let mut out = Vec::new();
    for name in order {
        let schema = &models[name];
        let mut fields = Vec::new();
        for (field, s) in schema["properties"].as_object().into_iter().flatten() {
            let item = if json_type(s) == "array" {
                &s["items"]
            } else {
                s
            };
            let target = ref_name(item).filter(|r| models[*r]["properties"].is_object());
            let class = target.map(|t| names.get("models", t).unwrap_or_else(|| t.to_owned()));
            // A list that may be absent stays None, and is not sent back as [].
            let nullable = s["type"]
                .as_array()
                .is_some_and(|t| t.contains(&json!("null")));
            let (ann, default, table) = match (json_type(s), class) {
                ("array", None) if nullable => ("Optional[List[Any]]".to_owned(), "None", None),
                ("array", Some(c)) => (format!("List[{c}]"), "[]", Some("lists")),
                ("array", None) => ("List[Any]".to_owned(), "[]", None),
                (_, Some(c)) => (c, "None", Some("objects")),
                ("string", _) => ("Optional[str]".to_owned(), "None", None),
                ("integer", _) => ("Optional[int]".to_owned(), "None", None),
                ("number", _) => ("Optional[float]".to_owned(), "None", None),
                ("boolean", _) => ("Optional[bool]".to_owned(), "None", None),
                ("object", _) => ("Optional[Dict[str, Any]]".to_owned(), "None", None),
                _ => ("Any".to_owned(), "None", None),
            };
            fields.push(
                json!({"name": field, "ann": ann, "default": default, "table": table,
                "keyword": PYTHON_KEYWORDS.contains(&field.as_str()),
                "class": ann.trim_start_matches("List[").trim_end_matches(']'),
                "doc": doc(s["description"].as_str().unwrap_or_default())}),
            );
        }
        out.push(
            json!({"name": name, "doc": doc(schema["description"].as_str().unwrap_or_default()),
            "fields": fields}),
        );
    }
    out
}

/// An operation's arguments as the modern client takes them.
fn op_args(op: &Value, names: &Names) -> Vec<Arg> {
    let method = op["method"].as_str().unwrap_or_default();
    let mut args = Vec::new();
    for arg in op["args"].as_array().into_iter().flatten() {
        let name = arg["name"].as_str().unwrap_or_default();
        let required = arg["required"].as_bool().unwrap_or(false);
        args.push(match arg["in"].as_str() {
            Some("body") => body(method, arg, names),
            Some("path") => scalar(name, &json!({"$ref": "#/$defs/Name"}), true),
            _ => scalar(name, &arg["schema"], required),
        });
    }
    args
}

/// The template context of one operation.
fn operation(op: &Value, names: &Names) -> Value {
    let method = op["method"].as_str().unwrap_or_default();
    let args = op_args(op, names);
    let (spec, ret) = answer(method, &op["answer"], names);
    // Every method takes a `timeout`: the server's wait where the operation has one
    // (the client's own limits then allow for it), else this call's whole time limit.
    let call_timeout = !args.iter().any(|a| a.py == "timeout");
    let mut context = method_context(method, &op["doc"], args, spec, ret, &op["answer"]["kind"]);
    context["call_timeout"] = call_timeout.into();
    context
}

/// The template context of one helper.
fn helper(h: &Value, models: &Map<String, Value>, names: &Names) -> Value {
    let method = h["name"].as_str().unwrap_or_default();
    let schema = ref_name(&h["args"])
        .and_then(|r| models.get(r))
        .unwrap_or(&h["args"]);
    let required = strings(&schema["required"]);
    let mut args = Vec::new();
    for (name, s) in schema["properties"].as_object().into_iter().flatten() {
        let arg = match name.as_str() {
            // Seconds in Python, as every other duration there.
            "timeout_ms" => Arg {
                py: "timeout".into(),
                key: name.clone(),
                conv: "_seconds_ms(fn, \"timeout\", timeout)".into(),
                ann: "Optional[float]".into(),
                required: false,
            },
            "poll_ms" => Arg {
                py: "poll_interval".into(),
                key: name.clone(),
                conv: "_seconds_ms(fn, \"poll_interval\", poll_interval)".into(),
                ann: "Optional[float]".into(),
                required: false,
            },
            _ => scalar(name, s, required.contains(&name.as_str())),
        };
        args.push(arg);
    }
    let (spec, ret) = answer(method, &h["answer"], names);
    method_context(method, &h["doc"], args, spec, ret, &h["answer"]["kind"])
}

fn method_context(
    method: &str,
    doc_text: &Value,
    args: Vec<Arg>,
    spec: String,
    ret: String,
    kind: &Value,
) -> Value {
    let (positional, keywords): (Vec<&Arg>, Vec<&Arg>) = args.iter().partition(|a| a.required);
    json!({
        "name": method,
        "doc": doc(doc_text.as_str().unwrap_or_default()),
        "args": args.iter().map(Arg::to_json).collect::<Vec<_>>(),
        "positional": positional.iter().map(|a| a.to_json()).collect::<Vec<_>>(),
        "keywords": keywords.iter().map(|a| a.to_json()).collect::<Vec<_>>(),
        "spec": spec,
        "ret": ret,
        "document": kind == "document",
    })
}

/// The drop-in's methods (`templates/python/guide.json`): chapter 4's signatures, with
/// each argument checked as the modern method checks it, except where the guide lets it
/// be absent (then the server says what is missing), its flags and its RunTask payload.
fn guide(description: &Value, names: &Names) -> Vec<Value> {
    let table: Value = serde_json::from_str(include_str!("../templates/python/guide.json"))
        .expect("guide.json is JSON");
    let flags: Vec<&str> = table["flags"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let ops = description["services"][0]["operations"]
        .as_array()
        .expect("operations");
    let mut methods = Vec::new();
    for entry in table["methods"].as_array().into_iter().flatten() {
        let line = entry.as_str().expect("a signature");
        let (section, rest) = line.split_once(' ').expect("section signature");
        let (signature, target) = match rest.split_once(" -> ") {
            Some((s, t)) => (s, Some(t)),
            None => (rest, None),
        };
        let (name, params) = signature
            .trim_end_matches(')')
            .split_once('(')
            .expect("name(params)");
        let op_method = target.unwrap_or(name);
        let op = ops
            .iter()
            .find(|o| o["method"] == op_method)
            .unwrap_or_else(|| panic!("guide.json: no operation {op_method}"));
        let modern = op_args(op, names);
        let mut args = Vec::new();
        for param in params.split(", ").filter(|p| !p.is_empty()) {
            let (py, default) = match param.split_once('=') {
                Some((p, d)) => (p, Some(d)),
                None => (param, None),
            };
            let (conv, ann, key) = if let Some(over) = table["payloads"][name].as_array() {
                if py == "payload" {
                    let s = |i: usize| over[i].as_str().unwrap_or_default().to_owned();
                    (s(0), s(1), "payload".to_owned())
                } else {
                    guide_arg(&modern, name, py, default, &flags)
                }
            } else {
                guide_arg(&modern, name, py, default, &flags)
            };
            args.push(json!({"py": py, "key": key, "conv": conv, "ann": ann,
                "default": default}));
        }
        let (spec, ret) = answer(op_method, &op["answer"], names);
        methods.push(json!({
            "name": name,
            "op": op_method,
            "doc": format!("{} ({section})", doc(op["doc"].as_str().unwrap_or_default())),
            "args": args,
            "spec": spec,
            "ret": ret,
            "document": op["answer"]["kind"] == "document",
        }));
    }
    methods
}

/// The sorted names `keep` picks among the words of each method's arguments' `field`
/// (and, for types, each method's answer): what a generated file imports.
fn used_names(methods: &[Value], field: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = methods
        .iter()
        .flat_map(|m| {
            let mut texts = vec![m["ret"].as_str().unwrap_or_default().to_owned()];
            for a in m["args"].as_array().into_iter().flatten() {
                texts.push(a[field].as_str().unwrap_or_default().to_owned());
            }
            texts
        })
        .flat_map(|text| {
            text.split(|c: char| !c.is_alphanumeric() && c != '_')
                .filter(|w| !w.is_empty() && keep(w))
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// One guide argument: its check, stub type and key, from the modern one.
fn guide_arg(
    modern: &[Arg],
    method: &str,
    py: &str,
    default: Option<&str>,
    flags: &[&str],
) -> (String, String, String) {
    let arg = modern
        .iter()
        .find(|a| a.py == py)
        .unwrap_or_else(|| panic!("guide.json: {method} has no argument {py}"));
    let quoted = format!("fn, \"{py}\", {py}");
    let (conv, ann) = if flags.contains(&py) {
        (format!("self._flag({quoted})"), arg.ann.clone())
    } else if default.is_some() && arg.conv.starts_with("_name(") {
        // The guide lets it be left out; the core then names what is required.
        (format!("_opt_str({quoted})"), "Optional[str]".to_owned())
    } else {
        (arg.conv.clone(), arg.ann.clone())
    };
    (conv, ann, arg.key.clone())
}

/// The typed methods of one service: its operations (but login and logout) and helpers.
fn service_methods(service: &Value, models: &Map<String, Value>, names: &Names) -> Vec<Value> {
    let mut methods: Vec<Value> = service["operations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|op| !matches!(op["method"].as_str(), Some("login" | "logout")))
        .map(|op| operation(op, names))
        .collect();
    methods.extend(
        service["helpers"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|h| helper(h, models, names)),
    );
    methods
}

/// The generated files: (path from the workspace root, content).
pub fn files(description: &Value, text: &str) -> Vec<(&'static str, String)> {
    let names = Names::load();
    let empty = Map::new();
    let models = description["models"].as_object().unwrap_or(&empty);
    let methods = service_methods(&description["services"][0], models, &names);
    // The other services' clients (`qem.cloud`, `qem.kinetic`).
    let others: Vec<(&Value, Vec<Value>)> = description["services"]
        .as_array()
        .into_iter()
        .flatten()
        .skip(1)
        .map(|s| (s, service_methods(s, models, &names)))
        .collect();
    let roots: Vec<String> = methods
        .iter()
        .chain(others.iter().flat_map(|(_, m)| m))
        .filter_map(|m| m["spec"].as_str()?.strip_prefix("t.").map(str::to_owned))
        // A body's model with no chapter 4 class is read through its generated class.
        .chain(
            others
                .iter()
                .flat_map(|(s, _)| s["operations"].as_array().into_iter().flatten())
                .flat_map(|op| op["args"].as_array().into_iter().flatten())
                .filter(|a| a["in"] == "body")
                .filter_map(|a| ref_name(&a["schema"]).map(str::to_owned)),
        )
        .collect();
    let types = generated_models(&roots, models, &names);
    let type_names: Vec<String> = types
        .iter()
        .filter_map(|t| t["name"].as_str().map(str::to_owned))
        .collect();
    let is_class = |w: &str| w.starts_with("Aem") || w == "TableSelectionDefinition";
    let classes = used_names(&methods, "ann", is_class);
    let used_types = used_names(&methods, "ann", |w| type_names.iter().any(|t| t == w));

    let typing_names = {
        let fields: Vec<Value> = types.iter().map(|t| json!({"args": t["fields"]})).collect();
        used_names(&fields, "ann", |w| {
            ["Any", "Dict", "List", "Optional"].contains(&w)
        })
    };

    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template(
        "operations.py",
        include_str!("../templates/python/operations.py.j2"),
    )
    .expect("operations.py.j2 parses");
    env.add_template(
        "client.pyi",
        include_str!("../templates/python/client.pyi.j2"),
    )
    .expect("client.pyi.j2 parses");
    env.add_template("types.py", include_str!("../templates/python/types.py.j2"))
        .expect("types.py.j2 parses");
    env.add_template(
        "types.pyi",
        include_str!("../templates/python/types.pyi.j2"),
    )
    .expect("types.pyi.j2 parses");
    env.add_template("guide.py", include_str!("../templates/python/guide.py.j2"))
        .expect("guide.py.j2 parses");
    env.add_template(
        "guide.pyi",
        include_str!("../templates/python/guide.pyi.j2"),
    )
    .expect("guide.pyi.j2 parses");
    env.add_template("codes.py", include_str!("../templates/python/codes.py.j2"))
        .expect("codes.py.j2 parses");
    env.add_template(
        "models.py",
        include_str!("../templates/python/models.py.j2"),
    )
    .expect("models.py.j2 parses");
    env.add_template(
        "models.pyi",
        include_str!("../templates/python/models.pyi.j2"),
    )
    .expect("models.pyi.j2 parses");
    let chapter4 = python_models::context(models, &names.1);
    let guide_methods = guide(description, &names);
    let guide_imports = used_names(&guide_methods, "conv", |w| {
        w.starts_with('_') && !w.starts_with("_flag") && w != "_"
    });
    let guide_classes = used_names(&guide_methods, "ann", is_class);
    env.add_template(
        "service.pyi",
        include_str!("../templates/python/service.pyi.j2"),
    )
    .expect("service.pyi.j2 parses");
    env.add_template(
        "methods.pyi",
        include_str!("../templates/python/methods.pyi.j2"),
    )
    .expect("methods.pyi.j2 parses");
    // What a module of methods imports from `_convert`: the checks its arguments use,
    // and the conversion of `timeout`.
    let op_imports = |methods: &[Value]| {
        let mut names = used_names(methods, "conv", |w| w.starts_with('_') && w != "_");
        names.push("_seconds_ms".to_owned());
        names.sort();
        names.dedup();
        names
    };
    let (qem_methods, qem_imports) = (json!(methods), json!(op_imports(&methods)));
    let services: Vec<Value> = others
        .iter()
        .map(|(s, m)| {
            let (module, title, what, ctor) =
                service_module(s["name"].as_str().unwrap_or_default());
            json!({"module": module, "title": title, "what": what, "ctor": ctor, "methods": m,
                "imports": op_imports(m),
                "types": used_names(m, "ann", |w| type_names.iter().any(|t| t == w))})
        })
        .collect();
    let render = |name: &str, is_async: bool, service: Option<&Value>| {
        env.get_template(name)
            .and_then(|t| {
                t.render(json!({
                    "service": service,
                    "methods": service.map_or(&qem_methods, |s| &s["methods"]),
                    "op_imports": service.map_or(&qem_imports, |s| &s["imports"]),
                    "classes": classes,
                    "fingerprint": qem_core::describe::fingerprint(text),
                    "is_async": is_async,
                    "guide": guide_methods,
                    "types": types,
                    "type_names": type_names,
                    "used_types": used_types,
                    "typing_names": typing_names,
                    "guide_imports": guide_imports,
                    "guide_classes": guide_classes,
                    "enums": chapter4["enums"],
                    "model_classes": chapter4["classes"],
                    "deferred": chapter4["deferred"],
                    "all": chapter4["all"],
                    "codes": description["errors"]["codes"],
                    "kinds": description["errors"]["kinds"],
                }))
            })
            .unwrap_or_else(|e| panic!("rendering {name}: {e:#}"))
    };
    let mut files = vec![
        (
            "bindings-python/python/qem/_operations.py",
            render("operations.py", false, None),
        ),
        (
            "bindings-python/python/qem/_client.pyi",
            render("client.pyi", false, None),
        ),
        (
            "bindings-python/python/qem/_async.pyi",
            render("client.pyi", true, None),
        ),
        (
            "bindings-python/python/qem/types.py",
            render("types.py", false, None),
        ),
        (
            "bindings-python/python/qem/types.pyi",
            render("types.pyi", false, None),
        ),
        (
            "bindings-python/python/qem/codes.py",
            render("codes.py", false, None),
        ),
        (
            "bindings-python/python/qem/models.py",
            render("models.py", false, None),
        ),
        (
            "bindings-python/python/qem/models.pyi",
            render("models.pyi", false, None),
        ),
        (
            "bindings-python/python/aem_client/_guide_ops.py",
            render("guide.py", false, None),
        ),
        (
            "bindings-python/python/aem_client/_guide_ops.pyi",
            render("guide.pyi", false, None),
        ),
    ];
    for service in &services {
        let module = service["module"].as_str().unwrap_or_default();
        // Paths of a run of the generator: leaking them costs nothing.
        let path = |file: &str| -> &'static str {
            format!("bindings-python/python/qem/{module}/{file}").leak()
        };
        files.push((
            path("_operations.py"),
            render("operations.py", false, Some(service)),
        ));
        files.push((
            path("_client.pyi"),
            render("service.pyi", false, Some(service)),
        ));
        files.push((
            path("_async.pyi"),
            render("service.pyi", true, Some(service)),
        ));
    }
    files
}

/// The Python package of a service other than Enterprise Manager: its module, title, what
/// a client reaches, and its constructor's keyword arguments with their stub types (the
/// constructor itself is written by hand, in `qem/<module>/_client.py`).
type ServiceModule = (
    &'static str,
    &'static str,
    &'static str,
    Vec<(&'static str, &'static str)>,
);

fn service_module(service: &str) -> ServiceModule {
    let common = [
        ("verify", "Optional[bool]"),
        ("ca_file", "Optional[PathLike]"),
        ("ca_pem", "Optional[str]"),
        ("connect_timeout", "Optional[float]"),
        ("read_timeout", "Optional[float]"),
        ("max_retries", "Optional[int]"),
        ("max_concurrent_requests", "Optional[int]"),
    ];
    let (module, title, what, own): (_, _, _, &[(&str, &str)]) = match service {
        "qlik_cloud" => (
            "cloud",
            "Qlik Cloud",
            "one Qlik Cloud tenant's Tasks API",
            &[
                ("api_key", "Optional[str]"),
                ("client_id", "Optional[str]"),
                ("client_secret", "Optional[str]"),
                ("scope", "Optional[str]"),
            ],
        ),
        "kinetic" => (
            "kinetic",
            "Kinetic Task",
            "one Kinetic Task web application",
            &[("username", "Optional[str]"), ("password", "Optional[str]")],
        ),
        "veeam" => (
            "veeam",
            "Veeam Backup Enterprise Manager",
            "one Veeam Backup Enterprise Manager",
            &[
                ("username", "str"),
                ("password", "str"),
                ("api_version", "Optional[str]"),
            ],
        ),
        other => panic!("no Python module is named for service {other}: add it to service_module"),
    };
    let mut ctor: Vec<(&str, &str)> = own.to_vec();
    ctor.extend(common);
    if service == "qlik_cloud" {
        ctor.push(("max_requests_per_minute", "Optional[int]"));
    }
    (module, title, what, ctor)
}
