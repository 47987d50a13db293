//! Generates the JavaScript method table and the TypeScript declarations from the core's
//! own Rust definitions, so nothing about a method is written twice:
//!
//! - `core/src/api.rs`: the `operations!` and `blocking_mirror!` lists give every typed
//!   method's name, parameters (required ones become positional JS arguments, `Option`s
//!   and filters an options object), answer type and doc comment;
//! - `core/src/models/*.rs`: the `model!` structs, plain serde structs and `wire_enum!`s
//!   give the answer and body interfaces with their wire field names.
//!
//! Outputs in `OUT_DIR`: `api.json` (read by `index.js` through the addon) and `api.d.ts`
//! (written to `index.d.ts` by `scripts/gen-types.js`).

use proc_macro2::TokenStream;
use quote::ToTokens;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use syn::parse::{Parse, ParseStream};
use syn::{braced, parenthesized, Attribute, Ident, LitStr, Token, Type};

fn main() {
    napi_build::setup();
    let core = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../core/src");
    println!("cargo:rerun-if-changed={}", core.join("api.rs").display());
    println!("cargo:rerun-if-changed={}", core.join("models").display());
    let api = parse_file(&core.join("api.rs"));
    let mut models = Models::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(core.join("models"))
        .expect("core/src/models")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        models.collect(&parse_file(f));
    }
    let mut methods = Vec::new();
    for item in &api.items {
        let syn::Item::Macro(m) = item else { continue };
        let name = m.mac.path.to_token_stream().to_string();
        if name == "operations" {
            let list: Signatures<true> = syn::parse2(m.mac.tokens.clone()).expect("operations!");
            methods.extend(list.0);
        } else if name == "blocking_mirror" {
            let list: Signatures<false> = syn::parse2(m.mac.tokens.clone()).expect("mirror");
            methods.extend(list.0);
        }
    }
    assert!(
        methods.len() > 30,
        "core/src/api.rs no longer parses as expected"
    );
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let table: Vec<serde_json::Value> = methods.iter().map(|s| s.to_json(&models)).collect();
    std::fs::write(out.join("api.json"), serde_json::to_string(&table).unwrap()).unwrap();
    std::fs::write(out.join("api.d.ts"), declarations(&table, &models)).unwrap();
}

fn parse_file(p: &Path) -> syn::File {
    let text = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn docs(attrs: &[Attribute]) -> String {
    let mut out = Vec::new();
    for a in attrs {
        if let syn::Meta::NameValue(nv) = &a.meta {
            if nv.path.is_ident("doc") {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
                {
                    out.push(s.value().trim().to_string());
                }
            }
        }
    }
    out.join(" ")
}

fn ty(t: &Type) -> String {
    t.to_token_stream().to_string().replace(' ', "")
}

/// One typed method of `api.rs`: `REST_NAME(arg: Type, ...) -> Ret;` (or `fn name(...)` in
/// the `blocking_mirror!` list).
struct Signature {
    doc: String,
    rest: Option<String>,
    name: String,
    args: Vec<(String, String)>,
    ret: String,
}

struct Signatures<const OPS: bool>(Vec<Signature>);

impl<const OPS: bool> Parse for Signatures<OPS> {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut out = Vec::new();
        while !input.is_empty() {
            let attrs = Attribute::parse_outer(input)?;
            // An operation's constant (`GET_SERVER_DETAILS`) names the method in snake
            // case (`get_server_details`) and the REST name in CamelCase
            // (`GetServerDetails`); the other lists write `fn name`.
            let (rest, name) = if OPS {
                let op: Ident = input.parse()?;
                let camel: String = op
                    .to_string()
                    .split('_')
                    .map(|w| {
                        let mut c = w.chars();
                        c.next().map_or(String::new(), |f| {
                            f.to_string() + &c.as_str().to_ascii_lowercase()
                        })
                    })
                    .collect();
                (Some(camel), op.to_string().to_ascii_lowercase())
            } else {
                input.parse::<Token![fn]>()?;
                (None, input.parse::<Ident>()?.to_string())
            };
            let inner;
            parenthesized!(inner in input);
            let mut args = Vec::new();
            while !inner.is_empty() {
                let n: Ident = inner.parse()?;
                inner.parse::<Token![:]>()?;
                let t: Type = inner.parse()?;
                args.push((n.to_string(), ty(&t)));
                if inner.is_empty() {
                    break;
                }
                inner.parse::<Token![,]>()?;
            }
            input.parse::<Token![->]>()?;
            let ret: Type = input.parse()?;
            input.parse::<Token![;]>()?;
            out.push(Signature {
                doc: docs(&attrs),
                rest,
                name,
                args,
                ret: ty(&ret),
            });
        }
        Ok(Signatures(out))
    }
}

