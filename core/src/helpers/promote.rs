//! Promoting a task between servers or environments: export, rename the task and its
//! endpoints, override endpoint settings, import.

use crate::{Client, Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// What to change in a task on its way to another server or environment (see
/// [`Client::promote_task`]). Endpoints are named as in the source export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct PromoteChanges {
    /// The task's name there (the same name when absent).
    pub new_name: Option<String>,
    /// Endpoint renames: old name -> new name.
    pub endpoint_names: BTreeMap<String, String>,
    /// Endpoint settings to override: endpoint -> `db_settings` keys to set (`null`
    /// removes a key), e.g. `{"DeltaLake-Dest": {"database": "prod_db"}}`.
    pub endpoint_settings: BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
}

/// What [`Client::promote_task`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PromoteReport {
    /// Where the task came from.
    pub from_server: String,
    /// Its name there.
    pub task: String,
    /// Where it went.
    pub to_server: String,
    /// Its name there.
    pub new_name: String,
    /// The endpoints the imported document carried (after renames).
    pub endpoints: Vec<String>,
}

/// Where a task export names its endpoints, besides each database's `name`.
const ENDPOINT_PATHS: &[&str] = &[
    "/task/source_name",
    "/source/rep_source/source_name",
    "/source/rep_source/database_name",
    "/source/source_tables/name",
];

/// Applies `changes` to a task export (the shape of `cmd.replication_definition`: one
/// task, its endpoints under `databases`); answers the endpoints' names after renames.
/// Names change only where exports hold endpoint names (see `ENDPOINT_PATHS`, the
/// task's `target_names`, each target's `rep_target`, each database's `name`), never in
/// table lists.
pub fn promote_document(
    doc: &mut serde_json::Value,
    task: &str,
    changes: &PromoteChanges,
) -> Result<Vec<String>> {
    let invalid = |what: String| Error::invalid_argument(format!("promote_task: {what}"));
    let rd = doc
        .get_mut("cmd.replication_definition")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| invalid("the export has no `cmd.replication_definition`".into()))?;
    // The endpoints carried in full (with settings), by their names in the export.
    let mut carried: Vec<String> = Vec::new();
    if let Some(Value::Array(dbs)) = rd.get_mut("databases") {
        for db in dbs.iter_mut().filter_map(Value::as_object_mut) {
            let Some(old) = db.get("name").and_then(Value::as_str).map(str::to_string) else {
                continue;
            };
            if let Some(set) = changes.endpoint_settings.get(&old) {
                let settings = db
                    .entry("db_settings")
                    .or_insert_with(|| Value::Object(Default::default()));
                let Value::Object(settings) = settings else {
                    return Err(invalid(format!(
                        "endpoint {old}'s db_settings is not an object"
                    )));
                };
                for (k, v) in set {
                    if v.is_null() {
                        settings.remove(k);
                    } else {
                        settings.insert(k.clone(), v.clone());
                    }
                }
            }
            if let Some(new) = changes.endpoint_names.get(&old) {
                db.insert("name".into(), Value::String(new.clone()));
            }
            carried.push(old);
        }
    }
    let entry = match rd.get_mut("tasks").and_then(Value::as_array_mut) {
        Some(tasks) if tasks.len() == 1 => &mut tasks[0],
        _ => return Err(invalid("the export does not hold exactly one task".into())),
    };
    // Every place the task names an endpoint, renamed; the names seen are kept.
    let mut referenced: Vec<String> = Vec::new();
    let mut places: Vec<String> = ENDPOINT_PATHS.iter().map(|p| p.to_string()).collect();
    let count = |p: &str, e: &Value| e.pointer(p).and_then(Value::as_array).map_or(0, Vec::len);
    places
        .extend((0..count("/task/target_names", entry)).map(|i| format!("/task/target_names/{i}")));
    for i in 0..count("/targets", entry) {
        places.push(format!("/targets/{i}/rep_target/target_name"));
        places.push(format!("/targets/{i}/rep_target/database_name"));
    }
    for place in &places {
        if let Some(v) = entry.pointer_mut(place) {
            if let Some(name) = v.as_str() {
                referenced.push(name.to_string());
                if let Some(new) = changes.endpoint_names.get(name) {
                    *v = Value::String(new.clone());
                }
            }
        }
    }
    for name in changes.endpoint_names.keys() {
        if !carried.contains(name) && !referenced.contains(name) {
            return Err(invalid(format!(
                "endpoint {name} is not in the export of {task}"
            )));
        }
    }
    for name in changes.endpoint_settings.keys() {
        if !carried.contains(name) {
            return Err(invalid(format!(
                "the export of {task} does not carry endpoint {name}'s settings (export it with its endpoints)"
            )));
        }
    }
    if let Some(new) = &changes.new_name {
        match entry.pointer_mut("/task/name") {
            Some(v) => *v = Value::String(new.clone()),
            None => return Err(invalid(format!("the export of {task} has no task name"))),
        }
        // The document's own name is `<task>__<time stamp>`.
        if let Some(Value::String(n)) = doc.get_mut("name") {
            if let Some(rest) = n.strip_prefix(task) {
                *n = format!("{new}{rest}");
            }
        }
    }
    Ok(carried
        .iter()
        .map(|n| changes.endpoint_names.get(n).unwrap_or(n).clone())
        .collect())
}

