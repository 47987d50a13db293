//! Tables: 2.18 GetTableList, 2.19 GetTaskTableSelection, 2.20 PutTaskTableSelection,
//! 2.21 GetTableStatuses, 2.34 ReloadTable, 2.35 ResumeTable.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::{task_idx, Ctx};
use crate::state::{Pending, Role, Table};
use crate::util;

/// Schema/table LIKE patterns and the include flags of 2.18/2.21.
struct Filter {
    schema: String,
    table: String,
    states: Vec<&'static str>,
}

impl Filter {
    fn from(ctx: &Ctx) -> Filter {
        let mut states = Vec::new();
        for (flag, state) in [
            ("includequeued", "TABLE_QUEUED"),
            ("includeloading", "TABLE_LOADING"),
            ("includecompleted", "TABLE_COMPLETED"),
            ("includechangeprocessing", "TABLE_CHANGE_PROCESSING"),
            ("includeerror", "TABLE_ERROR"),
        ] {
            if ctx.query.flag(flag) == Some(true) {
                states.push(state);
            }
        }
        Filter {
            schema: ctx.query.opt("schema").unwrap_or("%").to_string(),
            table: ctx.query.opt("table").unwrap_or("%").to_string(),
            states,
        }
    }
    fn accepts(&self, t: &Table) -> bool {
        (self.states.is_empty() || self.states.contains(&t.state.as_str()))
            && util::like(&self.schema, &t.schema)
            && util::like(&self.table, &t.table)
    }
}

/// Settles the task and answers (server index, task index) after the common checks.
fn locate(ctx: &Ctx, w: &mut crate::state::World, need: Role) -> Result<(usize, usize), ApiError> {
    let idx = ctx.reachable_server(w, need)?;
    let ti = task_idx(&w.servers[idx], ctx.item(), errors::TASK_NOT_FOUND)?;
    w.servers[idx].tasks[ti].settle(Instant::now());
    Ok((idx, ti))
}

pub fn get_table_list(ctx: &Ctx) -> Result<Resp, ApiError> {
    let f = Filter::from(ctx);
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = locate(ctx, &mut w, Role::Viewer)?;
    let list: Vec<Value> = w.servers[idx].tasks[ti]
        .all_tables()
        .filter(|t| f.accepts(t))
        .map(|t| json!({ "schema": t.schema, "table": t.table, "state": t.state }))
        .collect();
    Ok(http::json(&json!({ "tablelist": list })))
}

pub fn get_table_statuses(ctx: &Ctx) -> Result<Resp, ApiError> {
    let f = Filter::from(ctx);
    let mut w = ctx.shared.world.lock();
    let idx = ctx.server_idx(&w, errors::SERVER_NOT_FOUND_REPLICATE)?;
    ctx.authorize(&w, idx, Role::Viewer)?;
    w.servers[idx].check_reachable()?;
    let ti = task_idx(&w.servers[idx], ctx.item(), errors::TASK_NOT_FOUND)?;
    let task = &mut w.servers[idx].tasks[ti];
    task.settle(Instant::now());
    let fl_start = task.full_load_start.clone();
    let list: Vec<Value> = task
        .all_tables()
        .filter(|t| f.accepts(t))
        .map(|t| {
            let loaded = matches!(
                t.state.as_str(),
                "TABLE_COMPLETED" | "TABLE_CHANGE_PROCESSING"
            );
            let start = t.load_start.clone().or_else(|| fl_start.clone());
            json!({
                "schema_on_source": t.schema,
                "table_on_source": t.table,
                "schema_on_target": "",
                "table_on_target": "",
                "state": t.state,
                "data_errors_count": t.data_errors_count,
                "table_full_load_info": {
                    "start_time": start,
                    "end_time": if loaded { t.load_end.clone().or(start.clone()) } else { None },
                    "estimated_row_count": if loaded { 0 } else { t.record_count },
                    "estimated_end_time": Value::Null,
                    "transferred_row_count": if loaded { t.record_count } else { 0 },
                    "transferred_volume_mb": if loaded { t.record_count / 1000 } else { 0 },
                },
                "table_cdc_info": {
                    "insert_count": t.insert_count,
                    "update_count": t.update_count,
                    "delete_count": t.delete_count,
                    "ddl_count": t.ddl_count,
                    "last_update_time": Value::Null,
                    "cached_insert_count": 0,
                    "cached_update_count": 0,
                    "cached_delete_count": 0,
                },
            })
        })
        .collect();
    Ok(http::json(&json!({ "table_details": list })))
}

