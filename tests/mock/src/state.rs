//! The mock's world: one JSON document (see STATE.md), held as typed structs.

use std::collections::BTreeMap;
use std::time::Instant;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json, Value};

use crate::errors::{self, ApiError};
use crate::util;

/// Enterprise Manager roles, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Default)]
pub enum Role {
    #[serde(rename = "NONE")]
    None,
    #[default]
    #[serde(rename = "VIEWER")]
    Viewer,
    #[serde(rename = "OPERATOR")]
    Operator,
    #[serde(rename = "DESIGNER")]
    Designer,
    #[serde(rename = "ADMIN")]
    Admin,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().to_ascii_uppercase();
        let s = s.strip_suffix("_ROLE").unwrap_or(&s);
        Some(match s {
            "ADMIN" | "ADMINISTRATOR" => Role::Admin,
            "DESIGNER" => Role::Designer,
            "OPERATOR" => Role::Operator,
            "VIEWER" => Role::Viewer,
            "NONE" | "" => Role::None,
            _ => return None,
        })
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Role::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown role {s}")))
    }
}

fn de_lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match &v {
        Value::Bool(b) => *b,
        Value::String(s) => util::parse_bool(s).unwrap_or(false),
        Value::Number(n) => n.as_i64().unwrap_or(0) != 0,
        _ => false,
    })
}

fn de_port<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match &v {
        Value::Number(n) => n.as_u64().unwrap_or(0) as u32,
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

fn de_opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match v {
        Value::String(s) if !s.is_empty() => Some(s),
        _ => None,
    })
}

fn de_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = Value::deserialize(d)?;
    Ok(match &v {
        Value::Number(n) => n.as_u64().unwrap_or(0),
        Value::String(s) => s.trim().parse().unwrap_or(0),
        _ => 0,
    })
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub session_idle_seconds: u64,
    pub run_delay_ms: u64,
    pub stop_delay_ms: u64,
    /// HTTP status of the INVALID_SESSION_ID answer (440, 401 or 500).
    pub invalid_session_status: u16,
    /// Enterprise Manager's own license: VALID, NOT_FOUND, EVALUATION_EXPIRED, TERM_EXPIRED,
    /// INVALID_SIGNATURE or HOST_MISMATCH.
    pub em_license: String,
    /// Method name (chapter 4 snake_case) -> error code answered for every call of it.
    pub force_errors: BTreeMap<String, String>,
    /// Host name stamped into export descriptions.
    pub host_name: String,
    /// A line that exports begin with, as `// {text}` (some servers write one); none by default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_comment: Option<String>,
    /// How many requests `GET /mock/requests` keeps (the oldest go first).
    pub request_log_size: usize,
    /// How GetServerDetails spells license states: `sdk` (`VALID_LICENSE`, what real
    /// servers and Qlik's clients use) or `rest` (`LICENSE_VALID`, the guide's chapter 2).
    pub license_state_spelling: String,
    /// The stamp of export names and descriptions (`YYYY-MM-DD HH:MM:SS.ffffff`); by
    /// default the time the world was loaded, so that exports are byte-stable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_time: Option<String>,
    /// Active Directory domains' DNS names by NetBIOS name (`{"COMPANYXYZ":
    /// "companyxyz.com"}`): `user@companyxyz.com` logs in as `COMPANYXYZ\user`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub domains: BTreeMap<String, String>,
    /// GetServerDetails sends `license.days_to_expiration` as a string (`"30"`, the
    /// guide's REST example) instead of a number (what real servers send).
    pub days_to_expiration_as_string: bool,
    /// How REST answers spell a recovering task's state: `RECOVERING` (2.40 and real
    /// servers) or `RECOVERY` (the SDK chapters' enum).
    pub recovering_state: String,
    /// The date licenses are measured from (`YYYY-MM-DD`), for answers that do not change
    /// from day to day; today when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
}