/// A field of an answer or body model, by its wire name.
struct Field {
    wire: String,
    ts: String,
    optional: bool,
    doc: String,
    aliases: Vec<String>,
}

#[derive(Default)]
struct Models {
    structs: BTreeMap<String, (String, Vec<Field>)>,
    enums: BTreeMap<String, (String, Vec<String>)>,
    /// Newtypes (`struct AuditTrail(pub Value)`): the inner type.
    aliases: BTreeMap<String, (String, String)>,
}

/// `#[serde(rename = "x", alias = "y")]` of a field.
fn serde_names(attrs: &[Attribute], field: &str) -> (String, Vec<String>) {
    let mut wire = field.to_string();
    let mut aliases = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = a.parse_nested_meta(|m| {
            if m.path.is_ident("flatten") || m.path.is_ident("skip") {
                // Not a field of its own on the wire (flattened maps become the index signature).
                wire.clear();
            } else if m.path.is_ident("rename") {
                wire = m.value()?.parse::<LitStr>()?.value();
            } else if m.path.is_ident("alias") {
                aliases.push(m.value()?.parse::<LitStr>()?.value());
            } else if m.input.peek(Token![=]) {
                m.value()?.parse::<TokenStream>()?;
            }
            Ok(())
        });
    }
    (wire, aliases)
}

/// The body of a `model!`: `Name { field: T, ...; list field: T, ... }`.
struct ModelDef {
    doc: String,
    name: String,
    fields: Vec<Field>,
}

impl Parse for ModelDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = Attribute::parse_outer(input)?;
        let name: Ident = input.parse()?;
        if input.peek(Ident) {
            // `pre path::to::fn`: a reader hook, irrelevant to the shape.
            input.parse::<Ident>()?;
            input.parse::<syn::Path>()?;
        }
        let body;
        braced!(body in input);
        let mut fields = Vec::new();
        let mut list = false;
        while !body.is_empty() {
            if body.peek(Token![;]) {
                body.parse::<Token![;]>()?;
                let kw: Ident = body.parse()?;
                assert_eq!(kw, "list");
                list = true;
                continue;
            }
            let fattrs = Attribute::parse_outer(&body)?;
            let n: Ident = body.parse()?;
            let (mut wire, mut aliases) = serde_names(&fattrs, &n.to_string());
            if body.peek(Token![as]) {
                body.parse::<Token![as]>()?;
                wire = body.parse::<LitStr>()?.value();
            }
            while body.peek(Token![|]) {
                body.parse::<Token![|]>()?;
                aliases.push(body.parse::<LitStr>()?.value());
            }
            body.parse::<Token![:]>()?;
            let t: Type = body.parse()?;
            let base = ts_type(&ty(&t));
            fields.push(Field {
                wire,
                ts: if list { format!("{base}[]") } else { base },
                optional: true,
                doc: docs(&fattrs),
                aliases,
            });
            if !body.is_empty() && body.peek(Token![,]) {
                body.parse::<Token![,]>()?;
            }
        }
        Ok(ModelDef {
            doc: docs(&attrs),
            name: name.to_string(),
            fields,
        })
    }
}

