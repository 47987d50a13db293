//! Turns an [`Operation`] and its arguments into the exact request: URL with every name
//! percent-encoded once as one segment, query in the guide's order with absent optional
//! parameters left out, and the body. All argument checks that happen before sending
//! live here.

use crate::ops::{Body, Kind, Operation, Query, Seg};
use crate::{Error, Result};
use bytes::Bytes;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{Map, Value};
use std::path::PathBuf;
use std::sync::Mutex;
use tokio::io::AsyncRead;

/// Everything but RFC 3986's unreserved characters is encoded, so `/`, `?`, `#`, `%`,
/// `+`, `&` and spaces inside a name can never change the URL's structure.
pub(crate) const STRICT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The longest URL the HTTP stack can send (`http::Uri` stops at `u16::MAX - 1`). Past
/// it a call is a local mistake, refused before sending, never a network error.
pub const MAX_URL_LEN: usize = 65_534;

/// A body to send.
pub enum Payload {
    /// A JSON value, serialized on sending.
    Json(Value),
    /// Bytes sent as they are (license text, a document).
    Bytes(Bytes),
    /// A file streamed from disk; reopened if the call must be repeated.
    File(PathBuf),
    /// A reader streamed once; a call with it is not repeated after a session renewal.
    Reader(Mutex<Option<Box<dyn AsyncRead + Send + Unpin>>>),
}

impl std::fmt::Debug for Payload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Payload::Json(_) => f.write_str("Payload::Json"),
            Payload::Bytes(b) => write!(f, "Payload::Bytes({} bytes)", b.len()),
            Payload::File(p) => write!(f, "Payload::File({})", p.display()),
            Payload::Reader(_) => f.write_str("Payload::Reader"),
        }
    }
}

/// Named arguments of one call, by the guide's parameter names.
#[derive(Debug, Default)]
pub struct Args {
    pub(crate) values: Map<String, Value>,
    pub(crate) payload: Option<Payload>,
}

impl Args {
    /// No arguments.
    pub fn new() -> Args {
        Args::default()
    }

    /// From a JSON object of named arguments (the generic entry). `payload` becomes the
    /// body; a `payload_file` path streams the body from a file.
    pub fn from_json(args: Value) -> Result<Args> {
        let mut values = match args {
            Value::Object(m) => m,
            Value::Null => Map::new(),
            other => {
                return Err(Error::invalid_argument(format!(
                    "arguments must be a JSON object, not {}",
                    json_type(&other)
                )))
            }
        };
        let payload = match (values.remove("payload"), values.remove("payload_file")) {
            (Some(Value::Null) | None, None | Some(Value::Null)) => None,
            (Some(v), _) => Some(Payload::Json(v)),
            (None, Some(Value::String(p))) => Some(Payload::File(PathBuf::from(p))),
            (None, Some(other)) => {
                return Err(Error::invalid_argument(format!(
                    "payload_file must be a path string, not {}",
                    json_type(&other)
                )))
            }
        };
        Ok(Args { values, payload })
    }

    /// Sets a named argument; `None` means absent.
    pub fn set(mut self, name: &str, value: impl Into<Value>) -> Args {
        let value = value.into();
        if !value.is_null() {
            self.values.insert(name.to_string(), value);
        }
        self
    }

    /// Sets the body.
    pub fn payload(mut self, payload: Payload) -> Args {
        self.payload = Some(payload);
        self
    }

    /// Reads an argument that is not part of the HTTP shape (helpers' options).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name).filter(|v| !v.is_null())
    }

    pub(crate) fn is_repeatable(&self) -> bool {
        !matches!(self.payload, Some(Payload::Reader(_)))
    }
}

