//! Answers into Python objects in one walk over the answer's JSON (parsed here into
//! [`Json`], pairs in order, no map to hash into): the answer classes of `qem.models` (their `_fields`, `_enums`, `_objects`,
//! `_lists`, `_ints`, `_aliases` and `_fallbacks` say how each field is read), `AttrDict`
//! for every other JSON object.
//!
//! This is the only implementation of that reading: `AemObject.__init__` (a user
//! building an object from JSON) comes here too, through [`fill`].

use pyo3::intern;
use pyo3::prelude::*;
use pyo3::sync::GILOnceCell;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use pyo3::IntoPyObjectExt;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

/// An answer as parsed here: JSON with its objects as lists of pairs, in the order the
/// server wrote them. Cheaper than `serde_json::Value` (no map to hash into) for what
/// happens next: one walk that makes Python objects.
#[derive(Clone)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

type Map = Vec<(String, Json)>;

impl Json {
    fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
}

fn get<'a>(m: &'a Map, key: &str) -> Option<&'a Json> {
    // The last of repeated keys wins, as in a Python dict.
    m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_none<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
                Ok(Json::Int(n))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
                Ok(Json::UInt(n))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
                Ok(Json::Float(n))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::Str(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Json, E> {
                Ok(Json::Str(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(Json::Arr(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some((k, v)) = map.next_entry::<String, Json>()? {
                    out.push((k, v));
                }
                Ok(Json::Obj(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses answer text (JSON the core has checked).
pub fn parse(text: &str) -> PyResult<Json> {
    serde_json::from_str(text)
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not JSON: {e}")))
}

static ATTR_DICT: GILOnceCell<Py<PyType>> = GILOnceCell::new();
/// Class -> [`Plan`], filled on first use of each class. A Python dict rather than a
/// Rust lock: building a plan runs Python code, which may switch threads.
static PLANS: GILOnceCell<Py<PyDict>> = GILOnceCell::new();

/// What a documented field the server left out (or sent as null) becomes.
enum Absent {
    /// None.
    Nothing,
    /// An empty list.
    List,
    /// An empty object of this spec (a class or `{"$type" part: class}`), read from `{}`.
    Object(PyObject),
}

/// How one answer class reads its fields (from its class attributes).
#[pyclass(frozen)]
struct Plan {
    /// Field -> the enumeration's `from_wire`, and its members by every wire spelling
    /// (names and `_ALIASES`): a known text is looked up here without running Python.
    enums: Vec<(String, PyObject, Py<PyDict>)>,
    /// Field -> the class (or `{"$type" part: class}`) of an object field.
    objects: Vec<(String, PyObject)>,
    /// Field -> the class (or `{"$type" part: class}`) of a list's items.
    lists: Vec<(String, PyObject)>,
    /// Numeric fields that some servers send as strings (`"days_to_expiration": "30"`).
    ints: Vec<String>,
    /// Other spellings of one field: both names end up holding the same value.
    aliases: Vec<(String, String)>,
    /// A field read from another name when only that one was sent (no copy back).
    fallbacks: Vec<(String, String)>,
    /// The documented fields (`_fields`, as Python strings made once) and what each
    /// becomes when absent.
    defaults: Vec<(Py<PyString>, Absent)>,
}

/// A class attribute of the plan that a class may leave out (an empty list then).
fn optional<'py, T: FromPyObject<'py>>(cls: &Bound<'py, PyAny>, attr: &str) -> PyResult<Vec<T>> {
    match cls.getattr(attr) {
        Ok(v) => v.extract(),
        Err(_) => Ok(Vec::new()),
    }
}

fn find<'a>(table: &'a [(String, PyObject)], key: &str) -> Option<&'a PyObject> {
    table.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// An enumeration's members by wire text: each member's name, and the other spellings
/// `qem.models._ALIASES` gives for the class.
fn spellings(e: &Bound<'_, PyAny>) -> PyResult<Py<PyDict>> {
    let py = e.py();
    let out = PyDict::new(py);
    for (name, member) in e
        .getattr("__members__")?
        .call_method0("items")?
        .try_iter()?
        .map(|i| i.and_then(|pair| pair.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()))
        .collect::<PyResult<Vec<_>>>()?
    {
        out.set_item(name, member)?;
    }
    let aliases = py.import("qem.models")?.getattr("_ALIASES")?;
    if let Ok(Some(mine)) = aliases
        .downcast::<PyDict>()
        .map(|d| d.get_item(e.getattr("__name__").ok()?).ok().flatten())
    {
        if let Ok(mine) = mine.downcast::<PyDict>() {
            for (alias, target) in mine.iter() {
                if let Some(member) = out.get_item(&target)? {
                    out.set_item(alias, member)?;
                }
            }
        }
    }
    Ok(out.unbind())
}

fn attr_dict(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    ATTR_DICT
        .get_or_try_init(py, || -> PyResult<Py<PyType>> {
            Ok(py
                .import("qem.models")?
                .getattr("AttrDict")?
                .downcast_into::<PyType>()?
                .unbind())
        })
        .map(|t| t.bind(py))
}

fn plan_for<'py>(cls: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Plan>> {
    let py = cls.py();
    let plans = PLANS.get_or_init(py, || PyDict::new(py).unbind()).bind(py);
    if let Some(found) = plans.get_item(cls)? {
        return Ok(found.downcast_into::<Plan>()?);
    }
    let table = |attr: &str| -> PyResult<Vec<(String, PyObject)>> {
        let mut out = Vec::new();
        if let Ok(d) = cls.getattr(attr)?.downcast_into::<PyDict>() {
            for (k, v) in d.iter() {
                out.push((k.extract::<String>()?, v.unbind()));
            }
        }
        Ok(out)
    };
    let mut enums = Vec::new();
    for (k, e) in table("_enums")? {
        // Plain `Enum`s (no `from_wire`) are left as the wire sent them.
        if let Ok(f) = e.bind(py).getattr("from_wire") {
            enums.push((k, f.unbind(), spellings(e.bind(py))?));
        }
    }
    let objects = table("_objects")?;
    let lists = table("_lists")?;
    let mut defaults = Vec::new();
    for (k, v) in table("_fields")? {
        let default = if let Some(spec) = find(&objects, &k) {
            Absent::Object(spec.clone_ref(py))
        } else if find(&lists, &k).is_some() || v.bind(py).is_instance_of::<PyList>() {
            Absent::List
        } else {
            Absent::Nothing
        };
        defaults.push((PyString::new(py, &k).unbind(), default));
    }
    let plan = Plan {
        enums,
        objects,
        lists,
        ints: optional(cls, "_ints")?,
        aliases: optional(cls, "_aliases")?,
        fallbacks: optional(cls, "_fallbacks")?,
        defaults,
    };
    let plan = Bound::new(py, plan)?;
    plans.set_item(cls, &plan)?;
    Ok(plan)
}

/// A JSON value as plain Python values, objects as `AttrDict`s.
pub fn plain(py: Python<'_>, v: Json) -> PyResult<PyObject> {
    match v {
        Json::Null => Ok(py.None()),
        Json::Bool(b) => b.into_py_any(py),
        Json::Int(i) => i.into_py_any(py),
        Json::UInt(u) => u.into_py_any(py),
        Json::Float(f) => f.into_py_any(py),
        Json::Str(s) => Ok(PyString::new(py, &s).into_any().unbind()),
        Json::Arr(items) => list(py, items, plain),
        Json::Obj(m) => {
            let d = attr_dict(py)?.call0()?.downcast_into::<PyDict>()?;
            for (k, v) in m {
                d.set_item(key(py, &k), plain(py, v)?)?;
            }
            Ok(d.into_any().unbind())
        }
    }
}

fn list(
    py: Python<'_>,
    items: Vec<Json>,
    each: impl Fn(Python<'_>, Json) -> PyResult<PyObject>,
) -> PyResult<PyObject> {
    let items = items
        .into_iter()
        .map(|x| each(py, x))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyList::new(py, items)?.into_any().unbind())
}

/// A JSON value read as `spec` says: a class, `{"$type" part: class, "": default}`
/// (picked by the object's `$type`, else its `type`), or `None` for [`plain`] values.
/// Values that are not objects stay plain, whatever the spec.
pub fn build(py: Python<'_>, spec: &Bound<'_, PyAny>, v: Json) -> PyResult<PyObject> {
    let Json::Obj(m) = v else {
        return plain(py, v);
    };
    if spec.is_none() {
        return plain(py, Json::Obj(m));
    }
    let cls = pick(spec, &m)?;
    let obj = cls.call_method1(intern!(py, "__new__"), (&cls,))?;
    let d = obj
        .getattr(intern!(py, "__dict__"))?
        .downcast_into::<PyDict>()?;
    fill_dict(&d, &cls, m)?;
    Ok(obj.unbind())
}

fn pick<'py>(spec: &Bound<'py, PyAny>, m: &Map) -> PyResult<Bound<'py, PyAny>> {
    let Ok(choices) = spec.downcast::<PyDict>() else {
        return Ok(spec.clone());
    };
    let named = |k: &str| get(m, k).and_then(Json::as_str).filter(|s| !s.is_empty());
    let t = named("$type").or_else(|| named("type")).unwrap_or("");
    for (key, cls) in choices.iter() {
        let key: String = key.extract()?;
        if !key.is_empty() && t.contains(key.as_str()) {
            return Ok(cls);
        }
    }
    match choices.get_item("")? {
        Some(default) => Ok(default),
        None => Err(pyo3::exceptions::PyTypeError::new_err(
            "a {\"$type\" part: class} spec needs a \"\" default",
        )),
    }
}

/// An empty object of `spec`, every documented field at its absent value.
fn empty(py: Python<'_>, spec: &PyObject) -> PyResult<PyObject> {
    build(py, spec.bind(py), Json::Obj(Vec::new()))
}

/// A numeric string as a number (`"30"` -> 30); anything else as it is.
fn int_text(v: Json) -> Json {
    match v {
        Json::Str(s) => match s.trim().parse::<i64>() {
            Ok(n) => Json::Int(n),
            Err(_) => Json::Str(s),
        },
        other => other,
    }
}

thread_local! {
    /// Field names as Python strings, made once per thread: answers repeat the same few
    /// dozen names, and a string made once also keeps its hash. Bounded, so a server
    /// sending ever new names cannot grow it without end.
    static KEYS: std::cell::RefCell<std::collections::HashMap<String, Py<PyString>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn key<'py>(py: Python<'py>, k: &str) -> Bound<'py, PyString> {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        if let Some(s) = keys.get(k) {
            return s.bind(py).clone();
        }
        let s = PyString::new(py, k);
        if keys.len() < 2048 {
            keys.insert(k.to_owned(), s.clone().unbind());
        }
        s
    })
}