pub fn get_selection(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = locate(ctx, &mut w, Role::Viewer)?;
    let t = &w.servers[idx].tasks[ti];
    if t.selection.is_object() {
        return Ok(http::json(&t.selection));
    }
    let explicit: Vec<Value> = t
        .all_tables()
        .map(|tb| json!({ "owner": tb.schema, "name": tb.table, "load_order": 0, "table_type": "TABLE" }))
        .collect();
    Ok(http::json(&json!({
        "included_pattern": [],
        "excluded_pattern": [],
        "explicit_included_tables": explicit,
    })))
}

fn load_order(v: Option<&Value>) -> Result<i64, String> {
    Ok(match v {
        None | Some(Value::Null) => 0,
        Some(Value::Number(n)) => n.as_i64().ok_or("load_order must be an integer")?,
        Some(Value::String(s)) => match s.trim().to_ascii_uppercase().as_str() {
            "LOWEST" => -2_147_483_647,
            "LOWER" => -5000,
            "LOW" => -1000,
            "NORMAL" => 0,
            "HIGH" => 1000,
            "HIGHER" => 5000,
            "HIGHEST" => 2_147_483_647,
            other => other
                .parse()
                .map_err(|_| format!("invalid load_order '{s}'"))?,
        },
        Some(_) => return Err("load_order must be an integer".into()),
    })
}

fn normalize_entries(v: Option<&Value>, field: &str) -> Result<Vec<Value>, String> {
    let arr = match v {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(format!("{field} must be an array")),
    };
    arr.iter()
        .map(|e| {
            let o = e
                .as_object()
                .ok_or_else(|| format!("{field} entries must be objects"))?;
            let s = |k: &str| {
                o.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string()
            };
            let tt = s("table_type");
            let tt = if tt.is_empty() {
                "TABLE".to_string()
            } else {
                tt.to_ascii_uppercase()
            };
            if tt != "TABLE" && tt != "VIEW" && tt != "ALL" {
                return Err(format!("invalid table_type '{tt}'"));
            }
            Ok(json!({
                "owner": s("owner"),
                "name": s("name"),
                "load_order": load_order(o.get("load_order"))?,
                "table_type": tt,
            }))
        })
        .collect()
}

pub fn put_selection(ctx: &Ctx) -> Result<Resp, ApiError> {
    let de = |m: &str| {
        errors::DESERIALIZE_TO_TYPE.with(&[("type", "AemTableSelection"), ("message", m)])
    };
    let body: Value = serde_json::from_slice(&ctx.body).map_err(|e| de(&e.to_string()))?;
    let o = body
        .as_object()
        .ok_or_else(|| de("expected a JSON object"))?;
    let sel = json!({
        "included_pattern": normalize_entries(o.get("included_pattern"), "included_pattern").map_err(|m| de(&m))?,
        "excluded_pattern": normalize_entries(o.get("excluded_pattern"), "excluded_pattern").map_err(|m| de(&m))?,
        "explicit_included_tables": normalize_entries(o.get("explicit_included_tables"), "explicit_included_tables").map_err(|m| de(&m))?,
    });
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = locate(ctx, &mut w, Role::Designer)?;
    let t = &mut w.servers[idx].tasks[ti];
    // Explicitly selected tables join the task's table list (queued until loaded).
    for e in sel["explicit_included_tables"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let owner = e["owner"].as_str().unwrap_or_default();
        let name = e["name"].as_str().unwrap_or_default();
        if !t
            .tables
            .iter()
            .any(|tb| tb.schema == owner && tb.table == name)
        {
            t.tables.push(Table {
                schema: owner.into(),
                table: name.into(),
                state: "TABLE_QUEUED".into(),
                ..Table::default()
            });
        }
    }
    t.selection = sel;
    let server = w.servers[idx].name.clone();
    w.audit(
        &ctx.user,
        "PutTaskTableSelection",
        &server,
        "TASK",
        ctx.item(),
        "",
    );
    Ok(http::empty_ok())
}

