//! Reading the API description's JSON Schema, for every language's generator.

use serde_json::{Map, Value};
use std::fmt::Write as _;

/// The last segment of a `$ref`, or of the first `$ref` of an `anyOf` (an optional).
pub fn ref_name(schema: &Value) -> Option<&str> {
    if let Some(r) = schema["$ref"].as_str() {
        return r.rsplit('/').next();
    }
    schema["anyOf"]
        .as_array()?
        .iter()
        .find_map(|s| s["$ref"].as_str())
        .and_then(|r| r.rsplit('/').next())
}

/// The JSON type of a schema, ignoring `null` (`["string", "null"]` is `string`).
pub fn json_type(schema: &Value) -> &str {
    match &schema["type"] {
        Value::String(t) => t,
        Value::Array(ts) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or(""),
        _ => "",
    }
}

/// The strings of a JSON array (a schema's `required`, a table's list); none otherwise.
pub fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect()
}

/// Text for a Python docstring: trimmed, backslashes and triple quotes escaped.
pub fn doc(text: &str) -> String {
    text.trim().replace('\\', "\\\\").replace("\"\"\"", "'''")
}

/// The object models `roots` name and, recursively, those their fields name (in items
/// too), except the ones `has_class` covers: leaves first, so that each class exists
/// before another names it.
pub fn leaves_first<'a>(
    roots: impl IntoIterator<Item = &'a str>,
    models: &'a Map<String, Value>,
    has_class: &dyn Fn(&str) -> bool,
) -> Vec<&'a str> {
    fn visit<'a>(
        name: &str,
        models: &'a Map<String, Value>,
        has_class: &dyn Fn(&str) -> bool,
        out: &mut Vec<&'a str>,
    ) {
        if out.contains(&name) || has_class(name) {
            return;
        }
        let Some((key, schema)) = models
            .get_key_value(name)
            .filter(|(_, s)| s["properties"].is_object())
        else {
            return;
        };
        // Marked before its fields, so a model naming itself ends the walk.
        let at = out.len();
        out.push(key);
        for s in schema["properties"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(_, s)| s)
        {
            if let Some(t) = ref_name(s).or_else(|| ref_name(&s["items"])) {
                visit(t, models, has_class, out);
            }
        }
        // Its dependencies went in after it: move it behind them.
        let me = out.remove(at);
        out.push(me);
    }
    let mut out = Vec::new();
    for root in roots {
        visit(root, models, has_class, &mut out);
    }
    out
}

/// `snake_case` as `PascalCase`.
pub fn pascal(s: &str) -> String {
    s.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// `snake_case` as `camelCase`.
pub fn camel(s: &str) -> String {
    let p = pascal(s);
    let mut c = p.chars();
    c.next()
        .map(|f| f.to_lowercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The models a table entry reads: its `model`, or its `models`.
pub fn models_of(entry: &Value) -> Vec<&str> {
    match (&entry["model"], &entry["models"]) {
        (Value::String(m), _) => vec![m.as_str()],
        (_, models) => strings(models),
    }
}

/// A `/** ... */` comment on one line (JSDoc, KDoc), when there is a text.
pub fn doc_comment(out: &mut String, indent: &str, doc: &str) {
    let doc = doc.trim().replace('\n', " ").replace("*/", "* /");
    if !doc.is_empty() {
        let _ = writeln!(out, "{indent}/** {doc} */");
    }
}
