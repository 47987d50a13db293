//! `qem.models` (`qem/models.py`, `models.pyi`): chapter 4's enumerations and classes,
//! from the description's models and `templates/python/models.json`, which holds only
//! what the guide does differently (its class names, defaults, other spellings).
//!
//! A class's attributes, their stub types and how the binding reads each (the
//! `_enums`, `_objects`, `_lists` and `_ints` tables `convert.rs` follows) come from its
//! model's JSON Schema; an enumeration's members and numbers from its model's values
//! and `x-codes`. A field added to a model therefore reaches Python by regenerating.

use crate::schema::{doc, json_type, models_of, ref_name};
use serde_json::{json, Map, Value};

/// Chapter 4's table (`templates/python/models.json`).
pub struct Chapter4(Value);

impl Chapter4 {
    pub fn load() -> Chapter4 {
        let text = include_str!("../templates/python/models.json");
        Chapter4(serde_json::from_str(text).expect("models.json is JSON"))
    }

    fn list(&self, key: &str) -> &[Value] {
        self.0[key]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The chapter 4 class of an object model: the first class reading it.
    pub fn class_of(&self, model: &str) -> Option<String> {
        self.list("classes")
            .iter()
            .find(|c| models_of(c).contains(&model))
            .and_then(|c| c["class"].as_str().map(str::to_owned))
    }

    /// The table of kinds (`_SERVER_DEF`...) a model is read through, if it has one.
    pub fn spec_of(&self, model: &str) -> Option<String> {
        self.0["specs"]
            .as_object()?
            .iter()
            .find(|(_, s)| s["model"] == model)
            .map(|(name, _)| name.clone())
    }

    /// The table of kinds a class is read through (the class of the table's model).
    pub fn spec_for_class(&self, class: &str) -> Option<String> {
        self.0["specs"]
            .as_object()?
            .iter()
            .find(|(_, s)| {
                s["model"]
                    .as_str()
                    .and_then(|m| self.class_of(m))
                    .as_deref()
                    == Some(class)
            })
            .map(|(name, _)| name.clone())
    }

    /// The chapter 4 enumeration of an enumeration model: the first one reading it.
    fn enum_of(&self, model: &str) -> Option<String> {
        self.list("enums")
            .iter()
            .find(|e| e["model"] == model)
            .and_then(|e| e["class"].as_str().map(str::to_owned))
    }
}

/// One enumeration's template context.
fn enumeration(entry: &Value, models: &Map<String, Value>) -> Value {
    let class = entry["class"].as_str().unwrap_or_default();
    let model = entry["model"].as_str().unwrap_or_default();
    let schema = models.get(model).unwrap_or_else(|| {
        panic!("models.json: {class}'s model {model} is not in the description")
    });
    let known = |name: &str| {
        schema["enum"]
            .as_array()
            .is_some_and(|v| v.iter().any(|x| x == name))
    };
    let mut members: Vec<(String, i64)> = match entry["only"].as_object() {
        Some(only) => only
            .iter()
            .map(|(name, n)| {
                assert!(known(name), "models.json: {model} has no value {name}");
                (name.clone(), n.as_i64().unwrap_or_default())
            })
            .collect(),
        None => schema["x-codes"]
            .as_object()
            .unwrap_or_else(|| panic!("{model} numbers no value (x-codes): chapter 4 needs them"))
            .iter()
            .map(|(n, name)| {
                (
                    name.as_str().unwrap_or_default().to_owned(),
                    n.parse().unwrap_or_default(),
                )
            })
            .collect(),
    };
    for (name, n) in entry["extra"].as_object().into_iter().flatten() {
        members.push((name.clone(), n.as_i64().unwrap_or_default()));
    }
    members.sort_by_key(|(_, n)| *n);
    let is_member = |name: &str| members.iter().any(|(m, _)| m == name);
    let mut aliases = Vec::new();
    if entry["only"].is_null() {
        for (alias, target) in schema["x-aliases"].as_object().into_iter().flatten() {
            if target.as_str().is_some_and(is_member) {
                aliases.push(json!([alias, target]));
            }
        }
    }
    for (alias, target) in entry["aliases"].as_object().into_iter().flatten() {
        assert!(
            target.as_str().is_some_and(is_member),
            "models.json: {class} has no member {target}"
        );
        aliases.push(json!([alias, target]));
    }
    json!({
        "name": class,
        "doc": doc(entry["doc"].as_str().unwrap_or_default()),
        "plain": entry["plain"].as_bool().unwrap_or(false),
        "members": members.iter().map(|(m, n)| json!([m, n])).collect::<Vec<_>>(),
        "aliases": aliases,
        "codes": members,
    })
}

/// What the generator knows of one class once written (its subclasses inherit it).
#[derive(Clone, Default)]
struct Resolved {
    /// Field -> its schema, over every model the class reads (`add`s included).
    props: Vec<(String, Value)>,
    /// The documented attributes and their no-argument values.
    fields: Vec<(String, String)>,
    zeros: bool,
    payload: bool,
}

struct Gen<'a> {
    table: &'a Chapter4,
    models: &'a Map<String, Value>,
    enums: &'a [Value],
    done: Vec<(String, Resolved)>,
    /// Tables of kinds written so far.
    specs_written: Vec<String>,
}