fn table_args(ctx: &Ctx) -> (String, String) {
    (
        ctx.query.opt("schema").unwrap_or_default().to_string(),
        ctx.query.opt("table").unwrap_or_default().to_string(),
    )
}

fn source_is_file_channel(s: &crate::state::Server, t: &crate::state::Task) -> bool {
    t.source_endpoint
        .as_deref()
        .and_then(|e| s.endpoint(e))
        .is_some_and(|e| e.kind.to_ascii_lowercase().replace(['_', ' '], "") == "filechannel")
}

pub fn reload_table(ctx: &Ctx) -> Result<Resp, ApiError> {
    let (schema, table) = table_args(ctx);
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = locate(ctx, &mut w, Role::Operator)?;
    let delay = Duration::from_millis(w.settings.run_delay_ms);
    let server = w.servers[idx].name.clone();
    let s = &mut w.servers[idx];
    if source_is_file_channel(s, &s.tasks[ti]) {
        return Err(errors::RELOAD_NOT_SUPPORTED_FILE_CHANNEL.plain());
    }
    let t = &mut s.tasks[ti];
    let err = |m: &str| {
        errors::RELOAD_TABLE_ERR.with(&[
            ("schema", &schema),
            ("table", &table),
            ("task", ctx.item()),
            ("server", &server),
            ("message", m),
        ])
    };
    if !t.options.full_load_enabled {
        return Err(errors::INVALID_TASK_NOT_FL.with(&[("table", &table), ("task", ctx.item())]));
    }
    if schema.is_empty() || table.is_empty() {
        return Err(err("Schema and table must be specified."));
    }
    let running = t.state == "RUNNING";
    let final_state = if t.options.apply_changes_enabled {
        "TABLE_CHANGE_PROCESSING"
    } else {
        "TABLE_COMPLETED"
    };
    let tb = t
        .tables
        .iter_mut()
        .find(|tb| tb.schema == schema && tb.table == table)
        .ok_or_else(|| err("The table is not part of the task."))?;
    tb.load_start = Some(util::now_iso());
    tb.load_end = None;
    if running {
        tb.state = "TABLE_LOADING".into();
        tb.pending = Some(Pending {
            to: final_state.into(),
            at: Instant::now() + delay,
        });
    } else {
        tb.state = "TABLE_QUEUED".into();
        tb.pending = None;
    }
    w.audit(
        &ctx.user,
        "ReloadTable",
        &server,
        "TABLE",
        &format!("{schema}.{table}"),
        ctx.item(),
    );
    Ok(http::empty_ok())
}

pub fn resume_table(ctx: &Ctx) -> Result<Resp, ApiError> {
    let (schema, table) = table_args(ctx);
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = locate(ctx, &mut w, Role::Operator)?;
    let server = w.servers[idx].name.clone();
    let s = &mut w.servers[idx];
    if source_is_file_channel(s, &s.tasks[ti]) {
        return Err(errors::RESUME_NOT_SUPPORTED_FILE_CHANNEL.plain());
    }
    let t = &mut s.tasks[ti];
    let err = |m: &str| {
        errors::UNSPEND_TABLE_ERR.with(&[
            ("schema", &schema),
            ("table", &table),
            ("task", ctx.item()),
            ("server", &server),
            ("message", m),
        ])
    };
    let full_load_done = t.full_load_end.is_some() || t.full_load_start.is_none();
    let apply = t.options.apply_changes_enabled;
    let tb = t
        .tables
        .iter_mut()
        .find(|tb| tb.schema == schema && tb.table == table)
        .ok_or_else(|| err("The table is not part of the task."))?;
    if tb.state != "TABLE_ERROR" {
        return Err(err("The table is not suspended."));
    }
    if !full_load_done || !apply {
        return Err(err(
            "Tables suspended during Full Load cannot be unsuspended; reload the table instead.",
        ));
    }
    tb.state = "TABLE_CHANGE_PROCESSING".into();
    tb.pending = None;
    w.audit(
        &ctx.user,
        "ResumeTable",
        &server,
        "TABLE",
        &format!("{schema}.{table}"),
        ctx.item(),
    );
    Ok(http::empty_ok())
}
