//! Named connections in `<config dir>/qem/config.json` (or `$QEM_CONFIG`), written with
//! mode 0600; and the client options of a command: flags over the environment over the
//! context.

use crate::cli::{ContextCommand, Global};
use crate::{Failure, Outcome};
use serde_json::{json, Map, Value};
use std::io::{BufRead as _, IsTerminal as _};
use std::path::PathBuf;

/// The options that are secrets: prompted for, never printed.
const SECRETS: &[&str] = &[
    "password",
    "api_token",
    "jwt",
    "b64",
    "saml",
    "api_key",
    "client_secret",
    "ca_pem",
];

/// Where the contexts are kept.
fn config_path() -> Result<PathBuf, Failure> {
    if let Some(p) = std::env::var_os("QEM_CONFIG") {
        return Ok(PathBuf::from(p));
    }
    dirs::config_dir()
        .map(|d| d.join("qem").join("config.json"))
        .ok_or_else(|| Failure::Local("no configuration folder (set QEM_CONFIG)".into()))
}

/// `{"current": name, "contexts": {name: options}}`; empty when there is no file.
fn load() -> Result<Value, Failure> {
    let path = config_path()?;
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map_err(|e| Failure::Local(format!("{} is not JSON: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(json!({"current": null, "contexts": {}}))
        }
        Err(e) => Err(Failure::Local(format!("reading {}: {e}", path.display()))),
    }
}

/// Writes the file readable by its owner only (it holds passwords).
fn save(config: &Value) -> Outcome {
    let path = config_path()?;
    let io = |e: std::io::Error| Failure::Local(format!("writing {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let text = serde_json::to_string_pretty(config).expect("JSON");
    let tmp = path.with_extension("json.tmp");
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    let mut file = open.open(&tmp).map_err(io)?;
    #[cfg(unix)]
    {
        // A file left by an older run keeps its mode: set it again.
        use std::os::unix::fs::PermissionsExt as _;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(io)?;
    }
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    drop(file);
    std::fs::rename(&tmp, &path).map_err(io)
}

/// A secret from stdin (`--password-stdin`: its first line), or asked for without echo on
/// a terminal.
fn read_secret(global: &Global, prompt: &str) -> Result<Option<String>, Failure> {
    if global.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::Local(format!("reading stdin: {e}")))?;
        return Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()));
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(prompt)
            .map(Some)
            .map_err(|e| Failure::Local(format!("reading the password: {e}")));
    }
    Ok(None)
}

/// A context's options with its secrets hidden.
fn shown(options: &Value) -> Value {
    let mut o = options.clone();
    if let Some(map) = o.as_object_mut() {
        for (k, v) in map.iter_mut() {
            if SECRETS.contains(&k.as_str()) {
                *v = Value::String("<hidden>".into());
            }
        }
    }
    o
}