/// The body of a `wire_enum!`: `Name { Variant = "WIRE" | "ALIAS", ... }`.
struct EnumDef {
    doc: String,
    name: String,
    values: Vec<String>,
}

impl Parse for EnumDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = Attribute::parse_outer(input)?;
        let name: Ident = input.parse()?;
        let body;
        braced!(body in input);
        let mut values = Vec::new();
        while !body.is_empty() {
            Attribute::parse_outer(&body)?;
            body.parse::<Ident>()?;
            body.parse::<Token![=]>()?;
            values.push(body.parse::<LitStr>()?.value());
            while body.peek(Token![|]) {
                body.parse::<Token![|]>()?;
                body.parse::<LitStr>()?;
            }
            if body.peek(Token![@]) {
                body.parse::<Token![@]>()?;
                body.parse::<syn::Lit>()?;
            }
            if body.peek(Token![,]) {
                body.parse::<Token![,]>()?;
            }
        }
        Ok(EnumDef {
            doc: docs(&attrs),
            name: name.to_string(),
            values,
        })
    }
}

impl Models {
    fn collect(&mut self, file: &syn::File) {
        for item in &file.items {
            match item {
                syn::Item::Macro(m) if m.mac.path.is_ident("model") => {
                    let d: ModelDef = syn::parse2(m.mac.tokens.clone()).expect("model!");
                    self.structs.insert(d.name, (d.doc, d.fields));
                }
                syn::Item::Macro(m) if m.mac.path.is_ident("wire_enum") => {
                    let d: EnumDef = syn::parse2(m.mac.tokens.clone()).expect("wire_enum!");
                    self.enums.insert(d.name, (d.doc, d.values));
                }
                syn::Item::Struct(s) if s.to_token_stream().to_string().contains("Serialize") => {
                    let named = match &s.fields {
                        syn::Fields::Named(named) => named,
                        syn::Fields::Unnamed(u) if u.unnamed.len() == 1 => {
                            let inner = ts_type(&ty(&u.unnamed[0].ty));
                            self.aliases
                                .insert(s.ident.to_string(), (docs(&s.attrs), inner));
                            continue;
                        }
                        _ => continue,
                    };
                    let fields = named
                        .named
                        .iter()
                        .filter_map(|f| {
                            let n = f.ident.as_ref().unwrap().to_string();
                            let (wire, aliases) = serde_names(&f.attrs, &n);
                            if wire.is_empty() {
                                return None;
                            }
                            let t = ty(&f.ty);
                            Some(Field {
                                wire,
                                optional: t.starts_with("Option<"),
                                ts: ts_type(&t),
                                doc: docs(&f.attrs),
                                aliases,
                            })
                        })
                        .collect();
                    self.structs
                        .insert(s.ident.to_string(), (docs(&s.attrs), fields));
                }
                _ => {}
            }
        }
    }
}

/// A Rust type of the models or of a method's signature as TypeScript.
fn ts_type(t: &str) -> String {
    let inner = |p: &str| t[p.len()..t.len() - 1].to_string();
    match t {
        "String" | "&str" | "&Path" | "Latency" => "string".into(),
        "i64" | "u64" | "u32" | "f64" => "number".into(),
        "bool" => "boolean".into(),
        "Value" => "JsonValue".into(),
        "()" => "void".into(),
        _ if t.starts_with("Option<") => ts_type(&inner("Option<")),
        _ if t.starts_with("Vec<") => format!("{}[]", ts_type(&inner("Vec<"))),
        _ if t.starts_with("&[") => format!("{}[]", ts_type(&t[2..t.len() - 1])),
        _ if t.starts_with('&') => ts_type(&t[1..]),
        other => other.into(),
    }
}

