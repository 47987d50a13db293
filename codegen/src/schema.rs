//! Reading the API description's JSON Schema, for every language's generator.

use serde_json::Value;

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
