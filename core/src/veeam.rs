//! Veeam Backup Enterprise Manager: ids (a GUID or the entity's URN), the `JobCloneSpec`
//! body (written with quick-xml, elements in the schema's order), its XML answers read
//! namespace-tolerantly into the JSON every binding receives, its errors, and the typed
//! [`VeeamClient`].
//!
//! ```no_run
//! # async fn demo() -> qem_core::Result<()> {
//! use qem_core::models::VeeamJobClone;
//! use qem_core::veeam::VeeamClient;
//! use qem_core::WaitOptions;
//! let em = VeeamClient::new("https://em.example.net:9398", "CORP\\backup-admin", "secret")?;
//! let repository = &em.get_repositories().await?.refs[0];
//! let clone = VeeamJobClone::backup("Nightly SQL (copy)", "NightlySqlCopy", repository.uid.as_deref().unwrap_or_default());
//! let made = em
//!     .clone_job_and_wait("78c3919c-54d7-43fe-b047-485d3566f11f", &clone, WaitOptions::default())
//!     .await?;
//! println!("{:?} is job {:?}", made.job_name, made.job_id);
//! em.close().await
//! # }
//! ```

use crate::api::{ArgSchema, TypedMethod};
use crate::config::ServiceKind;
use crate::decode::answer_as;
use crate::error::{codes, ErrorKind};
use crate::helpers::WaitOptions;
use crate::models::{
    VeeamCloneKind, VeeamClonedJob, VeeamEntityReferences, VeeamJobClone, VeeamTask, VeeamTaskState,
};
use crate::ops::veeam as ops;
use crate::ops::Operation;
use crate::request::Args;
use crate::{Client, ClientConfig, Credentials, Error, Result};
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde_json::{json, Map, Value};
use std::time::Instant;

/// The namespace of Enterprise Manager's entities.
pub const NAMESPACE: &str = "http://www.veeam.com/ent/v1.0";

/// The longest job, folder or file name Enterprise Manager takes.
pub const MAX_NAME_CHARS: usize = 50;

/// Whether `s` is a GUID in its canonical form (`8-4-4-4-12` hex digits).
fn is_guid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The GUID of `text`, a GUID or `urn:veeam:<kind>:<guid>`; `None` when it is neither.
pub fn guid_of(text: &str, kind: &str) -> Option<String> {
    let text = text.trim();
    if is_guid(text) {
        return Some(text.to_string());
    }
    let (prefix, guid) = text.rsplit_once(':')?;
    let expected = format!("urn:veeam:{kind}");
    (prefix.eq_ignore_ascii_case(&expected) && is_guid(guid)).then(|| guid.to_string())
}

/// The GUID a path argument names, or the refusal saying what it takes.
pub(crate) fn path_guid(op: &Operation, name: &str, kind: &str, text: &str) -> Result<String> {
    guid_of(text, kind).ok_or_else(|| {
        Error::invalid_argument(format!(
            "{}: `{name}` must be a GUID or urn:veeam:{kind}:<guid>",
            op.method
        ))
    })
}

/// The elements of each clone kind, in the schema's order: (element, argument, required).
fn clone_elements(
    kind: &VeeamCloneKind,
) -> (&'static str, &'static [(&'static str, &'static str, bool)]) {
    match kind {
        VeeamCloneKind::Replica => (
            "ReplicaJobCloneInfo",
            &[
                ("JobName", "job_name", true),
                ("VmSuffix", "vm_suffix", true),
                ("Description", "description", false),
            ],
        ),
        VeeamCloneKind::BackupCopy => (
            "BackupCopyJobCloneInfo",
            &[
                ("JobName", "job_name", true),
                ("JobFileName", "job_file_name", true),
                ("RepositoryUid", "repository_uid", true),
                ("Description", "description", false),
            ],
        ),
        VeeamCloneKind::ImmediateBackupCopy => (
            "ImmediateBackupCopyJobCloneInfo",
            &[
                ("JobName", "job_name", true),
                ("Description", "description", false),
                ("RepositoryUid", "repository_uid", true),
                ("JobFileName", "job_file_name", true),
            ],
        ),
        // Backup, and (refused before) anything else.
        _ => (
            "BackupJobCloneInfo",
            &[
                ("JobName", "job_name", true),
                ("FolderName", "folder_name", true),
                ("RepositoryUid", "repository_uid", true),
                ("Description", "description", false),
            ],
        ),
    }
}