/// Arguments (or options) as JSON text, the way every binding hands them over. Text
/// UTF-8 cannot carry, a lone surrogate (which JSON writes as an escape such as
/// `\uD800`, and which Python, JavaScript and .NET strings can hold), could never reach
/// the server as given: refused here, once for every binding and every argument,
/// naming the top-level argument that holds it. `what` names the whole text in the
/// other errors (`args_json`, `options`).
pub fn parse_args(text: &str, what: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| match lone_surrogate_in(text) {
        Some(name) => Error::invalid_argument(format!(
            "`{name}` holds a lone surrogate, which UTF-8 cannot carry"
        )),
        None => Error::invalid_argument(format!("`{what}` is not JSON: {e}")),
    })
}

/// The top-level key whose value holds a lone surrogate escape, if any: the escapes are
/// replaced by a noncharacter, the text parsed, and the key holding it found.
fn lone_surrogate_in(text: &str) -> Option<String> {
    const MARK: char = '\u{FFFF}';
    let unit = |at: usize| -> Option<u16> {
        let hex = text.get(at + 2..at + 6)?;
        (text.get(at..at + 2) == Some("\\u"))
            .then(|| u16::from_str_radix(hex, 16).ok())
            .flatten()
    };
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut i, mut last, mut found) = (0, 0, false);
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match unit(i) {
            Some(0xD800..=0xDBFF)
                if unit(i + 6).is_some_and(|lo| (0xDC00..=0xDFFF).contains(&lo)) =>
            {
                i += 12;
            }
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[last..i]);
                out.push(MARK);
                i += 6;
                last = i;
                found = true;
            }
            // Any other escape: skip the backslash and the character it escapes.
            _ => i += 2,
        }
    }
    if !found {
        return None;
    }
    out.push_str(&text[last.min(text.len())..]);
    fn holds(v: &Value) -> bool {
        match v {
            Value::String(s) => s.contains('\u{FFFF}'),
            Value::Array(a) => a.iter().any(holds),
            Value::Object(o) => o.iter().any(|(k, v)| k.contains('\u{FFFF}') || holds(v)),
            _ => false,
        }
    }
    match serde_json::from_str::<Value>(&out).ok()? {
        Value::Object(o) => o
            .iter()
            .find(|(k, v)| k.contains(MARK) || holds(v))
            .map(|(k, _)| k.replace(MARK, "\\uFFFD")),
        _ => Some("arguments".into()),
    }
}

pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The body as it will be sent.
#[derive(Debug)]
pub(crate) enum PreparedBody {
    /// `Content-Length: 0`.
    Empty,
    /// In memory, with its content type.
    Bytes(Bytes, &'static str),
    /// Streamed from a file.
    File(PathBuf),
    /// Streamed from a reader (taken on first send).
    Reader,
}

/// A request ready to send, minus session headers.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub url: String,
    pub body: PreparedBody,
    /// Seconds the server may wait before answering (`timeout` of run, stop, test).
    pub server_wait: Option<u64>,
}

fn check_name(op: &Operation, name: &str, v: Option<&Value>) -> Result<String> {
    let text = match v {
        None => {
            return Err(Error::invalid_argument(format!(
                "{}: `{name}` is required",
                op.method
            )))
        }
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(Error::invalid_argument(format!(
                "{}: `{name}` must be a string, not {}",
                op.method,
                json_type(other)
            )))
        }
    };
    if text.is_empty() {
        return Err(Error::invalid_argument(format!(
            "{}: `{name}` must not be empty",
            op.method
        )));
    }
    // URL libraries (and servers) remove `.` and `..` segments, even percent-encoded
    // ones, so such a name would reach another method: refused, never sent.
    if text == "." || text == ".." {
        return Err(Error::invalid_argument(format!(
            "{}: `{name}` cannot be `{text}` (a URL would read it as a relative path)",
            op.method
        )));
    }
    check_no_nul(op, name, &text)?;
    Ok(text)
}

fn check_no_nul(op: &Operation, name: &str, text: &str) -> Result<()> {
    if text.contains('\0') {
        return Err(Error::invalid_argument(format!(
            "{}: `{name}` must not contain a NUL character",
            op.method
        )));
    }
    Ok(())
}