impl Gen<'_> {
    fn resolved(&self, class: &str) -> Option<&Resolved> {
        self.done.iter().find(|(n, _)| n == class).map(|(_, r)| r)
    }

    /// The Python enumeration a field is read as, if any (`overrides`: the entry's `enums`).
    fn field_enum(&self, name: &str, schema: &Value, overrides: &Value) -> Option<String> {
        if let Some(o) = overrides.get(name) {
            return o.as_str().map(str::to_owned);
        }
        if let Some(class) = schema.as_str() {
            // An `add`ed attribute typed by its enumeration's name.
            return self
                .enums
                .iter()
                .any(|e| e["name"] == class)
                .then(|| class.to_owned());
        }
        let target = ref_name(schema)?;
        (self.models.get(target)?["enum"].is_array()).then(|| self.table.enum_of(target))?
    }

    /// The class (or table of kinds) an object model is read as.
    fn object(&self, schema: &Value) -> Option<(String, String)> {
        let target = ref_name(schema)?;
        self.models.get(target)?["properties"].as_object()?;
        let class = self.table.class_of(target)?;
        let spec = self.table.spec_of(target).unwrap_or_else(|| class.clone());
        Some((spec, class))
    }

    /// A field's value in an empty payload (and when an answer leaves it out).
    fn default(&self, name: &str, schema: &Value, zeros: bool, overrides: &Value) -> String {
        let is_list = schema.as_str().is_none() && json_type(schema) == "array";
        if is_list {
            return "[]".to_owned();
        }
        let e = self.field_enum(name, schema, overrides);
        if !zeros {
            return "None".to_owned();
        }
        if let Some(e) = e {
            return self
                .enums
                .iter()
                .find(|x| x["name"] == e.as_str())
                .and_then(|x| x["codes"].as_array()?.iter().find(|m| m[1] == 0).cloned())
                .map(|m| format!("{e}.{}", m[0].as_str().unwrap_or_default()))
                .unwrap_or_else(|| "None".to_owned());
        }
        match json_type(schema) {
            "integer" => "0".to_owned(),
            "boolean" => "False".to_owned(),
            _ => "None".to_owned(),
        }
    }

    /// A default the table gives, written as Python.
    fn given_default(
        &self,
        name: &str,
        value: &Value,
        props: &[(String, Value)],
        overrides: &Value,
    ) -> String {
        let schema = props
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| s.clone())
            .unwrap_or(Value::Null);
        match value {
            Value::String(s) => match self.field_enum(name, &schema, overrides) {
                Some(e) => format!("{e}.{s}"),
                None => format!("{s:?}"),
            },
            Value::Bool(true) => "True".to_owned(),
            Value::Bool(false) => "False".to_owned(),
            Value::Null => "None".to_owned(),
            other => other.to_string(),
        }
    }

    /// A field's stub type.
    fn annotation(&self, name: &str, schema: &Value, r: &Resolved, overrides: &Value) -> String {
        if self.field_enum(name, schema, overrides).is_some() {
            return "Any".to_owned();
        }
        // Text an answer may leave out reads as None, but typing it `str` keeps chapter 4
        // scripts (which pass names along) clean under mypy; a payload's starts as None.
        let text = if r.payload { "Optional[str]" } else { "str" };
        if schema.as_str() == Some("string") {
            return text.to_owned();
        }
        if json_type(schema) == "array" {
            let items = &schema["items"];
            return match (self.object(items), json_type(items)) {
                (Some((_, class)), _) => format!("List[{class}]"),
                (None, "string") => "List[str]".to_owned(),
                _ => "List[Any]".to_owned(),
            };
        }
        if let Some((_, class)) = self.object(schema) {
            // An answer always has its objects (empty when left out); a payload may not.
            return if r.payload {
                format!("Optional[{class}]")
            } else {
                class
            };
        }
        match (json_type(schema), r.zeros) {
            ("integer", true) => "int".to_owned(),
            ("integer", false) => "Optional[int]".to_owned(),
            ("boolean", true) => "bool".to_owned(),
            ("boolean", false) => "Optional[bool]".to_owned(),
            ("string", _) => text.to_owned(),
            _ => "Any".to_owned(),
        }
    }

    fn class(&mut self, c: &Value, deferred: &mut Vec<Value>) -> Value {
        let name = c["class"].as_str().unwrap_or_default().to_owned();
        let base = c["base"].as_str().unwrap_or("AemObject").to_owned();
        let inherited = self.resolved(&base).cloned();
        let own_models = models_of(c);
        let mut r = inherited.clone().unwrap_or_default();
        r.zeros = c["zeros"].as_bool().unwrap_or(r.zeros);
        r.payload = c["payload"].as_bool().unwrap_or(r.payload);
        let overrides = &c["enums"];
        let mut own: Vec<String> = Vec::new();
        if !own_models.is_empty() || c["add"].is_object() {
            r.props.clear();
            for m in &own_models {
                let schema = self.models.get(*m).unwrap_or_else(|| {
                    panic!("models.json: {name}'s model {m} is not in the description")
                });
                for (f, s) in schema["properties"].as_object().into_iter().flatten() {
                    if !r.props.iter().any(|(n, _)| n == f) {
                        r.props.push((f.clone(), s.clone()));
                    }
                }
            }
            for (f, t) in c["add"].as_object().into_iter().flatten() {
                r.props.push((f.clone(), t.clone()));
            }
        }
        match c["fields"].as_array() {
            Some(fields) => {
                for f in fields.iter().filter_map(Value::as_str) {
                    assert!(
                        r.props.iter().any(|(n, _)| n == f),
                        "models.json: {name}'s field {f} is not in its model"
                    );
                    own.push(f.to_owned());
                }
            }
            None if !own_models.is_empty() || c["add"].is_object() => {
                own = r
                    .props
                    .iter()
                    .map(|(n, _)| n.clone())
                    .filter(|n| !n.starts_with('$'))
                    .collect();
            }
            None => {}
        }
        let pairs: Vec<(String, String)> = c["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| {
                (
                    p[0].as_str().unwrap_or_default().to_owned(),
                    p[1].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        // The guide's documented spelling replaces the model's where they differ.
        for (a, b) in &pairs {
            if let Some(slot) = own.iter_mut().find(|f| *f == b) {
                slot.clone_from(a);
            }
        }
        let schema_of = |f: &str, r: &Resolved| -> Value {
            let other = pairs.iter().find(|(a, _)| a == f).map(|(_, b)| b.as_str());
            r.props
                .iter()
                .find(|(n, _)| n == f || Some(n.as_str()) == other)
                .map(|(_, s)| s.clone())
                .unwrap_or(Value::Null)
        };
        let mut fields = if inherited.is_some() {
            r.fields.clone()
        } else {
            Vec::new()
        };
        for f in &own {
            let d = self.default(f, &schema_of(f, &r), r.zeros, overrides);
            fields.push((f.clone(), d));
        }
        for (f, v) in c["defaults"].as_object().into_iter().flatten() {
            let value = self.given_default(f, v, &r.props, overrides);
            let slot = fields
                .iter_mut()
                .find(|(n, _)| n == f)
                .unwrap_or_else(|| panic!("models.json: {name} has no field {f} to default"));
            slot.1 = value;
        }
        let write_fields = inherited
            .as_ref()
            .map(|i| i.fields != fields)
            .unwrap_or(true);
        r.fields = fields;

        // How the binding reads each field: over every field of the model(s), documented
        // or not, so that a base class reads its subclasses' fields too.
        let mut plan = json!({});
        if !own_models.is_empty()
            || c["add"].is_object()
            || overrides.is_object()
            || c["objects"].is_object()
        {
            let (mut enums, mut objects, mut lists, mut ints) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut names: Vec<(String, Value)> = r.props.clone();
            for (o, _) in overrides.as_object().into_iter().flatten() {
                if !names.iter().any(|(n, _)| n == o) {
                    names.push((o.clone(), Value::Null));
                }
            }
            for (f, s) in &names {
                if f.starts_with('$') {
                    continue;
                }
                let spellings: Vec<String> = std::iter::once(f.clone())
                    .chain(
                        pairs
                            .iter()
                            .filter(|(a, b)| a == f || b == f)
                            .map(|(a, b)| if a == f { b.clone() } else { a.clone() }),
                    )
                    .collect();
                if let Some(e) = self.field_enum(f, s, overrides) {
                    enums.push(json!([f, e]));
                } else if json_type(s) == "array" && s.as_str().is_none() {
                    if let Some((spec, _)) = self.object(&s["items"]) {
                        for n in &spellings {
                            lists.push(json!([n, spec]));
                        }
                    }
                } else if let Some((spec, _)) = self.object(s) {
                    for n in &spellings {
                        objects.push(json!([n, spec]));
                    }
                } else if json_type(s) == "integer" {
                    ints.extend(spellings.iter().cloned());
                }
            }
            for (f, spec) in c["objects"].as_object().into_iter().flatten() {
                objects.push(json!([f, spec]));
            }
            // A table of kinds not written yet is filled in at the end of the module.
            for (table, entries) in [("_objects", &mut objects), ("_lists", &mut lists)] {
                for e in entries.iter_mut() {
                    let spec = e[1].as_str().unwrap_or_default().to_owned();
                    let is_spec = self.table.0["specs"].get(&spec).is_some();
                    if is_spec && !self.specs_written.contains(&spec) {
                        deferred.push(
                            json!({"class": name, "table": table, "field": e[0], "spec": spec}),
                        );
                        e[1] = Value::Null;
                    }
                }
                entries.retain(|e| !e[1].is_null());
            }
            plan = json!({"enums": enums, "objects": objects, "lists": lists, "ints": ints,
                "deferred_objects": deferred.iter().any(|d| d["class"] == name.as_str() && d["table"] == "_objects"),
                "deferred_lists": deferred.iter().any(|d| d["class"] == name.as_str() && d["table"] == "_lists")});
        }

        let mut anns = Vec::new();
        for f in &own {
            anns.push(json!([
                f,
                self.annotation(f, &schema_of(f, &r), &r, overrides)
            ]));
        }
        let mut stub_extra = Vec::new();
        for (a, b) in &pairs {
            if let Some(ann) = anns
                .iter()
                .find(|x| x[0] == a.as_str())
                .map(|x| x[1].clone())
            {
                anns.push(json!([b, ann]));
            }
        }
        for (s, target) in c["spellings"].as_object().into_iter().flatten() {
            let t = target.as_str().unwrap_or_default();
            let ann = anns
                .iter()
                .find(|x| x[0] == t)
                .map(|x| x[1].clone())
                .or_else(|| {
                    let base_schema = schema_of(t, &r);
                    Some(json!(self.annotation(t, &base_schema, &r, overrides)))
                });
            stub_extra.push(json!([s, ann]));
        }
        self.done.push((name.clone(), r.clone()));
        let spellings: Vec<Value> = c["spellings"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(s, t)| json!([s, t]))
            .collect();
        let has_body = write_fields
            || ["enums", "objects", "lists", "ints"]
                .iter()
                .any(|t| plan[t].as_array().is_some_and(|a| !a.is_empty()))
            || plan["deferred_objects"] == true
            || plan["deferred_lists"] == true
            || !pairs.is_empty()
            || c["fallbacks"].is_array()
            || c["wire_type"].is_string()
            || !anns.is_empty()
            || !spellings.is_empty();
        json!({
            "has_body": has_body,
            "name": name,
            "base": base,
            "doc": doc(c["doc"].as_str().unwrap_or_default()),
            "fields": if write_fields { json!(r.fields) } else { Value::Null },
            "plan": plan,
            "aliases": pairs,
            "fallbacks": c["fallbacks"],
            "wire_type": c["wire_type"],
            "spellings": spellings,
            "anns": anns,
            "stub_spellings": stub_extra,
            "names": c["names"],
        })
    }
}

/// The template context of `qem/models.py` and `models.pyi`.
pub fn context(models: &Map<String, Value>, table: &Chapter4) -> Value {
    let enums: Vec<Value> = table
        .list("enums")
        .iter()
        .map(|e| enumeration(e, models))
        .collect();
    let mut gen = Gen {
        table,
        models,
        enums: &enums,
        done: Vec::new(),
        specs_written: Vec::new(),
    };
    let specs = table.0["specs"].as_object().cloned().unwrap_or_default();
    let (mut classes, mut deferred) = (Vec::new(), Vec::new());
    for c in table.list("classes") {
        let mut class = gen.class(c, &mut deferred);
        // A table of kinds follows the last of its classes.
        let defined: Vec<String> = gen.done.iter().map(|(n, _)| n.clone()).collect();
        let mut ready = Vec::new();
        for (spec, s) in &specs {
            let kinds = s["kinds"].as_object().cloned().unwrap_or_default();
            let complete = kinds
                .values()
                .all(|k| defined.iter().any(|d| k == d.as_str()));
            if complete && !gen.specs_written.contains(spec) {
                gen.specs_written.push(spec.clone());
                let base = s["model"].as_str().and_then(|m| table.class_of(m));
                ready.push(json!({"name": spec, "base": base, "kinds": kinds.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>()}));
            }
        }
        class["specs"] = json!(ready);
        classes.push(class);
    }
    let mut all: Vec<String> = enums
        .iter()
        .filter_map(|e| e["name"].as_str().map(str::to_owned))
        .collect();
    for c in &classes {
        all.push(c["name"].as_str().unwrap_or_default().to_owned());
        for n in c["names"].as_array().into_iter().flatten() {
            all.push(n.as_str().unwrap_or_default().to_owned());
        }
    }
    json!({"enums": enums, "classes": classes, "deferred": deferred, "all": all})
}
