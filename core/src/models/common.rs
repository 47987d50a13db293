//! Building blocks of the models: the `wire_enum!` and `model!` macros, enums that keep
//! unknown values, lenient readers for numbers and booleans that servers send as
//! strings, and [`Latency`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::time::Duration;

/// The text of doc attributes as `stringify!` gives them (`doc = r" text"`, a raw string
/// for a doc comment), one line each as rustdoc joins them: what a `wire_enum!` says of
/// itself in its JSON Schema.
pub(crate) fn doc_text(attrs: &[&str]) -> String {
    let line = |a: &str| -> Option<String> {
        // stringify! may break the line after `=`.
        let lit = a
            .strip_prefix("doc")?
            .trim_start()
            .strip_prefix('=')?
            .trim_start();
        if let Some(raw) = lit.strip_prefix('r') {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let close = format!("\"{}", "#".repeat(hashes));
            return Some(
                raw[hashes..]
                    .strip_prefix('"')?
                    .strip_suffix(&close)?
                    .to_owned(),
            );
        }
        let inner = lit.strip_prefix('"')?.strip_suffix('"')?;
        Some(inner.replace("\\\"", "\"").replace("\\\\", "\\"))
    };
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|a| line(a))
        .map(|l| l.trim().to_owned())
        .collect();
    lines.join("\n").trim().to_owned()
}

/// Declares a wire enum: REST strings in, REST strings out, with `Unknown(String)` for
/// values a newer server may send. `| "ALIAS"` adds spellings accepted on reading;
/// `@ 3` gives the number the guide assigns to a value (2.40, or the SDK chapters'
/// enumerations, which the bindings' enumerations take), accepted on reading. Any other
/// number, or a boolean, reads as `Unknown` holding its JSON text; reading never fails.
macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident {
        $( $(#[$vdoc:meta])* $variant:ident = $wire:literal $(| $alias:literal)* $(@ $num:literal)? ),* $(,)?
    }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* #[doc = concat!("`", $wire, "`")] $variant, )*
            /// A value this SDK does not know, kept verbatim and written back as it came.
            Unknown(String),
        }

        impl $name {
            /// Every known REST string, in the guide's order.
            pub const ALL: &'static [&'static str] = &[$($wire),*];

            /// The other spellings read as known values (written as their REST string).
            pub const ALIASES: &'static [&'static str] = &[$($($alias,)*)*];

            /// The REST string.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )*
                    $name::Unknown(s) => s.as_str(),
                }
            }

            /// Reads a REST string (or one of its other spellings); never fails.
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $( $wire $(| $alias)* => $name::$variant, )*
                    other => $name::Unknown(other.to_string()),
                }
            }

            /// The value the guide numbers `code` (2.40), if it numbers one so.
            #[allow(unused_variables)]
            pub fn from_code(code: i64) -> Option<Self> {
                $( $( if code == $num { return Some($name::$variant); } )? )*
                None
            }

            /// True for a value this SDK does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, $name::Unknown(_))
            }
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

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name::from_wire(s)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let v = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                Ok(match v {
                    serde_json::Value::String(s) => $name::from_wire(&s),
                    serde_json::Value::Number(n) => n
                        .as_i64()
                        .and_then($name::from_code)
                        .unwrap_or_else(|| $name::Unknown(n.to_string())),
                    other => $name::Unknown(other.to_string()),
                })
            }
        }

        impl From<$name> for serde_json::Value {
            fn from(v: $name) -> serde_json::Value {
                serde_json::Value::String(v.as_str().to_string())
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            // Any string is read (unknown values are kept): the known values, the other
            // spellings read as them (`x-aliases`) and the guide's numbers (`x-codes`).
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                #[allow(unused_mut)]
                let mut aliases = serde_json::Map::new();
                $( $( aliases.insert($alias.to_string(), $wire.into()); )* )*
                #[allow(unused_mut)]
                let mut codes = serde_json::Map::new();
                $( $( codes.insert($num.to_string(), $wire.into()); )? )*
                let mut schema = schemars::json_schema!({
                    "type": "string",
                    "enum": $name::ALL,
                });
                let doc = $crate::models::doc_text(&[$(stringify!($doc)),*]);
                if !doc.is_empty() {
                    schema.insert("description".into(), doc.into());
                }
                if !aliases.is_empty() {
                    schema.insert("x-aliases".into(), aliases.into());
                }
                if !codes.is_empty() {
                    schema.insert("x-codes".into(), codes.into());
                }
                schema.insert("x-open".into(), true.into());
                schema
            }
        }

        impl $crate::models::Canon for $name {
            fn canon(v: &mut serde_json::Value) {
                if let serde_json::Value::String(s) = v {
                    if $name::ALIASES.contains(&s.as_str()) {
                        *s = $name::from_wire(s).as_str().to_string();
                    }
                }
            }
            fn aliases(out: &mut Vec<&'static str>) {
                out.extend_from_slice($name::ALIASES);
            }
        }
    };
}

