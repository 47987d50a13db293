//! Tables: GetTableList, GetTaskTableSelection/PutTaskTableSelection, GetTableStatuses
//! (guide 2.18 - 2.21).

use super::{StandardLoadOrder, TableState, TableType};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// The query filters of GetTableList and GetTableStatuses (2.18, 2.21): `%` and `_`
/// patterns on schema and table (case-sensitive); a flag set to false has no effect,
/// none set means every state.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TableFilter {
    /// Schema name or LIKE pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Table name or LIKE pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// Include queued tables.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub includequeued: Option<bool>,
    /// Include loading tables.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub includeloading: Option<bool>,
    /// Include completed tables.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub includecompleted: Option<bool>,
    /// Include tables in change processing.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub includechangeprocessing: Option<bool>,
    /// Include tables in error.
    #[serde(
        default,
        deserialize_with = "super::lenient::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub includeerror: Option<bool>,
}

impl TableFilter {
    /// Every table.
    pub fn all() -> Self {
        Self::default()
    }

    /// Tables of `schema` (a name or pattern).
    pub fn schema(mut self, schema: impl Into<String>) -> Self {
        self.schema = Some(schema.into());
        self
    }

    /// Tables named `table` (a name or pattern).
    pub fn table(mut self, table: impl Into<String>) -> Self {
        self.table = Some(table.into());
        self
    }

    /// Adds a state to the states asked for (setting its `include…` flag to true).
    pub fn include(mut self, state: TableState) -> Self {
        match state {
            TableState::Queued => self.includequeued = Some(true),
            TableState::Loading => self.includeloading = Some(true),
            TableState::Completed => self.includecompleted = Some(true),
            TableState::ChangeProcessing => self.includechangeprocessing = Some(true),
            TableState::Error => self.includeerror = Some(true),
            TableState::Unknown(_) => {}
        }
        self
    }

    /// The query parameters, in the guide's order, booleans as `true`/`false`.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if let Some(s) = &self.schema {
            q.push(("schema", s.clone()));
        }
        if let Some(t) = &self.table {
            q.push(("table", t.clone()));
        }
        for (k, v) in [
            ("includequeued", self.includequeued),
            ("includeloading", self.includeloading),
            ("includecompleted", self.includecompleted),
            ("includechangeprocessing", self.includechangeprocessing),
            ("includeerror", self.includeerror),
        ] {
            if let Some(b) = v {
                q.push((k, b.to_string()));
            }
        }
        q
    }
}

model! {
    /// One table of GetTableList (2.18).
    TableRef {
        /// Schema name.
        schema: String,
        /// Table name.
        table: String,
        /// Current state.
        state: TableState,
    }
}

model! {
    /// GetTableList answer (2.18): `{"tablelist": [...]}`.
    TableList {
        ; list
        /// The tables.
        tablelist | "tableList" | "table_list": TableRef,
    }
}

model! {
    /// Full load figures of a table (2.21 `table_full_load_info`).
    TableFullLoadInfo {
        /// Full load start, UTC ISO 8601.
        start_time: String,
        /// Full load end, UTC ISO 8601.
        end_time: String,
        /// Estimated rows (loading or queued tables).
        estimated_row_count: i64,
        /// Always null on real servers (see the guide's formula).
        estimated_end_time: String,
        /// Rows transferred.
        transferred_row_count: i64,
        /// Volume transferred.
        transferred_volume_mb: i64,
    }
}

model! {
    /// Change-processing figures of a table (2.21 `table_cdc_info`).
    TableCdcInfo {
        /// Records inserted.
        insert_count: i64,
        /// Records updated.
        update_count: i64,
        /// Records deleted.
        delete_count: i64,
        /// DDL operations.
        ddl_count: i64,
        /// Last update on the target, UTC ISO 8601.
        last_update_time: String,
        /// INSERTs cached during full load.
        cached_insert_count: i64,
        /// UPDATEs cached during full load.
        cached_update_count: i64,
        /// DELETEs cached during full load.
        cached_delete_count: i64,
    }
}

