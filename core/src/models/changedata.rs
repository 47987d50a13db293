//! Change data partitions: DeleteOldChangeData, Set/GetChangeDataRetentionBarrier
//! (guide 2.37 - 2.39).

use serde::{Deserialize, Serialize};

/// DeleteOldChangeData's body (2.37): a timestamp (`2020-06-30T16:15:00Z`) or an ISO
/// 8601 duration (`P1M3DT1H2M`) after which partitions can be deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DeleteOldChangeDataRequest {
    /// The point in time, as a timestamp or an offset.
    #[serde(default)]
    pub timestamp_or_offset: String,
}

impl DeleteOldChangeDataRequest {
    /// `{"timestamp_or_offset": value}`.
    pub fn new(timestamp_or_offset: impl Into<String>) -> Self {
        DeleteOldChangeDataRequest {
            timestamp_or_offset: timestamp_or_offset.into(),
        }
    }
}

model! {
    /// The change data retention barrier (2.38 SetChangeDataRetentionBarrier's body, 2.39
    /// GetChangeDataRetentionBarrier's answer). An empty `retention_point` removes the
    /// barrier of `application`.
    RetentionBarrier {
        /// Date up to which partitions can be deleted, `yyyy-MM-ddTHH:mm:ssZ` (empty: remove).
        retention_point: String,
        /// Name of the consuming application.
        application: String,
    }
}

impl RetentionBarrier {
    /// Sets a barrier at `retention_point` for `application`.
    pub fn set(retention_point: impl Into<String>, application: impl Into<String>) -> Self {
        RetentionBarrier {
            retention_point: Some(retention_point.into()),
            application: Some(application.into()),
            ..Default::default()
        }
    }

    /// Removes the barrier of `application` (an empty `retention_point`).
    pub fn remove(application: impl Into<String>) -> Self {
        Self::set("", application)
    }
}
