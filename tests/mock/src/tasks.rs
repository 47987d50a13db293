//! Tasks: 2.16 GetTaskList, 2.17 GetTaskDetails, 2.22 DeleteTask, 2.26 RunTask, 2.27 StopTask,
//! 2.37 DeleteOldChangeData, 2.38 SetChangeDataRetentionBarrier, 2.39 GetChangeDataRetentionBarrier.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::{task_idx, Ctx};
use crate::state::{is_running_state, wire_task_state, Pending, Role, Server, Task};
use crate::util;

pub fn get_task_list(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Viewer)?;
    let rec = w.settings.recovering_state.clone();
    let s = &mut w.servers[idx];
    let now = Instant::now();
    let mut out = Vec::with_capacity(s.tasks.len());
    for t in &mut s.tasks {
        t.settle(now);
        out.push(json!({
            "name": t.name,
            "state": wire_task_state(&t.state, &rec),
            "stop_reason": t.stop_reason,
            "message": t.message,
            "assigned_tags": t.assigned_tags,
        }));
    }
    Ok(http::json(&json!({ "taskList": out })))
}

fn endpoint_ref(s: &Server, name: &Option<String>) -> Value {
    match name {
        Some(n) => {
            json!({ "name": n, "type": s.endpoint(n).map(|e| e.kind.as_str()).unwrap_or("") })
        }
        None => json!({ "name": "", "type": "" }),
    }
}