/// The key a model field has on the wire: its `as "name"`, else its Rust name.
macro_rules! wire_key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $wire:literal) => {
        $wire
    };
}
// The typed Qlik Cloud methods name their arguments the same way.
pub(crate) use wire_key;

/// Declares an answer or request model.
///
/// - Every field is `Option<T>`, read leniently ([`lenient::opt`]): a value of the
///   wrong shape reads as `None`, a number or boolean inside a string is accepted,
///   and `None` is not written.
/// - `field as "wireName"` gives the wire name; `| "other"` adds spellings read too
///   (the first non-null one wins, so a server sending two spellings never fails).
/// - Fields after `; list` are vectors: anything but an array reads as empty, and
///   elements of the wrong shape are skipped.
/// - `extra` keeps every unknown field, written back as it came.
/// - `Name pre path::to::fn { .. }` runs `fn(&mut Value)` on the raw answer first
///   (used to unwrap `{"task": {...}}`).
macro_rules! model {
    ($(#[$m:meta])* $name:ident $(pre $pre:path)? {
        $( $(#[$fm:meta])* $field:ident $(as $wire:literal)? $(| $alias:literal)* : $ty:ty ),* $(,)?
        $(; list $( $(#[$lm:meta])* $lfield:ident $(as $lwire:literal)? $(| $lalias:literal)* : $lty:ty ),* $(,)? )?
    }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, schemars::JsonSchema)]
        pub struct $name {
            $(
                $(#[$fm])*
                $( #[serde(rename = $wire)] )?
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
            $($(
                $(#[$lm])*
                $( #[serde(rename = $lwire)] )?
                pub $lfield: Vec<$lty>,
            )*)?
            /// Fields this SDK does not know, kept and written back as they came.
            #[serde(flatten)]
            pub extra: serde_json::Map<String, serde_json::Value>,
        }

        const _: () = {
            #[derive(serde::Deserialize)]
            struct Wire {
                $(
                    $( #[serde(rename = $wire)] )?
                    #[serde(default, deserialize_with = "crate::models::lenient::opt")]
                    $field: Option<$ty>,
                )*
                $($(
                    $( #[serde(rename = $lwire)] )?
                    #[serde(default, deserialize_with = "crate::models::lenient::vec")]
                    $lfield: Vec<$lty>,
                )*)?
                #[serde(flatten)]
                extra: serde_json::Map<String, serde_json::Value>,
            }

            impl<'de> serde::Deserialize<'de> for $name {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    #[allow(unused_mut)]
                    let mut v = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                    $( $pre(&mut v); )?
                    if v.is_null() {
                        return Ok(Self::default());
                    }
                    if let serde_json::Value::Object(obj) = &mut v {
                        $( crate::models::lenient::merge_spellings(obj, wire_key!($field $($wire)?), &[$($alias),*]); )*
                        $($( crate::models::lenient::merge_spellings(obj, wire_key!($lfield $($lwire)?), &[$($lalias),*]); )*)?
                    }
                    let w: Wire = serde::Deserialize::deserialize(v).map_err(serde::de::Error::custom)?;
                    Ok($name {
                        $( $field: w.$field, )*
                        $($( $lfield: w.$lfield, )*)?
                        extra: w.extra,
                    })
                }
            }

            impl $crate::models::Canon for $name {
                fn canon(v: &mut serde_json::Value) {
                    let serde_json::Value::Object(obj) = v else { return };
                    $(
                        for key in [wire_key!($field $($wire)?) $(, $alias)*] {
                            if let Some(f) = obj.get_mut(key) {
                                <$ty as $crate::models::Canon>::canon(f);
                            }
                        }
                    )*
                    $($(
                        for key in [wire_key!($lfield $($lwire)?) $(, $lalias)*] {
                            if let Some(serde_json::Value::Array(items)) = obj.get_mut(key) {
                                items.iter_mut().for_each(<$lty as $crate::models::Canon>::canon);
                            }
                        }
                    )*)?
                }
                fn aliases(out: &mut Vec<&'static str>) {
                    $( <$ty as $crate::models::Canon>::aliases(out); )*
                    $($( <$lty as $crate::models::Canon>::aliases(out); )*)?
                }
            }
        };
    };
}

/// Writes the known values of an answer's enum fields in their one spelling
/// (`LICENSE_VALID` from a server becomes `VALID_LICENSE`), and its number fields sent as
/// strings as numbers, leaving everything else as the server sent it: the generic entry
/// answers one vocabulary whatever the server spells. Models walk their fields; other
/// types have nothing to rewrite.
pub trait Canon {
    /// Rewrites aliased enum values inside `v`, in place.
    fn canon(_v: &mut Value) {}
    /// Every alias spelling `canon` can rewrite (to skip answers holding none).
    fn aliases(_out: &mut Vec<&'static str>) {}
}

/// An optional list field (`Option<Vec<T>>`): each item as its type says.
impl<T: Canon> Canon for Vec<T> {
    fn canon(v: &mut Value) {
        if let Value::Array(items) = v {
            items.iter_mut().for_each(T::canon);
        }
    }
    fn aliases(out: &mut Vec<&'static str>) {
        T::aliases(out);
    }
}

macro_rules! no_canon {
    ($($t:ty),*) => { $( impl Canon for $t {} )* };
}

no_canon!(
    String,
    bool,
    (),
    Value,
    serde_json::Map<String, Value>,
    Latency
);

/// Numbers the models type as numbers, sent as strings (the guide's REST examples write
/// `"days_to_expiration": "30"`; real servers send 30): the generic entry answers the
/// number, as the typed models read it.
macro_rules! number_canon {
    ($($t:ty),*) => { $(
        impl Canon for $t {
            fn canon(v: &mut Value) {
                let Value::String(s) = v else { return };
                if let Ok(n) = s.trim().parse::<$t>() {
                    *v = Value::from(n);
                }
            }
        }
    )* };
}

number_canon!(i64, u64, u32, i32);

impl Canon for f64 {
    fn canon(v: &mut Value) {
        let Value::String(s) = v else { return };
        if let Some(n) = s
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
        {
            *v = Value::Number(n);
        }
    }
}

/// Lenient readers: a value of the wrong shape becomes `None` (or an empty list),
/// never an error. Usable as `#[serde(default, deserialize_with = "lenient::opt_i64")]`.
pub mod lenient {
    use super::*;
    use serde::de::DeserializeOwned;

    /// Reads any optional value leniently: the value as it is; else a string holding a
    /// number or boolean (`"30"`, `"true"`); else a number or boolean as text (for
    /// string fields); else an integral float as an integer; anything else is `None`.
    pub fn opt<'de, D: Deserializer<'de>, T: DeserializeOwned>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Ok(from_value(Value::deserialize(d)?))
    }

    /// [`opt`] on a value already read.
    pub fn from_value<T: DeserializeOwned>(v: Value) -> Option<T> {
        if v.is_null() {
            return None;
        }
        if let Ok(t) = T::deserialize(&v) {
            return Some(t);
        }
        let alt = match &v {
            Value::String(s) => {
                let s = s.trim();
                if s.eq_ignore_ascii_case("true") {
                    Some(Value::Bool(true))
                } else if s.eq_ignore_ascii_case("false") {
                    Some(Value::Bool(false))
                } else {
                    serde_json::from_str::<Value>(s)
                        .ok()
                        .filter(Value::is_number)
                }
            }
            Value::Number(n) => {
                let integral = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e18);
                if let Some(t) = integral.and_then(|f| T::deserialize(Value::from(f as i64)).ok()) {
                    return Some(t);
                }
                Some(Value::String(n.to_string()))
            }
            Value::Bool(b) => Some(Value::String(b.to_string())),
            _ => None,
        };
        alt.and_then(|a| T::deserialize(a).ok())
    }

    /// A number, or a string holding one; a float is truncated.
    pub fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        Ok(value_i64(&Value::deserialize(d)?))
    }

    /// A non-negative number fitting `u32`, or a string holding one.
    pub fn opt_u32<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Ok(value_i64(&Value::deserialize(d)?).and_then(|i| u32::try_from(i).ok()))
    }

    /// A number, or a string holding one.
    pub fn opt_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
    }

    /// `true`/`false`, those words as strings (any case), or 0/1.
    pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Bool(b) => Some(b),
            Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
            Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
            Value::Number(n) => n.as_i64().map(|i| i != 0),
            _ => None,
        })
    }

    /// A string, or a number or boolean turned into its text (`443` -> `"443"`).
    pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::String(s) => Some(s),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
    }

    /// A list; anything else (null, an object) reads as empty, and elements of the
    /// wrong shape are skipped.
    pub fn vec<'de, D: Deserializer<'de>, T: DeserializeOwned>(d: D) -> Result<Vec<T>, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Array(a) => a
                .into_iter()
                .filter_map(|v| T::deserialize(v).ok())
                .collect(),
            _ => Vec::new(),
        })
    }

    /// An integer from a number (floats truncated) or from a string holding one.
    pub fn value_i64(v: &Value) -> Option<i64> {
        match v {
            Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
            Value::String(s) => {
                let s = s.trim();
                s.parse::<i64>().ok().or_else(|| {
                    s.parse::<f64>()
                        .ok()
                        .filter(|f| f.is_finite())
                        .map(|f| f as i64)
                })
            }
            _ => None,
        }
    }

    /// Where a field comes under several spellings, keeps one under `key`: the first
    /// non-null of `key`, then `others` in order; the other spellings are dropped.
    pub fn merge_spellings(obj: &mut serde_json::Map<String, Value>, key: &str, others: &[&str]) {
        if others.is_empty() {
            return;
        }
        let mut chosen = obj.remove(key).filter(|v| !v.is_null());
        for other in others {
            if let Some(v) = obj.remove(*other) {
                if chosen.is_none() && !v.is_null() {
                    chosen = Some(v);
                }
            }
        }
        if let Some(v) = chosen {
            obj.insert(key.to_string(), v);
        }
    }
}