/// How the JS layer checks an argument before anything crosses into Rust.
fn check_of(rust: &str, wire: &str, rest: Option<&str>) -> &'static str {
    let t = rust.trim_start_matches("Option<").trim_end_matches('>');
    match (wire, t) {
        ("payload", "str" | "&str") if rest == Some("PutServerLicense") => "text",
        ("payload", "&str") => "document",
        ("payload", t) if t.starts_with("&[") => "array",
        ("payload", _) => "object",
        ("file" | "payload_file", _) => "path",
        (_, "&[TaskState]") => "states",
        (_, "bool") => "boolean",
        (_, "u32" | "u64") => "integer",
        _ => "string",
    }
}

fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in s.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Signature {
    /// The JS method: positional arguments are the typed method's required parameters
    /// in order; `Option` parameters, table filters and wait options form the trailing
    /// options object. File helpers map onto the generic entry's `file`/`payload_file`.
    fn to_json(&self, models: &Models) -> serde_json::Value {
        use serde_json::json;
        let (kind, method) = if let Some(m) = self.name.strip_suffix("_to_file") {
            ("export_file", m.to_string())
        } else if let Some(m) = self.name.strip_suffix("_from_file") {
            ("import_file", m.to_string())
        } else if self.rest.is_some() {
            // A REST operation, even one whose name says "wait" (ReconfigureEndpointNoWait).
            ("op", self.name.clone())
        } else if self.name.contains("wait") {
            ("wait", self.name.clone())
        } else {
            ("session", self.name.clone())
        };
        let mut positional = Vec::new();
        let mut options = Vec::new();
        let arg = |wire: &str, rust: &str| {
            json!({
                "name": camel(wire),
                "wire": wire,
                "type": ts_type(rust),
                "check": check_of(rust, wire, self.rest.as_deref()),
            })
        };
        for (name, rust) in &self.args {
            match (name.as_str(), rust.as_str()) {
                (_, "&TableFilter") => {
                    for f in &models.structs["TableFilter"].1 {
                        let rust = if f.ts == "boolean" { "bool" } else { "&str" };
                        options.push(arg(&f.wire, rust));
                    }
                }
                (_, "WaitOptions") => {
                    options.push(arg("timeout_ms", "u64"));
                    options.push(arg("poll_ms", "u64"));
                }
                ("path", _) => {
                    let wire = if kind == "export_file" {
                        "file"
                    } else {
                        "payload_file"
                    };
                    let mut a = arg(wire, rust);
                    a["name"] = json!("path");
                    positional.push(a);
                }
                (_, r) if r.starts_with("Option<") => options.push(arg(name, rust)),
                _ => positional.push(arg(name, rust)),
            }
        }
        let returns = match (kind, self.ret.as_str()) {
            // Documents come back parsed: the audit trail, or a task/server export.
            ("op", "String") if self.rest.as_deref() == Some("ExportAuditTrail") => {
                if models.aliases.contains_key("AuditTrail") {
                    "AuditTrail".to_string()
                } else {
                    "JsonValue".to_string()
                }
            }
            ("op", "String") => "ExportDocument".to_string(),
            (_, r) => ts_type(r),
        };
        json!({
            "name": camel(&self.name),
            "method": method,
            "rest": self.rest,
            "kind": kind,
            "doc": self.doc,
            "positional": positional,
            "options": options,
            "returns": returns,
        })
    }
}

impl Models {
    /// A TypeScript type whose names all exist: a Rust type the models do not declare
    /// (hand-written serde impls, maps) is any JSON value.
    fn resolve(&self, t: &str) -> String {
        let parts: Vec<String> = t
            .split(" | ")
            .map(|part| {
                let base = part.trim_end_matches("[]");
                let dims = &part[base.len()..];
                let known = matches!(
                    base,
                    "string" | "number" | "boolean" | "JsonValue" | "void" | "ExportDocument"
                ) || self.structs.contains_key(base)
                    || self.enums.contains_key(base)
                    || self.aliases.contains_key(base);
                if known {
                    part.to_string()
                } else {
                    format!("JsonValue{dims}")
                }
            })
            .collect();
        parts.join(" | ")
    }
}

