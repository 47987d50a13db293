//! The .NET SDK's JSON readers and writers, `bindings-dotnet/src/Json.g.cs`: for every
//! class a reader (a switch over its fields' folded spellings, `$type` picking a
//! subclass) and a writer (its fields under their wire names), and for every enumeration
//! a reader and its wire names, so the hand-written `Json.cs` keeps only the tolerant
//! primitives they are made of.

use minijinja::Environment;
use serde_json::{json, Value};

/// A name as `Json.Fold` matches it: lower case, without '_' or ' '.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// PascalCase to the wire's snake_case, as a field with no other spelling is written.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The reader of one value of C# type `ty`, as a method group.
fn reader(ty: &str, enums: &[&str]) -> String {
    match ty {
        "string" => "Json.ReadString".into(),
        "long" => "Json.ReadLong".into(),
        "int" => "Json.ReadInt".into(),
        "bool" => "Json.ReadBool".into(),
        "double" => "Json.ReadDouble".into(),
        "long?" => "Json.ReadLongOrNull".into(),
        "int?" => "Json.ReadIntOrNull".into(),
        "bool?" => "Json.ReadBoolOrNull".into(),
        "JsonObject" => "Json.ReadObject".into(),
        "object" => "Json.ReadValue".into(),
        e if enums.contains(&e) => format!("JsonEnums.Read{e}"),
        class => format!("{class}.ReadJson"),
    }
}

/// The expression reading one value of type `ty` at the parser `p`.
fn read_expr(ty: &str, enums: &[&str]) -> String {
    match ty.strip_prefix("List<").and_then(|t| t.strip_suffix('>')) {
        Some(item) => format!("Json.ReadList<{item}>(p, {})", reader(item, enums)),
        None => format!("{}(p)", reader(ty, enums)),
    }
}

/// One property as read and written: its name, type, spellings read (best first) and
/// the name it is written under.
struct Field {
    name: String,
    ty: String,
    names: Vec<String>,
    wire: String,
}

/// A class's fields, its own first, then those of its bases.
fn fields_of(class: &str, all: &[Value]) -> Vec<Field> {
    let mut out = Vec::new();
    let mut at = all.iter().find(|c| c["name"] == class);
    while let Some(c) = at {
        for f in c["fields"].as_array().into_iter().flatten() {
            let name = f["name"].as_str().unwrap_or_default().to_owned();
            let names: Vec<String> = match f["wire"].as_str() {
                Some(w) => vec![w.to_owned()],
                None => crate::schema::strings(&f["names"])
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            };
            let wire = match f["wire"].as_str() {
                Some(w) => w.to_owned(),
                None if f["names"]
                    .as_array()
                    .is_some_and(|n| n.len() > 1 || n[0] != f["name"]) =>
                {
                    names[0].clone()
                }
                None => snake(&name),
            };
            out.push(Field {
                ty: f["type"].as_str().unwrap_or("string").to_owned(),
                name,
                names,
                wire,
            });
        }
        at = c["base"]
            .as_str()
            .and_then(|b| all.iter().find(|x| x["name"] == b));
    }
    out
}