/// `recovering`: how a recovering task's state is spelt (`settings.recovering_state`).
pub fn task_details_value(s: &Server, t: &Task, recovering: &str) -> Value {
    let (mut completed, mut loading, mut queued, mut errored) = (0u64, 0u64, 0u64, 0u64);
    let (mut done_records, mut all_records, mut data_errors) = (0u64, 0u64, 0u64);
    let (mut ins, mut upd, mut del, mut ddl) = (0u64, 0u64, 0u64, 0u64);
    for tb in t.all_tables() {
        match tb.state.as_str() {
            "TABLE_LOADING" => loading += 1,
            "TABLE_QUEUED" => queued += 1,
            "TABLE_ERROR" => errored += 1,
            _ => {
                completed += 1;
                done_records += tb.record_count;
            }
        }
        all_records += tb.record_count;
        data_errors += tb.data_errors_count;
        ins += tb.insert_count;
        upd += tb.update_count;
        del += tb.delete_count;
        ddl += tb.ddl_count;
    }
    let running = t.state == "RUNNING";
    let cdc_on = running && t.options.apply_changes_enabled;
    let elapsed = t.run_started.map(|r| r.elapsed().as_secs()).unwrap_or(0);
    if cdc_on {
        ins += elapsed * 10;
        upd += elapsed * 4;
        del += elapsed;
    }
    let committed_tx = (ins + upd + del) / 3;
    let fl_completed =
        loading == 0 && queued == 0 && (t.full_load_start.is_some() || completed > 0);
    let latency = if cdc_on { t.cdc_latency_seconds } else { 0 };
    let in_progress = if cdc_on {
        t.transactions_in_progress
    } else {
        0
    };
    if s.is_compose() {
        return json!({
            "$type": "AemComposeDWTaskInfoDetailed",
            "type": "AemComposeDWTaskInfoDetailed",
            "project": "",
            "profile": "DATA_WAREHOUSE",
            "loading_completed": fl_completed,
            "loading_start": t.full_load_start.clone().unwrap_or_default(),
            "loading_end": t.full_load_end.clone().unwrap_or_default(),
            "options": { "full_load_enabled": t.options.full_load_enabled, "apply_changes_enabled": t.options.apply_changes_enabled },
            "loading_counters": {
                "tables_total_count": completed + loading + queued + errored,
                "tables_completed_count": completed,
                "tables_loading_count": loading,
                "tables_queued_count": queued,
                "tables_with_error_count": errored,
                "commands_total_count": 0,
                "commands_completed_count": 0,
            },
            "name": t.name,
            "message": t.message,
            "state": wire_task_state(&t.state, recovering),
            "description": t.description,
            "source_endpoint": endpoint_ref(s, &t.source_endpoint),
            "target_endpoint": endpoint_ref(s, &t.target_endpoint),
            "assigned_tags": t.assigned_tags,
        });
    }
    json!({
        "type": "ReplicateTaskInfoDetailed",
        "name": t.name,
        "description": t.description,
        "state": wire_task_state(&t.state, recovering),
        "message": t.message,
        "source_endpoint": endpoint_ref(s, &t.source_endpoint),
        "target_endpoint": endpoint_ref(s, &t.target_endpoint),
        "cdc_event_counters": {
            "applied_insert_count": ins,
            "applied_update_count": upd,
            "applied_delete_count": del,
            "applied_ddl_count": ddl,
        },
        "full_load_counters": {
            "tables_completed_count": completed,
            "tables_loading_count": loading,
            "tables_queued_count": queued,
            "tables_with_error_count": errored,
            "records_completed_count": done_records,
            "estimated_records_for_all_tables_count": all_records,
        },
        "full_load_completed": fl_completed,
        "full_load_start": t.full_load_start.clone().unwrap_or_default(),
        "full_load_end": t.full_load_end.clone().unwrap_or_default(),
        "full_load_throughput": {
            "source_throughput_records_count": if loading > 0 { 5000 } else { 0 },
            "source_throughput_volume": if loading > 0 { 1200 } else { 0 },
            "target_throughput_records_count": if loading > 0 { 5000 } else { 0 },
            "target_throughput_volume": if loading > 0 { 1200 } else { 0 },
        },
        "cdc_throughput": {
            "source_throughput_records_count": { "current": if cdc_on { 15 } else { 0 } },
            "source_throughput_volume": { "current": if cdc_on { 3 } else { 0 } },
            "target_throughput_records_count": { "current": if cdc_on { 15 } else { 0 } },
            "target_throughput_volume": { "current": if cdc_on { 3 } else { 0 } },
        },
        "cdc_transactions_counters": {
            "commit_change_records_count": committed_tx,
            "rollback_transaction_count": 0,
            "rollback_change_records_count": 0,
            "rollback_change_volume_mb": 0,
            "applied_transactions_in_progress_count": in_progress,
            "applied_records_in_progress_count": in_progress * 3,
            "applied_comitted_transaction_count": committed_tx,
            "applied_records_comitted_count": ins + upd + del,
            "applied_volume_comitted_mb": (ins + upd + del) / 1000,
            "incoming_accumulated_changes_in_memory_count": in_progress,
            "incoming_accumulated_changes_on_disk_count": 0,
            "incoming_applying_changes_in_memory_count": 0,
            "incoming_applying_changes_on_disk_count": 0,
        },
        "cdc_latency": {
            "source_latency": util::hms(latency / 2),
            "total_latency": util::hms(latency),
        },
        "profile": t.profile,
        "task_stop_reason": t.stop_reason,
        "memory_mb": if is_running_state(&t.state) { 57 } else { 0 },
        "cpu_percentage": if running { 3 } else { 0 },
        "disk_usage_mb": 10,
        "data_error_count": data_errors,
        "options": {
            "full_load_enabled": t.options.full_load_enabled,
            "apply_changes_enabled": t.options.apply_changes_enabled,
            "store_changes_enabled": t.options.store_changes_enabled,
            "audit_changes_enabled": t.options.audit_changes_enabled,
        },
        "log_stream_staging": t.log_stream_staging,
        "assigned_tags": t.assigned_tags,
    })
}

pub fn get_task_details(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Viewer)?;
    let rec = w.settings.recovering_state.clone();
    let s = &mut w.servers[idx];
    let ti = task_idx(s, ctx.item(), errors::TASK_NOT_FOUND)?;
    s.tasks[ti].settle(Instant::now());
    Ok(http::json(&task_details_value(s, &s.tasks[ti], &rec)))
}