fn fill_dict(d: &Bound<'_, PyDict>, cls: &Bound<'_, PyAny>, mut m: Map) -> PyResult<()> {
    let py = d.py();
    let plan = plan_for(cls)?;
    let plan = plan.get();
    // A field sent under its other spelling is read as the main one.
    for (a, b) in plan.aliases.iter().chain(plan.fallbacks.iter()) {
        if get(&m, a).is_none() {
            if let Some(v) = get(&m, b).cloned() {
                m.push((a.clone(), v));
            }
        }
    }
    for (k, v) in m {
        let v = if plan.ints.contains(&k) {
            int_text(v)
        } else {
            v
        };
        let value = if let Some((_, from_wire, known)) = plan.enums.iter().find(|(f, ..)| *f == k) {
            let member = match &v {
                Json::Str(s) => known.bind(py).get_item(s)?,
                _ => None,
            };
            match member {
                Some(member) => member.unbind(),
                // Numbers, null and texts this SDK does not know: `from_wire` decides.
                None => from_wire.call1(py, (plain(py, v)?,))?,
            }
        } else if let Some(spec) = find(&plan.objects, &k) {
            match v {
                // Qlik's client gives an empty object for a null one; so do we.
                Json::Null => empty(py, spec)?,
                v => build(py, spec.bind(py), v)?,
            }
        } else if let Some(spec) = find(&plan.lists, &k) {
            match v {
                Json::Arr(items) => list(py, items, |py, x| build(py, spec.bind(py), x))?,
                Json::Null => PyList::empty(py).into_any().unbind(),
                other => plain(py, other)?,
            }
        } else {
            plain(py, v)?
        };
        d.set_item(key(py, &k), value)?;
    }
    // Every documented field exists, whatever the server left out.
    for (k, default) in &plan.defaults {
        let k = k.bind(py);
        if d.contains(k)? {
            continue;
        }
        let value = match default {
            Absent::Nothing => py.None(),
            Absent::List => PyList::empty(py).into_any().unbind(),
            Absent::Object(spec) => empty(py, spec)?,
        };
        d.set_item(k, value)?;
    }
    for (a, b) in &plan.aliases {
        if let Some(v) = d.get_item(a)? {
            d.set_item(b, v)?;
        } else if let Some(v) = d.get_item(b)? {
            d.set_item(a, v)?;
        }
    }
    Ok(())
}

/// `AemObject.__init__(j)`: reads the JSON object text `j` into `obj` by its class.
#[pyfunction]
pub fn fill(obj: &Bound<'_, PyAny>, text: &str) -> PyResult<()> {
    let Json::Obj(m) = parse(text)? else {
        return Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "{}: expected a JSON object",
            obj.get_type().name()?
        )));
    };
    let d = obj.getattr("__dict__")?.downcast_into::<PyDict>()?;
    fill_dict(&d, &obj.get_type().into_any(), m)
}
