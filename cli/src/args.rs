//! `qem call`'s arguments: `--args JSON` and `--arg name=value`, each value typed by the
//! API description (a string where it declares one, JSON otherwise), so that a task named
//! `123` stays a name and `timeout=30` is a number.

use crate::Failure;
use serde_json::{Map, Value};

/// The arguments of `operation` (of `service`) as the generic entry takes them.
pub fn build(
    service: &str,
    operation: &str,
    pairs: &[String],
    json: Option<&str>,
) -> Result<Value, Failure> {
    let mut args = match json {
        None => Map::new(),
        Some(text) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(m)) => m,
            Ok(_) => return Err(Failure::Usage("--args must be a JSON object".into())),
            Err(e) => return Err(Failure::Usage(format!("--args is not JSON: {e}"))),
        },
    };
    let described = described_args(service, operation);
    for pair in pairs {
        let (name, _) = pair.split_once('=').unwrap_or((pair, ""));
        let is_text = described
            .iter()
            .find(|(n, _)| n == name)
            .is_some_and(|(_, text)| *text);
        let (name, value) = name_value(pair, is_text)?;
        args.insert(name, value);
    }
    Ok(Value::Object(args))
}

/// Renames given as `old=new` (`--endpoint`, `--routine`), as a map of old to new.
pub(crate) fn renames(flag: &str, pairs: &[String]) -> Result<Map<String, Value>, Failure> {
    pairs
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((old, new)) => Ok((old.to_string(), Value::String(new.to_string()))),
            None => Err(Failure::Usage(format!("--{flag} `{pair}` must be old=new"))),
        })
        .collect()
}

/// `name=value`: the value as text when `text`, else as JSON where it parses (numbers,
/// booleans, lists) and as the text itself otherwise.
pub(crate) fn name_value(pair: &str, text: bool) -> Result<(String, Value), Failure> {
    let (name, value) = pair
        .split_once('=')
        .ok_or_else(|| Failure::Usage(format!("`{pair}` must be name=value")))?;
    let value = match text {
        true => Value::String(value.to_string()),
        false => serde_json::from_str(value).unwrap_or_else(|_| Value::String(value.to_string())),
    };
    Ok((name.to_string(), value))
}

/// The arguments the description gives `operation` (an operation's or a helper's, by any
/// of its names): each name, and whether its value is text.
fn described_args(service: &str, operation: &str) -> Vec<(String, bool)> {
    let d: Value =
        serde_json::from_str(qem_core::describe::api_description_text()).unwrap_or_default();
    let services = d["services"].as_array().cloned().unwrap_or_default();
    let Some(s) = services.iter().find(|s| s["name"] == service) else {
        return Vec::new();
    };
    let named = |o: &&Value| {
        o["name"] == operation
            || o["method"] == operation
            || o["aliases"]
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x == operation))
    };
    let text = |schema: &Value| -> bool {
        schema["type"] == "string"
            || schema["$ref"] == "#/$defs/Name"
            || schema["type"]
                .as_array()
                .is_some_and(|t| t.iter().any(|x| x == "string") && !t.iter().any(|x| x == "array"))
    };
    if let Some(op) = s["operations"].as_array().into_iter().flatten().find(named) {
        return op["args"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| Some((a["name"].as_str()?.to_string(), text(&a["schema"]))))
            .collect();
    }
    let helper = s["helpers"].as_array().into_iter().flatten().find(named);
    let Some(model) = helper
        .and_then(|h| h["args"]["$ref"].as_str())
        .and_then(|r| r.strip_prefix("#/$defs/"))
    else {
        return Vec::new();
    };
    d["models"][model]["properties"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, schema)| (k.clone(), text(schema)))
        .collect()
}
