//! What a command prints: `--json` the generic entry's answer exactly; `-q` names or ids
//! one per line; otherwise a table (lists) or name/value rows (one object).

use crate::cli::Global;
use crate::{Failure, Outcome};
use comfy_table::{presets::UTF8_BORDERS_ONLY, ContentArrangement, Table};
use serde_json::Value;

/// How an answer is shown on a terminal.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Whatever it is: its list as a table, an object as rows, text as it is.
    Any,
    /// GetServerList.
    Servers,
    /// GetTaskList.
    Tasks,
    /// One task's details.
    Task,
    /// A task's tables.
    Tables,
    /// `{"file", "bytes"}` of a streamed export.
    Written,
    /// A bulk report: `{"succeeded", "failed", "tasks"|"items": [...]}`.
    Report,
    /// Like `Any`, with these columns first.
    Columns(&'static [&'static str]),
}

impl Show {
    /// The columns shown first, when present.
    fn columns(self) -> &'static [&'static str] {
        match self {
            Show::Servers => &["name", "host", "port", "state", "platform", "version"],
            Show::Tasks => &["name", "state", "stop_reason", "description"],
            Show::Task => &[
                "name",
                "state",
                "stop_reason",
                "source_endpoint",
                "target_endpoint",
            ],
            Show::Tables => &[
                "schema_on_source",
                "table_on_source",
                "state",
                "record_count",
            ],
            Show::Report => &["task", "ok", "state", "error_code", "message"],
            Show::Columns(c) => c,
            Show::Any | Show::Written => &[],
        }
    }
}

pub fn print(global: &Global, answer: &Value, show: Show) -> Outcome {
    if global.json {
        println!("{answer}");
    } else {
        render(global, answer, show);
    }
    // A bulk report with failed items exits 3, whatever is printed.
    if bulk_failed(answer) == Some(true) {
        return Err(Failure::Partial);
    }
    Ok(())
}

/// Whether the answer is a bulk report, and whether some of its items failed.
fn bulk_failed(answer: &Value) -> Option<bool> {
    let failed = answer.get("failed")?.as_u64()?;
    answer.get("succeeded").or_else(|| answer.get("written"))?;
    Some(failed > 0)
}

