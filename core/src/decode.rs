//! Decoding answers: the typed decode of an operation's answer, the same answer as
//! checked JSON text for bindings that pass text on, and export documents.

use crate::ops::{Answer, Operation};
use crate::{Error, Result};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A generic-entry answer as the typed method's model (the models read anything), the
/// typed clients' one way of reading what `call` answered; `operation` is the REST name.
pub(crate) fn answer_as<T: DeserializeOwned>(operation: &'static str, answer: Value) -> Result<T> {
    serde_json::from_value(answer).map_err(|e| {
        Error::invalid_response(
            format!("{operation} answered an unexpected shape: {e}"),
            None,
        )
        .with_operation(operation)
    })
}

pub(crate) fn decode<T: DeserializeOwned>(op: &Operation, body: &[u8]) -> Result<T> {
    let invalid = |what: String| Error::invalid_response(what, None).with_operation(op.name);
    match op.answer {
        Answer::Empty => serde_json::from_value(Value::Null).map_err(|e| {
            invalid(format!(
                "{} answers nothing, yet a value was asked for: {e}",
                op.name
            ))
        }),
        Answer::Xml => {
            let v = crate::veeam::answer_json(op, body)?;
            serde_json::from_value(v)
                .map_err(|e| invalid(format!("{} answered an unexpected shape: {e}", op.name)))
        }
        Answer::Json => {
            if body.iter().all(u8::is_ascii_whitespace) {
                return Err(invalid(format!(
                    "{} answered an empty body where JSON was due",
                    op.name
                )));
            }
            let bad = |e: serde_json::Error| {
                invalid(format!(
                    "{} answered something that is not the expected JSON: {e}",
                    op.name
                ))
            };
            match op.unwrap {
                None => serde_json::from_slice(body).map_err(bad),
                Some(key) => {
                    let v: Value = serde_json::from_slice(body).map_err(bad)?;
                    serde_json::from_value(unwrap_answer(v, key)).map_err(bad)
                }
            }
        }
        Answer::Document => {
            let text = String::from_utf8(body.to_vec()).map_err(|_| {
                invalid(format!("{} answered a document that is not UTF-8", op.name))
            })?;
            if text.trim().is_empty() {
                return Err(invalid(format!("{} answered an empty document", op.name)));
            }
            serde_json::from_value(Value::String(text))
                .map_err(|e| invalid(format!("{}: {e}", op.name)))
        }
    }
}

/// A JSON answer as text: checked and unwrapped as `decode` checks and unwraps it, with
/// the same errors, but without building a `Value` when the answer is well formed.
pub(crate) fn json_text(op: &Operation, body: &[u8]) -> Result<String> {
    if let (Some(key), Ok(text)) = (op.unwrap, std::str::from_utf8(body)) {
        // Only the top level is looked at; its parts are checked but stay text.
        type Top<'a> = std::collections::HashMap<String, &'a serde_json::value::RawValue>;
        if let Ok(top) = serde_json::from_str::<Top>(text) {
            let inner = top
                .get(key)
                .filter(|v| top.len() == 1 && v.get().starts_with('{'));
            return Ok(inner.map_or(text, |v| v.get()).to_string());
        }
        // Not an object: `decode` gives `call`'s answer or error.
        return decode::<Value>(op, body).map(|v| v.to_string());
    }
    decode::<serde::de::IgnoredAny>(op, body)?;
    let text = std::str::from_utf8(body).map_err(|_| {
        Error::invalid_response(format!("{} answered JSON that is not UTF-8", op.name), None)
            .with_operation(op.name)
    })?;
    Ok(text.to_string())
}

/// Rewrites the aliased enum values of a decoded answer in their one spelling (the
/// answer model's [`crate::models::Canon`]).
pub(crate) fn canon(op: &Operation, v: &mut Value) {
    if let Some((canon, _)) = crate::api::answer_canon(op.name) {
        canon(v);
    }
}

/// Whether the answer's bytes hold an alias spelling of its model's enums, quoted, or a
/// number written as a string: only then does the text entry build a `Value` to rewrite
/// it.
pub(crate) fn has_alias(op: &Operation, body: &[u8]) -> bool {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static QUOTED: OnceLock<HashMap<&'static str, Vec<memchr::memmem::Finder<'static>>>> =
        OnceLock::new();
    let table = QUOTED.get_or_init(|| {
        crate::ops::QEM_OPERATIONS
            .iter()
            .filter_map(|o| {
                let (_, aliases) = crate::api::answer_canon(o.name)?;
                let mut found = Vec::new();
                aliases(&mut found);
                found.sort_unstable();
                found.dedup();
                let finders = found
                    .iter()
                    .map(|a| {
                        memchr::memmem::Finder::new(format!("\"{a}\"").as_bytes()).into_owned()
                    })
                    .collect::<Vec<_>>();
                (!finders.is_empty()).then_some((o.name, finders))
            })
            .collect()
    });
    table
        .get(op.name)
        .is_some_and(|fs| fs.iter().any(|f| f.find(body).is_some()))
        || has_quoted_number(body)
}

/// Whether some member's value is a number written as a string (`: "30"`): only then
/// may a number field need rewriting. Over-approximates (a name `"42"` counts).
fn has_quoted_number(body: &[u8]) -> bool {
    memchr::memchr_iter(b':', body).any(|colon| {
        let mut rest = body[colon + 1..]
            .iter()
            .skip_while(|b| b.is_ascii_whitespace());
        if rest.next() != Some(&b'"') {
            return false;
        }
        let mut digits = 0;
        for &b in rest {
            match b {
                b'0'..=b'9' => digits += 1,
                b'-' | b'.' | b' ' => {}
                b'"' => return digits > 0,
                _ => return false,
            }
        }
        false
    })
}