/// A class's reader cases and writer lines.
fn class_code(
    class: &Value,
    all: &[Value],
    enums: &[&str],
    id_of: &mut dyn FnMut(&str) -> usize,
) -> Value {
    let name = class["name"].as_str().unwrap_or_default();
    let fields = fields_of(name, all);
    // Folded spelling -> the fields reading it, with its rank among each one's spellings.
    let mut keys: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        for (rank, n) in f.names.iter().enumerate() {
            let k = fold(n);
            match keys.iter_mut().find(|(key, _)| *key == k) {
                // Two spellings of one name: the first one's rank.
                Some((_, claims)) if claims.iter().any(|(x, _)| *x == i) => {}
                Some((_, claims)) => claims.push((i, rank)),
                None => keys.push((k, vec![(i, rank)])),
            }
        }
    }
    // A field with several spellings, or sharing one, keeps the rank of its best so far.
    let ranked: Vec<usize> = (0..fields.len())
        .filter(|i| {
            fields[*i].names.len() > 1
                || keys
                    .iter()
                    .any(|(_, c)| c.len() > 1 && c.iter().any(|(x, _)| x == i))
        })
        .collect();
    let set = |i: usize| format!("o.{} = {}", fields[i].name, read_expr(&fields[i].ty, enums));
    let cases: Vec<Value> = keys
        .iter()
        .map(|(key, claims)| {
            let body = match claims.as_slice() {
                [(i, _)] if !ranked.contains(i) => format!("{}; break;", set(*i)),
                [(i, rank)] => format!(
                    "if (p.Claim(ref r{i}, {rank})) {}; else p.Skip(); break;",
                    set(*i)
                ),
                many => {
                    let each: Vec<String> = many
                        .iter()
                        .map(|(i, rank)| {
                            format!("if (p.Claim(ref r{i}, {rank})) {}; p.Pos = at;", set(*i))
                        })
                        .collect();
                    format!("{{ int at = p.Pos; {} p.Skip(); }} break;", each.join(" "))
                }
            };
            json!({"key": key, "id": id_of(key), "body": body})
        })
        .collect();
    let writes: Vec<String> = fields
        .iter()
        .map(|f| {
            let mut claims: Vec<usize> = Vec::new();
            for n in &f.names {
                if !claims.contains(&id_of(&fold(n))) {
                    claims.push(id_of(&fold(n)));
                }
            }
            let claims: Vec<String> = claims.iter().map(|c| format!(", {c}")).collect();
            format!(
                "w.Field(\"{}\", {}, false{});",
                f.wire,
                f.name,
                claims.concat()
            )
        })
        .collect();
    // Any class deriving from this one, however far down, may be named by "$type".
    let mut subclasses = Vec::new();
    for c in all {
        let mut base = c["base"].as_str();
        while let Some(b) = base {
            if b == name {
                let sub = c["name"].as_str().unwrap_or_default();
                subclasses.push(json!({"key": sub.to_lowercase(), "class": sub}));
                break;
            }
            base = all
                .iter()
                .find(|x| x["name"] == b)
                .and_then(|x| x["base"].as_str());
        }
    }
    let derived = class["base"].as_str().is_some_and(|b| b != "AemModel");
    json!({"name": name, "new": if derived { "new " } else { "" }, "cases": cases,
        "writes": writes, "subclasses": subclasses,
        "ranks": ranked.iter().map(|i| format!("r{i} = int.MaxValue")).collect::<Vec<_>>().join(", ")})
}

/// An enumeration's reader cases (folded names, first claim kept; numbers) and wire names.
fn enum_code(e: &Value) -> Value {
    let name = e["name"].as_str().unwrap_or_default();
    // Folded name -> member (first claim kept); number -> member and its wire name.
    let mut names: Vec<(String, &str)> = Vec::new();
    let mut numbers: Vec<(i64, &str, &str)> = Vec::new();
    for m in e["members"].as_array().into_iter().flatten() {
        let member = m["name"].as_str().unwrap_or_default();
        let spellings = crate::schema::strings(&m["names"]);
        for n in &spellings {
            if !names.iter().any(|(k, _)| *k == fold(n)) {
                names.push((fold(n), member));
            }
        }
        // A member named by another's value ("same") has no number of its own.
        if let Ok(v) = m["value"].as_str().unwrap_or_default().parse::<i64>() {
            if !numbers.iter().any(|(k, ..)| *k == v) {
                numbers.push((v, member, spellings[0]));
            }
        }
    }
    json!({"name": name,
        "names": names.iter().map(|(k, m)| json!({"key": k, "member": m})).collect::<Vec<_>>(),
        "numbers": numbers.iter().map(|(n, m, _)| json!({"number": n, "member": m})).collect::<Vec<_>>(),
        "wires": numbers.iter().map(|(_, m, w)| json!({"member": m, "wire": w})).collect::<Vec<_>>()})
}

/// `Json.g.cs` for these classes (chapter 3's and the helpers' reports) and enumerations.
pub fn file(classes: &[Value], enums: &[Value]) -> String {
    let enum_names: Vec<&str> = enums.iter().filter_map(|e| e["name"].as_str()).collect();
    // Every folded field name gets a number, which the readers switch on ("$type" first:
    // the parser looks for it).
    let mut keys: Vec<String> = vec!["$type".to_owned()];
    let mut id_of = |k: &str| match keys.iter().position(|x| x == k) {
        Some(i) => i,
        None => {
            keys.push(k.to_owned());
            keys.len() - 1
        }
    };
    let classes: Vec<Value> = classes
        .iter()
        .map(|c| class_code(c, classes, &enum_names, &mut id_of))
        .collect();
    let enums: Vec<Value> = enums.iter().map(enum_code).collect();
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template("json.cs", include_str!("../templates/dotnet/Json.g.cs.j2"))
        .expect("Json.g.cs.j2 parses");
    env.get_template("json.cs")
        .and_then(|t| t.render(json!({"classes": classes, "enums": enums, "keys": keys})))
        .unwrap_or_else(|e| panic!("rendering Json.g.cs: {e:#}"))
}