const POSITION_OPTIONS: [&str; 3] = [
    "RESUME_PROCESSING_FROM_TIMESTAMP",
    "RESUME_PROCESSING_FROM_POSITION",
    "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET",
];

const RUN_OPTIONS: [&str; 8] = [
    "RESUME_PROCESSING",
    "RELOAD_TARGET",
    "RESUME_PROCESSING_FROM_TIMESTAMP",
    "RESUME_PROCESSING_FROM_POSITION",
    "RECOVER_USING_LOCALLY_STORED_CHECKPOINT",
    "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET",
    "METADATA_ONLY_RECREATE_ALL_TABLES",
    "METADATA_ONLY_CREATE_MISSING_TABLES",
];

/// The cdcposition of a RunTask body: `{"cdcposition": "..."}` or that JSON as a JSON string.
/// An empty or null position is no position, as real clients send it with options that
/// need none (`{"cdcposition": ""}` from the public Postman collection,
/// `{"$type": "AemRunTaskReq", "cdcposition": null}` from Qlik's newer client).
fn cdc_position(body: &[u8]) -> Result<Option<String>, String> {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    for _ in 0..2 {
        if let Value::String(s) = &v {
            v = serde_json::from_str(s).map_err(|e| e.to_string())?;
        }
    }
    match v.get("cdcposition") {
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Null) | None => Ok(None),
        Some(other) => Ok(Some(other.to_string())),
    }
}

fn timeout_secs(ctx: &Ctx) -> u64 {
    ctx.query
        .opt("timeout")
        .and_then(|t| t.trim().parse::<i64>().ok())
        .map(|t| t.max(0) as u64)
        .unwrap_or(60)
}

fn state_answer(t: &Task, recovering: &str) -> Resp {
    http::json(
        &json!({ "state": wire_task_state(&t.state, recovering), "error_message": if t.state == "ERROR" { t.message.as_str() } else { "" } }),
    )
}

/// Waits (on a tokio timer) until `deadline`, then answers the task's state, or `timeout_err`
/// when the task has not reached a steady state.
async fn wait_steady(
    ctx: &Ctx,
    server: &str,
    task: &str,
    due: Option<Instant>,
    timeout: u64,
    timeout_err: errors::ErrDef,
) -> Result<Resp, ApiError> {
    let start = Instant::now();
    let limit = start + Duration::from_secs(timeout);
    match due {
        Some(d) if d <= limit => tokio::time::sleep_until(d.into()).await,
        _ => tokio::time::sleep_until(limit.into()).await,
    }
    let mut w = ctx.shared.world.lock();
    let rec = w.settings.recovering_state.clone();
    let s = w
        .server_mut(server)
        .ok_or_else(|| errors::SERVER_NOT_FOUND.with(&[("server", server)]))?;
    let ti = task_idx(s, task, errors::TASK_NOT_FOUND)?;
    let t = &mut s.tasks[ti];
    t.settle(Instant::now());
    if matches!(t.state.as_str(), "STARTING" | "STOPPING") {
        return Err(timeout_err.with(&[("task", task), ("server", server)]));
    }
    Ok(state_answer(t, &rec))
}