/// Renders a query value, or `None` when absent.
fn query_value(
    op: &Operation,
    name: &str,
    kind: Kind,
    v: Option<&Value>,
) -> Result<Option<String>> {
    let Some(v) = v else { return Ok(None) };
    let bad = |what: &str| {
        Error::invalid_argument(format!(
            "{}: `{name}` must be {what}, not {}",
            op.method,
            json_type(v)
        ))
    };
    let text = match (kind, v) {
        (Kind::Bool, Value::Bool(b)) => b.to_string(),
        (Kind::Bool, Value::String(s)) if s.eq_ignore_ascii_case("true") => "true".into(),
        (Kind::Bool, Value::String(s)) if s.eq_ignore_ascii_case("false") => "false".into(),
        (Kind::Bool, _) => return Err(bad("a boolean")),
        (Kind::Seconds, Value::Number(n)) => match n.as_i64() {
            Some(i) if i >= 0 => i.to_string(),
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{}: `{name}` must not be negative",
                    op.method
                )))
            }
            None => return Err(bad("a whole number of seconds")),
        },
        (Kind::Seconds, _) => return Err(bad("a whole number of seconds")),
        (Kind::Count, Value::Number(n)) if n.as_u64().is_some() => n.to_string(),
        (Kind::Count, _) => return Err(bad("a non-negative whole number")),
        // An empty text is "absent": the server never sees `schema=`.
        (Kind::Text | Kind::Timestamp, Value::String(s)) if s.is_empty() => return Ok(None),
        (Kind::Text | Kind::Timestamp, Value::String(s)) => s.clone(),
        (Kind::Text | Kind::Timestamp, Value::Number(n)) => n.to_string(),
        (Kind::Text | Kind::Timestamp, _) => return Err(bad("a string")),
    };
    check_no_nul(op, name, &text)?;
    Ok(Some(text))
}

/// Builds the request for `op` under `api_root` (`https://host/attunityenterprisemanager/api/v1`).
pub(crate) fn prepare(op: &Operation, api_root: &str, args: &Args) -> Result<Prepared> {
    let mut url = String::with_capacity(api_root.len() + 64);
    url.push_str(api_root);
    // The argument that takes the most room, named should the URL be too long.
    let mut longest: (&str, usize) = ("", 0);
    let mut note = |name: &'static str, before: usize, after: usize| {
        if after - before > longest.1 {
            longest = (name, after - before);
        }
    };
    for seg in op.path {
        url.push('/');
        match seg {
            Seg::Lit(s) => url.push_str(s),
            Seg::Name(n) => {
                let name = check_name(op, n, args.get(n))?;
                let before = url.len();
                url.extend(utf8_percent_encode(&name, STRICT));
                note(n, before, url.len());
            }
            Seg::Guid(n, kind) => {
                let text = check_name(op, n, args.get(n))?;
                url.push_str(&crate::veeam::path_guid(op, n, kind, &text)?);
            }
        }
    }
    let mut sep = '?';
    let mut server_wait = op.server_wait.map(|(_, default)| default);
    for q in op.query {
        let (name, value) = match *q {
            Query::Fixed(name, value) => (name, value.to_string()),
            Query::Arg {
                name,
                kind,
                required,
            } => match query_value(op, name, kind, args.get(name))? {
                Some(v) => {
                    if op.server_wait.map(|(w, _)| w) == Some(name) {
                        server_wait = v.parse().ok();
                    }
                    (name, v)
                }
                None if required => {
                    return Err(Error::invalid_argument(format!(
                        "{}: `{name}` is required",
                        op.method
                    )))
                }
                None => continue,
            },
        };
        url.push(sep);
        sep = '&';
        url.push_str(name);
        url.push('=');
        let before = url.len();
        url.extend(utf8_percent_encode(&value, STRICT));
        note(name, before, url.len());
    }
    if url.len() > MAX_URL_LEN {
        return Err(Error::invalid_argument(format!(
            "{}: `{}` is too long: the URL would be {} bytes, more than the {MAX_URL_LEN} an HTTP request line can carry ({} of them for `{}` once percent-encoded)",
            op.method, longest.0, url.len(), longest.1, longest.0
        )));
    }
    let body = prepare_body(op, args)?;
    Ok(Prepared {
        url,
        body,
        server_wait,
    })
}