model! {
    /// One table of GetTableStatuses (2.21).
    TableStatus {
        /// Source schema.
        schema_on_source: String,
        /// Source table.
        table_on_source: String,
        /// Target schema (empty when not known).
        schema_on_target: String,
        /// Target table (empty when not known).
        table_on_target: String,
        /// Current state.
        state: TableState,
        /// Data errors of the table.
        data_errors_count: i64,
        /// Full load figures.
        table_full_load_info: TableFullLoadInfo,
        /// Change-processing figures.
        table_cdc_info: TableCdcInfo,
    }
}

model! {
    /// GetTableStatuses answer (2.21): `{"table_details": [...]}`.
    TableStatuses {
        ; list
        /// The tables.
        table_details | "tableDetails": TableStatus,
    }
}

/// A table's load order (2.20): a number (0 = random order) or a name (2.40 Load
/// order: LOWEST, LOWER, LOW, NORMAL, HIGH, HIGHER, HIGHEST); written as it came.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LoadOrder {
    /// A number.
    Value(i64),
    /// A name.
    Named(StandardLoadOrder),
}

impl super::Canon for LoadOrder {}

impl schemars::JsonSchema for LoadOrder {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LoadOrder".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let named = generator.subschema_for::<StandardLoadOrder>();
        schemars::json_schema!({ "anyOf": [{ "type": "integer" }, named] })
    }
}

impl LoadOrder {
    /// The order as a number, names resolved per 2.40.
    pub fn priority(&self) -> Option<i64> {
        match self {
            LoadOrder::Value(i) => Some(*i),
            LoadOrder::Named(n) => n.value(),
        }
    }
}

impl Default for LoadOrder {
    /// 0: random order.
    fn default() -> Self {
        LoadOrder::Value(0)
    }
}

impl From<i64> for LoadOrder {
    fn from(i: i64) -> Self {
        LoadOrder::Value(i)
    }
}

impl From<StandardLoadOrder> for LoadOrder {
    fn from(n: StandardLoadOrder) -> Self {
        LoadOrder::Named(n)
    }
}

impl Serialize for LoadOrder {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LoadOrder::Value(i) => s.serialize_i64(*i),
            LoadOrder::Named(n) => n.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for LoadOrder {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Value::deserialize(d)? {
            Value::Number(n) => match n.as_i64() {
                Some(i) => LoadOrder::Value(i),
                None => LoadOrder::Named(StandardLoadOrder::Unknown(n.to_string())),
            },
            Value::String(s) => LoadOrder::Named(StandardLoadOrder::from_wire(&s)),
            other => LoadOrder::Named(StandardLoadOrder::Unknown(other.to_string())),
        })
    }
}

model! {
    /// A table, or a pattern, of a table selection (2.19, 2.20).
    TableSelectionDefinition {
        /// Schema or owner (a pattern in patterns).
        owner: String,
        /// Table name (a pattern in patterns).
        name: String,
        /// Load order (0 = random).
        load_order: LoadOrder,
        /// TABLE or VIEW.
        table_type: TableType,
    }
}

impl TableSelectionDefinition {
    /// A table `owner.name`, load order 0, type TABLE.
    pub fn table(owner: impl Into<String>, name: impl Into<String>) -> Self {
        TableSelectionDefinition {
            owner: Some(owner.into()),
            name: Some(name.into()),
            load_order: Some(LoadOrder::Value(0)),
            table_type: Some(TableType::Table),
            ..Default::default()
        }
    }
}

model! {
    /// A task's table selection (2.19 GetTaskTableSelection's answer, 2.20
    /// PutTaskTableSelection's body). Wire names are singular `included_pattern`,
    /// `excluded_pattern`; the plural spellings are read too.
    TableSelection {
        ; list
        /// Include patterns.
        included_pattern | "included_patterns": TableSelectionDefinition,
        /// Exclude patterns.
        excluded_pattern | "excluded_patterns": TableSelectionDefinition,
        /// Tables and views selected explicitly (required only when no pattern is defined).
        explicit_included_tables: TableSelectionDefinition,
    }
}