pub async fn run_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let server = ctx.server().to_string();
    let task = ctx.item().to_string();
    let option = ctx
        .query
        .opt("option")
        .map(|o| o.trim().to_ascii_uppercase())
        .unwrap_or_else(|| "RESUME_PROCESSING".into());
    let timeout = timeout_secs(ctx);
    let due = {
        let mut w = ctx.shared.world.lock();
        let idx = ctx.reachable_server(&w, Role::Operator)?;
        let run_delay = Duration::from_millis(w.settings.run_delay_ms);
        let s = &mut w.servers[idx];
        let ti = task_idx(s, &task, errors::TASK_NOT_FOUND)?;
        let args = [("task", task.as_str()), ("server", server.as_str())];
        let now = Instant::now();
        s.tasks[ti].settle(now);
        let has_src = s.tasks[ti]
            .source_endpoint
            .as_deref()
            .is_some_and(|e| s.endpoint(e).is_some());
        let has_trg = s.tasks[ti]
            .target_endpoint
            .as_deref()
            .is_some_and(|e| s.endpoint(e).is_some());
        let t = &mut s.tasks[ti];
        match t.state.as_str() {
            "RUNNING" | "STARTING" => return Err(errors::TASK_ALREADY_RUNNING.with(&args)),
            "RECOVERY" | "RECOVERING" => return Err(errors::TASK_IN_RECOVERY.with(&args)),
            "STOPPING" => return Err(errors::RUN_TASK_INNER_ERR.with(&args)),
            _ => {}
        }
        if !RUN_OPTIONS.contains(&option.as_str()) {
            return Err(errors::RUN_TASK_INNER_ERR.with(&args));
        }
        let position = cdc_position(&ctx.body).map_err(|m| {
            errors::DESERIALIZE_TO_TYPE.with(&[("type", "RunTaskParameters"), ("message", &m)])
        })?;
        if let Some(p) = &position {
            if !POSITION_OPTIONS.contains(&option.as_str()) {
                return Err(errors::WRONG_OPTION_FOR_CDCPOSITION.with(&[
                    ("task", &task),
                    ("server", &server),
                    ("position", p),
                    ("option", &option),
                ]));
            }
        }
        if option == "RESUME_PROCESSING_FROM_TIMESTAMP"
            && position
                .as_deref()
                .is_none_or(|p| util::parse_iso(p, false).is_none())
        {
            return Err(errors::CDC_POSITION_ERR_FORMAT.with(&args));
        }
        if POSITION_OPTIONS.contains(&option.as_str()) && position.is_none() {
            return Err(errors::MISSING_FIELD.with(&[("fieldName", "cdcposition")]));
        }
        match (has_src, has_trg) {
            (false, false) => return Err(errors::RUN_TASK_NO_SRC_NO_TRG.with(&args)),
            (false, true) => return Err(errors::RUN_TASK_NO_SRC.with(&args)),
            (true, false) => return Err(errors::RUN_TASK_TRG.with(&args)),
            _ => {}
        }
        let o = &t.options;
        if t.profile.eq_ignore_ascii_case("BIDIRECTIONAL") {
            if !o.full_load_enabled && !o.apply_changes_enabled {
                return Err(errors::RUN_BIDI_TASK_NO_FL_NOR_CDC.with(&args));
            }
        } else if !o.full_load_enabled && !o.apply_changes_enabled && !o.store_changes_enabled {
            return Err(errors::RUN_TASK_NOT_FL_NOR_CDC.with(&args));
        }
        t.state = "STARTING".into();
        t.stop_reason = "NONE".into();
        t.message.clear();
        let fault = t.fault.take();
        let due = now + run_delay;
        t.pending = match fault.as_deref() {
            Some("run_timeout") => None,
            Some("run_error") => Some(Pending {
                to: "ERROR".into(),
                at: due,
            }),
            other => {
                t.fault = other.map(str::to_string);
                Some(Pending {
                    to: "RUNNING".into(),
                    at: due,
                })
            }
        };
        let reload = option == "RELOAD_TARGET"
            || (t.full_load_start.is_none() && t.options.full_load_enabled);
        if reload && t.options.full_load_enabled {
            t.full_load_start = Some(util::now_iso());
            t.full_load_end = None;
            let final_state = if t.options.apply_changes_enabled {
                "TABLE_CHANGE_PROCESSING"
            } else {
                "TABLE_COMPLETED"
            };
            for tb in &mut t.tables {
                tb.state = "TABLE_LOADING".into();
                tb.load_start = Some(util::now_iso());
                tb.pending = Some(Pending {
                    to: final_state.into(),
                    at: due,
                });
            }
        } else if t.options.apply_changes_enabled {
            for tb in &mut t.tables {
                if tb.state == "TABLE_COMPLETED" {
                    tb.pending = Some(Pending {
                        to: "TABLE_CHANGE_PROCESSING".into(),
                        at: due,
                    });
                }
            }
        }
        let pending_at = t.pending.as_ref().map(|p| p.at);
        w.audit(&ctx.user, "RunTask", &server, "TASK", &task, &option);
        if timeout == 0 {
            let rec = w.settings.recovering_state.clone();
            let s = w.server_mut(&server).expect("server");
            return Ok(state_answer(&s.tasks[ti], &rec));
        }
        pending_at
    };
    wait_steady(ctx, &server, &task, due, timeout, errors::RUN_TASK_TIMEOUT).await
}

