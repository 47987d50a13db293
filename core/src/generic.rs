//! The generic entry every binding uses: an operation or helper by name, its arguments
//! as a JSON object, the answer as JSON (or as text).

use crate::client::Client;
use crate::decode::{canon, decode, has_alias, json_text, parse_document};
use crate::ops::{Answer, Operation, Paging};
use crate::request::Args;
use crate::{Error, Result};
use serde_json::{Map, Value};
use std::path::Path;

/// What the generic entry got: a value it built, or a JSON answer still as its bytes
/// (decoded by `call`, checked and passed on as text by `call_text`).
enum Answered {
    Value(Value),
    Json(&'static Operation, bytes::Bytes),
}

impl Client {
    /// The generic entry every binding and the conformance runner use: an operation's
    /// REST or Python name (`RunTask`, `run_task`), the guide's named arguments as a JSON
    /// object (`payload` for the body), and the JSON answer (`null` when there is none;
    /// export documents parsed, or as the server's exact text with `"raw": true`, or
    /// streamed to the path in argument `file`).
    /// Enum values the server spelt another way come out in the SDK's one spelling
    /// (`LICENSE_VALID` as `VALID_LICENSE`, `RECOVERING` as `RECOVERY`); everything
    /// else is the server's JSON.
    /// Also serves `login`, `logout` and, by name, the [`crate::helpers`] (the wait
    /// helpers `wait_for_task_state` (`states`, `timeout_ms`, `poll_ms`),
    /// `run_task_and_wait` and `stop_task_and_wait` among them).
    pub async fn call(&self, method: &str, args: Value) -> Result<Value> {
        match self.bounded(method, self.answered(method, args)).await? {
            Answered::Value(v) => Ok(v),
            Answered::Json(op, body) => {
                let mut v = decode(op, &body)?;
                canon(op, &mut v);
                Ok(v)
            }
        }
    }

    /// The generic entry with the answer as JSON text, for bindings that hand text on
    /// (Node, the C ABI): the same answers as [`Client::call`], but a JSON answer is
    /// checked and passed on as the server sent it (unwrapped where `call` unwraps)
    /// instead of being built into a `Value` and written out again.
    pub async fn call_text(&self, method: &str, args: Value) -> Result<String> {
        match self.bounded(method, self.answered(method, args)).await? {
            Answered::Value(v) => Ok(v.to_string()),
            // The rare answer holding another spelling is rewritten; the others pass as text.
            Answered::Json(op, body) if has_alias(op, &body) => {
                let mut v: Value = decode(op, &body)?;
                canon(op, &mut v);
                Ok(v.to_string())
            }
            Answered::Json(op, body) => json_text(op, &body),
        }
    }

    async fn answered(&self, method: &str, args: Value) -> Result<Answered> {
        let mut args = Args::from_json(args)?;
        match method {
            "login" | "Login" => return self.login().await.map(|_| Answered::Value(Value::Null)),
            "logout" | "Logout" => {
                return self.logout().await.map(|_| Answered::Value(Value::Null))
            }
            _ => {}
        }
        if let Some(answer) = crate::helpers::dispatch::call(self, method, &args).await {
            return answer.map(Answered::Value);
        }
        let op = self.service().find(method).ok_or_else(|| {
            match crate::ops::SERVICES
                .iter()
                .find(|s| s.find(method).is_some())
            {
                Some(s) => self.wrong_service(method, s.name),
                None => Error::invalid_argument(format!("unknown operation `{method}`")),
            }
        })?;
        let file = match args.values.remove("file") {
            None | Some(Value::Null) => None,
            Some(Value::String(p)) if op.answer == Answer::Document => Some(p),
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `file` must be a path string, and only export methods take one"
                )))
            }
        };
        let is_doc = op.answer == Answer::Document;
        let raw = take_flag(&mut args.values, method, "raw", is_doc, "export methods")?;
        let keep_json = match args.values.remove("format") {
            None | Some(Value::Null) => false,
            Some(Value::String(f)) if op.text.is_some() && (f == "json" || f == "text") => {
                f == "json"
            }
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `format` must be \"text\" or \"json\", and only a log takes it"
                )))
            }
        };
        let paged = op.paging == Paging::Cursor;
        let all = take_flag(&mut args.values, method, "all", paged, "list methods")?;
        let max_items = match args.values.remove("max_items") {
            None | Some(Value::Null) => None,
            Some(Value::Number(n)) if all && n.as_u64().is_some() => n.as_u64(),
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `max_items` must be a non-negative whole number, with `all`"
                )))
            }
        };
        check_known_args(op, &args.values, method)?;
        if all {
            return self
                .all_pages(method, &args, max_items)
                .await
                .map(Answered::Value);
        }
        if let Some(path) = file {
            let path = Path::new(&path);
            let written = self
                .execute_read(op, &args, |reply| self.write_file(op, reply, path))
                .await?;
            return Ok(Answered::Value(
                serde_json::json!({ "file": path, "bytes": written }),
            ));
        }
        let body = self
            .execute_read(op, &args, |reply| self.reply_bytes(op, reply))
            .await?;
        match op.answer {
            Answer::Empty => Ok(Answered::Value(Value::Null)),
            Answer::Json if op.text.is_some() && !keep_json => {
                Ok(Answered::Value(Value::String(answer_text(op, &body)?)))
            }
            Answer::Json => Ok(Answered::Json(op, body)),
            Answer::Xml => crate::veeam::answer_json(op, &body).map(Answered::Value),
            Answer::Document => {
                let text: String = decode(op, &body)?;
                if raw {
                    return Ok(Answered::Value(Value::String(text)));
                }
                parse_document(&text).map(Answered::Value).map_err(|e| {
                    Error::invalid_response(
                        format!("{} answered a document that is not JSON: {e}", op.name),
                        None,
                    )
                    .with_operation(op.name)
                })
            }
        }
    }
}