/// The three run options that need a `cdcposition` body (2.26).
pub const POSITION_OPTIONS: [&str; 3] = [
    "RESUME_PROCESSING_FROM_TIMESTAMP",
    "RESUME_PROCESSING_FROM_POSITION",
    "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET",
];

fn cdc_position(op: &Operation, args: &Args) -> Result<Option<String>> {
    let from_payload = match &args.payload {
        None => None,
        // The guide shows the body both as an object and as a JSON string holding one.
        Some(Payload::Json(Value::Object(m))) => m.get("cdcposition").cloned(),
        Some(Payload::Json(Value::String(s))) => serde_json::from_str::<Value>(s)
            .ok()
            .and_then(|v| v.get("cdcposition").cloned())
            .or_else(|| Some(Value::String(s.clone()))),
        Some(Payload::Json(Value::Null)) => None,
        Some(_) => {
            return Err(Error::invalid_argument(format!(
                "{}: `payload` must be an object with `cdcposition`",
                op.method
            )))
        }
    };
    let pos = from_payload.or_else(|| args.get("cdcposition").cloned());
    match pos {
        None | Some(Value::Null) => Ok(None),
        // Real clients send `""` (the Postman collection) or null (Qlik's newer client,
        // with `"$type": "AemRunTaskReq"`) with options that need no position.
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => {
            check_no_nul(op, "cdcposition", &s)?;
            Ok(Some(s))
        }
        Some(other) => Err(Error::invalid_argument(format!(
            "{}: `cdcposition` must be a string, not {}",
            op.method,
            json_type(&other)
        ))),
    }
}