pub async fn stop_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let server = ctx.server().to_string();
    let task = ctx.item().to_string();
    let timeout = timeout_secs(ctx);
    let due = {
        let mut w = ctx.shared.world.lock();
        let idx = ctx.reachable_server(&w, Role::Operator)?;
        let stop_delay = Duration::from_millis(w.settings.stop_delay_ms);
        let s = &mut w.servers[idx];
        let ti = task_idx(s, &task, errors::TASK_NOT_FOUND)?;
        let now = Instant::now();
        let t = &mut s.tasks[ti];
        t.settle(now);
        if t.state == "STOPPED" {
            return Err(errors::TASK_ALREADY_STOPPED.with(&[("task", &task), ("server", &server)]));
        }
        let due = now + stop_delay;
        if t.state != "STOPPING" || t.pending.is_none() {
            t.state = "STOPPING".into();
            let fault = t.fault.take();
            t.pending = match fault.as_deref() {
                Some("stop_timeout") => None,
                other => {
                    t.fault = other.map(str::to_string);
                    Some(Pending {
                        to: "STOPPED".into(),
                        at: due,
                    })
                }
            };
            for tb in &mut t.tables {
                tb.pending = None;
            }
        }
        let pending_at = t.pending.as_ref().map(|p| p.at);
        w.audit(&ctx.user, "StopTask", &server, "TASK", &task, "");
        if timeout == 0 {
            let rec = w.settings.recovering_state.clone();
            let s = w.server_mut(&server).expect("server");
            return Ok(state_answer(&s.tasks[ti], &rec));
        }
        pending_at
    };
    wait_steady(ctx, &server, &task, due, timeout, errors::STOP_TASK_TIMEOUT).await
}

pub fn delete_task(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let idx = ctx.reachable_server(&w, Role::Designer)?;
    let server = w.servers[idx].name.clone();
    let s = &mut w.servers[idx];
    let ti = task_idx(s, ctx.item(), errors::TASK_NOT_FOUND_REPLICATION)?;
    s.tasks[ti].settle(Instant::now());
    if is_running_state(&s.tasks[ti].state) {
        return Err(errors::TASK_NOT_STOPPED.with(&[("task", ctx.item()), ("server", &server)]));
    }
    s.tasks.remove(ti);
    let logs = ctx.query.flag("deletetasklogs").unwrap_or(false);
    w.audit(
        &ctx.user,
        "DeleteTask",
        &server,
        "TASK",
        ctx.item(),
        if logs { "deletetasklogs=true" } else { "" },
    );
    Ok(http::empty_ok())
}

/// A body field given as JSON (`{"k": "v"}`), a JSON string, or `k=v` lines.
pub fn body_field(body: &str, key: &str) -> Option<Option<String>> {
    let t = body.trim();
    if t.is_empty() {
        return None;
    }
    if let Ok(v) = serde_json::from_str::<Value>(t) {
        let v = match v {
            Value::String(s) => serde_json::from_str::<Value>(&s).ok()?,
            v => v,
        };
        let o = v.as_object()?;
        return Some(match o.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        });
    }
    let mut found = None;
    for part in t.split(['\n', '&']) {
        if let Some((k, v)) = part.split_once('=') {
            if k.trim().trim_matches('"') == key {
                found = Some(v.trim().trim_matches('"').to_string());
            }
        }
    }
    Some(found)
}

