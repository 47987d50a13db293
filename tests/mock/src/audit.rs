//! 2.25 ExportAuditTrail: every state change made through the API, with user and time.

use serde_json::{json, Value};

use crate::errors::{self, ApiError};
use crate::http::{self, Resp};
use crate::router::Ctx;
use crate::state::Role;
use crate::util;

pub fn export_audit_trail(ctx: &Ctx) -> Result<Resp, ApiError> {
    let w = ctx.shared.world.lock();
    if w.global_role(&ctx.user) < Role::Admin {
        return Err(errors::AUDIT_UNAUTHORIZED.plain());
    }
    let parse = |key: &str| -> Result<Option<i64>, ApiError> {
        match ctx.query.opt(key) {
            None => Ok(None),
            Some(v) => util::parse_iso_or_ticks(v)
                .map(Some)
                .ok_or_else(|| errors::AUDIT_INVALID_TIMESTAMP_FORMAT.plain()),
        }
    };
    let start = parse("start_timestamp")?;
    let end = parse("end_timestamp")?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(errors::EXPORT_INNER_ERR.plain());
        }
    }
    let records: Vec<Value> = w
        .audit_trail
        .iter()
        .filter_map(|a| {
            let t = util::parse_iso(&a.timestamp, true).unwrap_or(0);
            if start.is_some_and(|s| t < s) || end.is_some_and(|e| t > e) {
                return None;
            }
            Some(json!({
                "timestamp": a.timestamp,
                "ticks": util::ticks_from_unix(t),
                "user": a.user,
                "action": a.action,
                "server": a.server,
                "object_type": a.object_type,
                "object": a.object,
                "details": a.details,
            }))
        })
        .collect();
    Ok(http::json(&json!({ "audit_trail": records })))
}