impl Client {
    /// Promotes a task to another server, of this Enterprise Manager or of `target`'s:
    /// exports it (with its endpoints unless `with_endpoints` is false), applies
    /// `changes` (rename, endpoint renames, endpoint settings; see [`promote_document`])
    /// and imports it there. Nothing is imported when a change does not apply.
    pub async fn promote_task(
        &self,
        server: &str,
        task: &str,
        target: &Client,
        to_server: &str,
        changes: &PromoteChanges,
        with_endpoints: bool,
    ) -> Result<PromoteReport> {
        let text = self.export_task(server, task, Some(with_endpoints)).await?;
        let mut doc = crate::parse_document(&text).map_err(|e| {
            Error::invalid_response(format!("the export of {task} is not JSON: {e}"), None)
        })?;
        let endpoints = promote_document(&mut doc, task, changes)?;
        let new_name = changes.new_name.clone().unwrap_or_else(|| task.to_string());
        target
            .import_task(to_server, &new_name, &doc.to_string())
            .await?;
        Ok(PromoteReport {
            from_server: server.to_string(),
            task: task.to_string(),
            to_server: to_server.to_string(),
            new_name,
            endpoints,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A real export (an excerpt of `fixtures/export-task-as400-to-deltalake.json`),
    /// promoted: every reference to a renamed endpoint follows, table lists do not,
    /// settings are merged.
    #[test]
    fn promotes_a_real_export() {
        let text = crate::models::tests::EXPORT_EXCERPT;
        let mut doc = crate::parse_document(text).unwrap();
        let changes: PromoteChanges = serde_json::from_value(serde_json::json!({
            "new_name": "Prod-Cluster",
            "endpoint_names": {"AS400-Source": "AS400-Prod"},
            "endpoint_settings": {"DeltaLake-Dest": {"database": "prod_db"}, "AS400-Source": {"server": null}},
        }))
        .unwrap();
        let endpoints = promote_document(&mut doc, "Test-New-Cluster", &changes).unwrap();
        assert_eq!(endpoints, ["AS400-Prod", "DeltaLake-Dest"]);
        let rd = &doc["cmd.replication_definition"];
        let t = &rd["tasks"][0];
        assert_eq!(t["task"]["name"], "Prod-Cluster");
        assert_eq!(t["task"]["source_name"], "AS400-Prod");
        assert_eq!(t["source"]["rep_source"]["source_name"], "AS400-Prod");
        assert_eq!(t["source"]["rep_source"]["database_name"], "AS400-Prod");
        assert_eq!(t["source"]["source_tables"]["name"], "AS400-Prod");
        assert_eq!(t["task"]["target_names"][0], "DeltaLake-Dest");
        assert_eq!(rd["databases"][0]["name"], "AS400-Prod");
        assert!(rd["databases"][0]["db_settings"].get("server").is_none());
        let settings = &rd["databases"][1]["db_settings"];
        assert_eq!(settings["database"], "prod_db");
        assert_eq!(
            settings["$type"], "DatabricksAzureDeltaSettings",
            "other settings stay"
        );
        assert!(doc["name"].as_str().unwrap().starts_with("Prod-Cluster__"));
        assert_eq!(
            t["source"]["source_tables"]["explicit_included_tables"][0]["name"],
            "GMF309PF"
        );
        for bad in [
            serde_json::json!({"endpoint_names": {"Nope": "X"}}),
            serde_json::json!({"endpoint_settings": {"Nope": {"a": 1}}}),
        ] {
            let changes: PromoteChanges = serde_json::from_value(bad).unwrap();
            let mut doc = crate::parse_document(text).unwrap();
            let e = promote_document(&mut doc, "Test-New-Cluster", &changes).unwrap_err();
            assert_eq!(e.error_code(), "INVALID_ARGUMENT");
        }
    }
}