fn prepare_body(op: &Operation, args: &Args) -> Result<PreparedBody> {
    let missing = || Error::invalid_argument(format!("{}: `payload` is required", op.method));
    Ok(match op.body {
        Body::None => PreparedBody::Empty,
        Body::CdcPosition => {
            let option = args.get("option").and_then(Value::as_str).unwrap_or("");
            match cdc_position(op, args)? {
                Some(pos) => {
                    let body = serde_json::to_vec(&serde_json::json!({ "cdcposition": pos }))
                        .expect("a string map serializes");
                    PreparedBody::Bytes(body.into(), JSON)
                }
                None if POSITION_OPTIONS.contains(&option) => {
                    return Err(Error::invalid_argument(format!(
                        "{}: option {option} needs a `cdcposition`",
                        op.method
                    )))
                }
                None => PreparedBody::Empty,
            }
        }
        Body::CloneTrees => PreparedBody::Bytes(crate::kinetic::clone_trees_body(op, args)?, JSON),
        Body::JobClone => PreparedBody::Bytes(crate::veeam::clone_job_body(op, args)?, XML),
        Body::Json | Body::Object => {
            let fits = |v: &Value| v.is_object() || (op.body == Body::Json && v.is_array());
            let wanted = if op.body == Body::Json {
                "a JSON object or array"
            } else {
                "a JSON object"
            };
            match &args.payload {
                Some(Payload::Json(v)) if fits(v) => PreparedBody::Bytes(
                    serde_json::to_vec(v).expect("JSON serializes").into(),
                    JSON,
                ),
                // A JSON text given as a string is sent as it is, once checked.
                Some(Payload::Json(Value::String(s))) => match serde_json::from_str::<Value>(s) {
                    Ok(v) if fits(&v) => PreparedBody::Bytes(Bytes::from(s.clone()), JSON),
                    _ => {
                        return Err(Error::invalid_argument(format!(
                            "{}: `payload` must be {wanted}",
                            op.method
                        )))
                    }
                },
                Some(Payload::Bytes(b)) => PreparedBody::Bytes(b.clone(), JSON),
                Some(Payload::Json(other)) => {
                    return Err(Error::invalid_argument(format!(
                        "{}: `payload` must be {wanted}, not {}",
                        op.method,
                        json_type(other)
                    )))
                }
                Some(_) | None => return Err(missing()),
            }
        }
        Body::Text | Body::Document => {
            let content_type = if op.body == Body::Text { TEXT } else { JSON };
            match &args.payload {
                Some(Payload::Json(Value::String(s))) => {
                    PreparedBody::Bytes(Bytes::from(s.clone()), content_type)
                }
                Some(Payload::Json(v)) if op.body == Body::Document && v.is_object() => {
                    PreparedBody::Bytes(
                        serde_json::to_vec(v).expect("JSON serializes").into(),
                        JSON,
                    )
                }
                Some(Payload::Json(other)) => {
                    return Err(Error::invalid_argument(format!(
                        "{}: `payload` must be a string, not {}",
                        op.method,
                        json_type(other)
                    )))
                }
                Some(Payload::Bytes(b)) => PreparedBody::Bytes(b.clone(), content_type),
                Some(Payload::File(p)) => {
                    // A missing file is found before anything is sent (no login either).
                    match std::fs::metadata(p) {
                        Ok(m) if m.is_file() => {}
                        Ok(_) => {
                            return Err(Error::invalid_argument(format!(
                                "{}: `payload_file` {} is not a file",
                                op.method,
                                p.display()
                            )))
                        }
                        Err(e) => return Err(Error::io(&format!("opening {}", p.display()), &e)),
                    }
                    PreparedBody::File(p.clone())
                }
                Some(Payload::Reader(_)) => PreparedBody::Reader,
                None => return Err(missing()),
            }
        }
    })
}

