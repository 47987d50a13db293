//! Building blocks of the models: enums that keep unknown values, and lenient readers
//! for numbers and booleans that servers send as strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::time::Duration;

/// Declares a wire enum: REST strings in, REST strings out, with `Unknown(String)` for
/// values a newer server may send. Extra aliases are accepted on reading.
macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* #[doc = $wire] $variant, )*
            /// A value this SDK does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The REST string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(s) => s.as_str(),
                }
            }

            /// Reads a REST string; never fails.
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $wire $(| $alias)* => $name::$variant, )*
                    other => $name::Unknown(other.to_string()),
                }
            }

            /// Every known value.
            pub const ALL: &'static [&'static str] = &[$($wire),*];
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from_wire(s))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = serde_json::Value::deserialize(d)?;
                Ok(match v {
                    serde_json::Value::String(s) => $name::from_wire(&s),
                    other => $name::Unknown(other.to_string()),
                })
            }
        }

        impl From<$name> for serde_json::Value {
            fn from(v: $name) -> serde_json::Value {
                serde_json::Value::String(v.as_str().to_string())
            }
        }
    };
}

/// Lenient readers: a value of the wrong shape becomes `None`, never an error.
pub mod lenient {
    use super::*;

    /// A number, or a string holding one.
    pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
            Value::String(s) => s
                .trim()
                .parse::<i64>()
                .ok()
                .or_else(|| s.trim().parse::<f64>().ok().map(|f| f as i64)),
            _ => None,
        })
    }

    /// A number, or a string holding one.
    pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
    }

    /// `true`/`false`, or those words as strings (any case), or 0/1.
    pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Bool(b) => Some(b),
            Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
            Value::Number(n) => n.as_i64().map(|i| i != 0),
            _ => None,
        })
    }

    /// A string, or a number or boolean turned into its text.
    pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
    }

    /// A list; anything else (null, an object) reads as empty.
    pub fn vec<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
        d: D,
    ) -> Result<Vec<T>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Array(a) => a
                .into_iter()
                .filter_map(|v| serde_json::from_value(v).ok())
                .collect(),
            _ => Vec::new(),
        })
    }
}

/// A latency as servers send it: `"HH:MM:SS"` (also `D.HH:MM:SS`), or seconds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Latency(pub String);

impl Latency {
    /// The latency as a duration, when it parses.
    pub fn as_duration(&self) -> Option<Duration> {
        let s = self.0.trim();
        if let Ok(secs) = s.parse::<f64>() {
            return (secs >= 0.0).then(|| Duration::from_secs_f64(secs));
        }
        let (days, rest) = match s.split_once('.') {
            Some((d, r)) if r.contains(':') && !d.contains(':') => (d.parse::<u64>().ok()?, r),
            _ => (0, s),
        };
        let parts: Vec<&str> = rest.split(':').collect();
        if parts.len() != 3 {
            return None;
        }
        let h: u64 = parts[0].parse().ok()?;
        let m: u64 = parts[1].parse().ok()?;
        let sec: f64 = parts[2].parse().ok()?;
        Some(Duration::from_secs(days * 86_400 + h * 3600 + m * 60) + Duration::from_secs_f64(sec))
    }
}

impl Serialize for Latency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Latency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Latency(match Value::deserialize(d)? {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        }))
    }
}

wire_enum! {
    /// Monitoring state of a server (2.40 Server State).
    ServerState { Monitored = "MONITORED", NotMonitored = "NOT_MONITORED", Error = "ERROR" }
}

wire_enum! {
    /// Platform of a server (2.40 Server Platform).
    Platform { Windows = "WINDOWS", Linux = "LINUX", Unknown_ = "UNKNOWN" }
}

wire_enum! {
    /// License state of a server (2.40 License State).
    LicenseState {
        LicenseValid = "LICENSE_VALID" | "VALID_LICENSE",
        LicenseInvalidChecksum = "LICENSE_INVALID_CHECKSUM" | "INVALID_LICENSE_CHECKSUM",
        LicenseExpired = "LICENSE_EXPIRED" | "EXPIRED_LICENSE",
        LicenseExpiredNoLicense = "LICENSE_EXPIRED_NO_LICENSE",
        NoLicense = "NO_LICENSE",
        MachineNotLicensed = "MACHINE_NOT_LICENSED",
        InvalidLicense = "INVALID_LICENSE",
    }
}