fn jsdoc(out: &mut String, indent: &str, doc: &str) {
    if !doc.is_empty() {
        let _ = writeln!(out, "{indent}/** {} */", doc.replace("*/", "* /"));
    }
}

fn declarations(table: &[serde_json::Value], models: &Models) -> String {
    let mut out = String::from(
        "// ---- Generated by build.rs from core/src/api.rs and core/src/models: do not edit. ----\n\n",
    );
    for (name, (doc, values)) in &models.enums {
        jsdoc(&mut out, "", doc);
        let list: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
        // `string & {}` keeps values a newer server may send, without losing completion.
        let _ = writeln!(
            out,
            "export type {name} = {} | (string & {{}})\n",
            list.join(" | ")
        );
    }
    if !models.structs.contains_key("ExportDocument") {
        out.push_str("/** An exported task or server document, parsed. */\n");
        out.push_str("export interface ExportDocument {\n  [field: string]: unknown\n}\n\n");
    }
    for (name, (doc, inner)) in &models.aliases {
        jsdoc(&mut out, "", doc);
        let _ = writeln!(out, "export type {name} = {}\n", models.resolve(inner));
    }
    for (name, (doc, fields)) in &models.structs {
        jsdoc(&mut out, "", doc);
        let _ = writeln!(out, "export interface {name} {{");
        for f in fields {
            jsdoc(&mut out, "  ", &f.doc);
            let q = if f.optional { "?" } else { "" };
            let ts = models.resolve(&f.ts);
            let _ = writeln!(out, "  {}{q}: {ts}", quote_key(&f.wire));
            for a in &f.aliases {
                let _ = writeln!(out, "  /** Another spelling of `{}`. */", f.wire);
                let _ = writeln!(out, "  {}?: {ts}", quote_key(a));
            }
        }
        if fields.iter().all(|f| f.optional) {
            out.push_str("  /** Fields this SDK does not know, as the server sent them. */\n");
            out.push_str("  [field: string]: unknown\n");
        }
        out.push_str("}\n\n");
    }
    let mut class = String::new();
    for m in table {
        let name = m["name"].as_str().unwrap();
        let opts = m["options"].as_array().unwrap();
        let iface = if opts.is_empty() {
            None
        } else {
            let iface = format!("{}{}Params", name[..1].to_uppercase(), &name[1..]);
            let _ = writeln!(out, "/** Optional arguments of `AemClient.{name}`. */");
            let _ = writeln!(out, "export interface {iface} {{");
            for o in opts {
                let t = models.resolve(o["type"].as_str().unwrap());
                let _ = writeln!(out, "  {}?: {t} | null", o["name"].as_str().unwrap());
            }
            out.push_str("}\n\n");
            Some(iface)
        };
        let mut params: Vec<String> = m["positional"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let t = p["type"].as_str().unwrap();
                let t = if p["check"] == "document" {
                    "string | ExportDocument".to_string()
                } else {
                    models.resolve(t)
                };
                format!("{}: {t}", p["name"].as_str().unwrap())
            })
            .collect();
        if let Some(i) = iface {
            params.push(format!("options?: {i}"));
        }
        jsdoc(&mut class, "  ", m["doc"].as_str().unwrap());
        let _ = writeln!(
            class,
            "  {name}({}): Promise<{}>",
            params.join(", "),
            models.resolve(m["returns"].as_str().unwrap())
        );
    }
    out.push_str(
        "/** The client's methods, one per core method (see index.d.ts for the class). */\n",
    );
    out.push_str("export interface AemClientMethods {\n");
    out.push_str(&class);
    out.push_str("}\n");
    out
}

fn quote_key(k: &str) -> String {
    if k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        k.to_string()
    } else {
        format!("'{k}'")
    }
}