pub(crate) const JSON: &str = "application/json";
/// Veeam's bodies and answers.
pub(crate) const XML: &str = "application/xml";
const TEXT: &str = "text/plain; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::QEM;
    use serde_json::json;

    fn url(method: &str, args: Value) -> Result<String> {
        let op = QEM.find(method).unwrap();
        prepare(
            op,
            "https://h/attunityenterprisemanager/api/v1",
            &Args::from_json(args)?,
        )
        .map(|p| p.url)
    }

    #[test]
    fn names_are_encoded_once_as_one_segment() {
        let u = url(
            "get_task_details",
            json!({"server": "Local Server", "task": "a b/c?d#e%f"}),
        );
        assert_eq!(
            u.unwrap(),
            "https://h/attunityenterprisemanager/api/v1/servers/Local%20Server/tasks/a%20b%2Fc%3Fd%23e%25f"
        );
    }

    #[test]
    fn absent_optional_parameters_are_left_out() {
        let u = url(
            "get_table_statuses",
            json!({"server": "s", "task": "t", "schema": null, "table": "", "includeerror": true}),
        );
        assert_eq!(
            u.unwrap(),
            "https://h/attunityenterprisemanager/api/v1/servers/s/tasks/t/tables?action=getstatus&includeerror=true"
        );
        let u = url(
            "run_task",
            json!({"server": "s", "task": "t", "option": "RESUME_PROCESSING"}),
        );
        assert!(u
            .unwrap()
            .ends_with("/tasks/t?action=run&option=RESUME_PROCESSING"));
    }

    #[test]
    fn bad_input_is_refused_before_sending() {
        for (m, a) in [
            ("get_task_list", json!({"server": ""})),
            ("get_task_list", json!({})),
            (
                "get_task_details",
                json!({"server": "s", "task": "a\u{0}b"}),
            ),
            (
                "stop_task",
                json!({"server": "s", "task": "t", "timeout": -1}),
            ),
            (
                "run_task",
                json!({"server": "s", "task": "t", "option": "RESUME_PROCESSING_FROM_TIMESTAMP"}),
            ),
            (
                "delete_task",
                json!({"server": "s", "task": "t", "deletetasklogs": "yes"}),
            ),
            ("put_server", json!({"server": "s"})),
        ] {
            let e = url(m, a).unwrap_err();
            assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{m}: {e}");
        }
    }

    #[test]
    fn run_task_body_only_with_a_position() {
        let op = QEM.find("run_task").unwrap();
        let args = Args::from_json(
            json!({"server": "s", "task": "t", "option": "RESUME_PROCESSING_FROM_TIMESTAMP",
            "payload": {"cdcposition": "2017-03-07T11:19:03"}}),
        )
        .unwrap();
        let p = prepare(op, "x", &args).unwrap();
        match p.body {
            PreparedBody::Bytes(b, _) => {
                assert_eq!(&b[..], br#"{"cdcposition":"2017-03-07T11:19:03"}"#)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(p.server_wait, Some(30));
        let args = Args::from_json(
            json!({"server": "s", "task": "t", "option": "RELOAD_TARGET", "timeout": 5}),
        )
        .unwrap();
        let p = prepare(op, "x", &args).unwrap();
        assert!(matches!(p.body, PreparedBody::Empty));
        assert_eq!(p.server_wait, Some(5));
    }

    /// A lone surrogate anywhere in the arguments is refused naming the top-level
    /// argument; pairs, other escapes and text that merely looks like an escape pass.
    #[test]
    fn lone_surrogates_are_refused_naming_the_argument() {
        for (text, arg) in [
            (r#"{"server":"s","schema":"\ud800"}"#, "schema"),
            (r#"{"server":"s","table":"a\uDFFFb"}"#, "table"),
            (
                r#"{"payload":{"x":["ok","\ud800x"]},"server":"s"}"#,
                "payload",
            ),
            (r#"{"end_timestamp":"\udc00\ud800"}"#, "end_timestamp"),
            (r#"{"task":"\ud83d"}"#, "task"),
        ] {
            let e = parse_args(text, "args").unwrap_err();
            assert_eq!(e.error_code(), "INVALID_ARGUMENT");
            assert!(e.message().contains(&format!("`{arg}`")), "{text}: {e}");
        }
        for text in [
            r#"{"task":"\ud83d\ude00"}"#,
            r#"{"task":"\\ud800"}"#,
            r#"{"task":"\\\ud83d\ude00\n\"\u00e9"}"#,
        ] {
            assert!(parse_args(text, "args").is_ok(), "{text}");
        }
        let e = parse_args("{nope", "args_json").unwrap_err();
        assert!(e.message().contains("`args_json` is not JSON"), "{e}");
    }

    /// An empty or null position is no position: no body for options that need none,
    /// and still refused for the three that need one.
    #[test]
    fn empty_or_null_cdcposition_is_none() {
        let op = QEM.find("run_task").unwrap();
        for extra in [
            json!({"payload": {"cdcposition": ""}}),
            json!({"payload": {"cdcposition": "  "}}),
            json!({"payload": {"$type": "AemRunTaskReq", "cdcposition": null}}),
            json!({"payload": "{\"cdcposition\": \"\"}"}),
            json!({"payload": ""}),
            json!({"cdcposition": ""}),
            json!({"cdcposition": null}),
        ] {
            let mut a = json!({"server": "s", "task": "t", "option": "RELOAD_TARGET"});
            a.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            let p = prepare(op, "x", &Args::from_json(a.clone()).unwrap()).unwrap();
            assert!(matches!(p.body, PreparedBody::Empty), "{a}");
            a["option"] = json!("RESUME_PROCESSING_FROM_POSITION");
            let e = prepare(op, "x", &Args::from_json(a.clone()).unwrap()).unwrap_err();
            assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{a}");
        }
    }
}