fn change_data_task(ctx: &Ctx, w: &mut crate::state::World) -> Result<(usize, usize), ApiError> {
    let idx = ctx.reachable_server(w, Role::Operator)?;
    let ti = task_idx(
        &w.servers[idx],
        ctx.item(),
        errors::TASK_NOT_FOUND_REPLICATION,
    )?;
    Ok((idx, ti))
}

pub fn delete_old_change_data(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let (idx, _) = change_data_task(ctx, &mut w)?;
    let value = body_field(&ctx.body_str(), "timestamp_or_offset")
        .flatten()
        .unwrap_or_default();
    if util::parse_iso(&value, false).is_none() && !util::is_iso_duration(&value) {
        return Err(errors::INVALID_TIMESTAMP_OR_OFFSET_FORMAT.plain());
    }
    let server = w.servers[idx].name.clone();
    w.audit(
        &ctx.user,
        "DeleteOldChangeData",
        &server,
        "TASK",
        ctx.item(),
        &value,
    );
    Ok(http::empty_ok())
}

pub fn set_retention_barrier(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = change_data_task(ctx, &mut w)?;
    let body = ctx.body_str();
    let point = body_field(&body, "retention_point")
        .flatten()
        .unwrap_or_default();
    let app = body_field(&body, "application")
        .flatten()
        .unwrap_or_default();
    if app.is_empty() {
        return Err(errors::MISSING_FIELD.with(&[("fieldName", "application")]));
    }
    if !point.is_empty() && util::parse_iso(&point, false).is_none() {
        return Err(errors::BARRIER_INVALID_TIMESTAMP_FORMAT.plain());
    }
    let t = &mut w.servers[idx].tasks[ti];
    let mut list: Vec<Value> = match std::mem::take(&mut t.retention_barrier) {
        Value::Array(a) => a,
        Value::Object(o) => vec![Value::Object(o)],
        _ => Vec::new(),
    };
    list.retain(|b| b.get("application").and_then(Value::as_str) != Some(app.as_str()));
    if !point.is_empty() {
        let point = if point.ends_with('Z') {
            point.clone()
        } else {
            format!("{point}Z")
        };
        list.push(json!({ "application": app, "retention_point": point }));
    }
    t.retention_barrier = if list.is_empty() {
        Value::Null
    } else {
        Value::Array(list)
    };
    let server = w.servers[idx].name.clone();
    w.audit(
        &ctx.user,
        "SetChangeDataRetentionBarrier",
        &server,
        "TASK",
        ctx.item(),
        &app,
    );
    Ok(http::empty_ok())
}

pub fn get_retention_barrier(ctx: &Ctx) -> Result<Resp, ApiError> {
    let mut w = ctx.shared.world.lock();
    let (idx, ti) = change_data_task(ctx, &mut w)?;
    let s = &w.servers[idx];
    let list: Vec<&Value> = match &s.tasks[ti].retention_barrier {
        Value::Array(a) => a.iter().collect(),
        v @ Value::Object(_) => vec![v],
        _ => Vec::new(),
    };
    let earliest = list.into_iter().min_by_key(|b| {
        b.get("retention_point")
            .and_then(Value::as_str)
            .and_then(|p| util::parse_iso(p, true))
            .unwrap_or(i64::MAX)
    });
    match earliest {
        Some(b) => Ok(http::json(&json!({
            "application": b.get("application").cloned().unwrap_or(json!("")),
            "retention_point": b.get("retention_point").cloned().unwrap_or(json!("")),
        }))),
        None => Err(errors::GET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR.with(&[
            ("task", ctx.item()),
            ("server", &s.name),
            ("message", "No change data retention barrier is set."),
        ])),
    }
}
