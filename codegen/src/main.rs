//! `cargo run -p qem-codegen` writes every generated file of the project from the core's
//! registry; `cargo run -p qem-codegen -- --check` writes nothing and exits non-zero
//! naming each file that is stale (the README's test command runs it).
//!
//! Generated today: `schema/api.json`, the API description; the Python binding's typed
//! methods and their stubs (`python.rs`), and its chapter 4 classes and enumerations
//! (`python_models.rs`), from the templates and data in `templates/python/`; the Node
//! binding's methods and `index.d.ts` (`node.rs`, `templates/node/`); the .NET SDK's
//! `AemRestClient` methods, typed helpers and report classes (`dotnet.rs`,
//! `templates/dotnet/`); the JVM binding's typed clients and models (`kotlin.rs`).

mod dotnet;
mod dotnet_json;
mod kotlin;
mod node;
mod python;
mod python_models;
mod schema;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One generated file: its path from the workspace root and its content.
struct Generated {
    path: &'static str,
    content: String,
}

fn generated() -> Vec<Generated> {
    let text = qem_core::describe::api_description_text();
    let description: serde_json::Value =
        serde_json::from_str(text).expect("the description is JSON");
    let mut files = vec![Generated {
        path: "schema/api.json",
        content: text.to_owned(),
    }];
    for (path, content) in dotnet::files(&description) {
        files.push(Generated { path, content });
    }
    for (path, content) in node::files(&description) {
        files.push(Generated { path, content });
    }
    for (path, content) in kotlin::files(&description) {
        files.push(Generated { path, content });
    }
    for (path, content) in python::files(&description, text) {
        files.push(Generated { path, content });
    }
    files
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("codegen/ sits in the workspace")
        .to_path_buf()
}

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("usage: qem-codegen [--check]  (unknown argument {other})");
            return ExitCode::from(2);
        }
    };
    let root = root();
    let mut stale = Vec::new();
    for file in generated() {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.content.as_str()) {
            continue;
        }
        if check {
            stale.push(file.path);
            continue;
        }
        if let Some(dir) = path.parent() {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("qem-codegen: creating {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        if let Err(e) = std::fs::write(&path, &file.content) {
            eprintln!("qem-codegen: writing {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", file.path);
    }
    if stale.is_empty() {
        if check {
            println!("generated files: up to date");
        }
        return ExitCode::SUCCESS;
    }
    for path in &stale {
        eprintln!("stale: {path} (run `cargo run -p qem-codegen` and commit it)");
    }
    ExitCode::FAILURE
}

#[cfg(test)]
mod tests {
    use super::{dotnet, kotlin, node, python};
    use serde_json::{json, Value};

    /// An operation added to the registry reaches every language by regenerating, with no
    /// hand-written line: its typed method in Python, Node and .NET, and its model's class.
    #[test]
    fn a_new_operation_reaches_every_language() {
        let text = qem_core::describe::api_description_text();
        let mut d: Value = serde_json::from_str(text).expect("the description is JSON");
        d["models"]["WidgetReport"] = json!({
            "type": "object",
            "properties": {
                "widget_name": {"type": ["string", "null"], "description": "Its name."},
                "count": {"type": ["integer", "null"], "description": "How many."}
            },
            "additionalProperties": true,
            "description": "A widget."
        });
        let path = |name: &str| {
            json!({"name": name, "in": "path", "required": true,
            "schema": {"type": "string", "minLength": 1}})
        };
        d["services"][0]["operations"]
            .as_array_mut()
            .expect("operations")
            .push(json!({
                "name": "GetWidget", "method": "get_widget", "aliases": [], "doc": "9.9 A widget.",
                "rust": "get_widget", "verb": "GET", "path": "/servers/{server}/widgets/{widget}",
                "query": {}, "retried": "read",
                "args": [path("server"), path("widget"),
                    {"name": "verbose", "in": "query", "required": false, "schema": {"type": "boolean"}}],
                "answer": {"kind": "json", "model": "WidgetReport",
                    "schema": {"$ref": "#/$defs/WidgetReport"}}
            }));
        // And one of Qlik Cloud reaches `qem.cloud`, with its spec names in snake case.
        d["services"][1]["operations"]
            .as_array_mut()
            .expect("operations")
            .push(json!({
                "name": "GetSpace", "method": "get_space", "aliases": ["getSpace"], "doc": "A space.",
                "rust": null, "verb": "GET", "path": "/spaces/{spaceId}", "query": {}, "retried": "read",
                "args": [path("spaceId")],
                "answer": {"kind": "json", "model": "WidgetReport",
                    "schema": {"$ref": "#/$defs/WidgetReport"}}
            }));
        let all: Vec<(&str, String)> = python::files(&d, text)
            .into_iter()
            .chain(node::files(&d))
            .chain(dotnet::files(&d))
            .chain(kotlin::files(&d))
            .collect();
        let file = |suffix: &str| {
            all.iter()
                .find(|(p, _)| p.ends_with(suffix))
                .map(|(_, c)| c.as_str())
                .unwrap_or_else(|| panic!("no generated {suffix}"))
        };
        for (suffix, wanted) in [
            ("qem/_operations.py", "def get_widget("),
            ("qem/_client.pyi", "def get_widget("),
            ("qem/_async.pyi", "async def get_widget("),
            ("qem/types.py", "class WidgetReport(AemObject)"),
            ("qem/cloud/_operations.py", "def get_space("),
            ("qem/cloud/_operations.py", "\"spaceId\": _name(fn, \"space_id\", space_id)"),
            ("qem/cloud/_client.pyi", "-> WidgetReport:"),
            ("bindings-node/methods.js", "getSpace (spaceId, ...more)"),
            (
                "QlikCloudTasksClient.g.cs",
                "public WidgetReport GetSpace(string spaceId)",
            ),
            (
                "bindings-node/index.d.ts",
                "getSpace(spaceId: string): Promise<WidgetReport>",
            ),
            ("bindings-node/methods.js", "getWidget (server, widget, options, ...more)"),
            (
                "bindings-node/index.d.ts",
                "getWidget(server: string, widget: string, options?: GetWidgetParams): Promise<WidgetReport>",
            ),
            ("bindings-node/index.d.ts", "export interface WidgetReport {"),
            (
                "AemRestClient.g.cs",
                "public WidgetReport GetWidget(string server, string widget, bool? verbose = null)",
            ),
            ("AemRestClient.g.cs", "public Task<WidgetReport> GetWidgetAsync("),
            (
                "qem/Clients.kt",
                "suspend fun getWidget(server: String, widget: String, verbose: Boolean? = null): WidgetReport",
            ),
            ("qem/Clients.kt", "fun getWidgetBlocking(server: String"),
            (
                "qem/Clients.kt",
                "fun getSpaceAsync(spaceId: String): CompletableFuture<WidgetReport>",
            ),
            (
                "qem/Models.kt",
                "class WidgetReport(fields: Map<String, Any?>) : Model(fields)",
            ),
            ("qem/Models.kt", "val widgetName: String? get() = string(\"widget_name\")"),
            ("AemRestClient.g.cs", "public partial class WidgetReport : AemModel"),
            (
                "Json.g.cs",
                "internal static WidgetReport ReadJson(Json.Parser p)",
            ),
        ] {
            assert!(file(suffix).contains(wanted), "{suffix} lacks {wanted}");
        }
    }
}