/// Where a paged read stands: the first page still to read, a next page's URL, or done.
enum Cursor {
    First,
    Next(String),
    Done,
}

impl Client {
    /// Every item of a paged list (`get_tasks`, `get_task_runs`...), read page by page
    /// as the stream is consumed: `links.next.href` followed exactly as given (only on
    /// the client's own origin) until it is absent, null or seen before. The arguments
    /// are the generic entry's; an error ends the stream.
    pub fn items<'a>(
        &'a self,
        method: &str,
        args: Value,
    ) -> impl futures_util::Stream<Item = Result<Value>> + 'a {
        use futures_util::StreamExt as _;
        let start = self.paged_op(method, args);
        let seen = std::collections::HashSet::<String>::new();
        futures_util::stream::unfold(
            (start, Cursor::First, seen),
            move |(start, cursor, mut seen)| async move {
                let (op, args) = match &start {
                    Ok(found) => found,
                    Err(e) => {
                        return match cursor {
                            Cursor::Done => None,
                            _ => Some((vec![Err(e.clone())], (start, Cursor::Done, seen))),
                        }
                    }
                };
                let body = match &cursor {
                    Cursor::Done => return None,
                    Cursor::First => {
                        self.execute_read(op, args, |reply| self.reply_bytes(op, reply))
                            .await
                    }
                    Cursor::Next(url) => self.execute_page(op, url, args).await,
                };
                let mut page: Value = match body.and_then(|b| decode(op, &b)) {
                    Ok(v) => v,
                    Err(e) => return Some((vec![Err(e)], (start, Cursor::Done, seen))),
                };
                if let Some(own) = page["links"]["self"]["href"].as_str() {
                    seen.insert(own.to_string());
                }
                let next = match page["links"]["next"]["href"].as_str() {
                    Some(href) if !href.is_empty() && seen.insert(href.to_string()) => {
                        Cursor::Next(href.to_string())
                    }
                    _ => Cursor::Done,
                };
                let items = match page.get_mut("data").map(Value::take) {
                    Some(Value::Array(items)) => items.into_iter().map(Ok).collect(),
                    _ => Vec::new(),
                };
                Some((items, (start, next, seen)))
            },
        )
        .flat_map(futures_util::stream::iter)
    }

    /// The paged operation `method` names, and its checked arguments.
    fn paged_op(&self, method: &str, args: Value) -> Result<(&'static Operation, Args)> {
        let op = self
            .service()
            .find(method)
            .filter(|op| op.paging == Paging::Cursor)
            .ok_or_else(|| {
                Error::invalid_argument(format!("`{method}` is not a paged list operation"))
            })?;
        let args = Args::from_json(args)?;
        check_known_args(op, &args.values, method)?;
        Ok((op, args))
    }

    /// Every page's items as `{"data": [...]}`, at most `max` of them.
    async fn all_pages(&self, method: &str, args: &Args, max: Option<u64>) -> Result<Value> {
        use futures_util::StreamExt as _;
        let values = Value::Object(args.values.clone());
        let items = self.items(method, values);
        let items = items.take(max.map_or(usize::MAX, |m| m as usize));
        let data: Vec<Value> = items
            .collect::<Vec<_>>()
            .await
            .into_iter()
            .collect::<Result<_>>()?;
        Ok(serde_json::json!({ "data": data }))
    }
}

/// A flag argument taken out of `values`: absent, null and false are false; true only
/// where `allowed` (`who` are the methods that take it); anything else is refused.
fn take_flag(
    values: &mut Map<String, Value>,
    method: &str,
    name: &str,
    allowed: bool,
    who: &str,
) -> Result<bool> {
    match values.remove(name) {
        None | Some(Value::Null) | Some(Value::Bool(false)) => Ok(false),
        Some(Value::Bool(true)) if allowed => Ok(true),
        Some(_) => Err(Error::invalid_argument(format!(
            "{method}: `{name}` must be true or false, and only {who} take it"
        ))),
    }
}

/// The text an answer holds: its `op.text` field when it is a JSON object, else the
/// body itself (a server asked for text answers text).
fn answer_text(op: &Operation, body: &[u8]) -> Result<String> {
    let text = std::str::from_utf8(body).map_err(|_| {
        Error::invalid_response(format!("{} answered text that is not UTF-8", op.name), None)
            .with_operation(op.name)
    })?;
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut o)) => match o.remove(op.text.unwrap_or_default()) {
            Some(Value::String(s)) => Ok(s),
            Some(Value::Null) | None => Ok(String::new()),
            Some(other) => Ok(other.to_string()),
        },
        _ => Ok(text.to_string()),
    }
}

fn check_known_args(op: &Operation, values: &Map<String, Value>, method: &str) -> Result<()> {
    for name in values.keys() {
        if !op.arg_names().any(|a| a == name) {
            let expected: Vec<&str> = op.arg_names().collect();
            return Err(Error::invalid_argument(format!(
                "{method}: unknown argument `{name}` (it takes {})",
                if expected.is_empty() {
                    "none".to_string()
                } else {
                    expected.join(", ")
                }
            )));
        }
    }
    Ok(())
}