wire_enum! {
    /// State of a task (2.40 Task State, and what real servers send).
    TaskState {
        Stopped = "STOPPED",
        Running = "RUNNING",
        Error = "ERROR",
        Recovery = "RECOVERY" | "RECOVERING",
        NotExist = "NOT_EXIST",
        Paused = "PAUSED",
        Starting = "STARTING",
        Stopping = "STOPPING",
    }
}

wire_enum! {
    /// Why a task stopped (2.40 Task Stop reason).
    TaskStopReason {
        None = "NONE",
        Normal = "NORMAL",
        RecoverableError = "RECOVERABLE_ERROR",
        FatalError = "FATAL_ERROR" | "FATAL ERROR",
        FullLoadOnlyFinished = "FULL_LOAD_ONLY_FINISHED",
        StoppedAfterFullLoad = "STOPPED_AFTER_FULL_LOAD",
        StoppedAfterCachedEvents = "STOPPED_AFTER_CACHED_EVENTS",
        ExpressLicenseLimitsReached = "EXPRESS_LICENSE_LIMITS_REACHED",
        StoppedAfterDdlApply = "STOPPED_AFTER_DDL_APPLY" | "STOPPED AFTER DDL APPLY",
        StoppedLowMemory = "STOPPED_LOW_MEMORY",
        StoppedLowDiskSpace = "STOPPED_LOW_DISK_SPACE" | "STOPPED_LOW_DISK",
    }
}

wire_enum! {
    /// How to run a task (2.40 Run options).
    RunTaskOptions {
        ResumeProcessing = "RESUME_PROCESSING",
        ReloadTarget = "RELOAD_TARGET",
        ResumeProcessingFromTimestamp = "RESUME_PROCESSING_FROM_TIMESTAMP",
        ResumeProcessingFromPosition = "RESUME_PROCESSING_FROM_POSITION",
        RecoverUsingLocallyStoredCheckpoint = "RECOVER_USING_LOCALLY_STORED_CHECKPOINT",
        RecoverUsingCheckpointStoredOnTarget = "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET",
        MetadataOnlyRecreateAllTables = "METADATA_ONLY_RECREATE_ALL_TABLES",
        MetadataOnlyCreateMissingTables = "METADATA_ONLY_CREATE_MISSING_TABLES",
        None = "NONE",
    }
}

impl RunTaskOptions {
    /// The three options that need a `cdcposition` (2.26).
    pub fn requires_cdc_position(&self) -> bool {
        matches!(
            self,
            RunTaskOptions::ResumeProcessingFromTimestamp
                | RunTaskOptions::ResumeProcessingFromPosition
                | RunTaskOptions::RecoverUsingCheckpointStoredOnTarget
        )
    }
}

wire_enum! {
    /// Role of an endpoint in tasks (2.40 Endpoint Role).
    EndpointRole { Source = "SOURCE", Target = "TARGET", Both = "BOTH", All = "ALL" }
}

wire_enum! {
    /// State of a table (2.40 state).
    TableState {
        Queued = "TABLE_QUEUED",
        Loading = "TABLE_LOADING",
        Completed = "TABLE_COMPLETED",
        ChangeProcessing = "TABLE_CHANGE_PROCESSING",
        Error = "TABLE_ERROR",
    }
}

wire_enum! {
    /// Kind of a selected table (2.40 Table type).
    TableType { Table = "TABLE", View = "VIEW" }
}

wire_enum! {
    /// Result of an endpoint connection test (2.40 Request state, and endpoint states).
    EndpointTestState { Success = "SUCCESS", Failure = "FAILURE", Connected = "CONNECTED", Error = "ERROR", Unknown_ = "UNKNOWN" }
}

wire_enum! {
    /// State of a task's source or target endpoint (2.40 Source/target status).
    EndpointStatus { Running = "RUNNING", Error = "ERROR", Disconnected = "DISCONNECTED", Warning = "WARNING" }
}

wire_enum! {
    /// A JSON Patch operation (2.29).
    PatchOp { Add = "add", Replace = "replace", Remove = "remove", Test = "test", Move = "move", Copy = "copy" }
}
