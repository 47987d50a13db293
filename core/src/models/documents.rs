//! Documents: what ExportTask, ExportAll and CloneTask produce and ImportTask and
//! ImportAll consume (guide 2.23, 2.24, 2.32, 2.33), and the audit trail (2.25).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

model! {
    /// The `_version` stamp of an export document: `version` and its parts as integers.
    ExportVersion {
        /// Full version, e.g. `2021.5.0.745`.
        version: String,
        /// Major part, e.g. 2021.
        version_major: i64,
        /// Minor part.
        version_minor: i64,
        /// Revision.
        version_revision: i64,
    }
}

/// The `cmd.replication_definition` of an export document: its tasks and databases
/// (endpoints), kept as JSON so that nothing is lost on import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReplicationDefinition {
    /// Task definitions, each `{"task": {"name", "source_name", "target_names"}, "source", "targets", "task_settings", ...}`.
    #[serde(
        default,
        deserialize_with = "super::lenient::vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tasks: Vec<Value>,
    /// Endpoint definitions, each `{"name", "role", "type_id", "db_settings", ...}`.
    #[serde(
        default,
        deserialize_with = "super::lenient::vec",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub databases: Vec<Value>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ReplicationDefinition {
    /// Names of the tasks (`tasks[].task.name`).
    pub fn task_names(&self) -> Vec<&str> {
        self.tasks
            .iter()
            .filter_map(|t| t.pointer("/task/name").and_then(Value::as_str))
            .collect()
    }

    /// Names of the databases (`databases[].name`).
    pub fn database_names(&self) -> Vec<&str> {
        self.databases
            .iter()
            .filter_map(|d| d.get("name").and_then(Value::as_str))
            .collect()
    }

    /// The task definition named `name`.
    pub fn task_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.tasks
            .iter_mut()
            .find(|t| t.pointer("/task/name").and_then(Value::as_str) == Some(name))
    }

    /// The database (endpoint) definition named `name`.
    pub fn database_mut(&mut self, name: &str) -> Option<&mut Value> {
        self.databases
            .iter_mut()
            .find(|d| d.get("name").and_then(Value::as_str) == Some(name))
    }
}

/// An export document (2.23, 2.32): `{"name", "cmd.replication_definition": {"tasks",
/// "databases"}, "_version", "description"}`; unknown parts are kept in `extra`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExportDocument {
    /// Name of the export, e.g. `Task__2021-08-27--16-12-22-887071`.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// The tasks and databases.
    #[serde(
        rename = "cmd.replication_definition",
        default,
        deserialize_with = "super::lenient::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub replication_definition: Option<ReplicationDefinition>,
    /// Version of the exporting server.
    #[serde(
        rename = "_version",
        default,
        deserialize_with = "super::lenient::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub version: Option<ExportVersion>,
    /// Often a `Host name: ..., Time: ...` stamp.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
    /// Everything else, kept as it came.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl ExportDocument {
    /// Reads a document, skipping `//` comment lines that some exports begin with.
    pub fn parse(text: &str) -> serde_json::Result<Self> {
        let body: String = text
            .trim_start_matches('\u{feff}')
            .lines()
            .skip_while(|l| {
                let t = l.trim_start();
                t.is_empty() || t.starts_with("//")
            })
            .collect::<Vec<_>>()
            .join("\n");
        serde_json::from_str(&body)
    }

    /// Names of the tasks in the document.
    pub fn task_names(&self) -> Vec<&str> {
        self.replication_definition
            .as_ref()
            .map(ReplicationDefinition::task_names)
            .unwrap_or_default()
    }

    /// Names of the databases (endpoints) in the document.
    pub fn database_names(&self) -> Vec<&str> {
        self.replication_definition
            .as_ref()
            .map(ReplicationDefinition::database_names)
            .unwrap_or_default()
    }

    /// Renames task `from` to `to` (its `task.name`); false when there is no such task.
    pub fn rename_task(&mut self, from: &str, to: &str) -> bool {
        let Some(task) = self
            .replication_definition
            .as_mut()
            .and_then(|r| r.task_mut(from))
        else {
            return false;
        };
        match task.pointer_mut("/task/name") {
            Some(name) => {
                *name = Value::String(to.to_string());
                true
            }
            None => false,
        }
    }
}

/// ExportAuditTrail's answer (2.25): a JSON document whose shape the guide does not
/// give, kept as it came.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct AuditTrail(pub Value);

impl AuditTrail {
    /// The records: the items of the document if it is an array, else the items of
    /// its array-valued fields, else nothing.
    pub fn records(&self) -> Vec<&Value> {
        match &self.0 {
            Value::Array(a) => a.iter().collect(),
            Value::Object(o) => o.values().filter_map(Value::as_array).flatten().collect(),
            _ => Vec::new(),
        }
    }
}