pub fn run(command: ContextCommand, global: &Global) -> Outcome {
    let mut config = load()?;
    match command {
        ContextCommand::Add {
            name,
            options,
            make_current,
        } => {
            let service = global.service.clone().unwrap_or_else(|| "qem".into());
            let mut o = Map::new();
            o.insert("service".into(), service.clone().into());
            if let Some(url) = &global.url {
                o.insert("url".into(), url.clone().into());
            }
            // A tenant has no users (QEM_USER may be set for Enterprise Manager).
            if let Some(user) = global.user.as_ref().filter(|_| service != "qlik_cloud") {
                o.insert("username".into(), user.clone().into());
            }
            if let Some(ca) = &global.ca_file {
                o.insert("ca_file".into(), json!(ca));
            }
            if global.insecure {
                o.insert("verify_certificate".into(), false.into());
            }
            for pair in &options {
                let (k, v) = crate::args::name_value(pair, false)?;
                o.insert(k, v);
            }
            // The secret the credentials lack, asked for (or read) rather than taken
            // from the command line, where the shell's history would keep it.
            let missing = if o.contains_key("username") {
                Some(("password", "password", "QEM_PASSWORD"))
            } else if service != "qlik_cloud" {
                None
            } else if o.contains_key("client_id") {
                Some(("client_secret", "client secret", "QEM_CLIENT_SECRET"))
            } else {
                Some(("api_key", "API key", "QEM_API_KEY"))
            };
            if let Some((key, what, var)) = missing.filter(|(k, ..)| !o.contains_key(*k)) {
                let secret = match read_secret(global, &format!("{what}: "))? {
                    Some(p) => p,
                    None => std::env::var(var).map_err(|_| {
                        Failure::Usage(format!(
                            "a {what} is needed: --password-stdin, a terminal, or {var}"
                        ))
                    })?,
                };
                o.insert(key.into(), secret.into());
            }
            if !o.contains_key("url") {
                return Err(Failure::Usage("a context needs --url".into()));
            }
            // The core checks the options now, so a mistake is said here, not at first use.
            qem_core::ClientConfig::from_json(&Value::Object(o.clone())).map_err(Failure::Sdk)?;
            config["contexts"][&name] = Value::Object(o);
            if make_current || config["current"].is_null() {
                config["current"] = name.clone().into();
            }
            save(&config)?;
            if !global.quiet {
                eprintln!("context {name} saved");
            }
            Ok(())
        }
        ContextCommand::Use { name } => {
            if config["contexts"].get(&name).is_none() {
                return Err(Failure::Usage(format!("no context named {name}")));
            }
            config["current"] = name.into();
            save(&config)
        }
        ContextCommand::List => {
            let current = config["current"].as_str().unwrap_or_default().to_string();
            let names: Vec<(String, Value)> = config["contexts"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            if global.json {
                let list: Vec<Value> = names
                    .iter()
                    .map(|(n, o)| json!({"name": n, "current": *n == current, "service": o["service"], "url": o["url"]}))
                    .collect();
                println!("{}", Value::Array(list));
            } else {
                for (n, o) in names {
                    let mark = if n == current { "*" } else { " " };
                    if global.quiet {
                        println!("{n}");
                    } else {
                        println!(
                            "{mark} {n}\t{}\t{}",
                            o["service"].as_str().unwrap_or("qem"),
                            o["url"].as_str().unwrap_or_default()
                        );
                    }
                }
            }
            Ok(())
        }
        ContextCommand::Show { name } => {
            let name = name
                .or_else(|| global.context.clone())
                .or_else(|| config["current"].as_str().map(str::to_string))
                .ok_or_else(|| Failure::Usage("no context chosen".into()))?;
            let options = config["contexts"]
                .get(&name)
                .ok_or_else(|| Failure::Usage(format!("no context named {name}")))?;
            println!(
                "{}",
                serde_json::to_string_pretty(&shown(options)).expect("JSON")
            );
            Ok(())
        }
        ContextCommand::Remove { name } => {
            let removed = config["contexts"]
                .as_object_mut()
                .and_then(|m| m.remove(&name));
            if removed.is_none() {
                return Err(Failure::Usage(format!("no context named {name}")));
            }
            if config["current"] == name.as_str() {
                config["current"] = Value::Null;
            }
            save(&config)
        }
    }
}

/// The client options of a command: the context's (named, or current), the
/// environment's over them, the flags' over those.
pub fn client_options(global: &Global, implied: Option<&str>) -> Result<Value, Failure> {
    let config = load()?;
    let chosen = global
        .context
        .clone()
        .or_else(|| config["current"].as_str().map(str::to_string));
    let mut o = match &chosen {
        Some(name) => match config["contexts"].get(name) {
            Some(v) => v.clone(),
            // A context named by the user must exist; a stale `current` is ignored only
            // when the flags or the environment say where to go.
            None if global.context.is_some() || global.url.is_none() => {
                return Err(Failure::Usage(format!("no context named {name}")))
            }
            None => json!({}),
        },
        None => json!({}),
    };
    // The service --service (QEM_SERVICE) or a command group (`qem veeam ...`) wants: a
    // connection that names none gets it; the current context, of another service, is
    // passed over; a context of another service named for the command is refused.
    let service = o["service"].as_str().unwrap_or("qem").to_string();
    let wanted = match (global.service.as_deref(), implied) {
        (Some(flag), Some(group)) if flag != group => {
            return Err(Failure::Usage(format!(
                "--service {flag} (or QEM_SERVICE) does not fit this command, which is {group}'s"
            )))
        }
        (flag, group) => flag.or(group),
    };
    if let Some(wanted) = wanted {
        match o.get("service") {
            None => o["service"] = wanted.into(),
            Some(_) if service == wanted => {}
            // The current context, of another service, is not what this command is for.
            Some(_) if global.context.is_none() => o = json!({ "service": wanted }),
            Some(_) => {
                let name = chosen.as_deref().unwrap_or_default();
                return Err(Failure::Usage(format!(
                    "the context {name} is for {service}; this command needs a {wanted} connection (qem context add NAME --service {wanted})"
                )));
            }
        }
    }
    // Flags and environment (clap reads QEM_URL, QEM_USER, QEM_CA_FILE into the flags).
    if let Some(url) = &global.url {
        o["url"] = url.clone().into();
    }
    // A tenant has no users: its secret is its API key, from the same places a password
    // comes from.
    let cloud = o["service"] == "qlik_cloud";
    if let Some(user) = global.user.as_ref().filter(|_| !cloud) {
        o["username"] = user.clone().into();
        if let Some(map) = o.as_object_mut() {
            for k in ["api_token", "jwt", "b64", "saml", "password"] {
                map.remove(k);
            }
        }
    }
    let (secret, var) = match cloud {
        true => ("api_key", "QEM_API_KEY"),
        false => ("password", "QEM_PASSWORD"),
    };
    if let Ok(v) = std::env::var(var) {
        o[secret] = v.into();
    }
    if global.password_stdin {
        if let Some(v) = read_secret(global, "")? {
            o[secret] = v.into();
        }
    }
    if let Some(ca) = &global.ca_file {
        o["ca_file"] = json!(ca);
    }
    if global.insecure {
        o["verify_certificate"] = false.into();
    }
    if o.get("url").is_none() {
        return Err(Failure::Usage(
            "no server: give --url (or QEM_URL), or add a context (qem context add)".into(),
        ));
    }
    if o.get("username").is_some() && o.get("password").is_none() {
        if let Some(p) = read_secret(global, "password: ")? {
            o["password"] = p.into();
        }
    }
    Ok(o)
}