/// A latency as servers send it (2.17 `cdc_latency`): `"HH:MM:SS"`, also `"H:MM:SS"`,
/// `"D.HH:MM:SS"`, fractional seconds, or a plain number of seconds. The raw text is
/// kept and written back as it came.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, schemars::JsonSchema)]
#[schemars(transparent)]
pub struct Latency(pub String);

impl Latency {
    /// The raw text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The latency as a duration, when it parses.
    pub fn as_duration(&self) -> Option<Duration> {
        let s = self.0.trim();
        if s.is_empty() {
            return None;
        }
        if !s.contains(':') {
            let secs = s.parse::<f64>().ok()?;
            return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs));
        }
        let (days, rest) = match s.split_once('.') {
            Some((d, r)) if r.contains(':') && !d.contains(':') => (d.parse::<u64>().ok()?, r),
            _ => (0, s),
        };
        let parts: Vec<&str> = rest.split(':').collect();
        let (h, m, sec) = match parts.as_slice() {
            [h, m, s] => (h.parse::<u64>().ok()?, m.parse::<u64>().ok()?, *s),
            [m, s] => (0, m.parse::<u64>().ok()?, *s),
            _ => return None,
        };
        let sec: f64 = sec.parse().ok()?;
        if !(sec.is_finite() && sec >= 0.0) {
            return None;
        }
        Some(Duration::from_secs(days * 86_400 + h * 3600 + m * 60) + Duration::from_secs_f64(sec))
    }

    /// Formats a duration as `"HH:MM:SS"` (hours may exceed 99).
    pub fn from_duration(d: Duration) -> Self {
        let s = d.as_secs();
        Latency(format!(
            "{:02}:{:02}:{:02}",
            s / 3600,
            (s / 60) % 60,
            s % 60
        ))
    }
}