impl Settings {
    /// `today` (or the real date) in days since 1970-01-01.
    pub fn today_days(&self) -> i64 {
        self.today
            .as_deref()
            .and_then(crate::util::parse_date)
            .unwrap_or_else(|| crate::util::unix_now_secs().div_euclid(86_400))
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            session_idle_seconds: 300,
            run_delay_ms: 300,
            stop_delay_ms: 300,
            invalid_session_status: 440,
            em_license: "VALID".into(),
            force_errors: BTreeMap::new(),
            host_name: "qem-mock".into(),
            export_comment: None,
            request_log_size: 1000,
            license_state_spelling: "sdk".into(),
            export_time: None,
            domains: BTreeMap::new(),
            days_to_expiration_as_string: false,
            recovering_state: "RECOVERING".into(),
            today: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct User {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    pub role: Role,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub server_roles: BTreeMap<String, Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwt: Option<String>,
    /// The `NameID` a SAML login message names this user by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saml_name_id: Option<String>,
    /// The user principal name Active Directory also knows the user by
    /// (`_dbtask@companyxyz.com`), accepted at login like the stored name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upn: Option<String>,
    /// Groups the user belongs to (`DOMAIN\group`), matched against server ACLs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Caps the user's permission on endpoints ("All Endpoints").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoints_role: Option<Role>,
    /// Caps the user's permission on tasks ("All Tasks").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tasks_role: Option<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct License {
    pub issue_date: String,
    pub state: String,
    pub expiration: String,
}

impl Default for License {
    fn default() -> Self {
        License {
            issue_date: "2024-01-01".into(),
            state: "VALID_LICENSE".into(),
            expiration: "2030-12-31".into(),
        }
    }
}

/// License states in the SDK spelling (guide chapters 3 and 4, real servers) and the
/// REST chapter's (2.40), which has one state for expired and missing licenses.
const LICENSE_SPELLINGS: &[(&str, &str)] = &[
    ("VALID_LICENSE", "LICENSE_VALID"),
    ("INVALID_LICENSE_CHECKSUM", "LICENSE_INVALID_CHECKSUM"),
    ("EXPIRED_LICENSE", "LICENSE_EXPIRED_NO_LICENSE"),
    ("EXPIRED_LICENSE", "LICENSE_EXPIRED"),
    ("NO_LICENSE", "LICENSE_EXPIRED_NO_LICENSE"),
    ("MACHINE_NOT_LICENSED", "MACHINE_NOT_LICENSED"),
    ("INVALID_LICENSE", "INVALID_LICENSE"),
];

impl License {
    /// The state in the SDK spelling, whichever spelling it was seeded in (unknown
    /// states as they are).
    pub fn sdk_state(&self) -> String {
        let upper = self.state.trim().to_ascii_uppercase();
        LICENSE_SPELLINGS
            .iter()
            .find(|(sdk, rest)| *sdk == upper || *rest == upper)
            .map_or(self.state.clone(), |(sdk, _)| sdk.to_string())
    }

    /// The state as GetServerDetails sends it: `spelling` is `rest` or `sdk`.
    pub fn wire_state(&self, spelling: &str) -> String {
        let sdk = self.sdk_state();
        if !spelling.eq_ignore_ascii_case("rest") {
            return sdk;
        }
        LICENSE_SPELLINGS
            .iter()
            .find(|(s, _)| *s == sdk)
            .map_or(sdk.clone(), |(_, rest)| rest.to_string())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Endpoint {
    pub name: String,
    pub role: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub is_licensed: bool,
    pub description: String,
    pub db_settings: Value,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    pub type_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub override_properties: Option<Value>,
    /// TestEndpoint outcome: SUCCESS (default), FAILURE or TIMEOUT.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    pub test_result: Option<String>,
}

impl Default for Endpoint {
    fn default() -> Self {
        Endpoint {
            name: String::new(),
            role: "SOURCE".into(),
            kind: "Oracle".into(),
            is_licensed: true,
            description: String::new(),
            db_settings: json!({}),
            type_id: None,
            override_properties: None,
            test_result: None,
        }
    }
}

impl Endpoint {
    pub fn type_id(&self) -> String {
        if let Some(t) = &self.type_id {
            return t.clone();
        }
        let mut s: String = self
            .kind
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_uppercase()
                } else {
                    '_'
                }
            })
            .collect();
        s.push_str("_COMPONENT_TYPE");
        s
    }
}

/// Derives a display type from an export's `type_id` (`ORACLE_COMPONENT_TYPE` -> `Oracle`).
pub fn kind_from_type_id(type_id: &str) -> String {
    let base = type_id.strip_suffix("_COMPONENT_TYPE").unwrap_or(type_id);
    base.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskOptions {
    #[serde(deserialize_with = "de_lenient_bool")]
    pub full_load_enabled: bool,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub apply_changes_enabled: bool,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub store_changes_enabled: bool,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub audit_changes_enabled: bool,
}

impl Default for TaskOptions {
    fn default() -> Self {
        TaskOptions {
            full_load_enabled: true,
            apply_changes_enabled: true,
            store_changes_enabled: false,
            audit_changes_enabled: false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Pending {
    pub to: String,
    pub at: Instant,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Table {
    pub schema: String,
    pub table: String,
    pub state: String,
    #[serde(deserialize_with = "de_u64")]
    pub record_count: u64,
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub data_errors_count: u64,
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub insert_count: u64,
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub update_count: u64,
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub delete_count: u64,
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub ddl_count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_end: Option<String>,
    #[serde(skip)]
    pub pending: Option<Pending>,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            schema: String::new(),
            table: String::new(),
            state: "TABLE_COMPLETED".into(),
            record_count: 0,
            data_errors_count: 0,
            insert_count: 0,
            update_count: 0,
            delete_count: 0,
            ddl_count: 0,
            load_start: None,
            load_end: None,
            pending: None,
        }
    }
}

impl Table {
    pub fn settle(&mut self, now: Instant) {
        if let Some(p) = &self.pending {
            if now >= p.at {
                self.state = p.to.clone();
                self.load_end = Some(util::now_iso());
                self.pending = None;
            }
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Task {
    pub name: String,
    pub description: String,
    pub state: String,
    pub stop_reason: String,
    pub message: String,
    #[serde(deserialize_with = "de_opt_string")]
    pub source_endpoint: Option<String>,
    #[serde(deserialize_with = "de_opt_string")]
    pub target_endpoint: Option<String>,
    pub assigned_tags: Vec<String>,
    pub options: TaskOptions,
    pub profile: String,
    pub tables: Vec<Table>,
    pub selection: Value,
    pub retention_barrier: Value,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    pub fault: Option<String>,
    pub log_stream_staging: String,
    /// Seconds of CDC latency reported while running (for drain tests).
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub cdc_latency_seconds: u64,
    /// Transactions in progress reported while running (for drain tests).
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub transactions_in_progress: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_load_start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full_load_end: Option<String>,
    /// The task's entry of an imported export document, exported back as it came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<Value>,
    /// Extra generated tables `GEN.TABLE_00001`... (not materialized; see /mock/generate).
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub synthetic_tables: u64,
    /// Bytes of padding generated into this task's export entry.
    #[serde(skip_serializing_if = "is_zero", deserialize_with = "de_u64")]
    pub padding_bytes: u64,
    /// Settings overridden by CloneTask (new_control_schema, ...), exported in task_settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings_overrides: Option<Value>,
    #[serde(skip)]
    pub pending: Option<Pending>,
    #[serde(skip)]
    pub run_started: Option<Instant>,
}

impl Default for Task {
    fn default() -> Self {
        Task {
            name: String::new(),
            description: String::new(),
            state: "STOPPED".into(),
            stop_reason: "NORMAL".into(),
            message: String::new(),
            source_endpoint: None,
            target_endpoint: None,
            assigned_tags: Vec::new(),
            options: TaskOptions::default(),
            profile: "UNIDIRECTIONAL".into(),
            tables: Vec::new(),
            selection: Value::Null,
            retention_barrier: Value::Null,
            fault: None,
            log_stream_staging: String::new(),
            cdc_latency_seconds: 0,
            transactions_in_progress: 0,
            full_load_start: None,
            full_load_end: None,
            document: None,
            synthetic_tables: 0,
            padding_bytes: 0,
            settings_overrides: None,
            pending: None,
            run_started: None,
        }
    }
}

/// A task state as REST answers spell it: a recovering task as `recovering` says
/// (`RECOVERING` or `RECOVERY`, whichever it was seeded as), others as they are.
pub fn wire_task_state<'a>(state: &'a str, recovering: &'a str) -> &'a str {
    match state {
        "RECOVERY" | "RECOVERING" if recovering.eq_ignore_ascii_case("RECOVERY") => "RECOVERY",
        "RECOVERY" | "RECOVERING" => "RECOVERING",
        other => other,
    }
}

pub fn is_running_state(s: &str) -> bool {
    matches!(
        s,
        "RUNNING" | "STARTING" | "STOPPING" | "RECOVERY" | "RECOVERING"
    )
}

impl Task {
    /// Applies a due state transition.
    pub fn settle(&mut self, now: Instant) {
        if let Some(p) = &self.pending {
            if now >= p.at {
                let to = p.to.clone();
                self.pending = None;
                match to.as_str() {
                    "RUNNING" => {
                        self.state = to;
                        self.stop_reason = "NONE".into();
                        self.message.clear();
                        self.run_started = Some(now);
                        if self.full_load_start.is_some() && self.full_load_end.is_none() {
                            self.full_load_end = Some(util::now_iso());
                        }
                    }
                    "ERROR" => {
                        self.state = to;
                        self.stop_reason = "FATAL_ERROR".into();
                        self.message = "Simulated fatal error (fault run_error).".into();
                    }
                    _ => {
                        self.state = to;
                        self.stop_reason = "NORMAL".into();
                        self.run_started = None;
                    }
                }
            }
        }
        for t in &mut self.tables {
            t.settle(now);
        }
    }

    /// Materialized plus synthetic tables, in order.
    pub fn all_tables(&self) -> impl Iterator<Item = std::borrow::Cow<'_, Table>> {
        let synth = (1..=self.synthetic_tables).map(|i| {
            std::borrow::Cow::Owned(Table {
                schema: "GEN".into(),
                table: format!("TABLE_{i:05}"),
                state: "TABLE_COMPLETED".into(),
                record_count: 1000 + i,
                ..Table::default()
            })
        });
        self.tables
            .iter()
            .map(std::borrow::Cow::Borrowed)
            .chain(synth)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Server {
    #[serde(rename = "$type")]
    pub dtype: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub description: String,
    pub host: String,
    #[serde(deserialize_with = "de_port")]
    pub port: u32,
    pub username: String,
    pub password: String,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub verify_server_certificate: bool,
    #[serde(deserialize_with = "de_lenient_bool")]
    pub monitored: bool,
    pub state: String,
    pub message: String,
    pub platform: String,
    pub version: String,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de_opt_string"
    )]
    pub last_connection: Option<String>,
    pub license: License,
    pub acl: Value,
    pub endpoints: Vec<Endpoint>,
    pub tasks: Vec<Task>,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            dtype: "AemReplicateServer".into(),
            kind: "REPLICATE".into(),
            name: String::new(),
            description: String::new(),
            host: "localhost".into(),
            port: 443,
            username: "administrator".into(),
            password: "secret".into(),
            verify_server_certificate: true,
            monitored: true,
            state: "MONITORED".into(),
            message: String::new(),
            platform: "LINUX".into(),
            version: "2024.11.0.177".into(),
            last_connection: None,
            license: License::default(),
            acl: Value::Null,
            endpoints: Vec::new(),
            tasks: Vec::new(),
        }
    }
}

impl Server {
    pub fn is_compose(&self) -> bool {
        self.kind.to_ascii_uppercase().starts_with("COMPOSE")
            || self.dtype.to_ascii_lowercase().contains("compose")
    }
    pub fn task(&self, name: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.name == name)
    }
    pub fn task_mut(&mut self, name: &str) -> Option<&mut Task> {
        self.tasks.iter_mut().find(|t| t.name == name)
    }
    pub fn endpoint(&self, name: &str) -> Option<&Endpoint> {
        self.endpoints.iter().find(|e| e.name == name)
    }
    pub fn endpoint_mut(&mut self, name: &str) -> Option<&mut Endpoint> {
        self.endpoints.iter_mut().find(|e| e.name == name)
    }
    pub fn settle(&mut self, now: Instant) {
        for t in &mut self.tasks {
            t.settle(now);
        }
    }
    /// Major.minor version as a comparable pair.
    pub fn version_pair(&self) -> (u64, u64) {
        let mut it = self
            .version
            .split('.')
            .map(|p| p.trim().parse::<u64>().unwrap_or(0));
        (it.next().unwrap_or(0), it.next().unwrap_or(0))
    }
    pub fn supports_export(&self) -> bool {
        self.version_pair() >= (5, 2)
    }

    /// The general "can Enterprise Manager talk to this server" checks of 2.4.
    pub fn check_reachable(&self) -> Result<(), ApiError> {
        let s = [("server", self.name.as_str())];
        let state = self.state.to_ascii_uppercase();
        if state == "NOT_MONITORED" || !self.monitored {
            return Err(errors::SERVER_NOT_MONITORED.with(&s));
        }
        if state == "ERROR" || state == "NOT_CONNECTED" {
            let msg = if self.message.is_empty() {
                "Connection refused."
            } else {
                &self.message
            };
            return Err(
                errors::SERVER_NOT_CONNECTED.with(&[("server", &self.name), ("message", msg)])
            );
        }
        let lic = self.license.sdk_state();
        if lic.contains("EXPIRED") {
            return Err(errors::SERVER_LICENSE_EXPIRED.with(&s));
        }
        if lic.contains("INVALID") || lic == "MACHINE_NOT_LICENSED" || lic == "NO_LICENSE" {
            return Err(errors::SERVER_INVALID_LICENSE.with(&s));
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct AuditEntry {
    pub timestamp: String,
    pub user: String,
    pub action: String,
    pub server: String,
    pub object_type: String,
    pub object: String,
    pub details: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct World {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default = "default_users")]
    pub users: Vec<User>,
    #[serde(default = "default_servers")]
    pub servers: Vec<Server>,
    #[serde(default)]
    pub audit_trail: Vec<AuditEntry>,
    /// The Qlik Cloud tenant served under `/qlik-cloud` (see `cloud.rs`).
    #[serde(default)]
    pub qlik_cloud: crate::cloud::CloudWorld,
    /// The Kinetic Task web application served under `/kinetic-task` (see `kinetic.rs`).
    #[serde(default)]
    pub kinetic: crate::kinetic::KineticWorld,
    /// Veeam Backup Enterprise Manager served under `/veeam` (see `veeam.rs`).
    #[serde(default)]
    pub veeam: crate::veeam::VeeamWorld,
    /// When this world was loaded (unix microseconds): the default stamp of exports.
    #[serde(skip, default = "crate::util::unix_now_micros")]
    pub loaded_micros: i64,
}

const DEFAULT_USERS: &str = r#"[
    { "name": "QEM\\admin",    "password": "admin-pass",    "role": "ADMIN" },
    { "name": "QEM\\designer", "password": "designer-pass", "role": "DESIGNER" },
    { "name": "QEM\\operator", "password": "operator-pass", "role": "OPERATOR" },
    { "name": "QEM\\viewer",   "password": "viewer-pass",   "role": "VIEWER",
      "server_roles": { "Local Server": "OPERATOR" } },
    { "name": "QEM\\tokenuser", "role": "ADMIN", "api_token": "pat-admin-123", "jwt": "eyJ.admin.jwt" },
    { "name": "QEM\\samluser", "role": "ADMIN", "saml_name_id": "samluser@qem.example" }
]"#;

const DEFAULT_SERVERS: &str = r#"[
    {
      "$type": "AemReplicateServer",
      "type": "REPLICATE",
      "name": "Local Server",
      "description": "replicate for business",
      "host": "rep1.example.net",
      "port": 443,
      "username": "administrator",
      "password": "secret",
      "verify_server_certificate": true,
      "monitored": true,
      "state": "MONITORED",
      "platform": "LINUX",
      "version": "2024.11.0.177",
      "license": { "issue_date": "2024-01-01", "state": "VALID_LICENSE", "expiration": "2030-12-31" },
      "acl": null,
      "endpoints": [
        { "name": "Oracle Source", "role": "SOURCE", "type": "Oracle", "is_licensed": true,
          "description": "", "db_settings": { "$type": "OracleSettings", "server": "ora1:1521/ORCL", "username": "repl" } },
        { "name": "Delta Target", "role": "TARGET", "type": "Databricks Delta", "is_licensed": true,
          "description": "", "db_settings": { "$type": "DatabricksDeltaSettings", "host": "dbx.example.net" } }
      ],
      "tasks": [
        {
          "name": "SalesDBBackup",
          "description": "",
          "state": "STOPPED",
          "stop_reason": "NORMAL",
          "source_endpoint": "Oracle Source",
          "target_endpoint": "Delta Target",
          "assigned_tags": ["sales"],
          "options": { "full_load_enabled": true, "apply_changes_enabled": true,
                       "store_changes_enabled": false, "audit_changes_enabled": false },
          "tables": [
            { "schema": "SALES", "table": "ORDERS", "state": "TABLE_COMPLETED", "record_count": 1200 },
            { "schema": "SALES", "table": "ORDER_ITEMS", "state": "TABLE_COMPLETED", "record_count": 5300 }
          ],
          "selection": null,
          "retention_barrier": null
        }
      ]
    }
]"#;

pub fn default_users() -> Vec<User> {
    serde_json::from_str(DEFAULT_USERS).expect("default users")
}

pub fn default_servers() -> Vec<Server> {
    serde_json::from_str(DEFAULT_SERVERS).expect("default servers")
}

impl Default for World {
    fn default() -> Self {
        World {
            settings: Settings::default(),
            users: default_users(),
            servers: default_servers(),
            audit_trail: Vec::new(),
            qlik_cloud: crate::cloud::CloudWorld::default(),
            kinetic: crate::kinetic::KineticWorld::default(),
            veeam: crate::veeam::VeeamWorld::default(),
            loaded_micros: crate::util::unix_now_micros(),
        }
    }
}

impl World {
    pub fn from_value(v: Value) -> Result<World, String> {
        if !v.is_object() {
            return Err("the state document must be a JSON object".into());
        }
        serde_json::from_value(v).map_err(|e| e.to_string())
    }

    pub fn to_value(&mut self) -> Value {
        let now = Instant::now();
        for s in &mut self.servers {
            s.settle(now);
        }
        serde_json::to_value(&*self).unwrap_or(Value::Null)
    }

    pub fn server(&self, name: &str) -> Option<&Server> {
        self.servers.iter().find(|s| s.name == name)
    }
    pub fn server_mut(&mut self, name: &str) -> Option<&mut Server> {
        self.servers.iter_mut().find(|s| s.name == name)
    }

    pub fn user(&self, name: &str) -> Option<&User> {
        self.users.iter().find(|u| u.name == name)
    }

    /// The user's role on Enterprise Manager as a whole ("All Servers").
    pub fn global_role(&self, user: &str) -> Role {
        self.user(user).map(|u| u.role).unwrap_or(Role::None)
    }

    /// The user's role on one server: an explicit ACL naming the user (or one of the user's
    /// groups) wins; otherwise `server_roles`, otherwise the global role (unless the ACL
    /// disables inheritance).
    pub fn server_role(&self, user: &str, server: &Server) -> Role {
        let Some(u) = self.user(user) else {
            return Role::None;
        };
        if let Some(acl) = server.acl.as_object() {
            let mut best: Option<Role> = None;
            for (key, role) in [
                ("admin_role", Role::Admin),
                ("designer_role", Role::Designer),
                ("operator_role", Role::Operator),
                ("viewer_role", Role::Viewer),
            ] {
                let Some(r) = acl.get(key) else { continue };
                let listed = |field: &str, names: &[&str]| {
                    r.get(field).and_then(Value::as_array).is_some_and(|arr| {
                        arr.iter().any(|e| {
                            let n = e.get("name").and_then(Value::as_str).unwrap_or_default();
                            names.iter().any(|x| x.eq_ignore_ascii_case(n))
                        })
                    })
                };
                let groups: Vec<&str> = u.groups.iter().map(String::as_str).collect();
                if listed("users", &[u.name.as_str()]) || listed("groups", &groups) {
                    best = Some(best.map_or(role, |b| b.max(role)));
                }
            }
            if let Some(r) = best {
                return r;
            }
            let disabled = match acl.get("disable_inheritance") {
                Some(Value::Bool(b)) => *b,
                Some(Value::String(s)) => util::parse_bool(s).unwrap_or(false),
                _ => false,
            };
            if disabled {
                return Role::None;
            }
        }
        u.server_roles.get(&server.name).copied().unwrap_or(u.role)
    }

    pub fn audit(
        &mut self,
        user: &str,
        action: &str,
        server: &str,
        object_type: &str,
        object: &str,
        details: &str,
    ) {
        self.audit_trail.push(AuditEntry {
            timestamp: format!("{}Z", util::now_iso()),
            user: user.to_string(),
            action: action.to_string(),
            server: server.to_string(),
            object_type: object_type.to_string(),
            object: object.to_string(),
            details: details.to_string(),
        });
    }
}

/// 403 unless `have >= need`.
pub fn require(have: Role, need: Role) -> Result<(), ApiError> {
    if have >= need && have != Role::None {
        Ok(())
    } else {
        Err(errors::UNAUTHORIZED.plain())
    }
}
