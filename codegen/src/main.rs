//! `cargo run -p qem-codegen` writes every generated file of the project from the core's
//! registry; `cargo run -p qem-codegen -- --check` writes nothing and exits non-zero
//! naming each file that is stale (the README's test command runs it).
//!
//! Generated today: `schema/api.json`, the API description; the Python binding's typed
//! methods and their stubs (`python.rs`), and its chapter 4 classes and enumerations
//! (`python_models.rs`), from the templates and data in `templates/python/`; the Node
//! binding's methods and `index.d.ts` (`node.rs`, `templates/node/`); the .NET SDK's
//! `AemRestClient` methods, typed helpers and report classes (`dotnet.rs`,
//! `templates/dotnet/`).

mod dotnet;
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