impl std::fmt::Display for Latency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Latency {
    fn from(s: &str) -> Self {
        Latency(s.to_string())
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

// ---- enumerations (2.40, with the SDK chapters' extra values and real spellings) ----

wire_enum! {
    /// Monitoring state of a server (2.40 Server State).
    ServerState {
        /// Monitored: Enterprise Manager is connected and synchronized.
        Monitored = "MONITORED" @ 1,
        /// Enterprise Manager fails to connect to and monitor the server.
        Error = "ERROR" @ 2,
        /// The server is not monitored.
        NotMonitored = "NOT_MONITORED" @ 0,
    }
}

wire_enum! {
    /// Platform a server runs on (2.40 Server Platform; `UNKNOWN` from the SDK's AemPlatform).
    Platform {
        /// Windows.
        Windows = "WINDOWS" @ 1,
        /// Linux.
        Linux = "LINUX" @ 2,
        /// The server did not say.
        Unspecified = "UNKNOWN" @ 0,
    }
}

wire_enum! {
    /// License state of a server, in the spelling of real servers and of the guide's SDK
    /// chapters (`AemLicenseState`); the REST chapter's spellings (2.40: `LICENSE_VALID`,
    /// ...) are read as the same values.
    LicenseState {
        /// Valid.
        ValidLicense = "VALID_LICENSE" | "LICENSE_VALID" @ 0,
        /// Bad checksum.
        InvalidLicenseChecksum = "INVALID_LICENSE_CHECKSUM" | "LICENSE_INVALID_CHECKSUM" @ 1,
        /// Expired (2.40 has one state for expired and missing licenses).
        ExpiredLicense = "EXPIRED_LICENSE" | "LICENSE_EXPIRED" | "LICENSE_EXPIRED_NO_LICENSE" @ 2,
        /// No license.
        NoLicense = "NO_LICENSE" | "NO_LICENSE_FOUND" @ 3,
        /// This machine is not licensed.
        MachineNotLicensed = "MACHINE_NOT_LICENSED" @ 4,
        /// Invalid.
        InvalidLicense = "INVALID_LICENSE" @ 5,
    }
}

wire_enum! {
    /// Type of a server as real servers send it in `type` (not in the guide).
    ServerType {
        /// Qlik Replicate.
        Replicate = "REPLICATE" @ 1,
        /// Qlik Compose.
        Compose = "COMPOSE" | "COMPOSE_DWH" @ 4,
        /// Compose for Data Lakes.
        ComposeFdl = "COMPOSE_FDL" @ 3,
        /// Compose for Data Warehouses.
        ComposeFdw = "COMPOSE_FDW" @ 5,
    }
}

wire_enum! {
    /// State of a task (2.40 Task State, and what real servers send; `RECOVERING` reads as `Recovery`).
    TaskState {
        /// Not run yet, or stopped.
        Stopped = "STOPPED" @ 0,
        /// Running.
        Running = "RUNNING" @ 1,
        /// Stopped on a fatal error.
        Error = "ERROR" @ 2,
        /// Recovering from an error.
        Recovery = "RECOVERY" | "RECOVERING" @ 3,
        /// The task does not exist.
        NotExist = "NOT_EXIST" @ 5,
        /// Paused.
        Paused = "PAUSED" @ 4,
        /// Starting.
        Starting = "STARTING" @ 6,
        /// Stopping.
        Stopping = "STOPPING" @ 7,
    }
}

impl TaskState {
    /// True for the states a task rests in (STOPPED, RUNNING, ERROR, NOT_EXIST, PAUSED).
    pub fn is_steady(&self) -> bool {
        matches!(
            self,
            TaskState::Stopped
                | TaskState::Running
                | TaskState::Error
                | TaskState::NotExist
                | TaskState::Paused
        )
    }
}

wire_enum! {
    /// Why a task stopped (2.40 Task Stop reason; the list's `stop_reason`, the details' `task_stop_reason`).
    TaskStopReason {
        /// Running, no stop reason.
        None = "NONE" @ 0,
        /// Stopped by the user.
        Normal = "NORMAL" @ 1,
        /// A temporary problem; Replicate restarts the task.
        RecoverableError = "RECOVERABLE_ERROR" @ 2,
        /// Stopped; the error must be resolved by hand.
        FatalError = "FATAL_ERROR" | "FATAL ERROR" @ 3,
        /// Full load only, finished.
        FullLoadOnlyFinished = "FULL_LOAD_ONLY_FINISHED" @ 4,
        /// Stopped after full load.
        StoppedAfterFullLoad = "STOPPED_AFTER_FULL_LOAD" @ 5,
        /// Stopped after cached changes were applied.
        StoppedAfterCachedEvents = "STOPPED_AFTER_CACHED_EVENTS" @ 6,
        /// Express license limits reached.
        ExpressLicenseLimitsReached = "EXPRESS_LICENSE_LIMITS_REACHED" @ 7,
        /// Stopped after DDL statements were applied.
        StoppedAfterDdlApply = "STOPPED_AFTER_DDL_APPLY" | "STOPPED AFTER DDL APPLY" @ 8,
        /// Stopped on low memory.
        StoppedLowMemory = "STOPPED_LOW_MEMORY" @ 9,
        /// Stopped on low disk space.
        StoppedLowDiskSpace = "STOPPED_LOW_DISK_SPACE" | "STOPPED_LOW_DISK" @ 10,
    }
}

wire_enum! {
    /// How to run a task (2.40 Run options, RunTask's `option`).
    RunTaskOptions {
        /// Resume from where the task stopped.
        ResumeProcessing = "RESUME_PROCESSING" @ 1,
        /// Restart full load.
        ReloadTarget = "RELOAD_TARGET" @ 2,
        /// Start change processing from a timestamp (`cdcposition`).
        ResumeProcessingFromTimestamp = "RESUME_PROCESSING_FROM_TIMESTAMP" @ 3,
        /// Start change processing from a source log position (`cdcposition`).
        ResumeProcessingFromPosition = "RESUME_PROCESSING_FROM_POSITION" @ 8,
        /// Recover from the checkpoint in the task folder.
        RecoverUsingLocallyStoredCheckpoint = "RECOVER_USING_LOCALLY_STORED_CHECKPOINT" @ 6,
        /// Recover from the target's `attrep_txn_state` checkpoint (`cdcposition`).
        RecoverUsingCheckpointStoredOnTarget = "RECOVER_USING_CHECKPOINT_STORED_ON_TARGET" @ 7,
        /// Recreate the target tables defined for full load.
        MetadataOnlyRecreateAllTables = "METADATA_ONLY_RECREATE_ALL_TABLES" @ 4,
        /// Create missing target tables, change tables included.
        MetadataOnlyCreateMissingTables = "METADATA_ONLY_CREATE_MISSING_TABLES" @ 5,
    }
}

impl RunTaskOptions {
    /// True for the three options that need a `cdcposition` body (2.26).
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
    /// Task type in GetTaskDetails' `type`/`$type` (2.17).
    TaskType {
        /// A Replicate task.
        Replicate = "ReplicateTaskInfoDetailed",
        /// A Compose Data Warehouse task.
        ComposeDw = "AemComposeDWTaskInfoDetailed",
        /// A Compose Data Mart task.
        ComposeDm = "AemComposeDMTaskInfoDetailed",
        /// A Compose Data Lake task.
        ComposeDl = "AemComposeDLTaskInfoDetailed",
    }
}

wire_enum! {
    /// Role of an endpoint (2.40 Endpoint Role; ALL and BOTH from the SDK's EndpointRole).
    EndpointRole {
        /// Source.
        Source = "SOURCE" @ 1,
        /// Target.
        Target = "TARGET" @ 2,
        /// Both source and target.
        Both = "BOTH" @ 3,
        /// Any role.
        All = "ALL" @ 0,
    }
}

wire_enum! {
    /// Result of TestEndpoint (2.36; 2.40 Request state, and the SDK's AemEndpointState).
    EndpointState {
        /// The connection is valid.
        Success = "SUCCESS",
        /// The connection is not valid.
        Failure = "FAILURE",
        /// Connected.
        Connected = "CONNECTED" @ 1,
        /// Error.
        Error = "ERROR" @ 2,
        /// Not known.
        Unspecified = "UNKNOWN" @ 0,
    }
}

impl EndpointState {
    /// True for SUCCESS and CONNECTED.
    pub fn is_ok(&self) -> bool {
        matches!(self, EndpointState::Success | EndpointState::Connected)
    }
}

/// The earlier name of [`EndpointState`].
pub type EndpointTestState = EndpointState;

wire_enum! {
    /// State of a task's source or target endpoint (2.40 Source/target status).
    EndpointStatus {
        /// Running.
        Running = "RUNNING",
        /// File channel only: cannot send files.
        Error = "ERROR",
        /// Cannot connect.
        Disconnected = "DISCONNECTED",
        /// The target applies changes one by one.
        Warning = "WARNING",
    }
}

wire_enum! {
    /// State of a table (2.40 state; the numbers 0-4 are read too).
    TableState {
        /// Awaiting loading.
        Queued = "TABLE_QUEUED" @ 0,
        /// Being loaded.
        Loading = "TABLE_LOADING" @ 1,
        /// Loaded.
        Completed = "TABLE_COMPLETED" @ 2,
        /// Loaded, changes being applied.
        ChangeProcessing = "TABLE_CHANGE_PROCESSING" @ 3,
        /// An error occurred.
        Error = "TABLE_ERROR" @ 4,
    }
}

wire_enum! {
    /// Kind of a selected table (2.40 Table type; the numbers 1-2 are read too).
    TableType {
        /// A table.
        Table = "TABLE" @ 1,
        /// A view.
        View = "VIEW" @ 2,
    }
}

wire_enum! {
    /// Named load orders of a table selection (2.40 Load order).
    StandardLoadOrder {
        /// -2147483647.
        Lowest = "LOWEST" @ -2147483647,
        /// -5000.
        Lower = "LOWER" @ -5000,
        /// -1000.
        Low = "LOW" @ -1000,
        /// 0.
        Normal = "NORMAL" @ 0,
        /// 1000.
        High = "HIGH" @ 1000,
        /// 5000.
        Higher = "HIGHER" @ 5000,
        /// 2147483647.
        Highest = "HIGHEST" @ 2147483647,
    }
}

impl StandardLoadOrder {
    /// The number the guide gives this load order.
    pub fn value(&self) -> Option<i64> {
        Some(match self {
            StandardLoadOrder::Lowest => -2147483647,
            StandardLoadOrder::Lower => -5000,
            StandardLoadOrder::Low => -1000,
            StandardLoadOrder::Normal => 0,
            StandardLoadOrder::High => 1000,
            StandardLoadOrder::Higher => 5000,
            StandardLoadOrder::Highest => 2147483647,
            StandardLoadOrder::Unknown(s) => return s.trim().parse().ok(),
        })
    }
}

wire_enum! {
    /// A JSON Patch operation of PatchEndpoint (2.29; move and copy are not supported by servers).
    PatchOp {
        /// Adds or replaces a field.
        Add = "add",
        /// Replaces a field.
        Replace = "replace",
        /// Removes a field.
        Remove = "remove",
        /// Tests a field's value.
        Test = "test",
    }
}