fn render(global: &Global, answer: &Value, show: Show) {
    if show == Show::Report && !global.quiet {
        // One report, or one per server.
        let reports = match answer.get("servers").and_then(Value::as_array) {
            Some(many) => many.iter().collect(),
            None => vec![answer],
        };
        for report in reports {
            let items = report
                .get("tasks")
                .or_else(|| report.get("items"))
                .and_then(Value::as_array);
            if let Some(items) = items {
                if let Some(server) = report["server"]
                    .as_str()
                    .filter(|_| answer.get("servers").is_some())
                {
                    println!("{server}:");
                }
                list(global, items, show);
            }
        }
        let done = answer.get("succeeded").or_else(|| answer.get("written"));
        let word = if answer.get("succeeded").is_some() {
            "succeeded"
        } else {
            "written"
        };
        println!(
            "{} {word}, {} failed",
            done.cloned().unwrap_or_default(),
            answer["failed"]
        );
        return;
    }
    if show == Show::Written && !global.quiet {
        println!(
            "wrote {} bytes to {}",
            answer["bytes"],
            answer["file"].as_str().unwrap_or_default()
        );
        return;
    }
    match answer {
        Value::Null => {}
        Value::String(s) => println!("{s}"),
        Value::Array(items) => list(global, items, show),
        Value::Object(map) => match map.values().find(|v| {
            v.as_array()
                .is_some_and(|a| a.iter().all(Value::is_object) && !a.is_empty())
        }) {
            // A list answer (`{"serverList": [...]}`): its items.
            Some(Value::Array(items))
                if map.len() <= 2 || !matches!(show, Show::Task | Show::Any | Show::Columns(_)) =>
            {
                list(global, items, show)
            }
            _ => rows(global, answer, show),
        },
        other => println!("{other}"),
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Names (or ids), one per line, for `-q`: the first of a command's own columns (what
/// its other commands take), else the first name or id found.
fn key_of(item: &Value, show: Show) -> Option<String> {
    let own = match show {
        Show::Columns(c) => &c[..1],
        _ => &[],
    };
    own.iter()
        .chain(&["name", "id", "TaskId", "UID", "Name"])
        .find_map(|k| item.get(*k).and_then(scalar))
        .or_else(|| scalar(item))
}

fn list(global: &Global, items: &[Value], show: Show) {
    if global.quiet {
        for item in items {
            if let Some(k) = key_of(item, show) {
                println!("{k}");
            }
        }
        return;
    }
    if items.iter().all(|i| !i.is_object()) {
        for item in items {
            println!("{}", scalar(item).unwrap_or_else(|| item.to_string()));
        }
        return;
    }
    // The command's columns first, then the other scalar fields of the items, at most 8.
    let mut columns: Vec<String> = show
        .columns()
        .iter()
        .filter(|c| items.iter().any(|i| i.get(**c).and_then(scalar).is_some()))
        .map(|c| c.to_string())
        .collect();
    for item in items {
        for (k, v) in item.as_object().into_iter().flatten() {
            if columns.len() < 8
                && scalar(v).is_some()
                && !columns.contains(k)
                && !k.starts_with('$')
            {
                columns.push(k.clone());
            }
        }
    }
    let mut table = Table::new();
    table
        .load_preset(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(columns.iter().map(|c| c.to_uppercase()));
    for item in items {
        table.add_row(
            columns
                .iter()
                .map(|c| item.get(c).and_then(scalar).unwrap_or_default()),
        );
    }
    println!("{table}");
}

fn rows(global: &Global, answer: &Value, show: Show) {
    if global.quiet {
        if let Some(k) = key_of(answer, show) {
            println!("{k}");
        }
        return;
    }
    let Some(map) = answer.as_object() else {
        println!("{answer}");
        return;
    };
    let mut table = Table::new();
    table
        .load_preset(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic);
    // Scalars as they are, nested objects one level down (`cdc_latency.total_latency`),
    // lists by their length: a task's details stay readable on a terminal.
    let mut fields: Vec<(String, String)> = Vec::new();
    for (k, v) in map {
        match v {
            Value::Object(inner) => {
                for (k2, v2) in inner {
                    if let Some(t) = scalar(v2) {
                        fields.push((format!("{k}.{k2}"), t));
                    }
                }
            }
            Value::Array(items) => fields.push((k.clone(), format!("[{} items]", items.len()))),
            Value::Null => fields.push((k.clone(), String::new())),
            other => fields.push((k.clone(), scalar(other).unwrap_or_default())),
        }
    }
    fields.sort_by_key(|(k, _)| {
        show.columns()
            .iter()
            .position(|c| c == k)
            .unwrap_or(usize::MAX)
    });
    for (k, v) in fields {
        table.add_row(vec![k, v]);
    }
    println!("{table}");
}

/// `qem ops`: every operation and helper of the description, of one service or all.
pub fn ops(service: Option<&str>, global: &Global) -> Outcome {
    let d: Value = serde_json::from_str(qem_core::describe::api_description_text())
        .map_err(|e| Failure::Local(format!("the API description: {e}")))?;
    let services: Vec<&Value> = d["services"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| service.is_none_or(|name| s["name"] == name))
        .collect();
    if services.is_empty() {
        return Err(Failure::Usage(format!(
            "no service {} (qem, qlik_cloud, kinetic, veeam)",
            service.unwrap_or_default()
        )));
    }
    let mut items = Vec::new();
    for s in services {
        for op in s["operations"].as_array().into_iter().flatten() {
            items.push(
                serde_json::json!({"service": s["name"], "name": op["method"], "rest": op["name"],
                "verb": op["verb"], "path": op["path"], "doc": op["doc"]}),
            );
        }
        for h in s["helpers"].as_array().into_iter().flatten() {
            items.push(
                serde_json::json!({"service": s["name"], "name": h["name"], "rest": null,
                "verb": "helper", "path": null, "doc": h["doc"]}),
            );
        }
    }
    if global.json {
        println!("{}", Value::Array(items));
        return Ok(());
    }
    if global.quiet {
        for i in &items {
            println!("{}", i["name"].as_str().unwrap_or_default());
        }
        return Ok(());
    }
    let mut table = Table::new();
    table
        .load_preset(UTF8_BORDERS_ONLY)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(["SERVICE", "NAME", "VERB", "PATH"]);
    for i in &items {
        table.add_row(
            ["service", "name", "verb", "path"]
                .iter()
                .map(|k| i[*k].as_str().unwrap_or_default().to_string()),
        );
    }
    println!("{table}");
    Ok(())
}
