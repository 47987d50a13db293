//! The generic entry every binding uses: an operation or helper by name, its arguments
//! as a JSON object, the answer as JSON (or as text).

use crate::client::Client;
use crate::decode::{canon, decode, has_alias, json_text, parse_document};
use crate::ops::{Answer, Operation};
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
            let other = [&crate::ops::QEM, &crate::ops::cloud::QLIK_CLOUD]
                .into_iter()
                .find(|s| s.find(method).is_some());
            match other {
                Some(s) => Error::invalid_argument(format!(
                    "`{method}` is an operation of the {} service; this client is for {}",
                    s.name,
                    self.service().name
                )),
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
        let raw = match args.values.remove("raw") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) if op.answer == Answer::Document => true,
            Some(_) => {
                return Err(Error::invalid_argument(format!(
                    "{method}: `raw` must be true or false, and only export methods take it"
                )))
            }
        };
        check_known_args(op, &args.values, method)?;
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
            Answer::Json => Ok(Answered::Json(op, body)),
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

fn check_known_args(op: &Operation, values: &Map<String, Value>, method: &str) -> Result<()> {
    for name in values.keys() {
        let known =
            op.arg_names().any(|a| a == name) || (op.name == "RunTask" && name == "cdcposition");
        if !known {
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