/// `{"key": {...}}` with nothing else becomes the inner object (Qlik's sample reads task
/// details wrapped in `"task"`; servers send them flat).
fn unwrap_answer(v: Value, key: &str) -> Value {
    match v {
        Value::Object(mut m) if m.len() == 1 && m.get(key).is_some_and(Value::is_object) => {
            m.remove(key).expect("checked")
        }
        other => other,
    }
}

/// Parses an export document, skipping the `//` comment lines some exports begin with.
pub fn parse_document(text: &str) -> std::result::Result<Value, serde_json::Error> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map(|(_, r)| r).unwrap_or("");
        } else {
            return serde_json::from_str(trimmed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// `call_text` must answer what `call` answers, written as text.
    #[test]
    fn json_text_is_the_decoded_answer() {
        let wrapped = crate::ops::QEM.find("get_task_details").unwrap();
        let flat = crate::ops::QEM.find("get_server_list").unwrap();
        assert!(wrapped.unwrap.is_some() && flat.unwrap.is_none());
        let bodies: &[&[u8]] = &[
            br#"{"name": "t1", "state": "RUNNING"}"#,
            b" {\"task\" : {\"name\": \"t1\", \"n\": [1, 2.50, {}]}}\n",
            br#"{"task": {"name": "t1"}, "other": 1}"#,
            br#"{"task": "not an object"}"#,
            br#"{"ta\u0073k": {"name": "escaped key"}}"#,
            br#"[1, {"task": {}}]"#,
            br#""text""#,
            br#"{"task": {"name": "t1"}"#,
            br#"{"task": {}} trailing"#,
            b"",
            b"  \n",
            b"{\"name\": \"\xff\"}",
        ];
        for op in [wrapped, flat] {
            for body in bodies {
                let value: Result<Value> = decode(op, body);
                let text = json_text(op, body);
                match (value, text) {
                    (Ok(v), Ok(t)) => {
                        let again: Value = serde_json::from_str(&t).unwrap();
                        assert_eq!(v, again, "{} {:?}", op.name, String::from_utf8_lossy(body));
                    }
                    (Err(a), Err(b)) => assert_eq!(a.error_code(), b.error_code()),
                    (v, t) => panic!("{} {body:?}: call {v:?}, call_text {t:?}", op.name),
                }
            }
        }
        // Wrapped task details come out unwrapped, and as the server wrote them.
        let t = json_text(wrapped, br#"{"task": {"b": 2.50, "a": 1}}"#).unwrap();
        assert_eq!(t, r#"{"b": 2.50, "a": 1}"#);
    }

    /// Another spelling of a known value is rewritten in the SDK's, at the places the
    /// answer model has that enum, and nowhere else.
    #[test]
    fn aliases_are_rewritten_where_the_model_has_the_enum() {
        let details = crate::ops::QEM.find("get_server_details").unwrap();
        for (wrapper, wire, want) in [
            ("serverDetails", "LICENSE_VALID", "VALID_LICENSE"),
            (
                "server_details",
                "LICENSE_EXPIRED_NO_LICENSE",
                "EXPIRED_LICENSE",
            ),
            ("serverDetails", "VALID_LICENSE", "VALID_LICENSE"),
            ("serverDetails", "SOMETHING_NEW", "SOMETHING_NEW"),
        ] {
            let body = format!(
                r#"{{"{wrapper}": {{"name": "LICENSE_VALID", "license": {{"state": "{wire}", "days_to_expiration": "30"}}}}}}"#
            );
            let mut v: Value = decode(details, body.as_bytes()).unwrap();
            canon(details, &mut v);
            assert_eq!(v[wrapper]["license"]["state"], want, "{body}");
            // Only typed fields change: a name that looks like a state stays as the
            // server sent it; a number sent as a string becomes the number.
            assert_eq!(v[wrapper]["name"], "LICENSE_VALID");
            assert_eq!(v[wrapper]["license"]["days_to_expiration"], 30);
            // The quick check over-approximates (the name holds an alias): never misses.
            assert!(has_alias(details, body.as_bytes()));
        }
        let task = crate::ops::QEM.find("get_task_details").unwrap();
        let body =
            br#"{"task": {"name": "t", "state": "RECOVERING", "task_stop_reason": "FATAL ERROR"}}"#;
        assert!(has_alias(task, body));
        let mut v: Value = decode(task, body).unwrap();
        canon(task, &mut v);
        assert_eq!(
            (&v["state"], &v["task_stop_reason"]),
            (&json!("RECOVERY"), &json!("FATAL_ERROR"))
        );
        let list = crate::ops::QEM.find("get_task_list").unwrap();
        let mut v = json!({"taskList": [{"name": "a", "state": "RECOVERING"}, {"name": "b", "state": "RUNNING"}]});
        canon(list, &mut v);
        assert_eq!(v["taskList"][0]["state"], "RECOVERY");
        assert!(!has_alias(
            list,
            br#"{"taskList": [{"name": "RECOVERING x"}]}"#
        ));
        let plain = br#"{"serverDetails": {"license": {"state": "VALID_LICENSE"}}}"#;
        assert!(!has_alias(details, plain));
    }

    #[test]
    fn documents_may_start_with_comment_lines() {
        let v = parse_document("// exported\n// by EM\n{\"name\": \"x\"}").unwrap();
        assert_eq!(v["name"], "x");
        assert!(parse_document("// only a comment").is_err());
    }
}