/// The `JobCloneSpec` body of a clone, from its arguments, checked before anything is
/// sent: the kind known, its elements given (and no other kind's), every text non-empty
/// and sendable in XML 1.0, names of at most [`MAX_NAME_CHARS`] characters, the
/// repository a GUID or its URN (sent as the URN).
pub(crate) fn clone_job_body(op: &Operation, args: &Args) -> Result<bytes::Bytes> {
    let bad = |what: String| Error::invalid_argument(format!("{}: {what}", op.method));
    if args.payload.is_some() {
        return Err(bad(format!(
            "`payload` is not one of its arguments (it takes job, {})",
            crate::ops::JOB_CLONE_FIELDS.join(", ")
        )));
    }
    let kind = match args.get("kind") {
        None => VeeamCloneKind::Backup,
        Some(Value::String(k)) => match VeeamCloneKind::from_wire(k) {
            VeeamCloneKind::Unknown(k) => {
                return Err(bad(format!(
                    "`kind` {k:?} is not a clone kind the schema has (Backup, Replica, BackupCopy, ImmediateBackupCopy)"
                )))
            }
            known => known,
        },
        Some(_) => return Err(bad("`kind` must be a string".into())),
    };
    let (info, elements) = clone_elements(&kind);
    for field in crate::ops::JOB_CLONE_FIELDS {
        let used = *field == "kind" || elements.iter().any(|(_, a, _)| a == field);
        if !used && args.get(field).is_some() {
            return Err(bad(format!("`{field}` is not part of a {kind} clone")));
        }
    }
    let mut texts = Vec::with_capacity(elements.len());
    for (element, arg, required) in elements {
        let text = match args.get(arg) {
            None if *required => {
                return Err(bad(format!("`{arg}` is required for a {kind} clone")))
            }
            None => continue,
            Some(Value::String(s)) => s.clone(),
            Some(_) => return Err(bad(format!("`{arg}` must be a string"))),
        };
        if text.trim().is_empty() {
            return Err(bad(format!("`{arg}` must not be empty")));
        }
        // XML 1.0 cannot carry NUL or the other control characters but tab and newlines.
        if text
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            return Err(bad(format!(
                "`{arg}` must not hold control characters (NUL among them)"
            )));
        }
        let text = match *arg {
            "repository_uid" => match guid_of(&text, "Repository") {
                Some(guid) => format!("urn:veeam:Repository:{guid}"),
                None => {
                    return Err(bad(
                        "`repository_uid` must be a GUID or urn:veeam:Repository:<guid>".into(),
                    ))
                }
            },
            "job_name" | "folder_name" | "job_file_name"
                if text.chars().count() > MAX_NAME_CHARS =>
            {
                return Err(bad(format!(
                    "`{arg}` is longer than {MAX_NAME_CHARS} characters"
                )))
            }
            _ => text,
        };
        texts.push((*element, text));
    }
    let io =
        |e: std::io::Error| Error::invalid_argument(format!("{}: writing XML: {e}", op.method));
    let mut w = quick_xml::Writer::new(Vec::with_capacity(512));
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
        .map_err(io)?;
    w.create_element("JobCloneSpec")
        .with_attribute(("xmlns:xsd", "http://www.w3.org/2001/XMLSchema"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(("xmlns", NAMESPACE))
        .write_inner_content(|w| {
            w.create_element(info).write_inner_content(|w| {
                for (element, text) in &texts {
                    w.create_element(*element)
                        .write_text_content(BytesText::new(text))?;
                }
                Ok(())
            })?;
            Ok(())
        })
        .map_err(io)?;
    Ok(w.into_inner().into())
}

/// The `JobCloneSpec` a clone sends, as the bytes [`VeeamClient::clone_job`] would send
/// (checked the same way): to see or log the body.
pub fn job_clone_spec(clone: &VeeamJobClone) -> Result<bytes::Bytes> {
    let value = serde_json::to_value(clone).expect("JSON serializes");
    let args = Args::from_json(value)?;
    clone_job_body(&ops::CLONE_JOB, &args)
}

/// One element, as read.
#[derive(Default)]
struct Node {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

/// Attributes whose `true`/`false` are booleans in the JSON.
const BOOLEANS: &[&str] = &["Success"];

/// Elements that always gather into a list, under their list's name.
const LISTED: &[(&str, &str)] = &[("Ref", "Refs")];

impl Node {
    fn into_json(self) -> Value {
        if self.attributes.is_empty() && self.children.is_empty() {
            return Value::String(self.text);
        }
        let mut out = Map::new();
        for (k, v) in self.attributes {
            let value = match (BOOLEANS.contains(&k.as_str()), v.as_str()) {
                (true, "true" | "True") => Value::Bool(true),
                (true, "false" | "False") => Value::Bool(false),
                _ => Value::String(v),
            };
            out.insert(k, value);
        }
        if self.children.is_empty() && !self.text.trim().is_empty() {
            out.insert("Value".into(), Value::String(self.text));
        }
        for child in self.children {
            let listed = LISTED.iter().find(|(item, _)| *item == child.name);
            let list_name = listed.map(|(_, list)| list.to_string());
            // `<Links><Link/>...</Links>`: a list named as its items' plural.
            let container = child.attributes.is_empty()
                && !child.children.is_empty()
                && child
                    .children
                    .iter()
                    .all(|g| format!("{}s", g.name) == child.name);
            if let Some(list) = list_name {
                push_item(&mut out, list, child.into_json());
            } else if container || (child.name == "Links" && child.children.is_empty()) {
                let name = child.name;
                let items = child.children.into_iter().map(Node::into_json).collect();
                out.insert(name, Value::Array(items));
            } else if let Some(existing) = out.get_mut(&child.name) {
                // A name repeated: a list of them.
                let value = child.into_json();
                match existing {
                    Value::Array(a) => a.push(value),
                    other => *other = Value::Array(vec![other.take(), value]),
                }
            } else {
                let name = child.name.clone();
                out.insert(name, child.into_json());
            }
        }
        Value::Object(out)
    }
}

fn push_item(out: &mut Map<String, Value>, list: String, item: Value) {
    match out.entry(list).or_insert_with(|| Value::Array(Vec::new())) {
        Value::Array(a) => a.push(item),
        other => *other = Value::Array(vec![other.take(), item]),
    }
}

/// An XML answer as JSON: the root element's attributes and children by their local
/// names (any namespace or prefix), lists for `Links` and `Refs`, `Success` as a boolean.
/// A JSON answer (a server asked for JSON elsewhere) is taken as it is.
pub fn xml_to_json(body: &[u8]) -> std::result::Result<Value, String> {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    if matches!(body.get(start), Some(b'{' | b'[')) {
        return serde_json::from_slice(body).map_err(|e| e.to_string());
    }
    if start == body.len() {
        return Ok(Value::Null);
    }
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let node_of = |e: &quick_xml::events::BytesStart| -> std::result::Result<Node, String> {
        let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
        let mut attributes = Vec::new();
        for a in e.attributes() {
            let a = a.map_err(|e| e.to_string())?;
            if a.key.as_namespace_binding().is_some() {
                continue;
            }
            let key = String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned();
            if a.key.prefix().is_some_and(|p| p.as_ref() == b"xsi") {
                continue; // xsi:nil and schema hints, not data
            }
            let value = a.unescape_value().map_err(|e| e.to_string())?.into_owned();
            attributes.push((key, value));
        }
        Ok(Node {
            name,
            attributes,
            ..Node::default()
        })
    };
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => stack.push(node_of(&e)?),
            Event::Empty(e) => {
                let node = node_of(&e)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::End(_) => {
                let node = stack.pop().ok_or("an end tag without its start")?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.unescape().map_err(|e| e.to_string())?);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&String::from_utf8_lossy(&t.into_inner()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !stack.is_empty() {
        return Err("the document ends inside an element".into());
    }
    let root = root.ok_or("no root element")?;
    let lists_refs = root.name == "EntityReferences";
    let mut v = match root.into_json() {
        Value::String(_) => Value::Object(Map::new()),
        object => object,
    };
    // An empty list is still a list.
    if lists_refs && v.get("Refs").is_none() {
        v["Refs"] = Value::Array(Vec::new());
    }
    Ok(v)
}

/// An XML answer of `op` as JSON, or `INVALID_RESPONSE`.
pub(crate) fn answer_json(op: &Operation, body: &[u8]) -> Result<Value> {
    xml_to_json(body).map_err(|e| {
        Error::invalid_response(
            format!("{} answered XML that does not parse: {e}", op.name),
            None,
        )
        .with_operation(op.name)
    })
}

/// The error of a failed answer: Veeam's `Error` (XML, with `Message` as an attribute
/// or an element, or its JSON form), the message verbatim, the code from the status.
pub(crate) fn decode_failure(status: u16, body: &[u8]) -> Option<Error> {
    if (200..300).contains(&status) {
        return None;
    }
    let v = xml_to_json(body).unwrap_or_default();
    let message = match &v["Message"] {
        Value::String(s) => s.clone(),
        _ => String::new(),
    };
    Some(crate::client::status_failure(status, None, message))
}

/// The id of a logon session (`DELETE logonSessions/{id}` ends it): the last segment of
/// the `LogonSession`'s `Href`, else its `SessionId`.
pub(crate) fn logon_session_id(body: &[u8]) -> Option<String> {
    let v = xml_to_json(body).ok()?;
    let from_href = v["Href"]
        .as_str()
        .and_then(|h| h.split('?').next())
        .and_then(|h| h.trim_end_matches('/').rsplit('/').next())
        .filter(|id| !id.is_empty())
        .map(str::to_string);
    from_href.or_else(|| v["SessionId"].as_str().map(str::to_string))
}

/// The typed methods, for the API description.
pub(crate) static TYPED_METHODS: &[TypedMethod] = &[
    TypedMethod {
        op: ops::CLONE_JOB.name,
        name: ops::CLONE_JOB.method,
        doc: "Clones a job (`job`: its GUID or urn:veeam:Job:<guid>) as `job_name` on the same backup server: a backup (`folder_name`, `repository_uid`), or `kind` Replica (`vm_suffix`), BackupCopy or ImmediateBackupCopy (`job_file_name`, `repository_uid`); answers the Task doing it. Never repeated once it may have reached the server.",
        args: &[("job", <&str as ArgSchema>::schema)],
        answer: |g| g.subschema_for::<VeeamTask>(),
        answer_type: "VeeamTask",
    },
    TypedMethod {
        op: ops::GET_TASK.name,
        name: ops::GET_TASK.method,
        doc: "A task: its State (Running, OperationFinished, Finished), its Result once finished, and its Links (Related: the job a clone made).",
        args: &[("task", <&str as ArgSchema>::schema)],
        answer: |g| g.subschema_for::<VeeamTask>(),
        answer_type: "VeeamTask",
    },
    TypedMethod {
        op: ops::DELETE_TASK.name,
        name: ops::DELETE_TASK.method,
        doc: "Stops a task and forgets it.",
        args: &[("task", <&str as ArgSchema>::schema)],
        answer: |g| g.subschema_for::<()>(),
        answer_type: "()",
    },
    TypedMethod {
        op: ops::GET_JOBS.name,
        name: ops::GET_JOBS.method,
        doc: "The jobs, as references with their UIDs (Portal Administrators only).",
        args: &[],
        answer: |g| g.subschema_for::<VeeamEntityReferences>(),
        answer_type: "VeeamEntityReferences",
    },
    TypedMethod {
        op: ops::GET_REPOSITORIES.name,
        name: ops::GET_REPOSITORIES.method,
        doc: "The backup repositories, as references with their UIDs.",
        args: &[],
        answer: |g| g.subschema_for::<VeeamEntityReferences>(),
        answer_type: "VeeamEntityReferences",
    },
];

impl Client {
    /// Clones a Veeam job and waits for the clone's task: answers the new job (its id
    /// and name from the task's `Related` link) once the task is `Finished`;
    /// `TASK_FAILED` with Veeam's message when its result is not a success;
    /// `WAIT_TIMEOUT` when `wait.timeout` passes first (the task keeps running: stop it
    /// with `delete_task`).
    pub async fn clone_job_and_wait(
        &self,
        job: &str,
        clone: &VeeamJobClone,
        wait: WaitOptions,
    ) -> Result<VeeamClonedJob> {
        let deadline = Instant::now() + wait.timeout;
        let mut args = serde_json::to_value(clone).expect("JSON serializes");
        args["job"] = job.into();
        let started = self.xml_read(&ops::CLONE_JOB, args).await?;
        let mut task: VeeamTask = answer_as(ops::CLONE_JOB.name, started)?;
        let task_id = task.task_id.clone().unwrap_or_default();
        if task_id.is_empty() {
            return Err(
                Error::invalid_response("clone_job answered a task without TaskId", None)
                    .with_operation(ops::CLONE_JOB.name),
            );
        }
        while task.state != Some(VeeamTaskState::Finished) {
            if Instant::now() + wait.poll_interval >= deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    codes::WAIT_TIMEOUT,
                    format!(
                        "job {job}: its clone (task {task_id}) did not finish within {:?}; it is {}",
                        wait.timeout,
                        task.state.as_ref().map_or("in no state", |s| s.as_str())
                    ),
                ));
            }
            tokio::time::sleep(wait.poll_interval).await;
            let polled = self
                .xml_read(&ops::GET_TASK, json!({ "task": task_id }))
                .await?;
            task = answer_as(ops::GET_TASK.name, polled)?;
        }
        let result = task.result.clone().unwrap_or_default();
        if result.success != Some(true) {
            return Err(Error::new(
                ErrorKind::Server,
                codes::TASK_FAILED,
                format!(
                    "job {job}: clone task {task_id} failed: {}",
                    result.message.as_deref().unwrap_or("no message")
                ),
            ));
        }
        let related = task.links.iter().find(|l| {
            l.rel.as_deref() == Some("Related")
                && l.kind.as_deref().is_none_or(|t| t.contains("Job"))
        });
        let job_id = related
            .and_then(|l| l.href.as_deref())
            .and_then(|h| h.split('?').next())
            .and_then(|h| h.trim_end_matches('/').rsplit('/').next())
            .and_then(|id| guid_of(id, "Job"));
        let Some(job_id) = job_id else {
            return Err(Error::invalid_response(
                format!("clone task {task_id} finished without a Related link to the new job"),
                None,
            )
            .with_operation(ops::GET_TASK.name));
        };
        let job_name = related
            .and_then(|l| l.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| clone.job_name.clone());
        Ok(VeeamClonedJob {
            job_uid: Some(format!("urn:veeam:Job:{job_id}")),
            job_id: Some(job_id),
            job_name: Some(job_name),
            task: Some(task),
            extra: Map::new(),
        })
    }
}

impl Client {
    /// One XML answer of `op` as JSON (its arguments by name).
    async fn xml_read(&self, op: &'static Operation, args: Value) -> Result<Value> {
        let args = Args::from_json(args)?;
        let body = self
            .execute_read(op, &args, |reply| self.reply_bytes(op, reply))
            .await?;
        answer_json(op, &body)
    }
}

/// A Veeam Backup Enterprise Manager client: the typed methods over the engine's
/// [`Client`] (cheap to clone; clones share the logon session and connections).
#[derive(Clone, Debug)]
pub struct VeeamClient {
    inner: Client,
}

impl VeeamClient {
    /// A client of the Enterprise Manager at `url` (`https://host:9398`) for a user
    /// holding Portal Administrator, Portal User or Restore Operator; nothing is sent
    /// until the first call, which logs on.
    pub fn new(url: &str, username: &str, password: &str) -> Result<VeeamClient> {
        let options =
            json!({"service": "veeam", "url": url, "username": username, "password": password});
        Self::with_config(ClientConfig::from_json(&options)?)
    }

    /// A client for these settings (their `service` must be Veeam).
    pub fn with_config(config: ClientConfig) -> Result<VeeamClient> {
        if config.service != ServiceKind::Veeam
            || !matches!(config.credentials, Credentials::Basic { .. })
        {
            return Err(Error::invalid_argument(
                "a Veeam client needs client option `service` \"veeam\", `username` and `password`",
            ));
        }
        Ok(VeeamClient {
            inner: Client::new(config)?,
        })
    }

    /// The engine's client underneath (the generic entry).
    pub fn client(&self) -> &Client {
        &self.inner
    }

    /// The generic entry: any operation or helper by name (see [`Client::call`]).
    pub async fn call(&self, method: &str, args: Value) -> Result<Value> {
        self.inner.call(method, args).await
    }

    /// Clones a job (see [`ops::CLONE_JOB`]): the task doing it.
    pub async fn clone_job(&self, job: &str, clone: &VeeamJobClone) -> Result<VeeamTask> {
        let mut args = serde_json::to_value(clone).expect("JSON serializes");
        args["job"] = job.into();
        answer_as(
            ops::CLONE_JOB.name,
            self.inner.call(ops::CLONE_JOB.method, args).await?,
        )
    }

    /// A task.
    pub async fn get_task(&self, task: &str) -> Result<VeeamTask> {
        answer_as(
            ops::GET_TASK.name,
            self.inner
                .call(ops::GET_TASK.method, json!({ "task": task }))
                .await?,
        )
    }

    /// Stops a task and forgets it.
    pub async fn delete_task(&self, task: &str) -> Result<()> {
        self.inner
            .call(ops::DELETE_TASK.method, json!({ "task": task }))
            .await
            .map(drop)
    }

    /// The jobs (Portal Administrators only).
    pub async fn get_jobs(&self) -> Result<VeeamEntityReferences> {
        answer_as(
            ops::GET_JOBS.name,
            self.inner.call(ops::GET_JOBS.method, Value::Null).await?,
        )
    }

    /// The backup repositories.
    pub async fn get_repositories(&self) -> Result<VeeamEntityReferences> {
        answer_as(
            ops::GET_REPOSITORIES.name,
            self.inner
                .call(ops::GET_REPOSITORIES.method, Value::Null)
                .await?,
        )
    }

    /// Clones a job and waits for its task (see [`Client::clone_job_and_wait`]).
    pub async fn clone_job_and_wait(
        &self,
        job: &str,
        clone: &VeeamJobClone,
        wait: WaitOptions,
    ) -> Result<VeeamClonedJob> {
        self.inner.clone_job_and_wait(job, clone, wait).await
    }

    /// Logs off (`DELETE logonSessions/{id}`) and refuses later calls.
    pub async fn close(&self) -> Result<()> {
        self.inner.close().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clone_spec_is_in_schema_order_and_escaped() {
        let mut clone =
            VeeamJobClone::backup("A & <B>", "F", "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44");
        clone.description = Some("d".into());
        let xml = String::from_utf8(job_clone_spec(&clone).unwrap().to_vec()).unwrap();
        assert_eq!(
            xml,
            concat!(
                r#"<?xml version="1.0" encoding="utf-8"?>"#,
                r#"<JobCloneSpec xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.veeam.com/ent/v1.0">"#,
                "<BackupJobCloneInfo><JobName>A &amp; &lt;B&gt;</JobName><FolderName>F</FolderName>",
                "<RepositoryUid>urn:veeam:Repository:c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44</RepositoryUid>",
                "<Description>d</Description></BackupJobCloneInfo></JobCloneSpec>"
            )
        );
        let copy = VeeamJobClone {
            job_name: "C".into(),
            kind: Some("ImmediateBackupCopy".into()),
            job_file_name: Some("file".into()),
            repository_uid: Some("c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44".into()),
            description: Some("d".into()),
            ..VeeamJobClone::default()
        };
        let xml = String::from_utf8(job_clone_spec(&copy).unwrap().to_vec()).unwrap();
        let order = [
            "<JobName>",
            "<Description>",
            "<RepositoryUid>",
            "<JobFileName>",
        ];
        let at: Vec<usize> = order.iter().map(|e| xml.find(e).unwrap()).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{xml}");
        assert!(xml.contains("<ImmediateBackupCopyJobCloneInfo>"));
    }

    #[test]
    fn ids_are_guids_or_their_urns() {
        let g = "78c3919c-54d7-43fe-b047-485d3566f11f";
        assert_eq!(guid_of(g, "Job").as_deref(), Some(g));
        assert_eq!(
            guid_of(&format!("urn:veeam:Job:{g}"), "Job").as_deref(),
            Some(g)
        );
        assert_eq!(guid_of(&format!("urn:veeam:Repository:{g}"), "Job"), None);
        assert_eq!(guid_of("78c3919c", "Job"), None);
        assert_eq!(guid_of(&format!("../{g}"), "Job"), None);
    }

    #[test]
    fn a_task_reads_whatever_its_namespace() {
        let xml = br#"<?xml version="1.0" encoding="utf-8"?>
<v:Task xmlns:v="http://www.veeam.com/ent/v1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" Type="Task" Href="https://em:9398/api/tasks/task-1">
  <v:Links><v:Link Rel="Delete" Href="https://em:9398/api/tasks/task-1" Type="Task"/>
    <v:Link Rel="Related" Type="Job" Href="https://em:9398/api/jobs/11111111-2222-3333-4444-555555555555?format=Entity" Name="A &amp; B"/></v:Links>
  <v:TaskId>task-1</v:TaskId><v:State>Finished</v:State><v:Operation>CloneJob</v:Operation>
  <v:Result Success="true"><v:Message>Ok</v:Message></v:Result><v:Future x="1"/>
</v:Task>"#;
        let v = xml_to_json(xml).unwrap();
        assert_eq!(v["TaskId"], "task-1");
        assert_eq!(v["Result"], json!({"Success": true, "Message": "Ok"}));
        assert_eq!(v["Links"][1]["Name"], "A & B");
        assert_eq!(v["Links"].as_array().unwrap().len(), 2);
        assert_eq!(v["Future"], json!({"x": "1"}), "unknown elements are kept");
        let task: VeeamTask = serde_json::from_value(v).unwrap();
        assert_eq!(task.state, Some(VeeamTaskState::Finished));
        let refs = xml_to_json(br#"<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"><Ref UID="urn:veeam:Job:x" Name="J" Type="JobReference"><Links><Link Rel="Alternate"/></Links></Ref></EntityReferences>"#).unwrap();
        assert_eq!(refs["Refs"][0]["UID"], "urn:veeam:Job:x");
        assert_eq!(refs["Refs"][0]["Links"][0]["Rel"], "Alternate");
        assert!(xml_to_json(b"<Task><TaskId>").is_err());
        assert_eq!(
            xml_to_json(br#"<EntityReferences xmlns="http://www.veeam.com/ent/v1.0"/>"#).unwrap(),
            json!({"Refs": []})
        );
    }

    #[test]
    fn errors_keep_the_message_in_either_format() {
        let e = decode_failure(404, br#"<Error xmlns="http://www.veeam.com/ent/v1.0" Message="Job not found." StatusCode="404"/>"#).unwrap();
        assert_eq!(
            (e.error_code(), e.message(), e.http_status()),
            ("NOT_FOUND", "Job not found.", Some(404))
        );
        let e = decode_failure(400, br#"{"FirstChanceExceptionMessage":null,"Message":"Node [root] does not exist.","StackTrace":null,"Status":null,"StatusCode":400}"#).unwrap();
        assert_eq!(
            (e.error_code(), e.message()),
            ("BAD_REQUEST", "Node [root] does not exist.")
        );
        let e = decode_failure(401, b"").unwrap();
        assert_eq!(e.error_code(), "UNAUTHORIZED");
        assert!(decode_failure(202, b"<Task/>").is_none());
    }

    #[test]
    fn logon_session_ids_come_from_the_href() {
        let body = br#"<LogonSession xmlns="http://www.veeam.com/ent/v1.0" Href="https://em:9398/api/logonSessions/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" Type="LogonSession"><SessionId>aaaa</SessionId></LogonSession>"#;
        assert_eq!(
            logon_session_id(body).as_deref(),
            Some("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee")
        );
        assert_eq!(
            logon_session_id(b"<LogonSession><SessionId>s-1</SessionId></LogonSession>").as_deref(),
            Some("s-1")
        );
    }
}
