//! The built `qem` binary against the mock: every command once, `--json` against the
//! generic entry, the exit codes, the contexts file, and that no output shows a secret.

use qem_core::{blocking, ClientConfig};
use qem_mock::{MockConfig, MockServer};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

struct Env {
    mock: MockServer,
    dir: tempfile::TempDir,
    ca: PathBuf,
}

fn env() -> Env {
    let mock = MockServer::start_background(MockConfig::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, mock.ca_cert_pem().unwrap()).unwrap();
    Env { mock, dir, ca }
}

impl Env {
    /// `qem` with the mock's connection in the environment (as a cron job would set it).
    fn cmd(&self) -> Command {
        self.with_env(Command::new(env!("CARGO_BIN_EXE_qem")))
    }

    /// `c` with the mock's connection in its environment.
    fn with_env(&self, mut c: Command) -> Command {
        c.env("QEM_CONFIG", self.dir.path().join("config.json"))
            .env("QEM_URL", self.mock.base_url())
            .env("QEM_USER", "QEM\\admin")
            .env("QEM_PASSWORD", "admin-pass")
            .env("QEM_CA_FILE", &self.ca)
            .env_remove("QEM_CONTEXT")
            .env_remove("QEM_SERVICE")
            .stdin(Stdio::null());
        c
    }

    fn qem(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().unwrap()
    }

    /// `qem` given `stdin` (a secret for --password-stdin).
    fn qem_stdin(&self, args: &[&str], stdin: &[u8]) -> Output {
        fed(self.cmd().args(args), stdin)
    }

    /// The generic entry's answer for the same call.
    fn call(&self, method: &str, args: Value) -> Value {
        let o = json!({"url": self.mock.base_url(), "username": "QEM\\admin", "password": "admin-pass",
            "ca_pem": self.mock.ca_cert_pem().unwrap()});
        let c = blocking::Client::new(ClientConfig::from_json(&o).unwrap()).unwrap();
        let v = c.call(method, args).unwrap();
        c.close().unwrap();
        stable(v)
    }
}

/// `v` without the fields that change from one second to the next (a server's
/// `last_connection`), so that two answers of the same call compare equal.
fn stable(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                m.remove("last_connection");
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

/// Runs `c` with `stdin` on its standard input.
fn fed(c: &mut Command, stdin: &[u8]) -> Output {
    let mut c = c
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(c.stdin.as_mut().unwrap(), stdin).unwrap();
    c.wait_with_output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn json_of(o: &Output) -> Value {
    assert!(
        o.status.success(),
        "{}\n{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    stable(serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o.stdout))))
}

const SERVER: &str = "Local Server";
const TASK: &str = "SalesDBBackup";

#[test]
fn json_output_is_the_generic_entrys_answer() {
    let e = env();
    let servers = json_of(&e.qem(&["servers", "ls", "--json"]));
    assert_eq!(servers, e.call("get_server_list", json!({})));
    let show = json_of(&e.qem(&["--json", "task", "show", SERVER, TASK]));
    assert_eq!(
        show,
        e.call("get_task_details", json!({"server": SERVER, "task": TASK}))
    );
    let called = json_of(&e.qem(&[
        "call",
        "get_task_list",
        "--arg",
        &format!("server={SERVER}"),
        "--json",
    ]));
    assert_eq!(called, e.call("get_task_list", json!({"server": SERVER})));
    // `--args` JSON and typed `--arg` values (a number stays a number).
    let tables = json_of(&e.qem(&[
        "call",
        "GetTableList",
        "--args",
        &json!({"server": SERVER, "task": TASK}).to_string(),
        "-a",
        "includeloading=true",
        "--json",
    ]));
    assert_eq!(
        tables,
        e.call(
            "get_table_list",
            json!({"server": SERVER, "task": TASK, "includeloading": true})
        )
    );
    let ops = json_of(&e.qem(&["ops", "--json"]));
    let names: Vec<&str> = ops
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|o| o["name"].as_str())
        .collect();
    for n in [
        "get_task_details",
        "run_task_and_wait",
        "clone_job",
        "clone_trees",
        "get_tasks",
    ] {
        assert!(names.contains(&n), "{n} is listed");
    }
}

#[test]
fn tables_quiet_names_and_a_run_and_stop_with_waits() {
    let e = env();
    let o = e.qem(&["servers", "ls"]);
    assert!(o.status.success());
    let out = text(&o.stdout);
    assert!(out.contains("NAME") && out.contains(SERVER), "{out}");
    let o = e.qem(&["tasks", "ls", SERVER, "-q"]);
    assert_eq!(text(&o.stdout), format!("{TASK}\n"));
    let o = e.qem(&["tasks", "ls", SERVER, "--state", "RUNNING", "-q"]);
    assert_eq!(text(&o.stdout), "", "no task is running");
    let run = json_of(&e.qem(&[
        "task",
        "run",
        SERVER,
        TASK,
        "--wait",
        "--timeout",
        "30s",
        "--json",
    ]));
    assert_eq!(run["state"], "RUNNING");
    let o = e.qem(&[
        "tasks", "ls", SERVER, "--state", "RUNNING", "--name", "Sales*", "-q",
    ]);
    assert_eq!(text(&o.stdout), format!("{TASK}\n"));
    let stop = json_of(&e.qem(&["task", "stop", SERVER, TASK, "--wait", "--json"]));
    assert_eq!(stop["state"], "STOPPED");
    let o = e.qem(&["tables", SERVER, TASK]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("ORDERS"), "{}", text(&o.stdout));
}

#[test]
fn export_and_import_stream_files() {
    let e = env();
    let file = e.dir.path().join("task.json");
    let o = e.qem(&["export", SERVER, TASK, "-o", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let exported: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert!(exported.is_object());
    let o = e.qem(&["export", SERVER, TASK]);
    let to_stdout: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(to_stdout, exported, "stdout carries the same document");
    let o = e.qem(&["import", SERVER, "Copy", "-i", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let list = e.call("get_task_list", json!({"server": SERVER}));
    assert!(list.to_string().contains("Copy"), "{list}");
}

#[test]
fn exit_codes_and_one_line_errors() {
    let e = env();
    let code = |o: &Output| o.status.code().unwrap();
    // Usage: unknown command or flag, malformed --args, a missing argument, a bad duration.
    for args in [
        vec!["frobnicate"],
        vec!["servers", "ls", "--frob"],
        vec!["call", "get_task_list", "--args", "{not json"],
        vec!["task", "show", SERVER],
        vec!["task", "run", SERVER, TASK, "--wait", "--timeout", "soon"],
        vec!["--context", "nowhere", "servers", "ls"],
        vec![
            "call",
            "get_task_details",
            "-a",
            &format!("server={SERVER}"),
            "-a",
            "task=..",
        ],
        vec!["call", "no_such_operation"],
    ] {
        e.mock.clear_requests();
        let o = e.qem(&args);
        assert_eq!(code(&o), 2, "{args:?}: {}", text(&o.stderr));
        assert!(!text(&o.stderr).trim().is_empty());
        assert!(e.mock.requests().is_empty(), "{args:?} sent nothing");
    }
    // A task no server has: the server's error, exit 1, one line.
    let o = e.qem(&["task", "show", SERVER, "Nope"]);
    assert_eq!(code(&o), 1);
    assert_eq!(text(&o.stderr).lines().count(), 1, "{}", text(&o.stderr));
    // --json errors are JSON on stderr.
    let o = e.qem(&["task", "show", SERVER, "Nope", "--json"]);
    let err: Value = serde_json::from_slice(&o.stderr).unwrap();
    assert!(
        err["error_code"]
            .as_str()
            .is_some_and(|c| c.starts_with("AEM_")),
        "{err}"
    );
    assert_eq!(err["operation"], "GetTaskDetails");
    // WAIT_TIMEOUT is 4, TASK_FAILED 5.
    let o = e.qem(&["call", "wait_for_task_state", "--args",
        &json!({"server": SERVER, "task": TASK, "states": ["ERROR"], "timeout_ms": 300, "poll_ms": 50}).to_string()]);
    assert_eq!(code(&o), 4, "{}", text(&o.stderr));
    // A wrong password: 1, and the password is nowhere.
    let o = e
        .cmd()
        .env("QEM_PASSWORD", "hunter2-wrong")
        .args(["servers", "ls", "-v"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 1);
    assert!(!text(&o.stderr).contains("hunter2") && !text(&o.stdout).contains("hunter2"));
}

#[test]
fn contexts_live_in_a_private_file_and_never_show_secrets() {
    let e = env();
    let mut add = e
        .cmd()
        .env_remove("QEM_PASSWORD")
        .args(["context", "add", "lab", "--password-stdin", "--use"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(add.stdin.as_mut().unwrap(), b"admin-pass\n").unwrap();
    let o = add.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    let file = e.dir.path().join("config.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The context alone connects (no URL, user or password in the environment).
    let bare = |args: &[&str]| {
        e.cmd()
            .env_remove("QEM_URL")
            .env_remove("QEM_USER")
            .env_remove("QEM_PASSWORD")
            .env_remove("QEM_CA_FILE")
            .args(args)
            .output()
            .unwrap()
    };
    let o = bare(&["servers", "ls", "-q", "-v"]);
    assert_eq!(
        text(&o.stdout),
        format!("{SERVER}\n"),
        "{}",
        text(&o.stderr)
    );
    assert!(
        text(&o.stderr).contains("servers"),
        "-v logs the requests: {}",
        text(&o.stderr)
    );
    for o in [bare(&["context", "show"]), bare(&["context", "list"]), o] {
        let all = format!("{}{}", text(&o.stdout), text(&o.stderr));
        assert!(!all.contains("admin-pass"), "{all}");
    }
    assert!(text(&bare(&["context", "show", "lab"]).stdout).contains("<hidden>"));
    // Flags win over the context: a wrong URL given explicitly is used.
    let o = bare(&[
        "--url",
        "https://127.0.0.1:1/attunityenterprisemanager",
        "servers",
        "ls",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = bare(&["context", "remove", "lab"]);
    assert!(o.status.success());
    assert_eq!(
        bare(&["servers", "ls"]).status.code(),
        Some(2),
        "no connection left"
    );
}

#[test]
fn the_mock_command_prints_its_url_first() {
    let dir = tempfile::tempdir().unwrap();
    let cert = dir.path().join("mock.pem");
    let mut child = Command::new(env!("CARGO_BIN_EXE_qem"))
        .args(["mock", "--port", "0", "--cert-out", cert.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let url = line.trim().to_string();
    assert!(
        url.starts_with("https://127.0.0.1:") && url.ends_with("/attunityenterprisemanager"),
        "{url}"
    );
    let o = json!({"url": url, "username": "QEM\\admin", "password": "admin-pass",
        "ca_pem": std::fs::read_to_string(&cert).unwrap()});
    let c = blocking::Client::new(ClientConfig::from_json(&o).unwrap()).unwrap();
    assert!(c.call("get_server_list", json!({})).is_ok());
    let _ = child.kill();
    let _ = child.wait();
}

/// Imports copies of the mock's task under these names.
fn tasks_named(e: &Env, names: &[&str]) {
    let doc = e.call("export_task", json!({"server": SERVER, "task": TASK}));
    for n in names {
        e.call(
            "import_task",
            json!({"server": SERVER, "task": n, "payload": doc}),
        );
    }
}

#[test]
fn a_snapshot_restores_exactly_the_tasks_that_were_running() {
    let e = env();
    tasks_named(&e, &["A", "B", "C"]);
    for t in ["A", "C"] {
        let o = e.qem(&["task", "run", SERVER, t, "--wait"]);
        assert!(o.status.success(), "{}", text(&o.stderr));
    }
    let snap = e.dir.path().join("snap.json");
    let o = e.qem(&["snapshot", SERVER, "-o", snap.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let stopped = json_of(&e.qem(&[
        "tasks",
        "stop",
        SERVER,
        "--from-snapshot",
        snap.to_str().unwrap(),
        "--json",
    ]));
    let names: Vec<&str> = stopped["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["task"].as_str())
        .collect();
    assert_eq!(names, ["A", "C"]);
    let o = e.qem(&["tasks", "ls", SERVER, "--state", "RUNNING", "-q"]);
    assert_eq!(text(&o.stdout), "");
    let o = e.qem(&[
        "tasks",
        "run",
        SERVER,
        "--from-snapshot",
        snap.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        text(&o.stdout).contains("2 succeeded, 0 failed"),
        "{}",
        text(&o.stdout)
    );
    let o = e.qem(&["tasks", "ls", SERVER, "--state", "RUNNING", "-q"]);
    assert_eq!(text(&o.stdout), "A\nC\n");
    // A bulk command some of whose items fail exits 3, with its report (B is not running).
    let o = e.qem(&["tasks", "stop", SERVER, "A", "B"]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains("1 succeeded, 1 failed"),
        "{}",
        text(&o.stdout)
    );
    // A name the server does not have is a failed item of the report, not passed over.
    let o = e.qem(&["tasks", "stop", SERVER, "C", "Nope", "--no-wait", "--json"]);
    assert_eq!(o.status.code(), Some(3));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["tasks"][0]["task"], "C");
    assert_eq!(report["tasks"][1]["error_code"], "NOT_FOUND");
    let o = e.qem(&[
        "wait",
        SERVER,
        "A",
        "--for",
        "stopped",
        "--timeout",
        "5s",
        "-q",
    ]);
    assert_eq!(text(&o.stdout), "A\n");
}

#[test]
fn backup_clone_and_promote() {
    let e = env();
    let dir = e.dir.path().join("backups");
    let report = json_of(&e.qem(&["backup", dir.to_str().unwrap(), "--json"]));
    assert_eq!(report["failed"], 0);
    assert!(report["written"].as_u64().unwrap() >= 2, "{report}");
    let o = e.qem(&["clone", SERVER, TASK, "Cloned", "--permissions"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let promoted = json_of(&e.qem(&[
        "promote",
        SERVER,
        TASK,
        "--to",
        SERVER,
        "--new-name",
        "Promoted",
        "--no-endpoints",
        "--json",
    ]));
    assert_eq!(promoted["new_name"], "Promoted");
    let o = e.qem(&["tasks", "ls", SERVER, "-q"]);
    let listed = text(&o.stdout);
    assert!(
        listed.contains("Cloned\n") && listed.contains("Promoted\n"),
        "{listed}"
    );
}

#[test]
fn metrics_are_served_and_scraped_twice() {
    let e = env();
    let mut child = e
        .cmd()
        .args([
            "metrics",
            SERVER,
            "--listen",
            "127.0.0.1:0",
            "--every",
            "1s",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let addr = line
        .trim()
        .strip_prefix("serving http://")
        .and_then(|l| l.strip_suffix("/metrics"))
        .unwrap_or_else(|| panic!("{line}"))
        .to_string();
    for _ in 0..2 {
        let mut sock = std::net::TcpStream::connect(&addr).unwrap();
        std::io::Write::write_all(&mut sock, b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut answer = String::new();
        std::io::Read::read_to_string(&mut sock, &mut answer).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("qem_task_up{"), "{answer}");
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn contexts_of_other_services_and_exit_codes_5_and_6() {
    let mock = MockServer::start_background(MockConfig {
        state: Some(json!({"qlik_cloud": {"settings": {"rate_limit_per_minute": 1}}})),
        ..MockConfig::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ca = dir.path().join("ca.pem");
    std::fs::write(&ca, mock.ca_cert_pem().unwrap()).unwrap();
    let qem = |args: &[&str], stdin: &[u8]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_qem"));
        c.env("QEM_CONFIG", dir.path().join("config.json"))
            .env("QEM_CA_FILE", &ca)
            .env_remove("QEM_URL")
            .env_remove("QEM_USER")
            .env_remove("QEM_PASSWORD")
            .env_remove("QEM_CONTEXT")
            .args(args);
        fed(&mut c, stdin)
    };
    let em = mock.service_url("veeam");
    let o = qem(
        &[
            "context",
            "add",
            "em",
            "--service",
            "veeam",
            "--url",
            &em,
            "--user",
            "EM\\admin",
            "--password-stdin",
        ],
        b"admin-pass\n",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    // TASK_FAILED is 5: a clone into a name a job already has.
    let o = qem(
        &[
            "--context",
            "em",
            "call",
            "clone_job_and_wait",
            "-a",
            "job=78c3919c-54d7-43fe-b047-485d3566f11f",
            "-a",
            "job_name=Nightly SQL",
            "-a",
            "folder_name=x",
            "-a",
            "repository_uid=c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44",
            "-a",
            "poll_ms=50",
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(5), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("already exists"),
        "{}",
        text(&o.stderr)
    );
    // RATE_LIMITED is 6: a tenant allowing one request a minute, and a client that may not wait.
    let tenant = mock.service_url("qlik_cloud");
    let o = qem(
        &[
            "context",
            "add",
            "cloud",
            "--service",
            "qlik_cloud",
            "--url",
            &tenant,
            "-o",
            "api_key=key-dev",
            "-o",
            "total_timeout_ms=1000",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", text(&o.stderr));
    let first = qem(
        &[
            "--context",
            "cloud",
            "call",
            "get_task",
            "-a",
            "id=task-1",
            "--json",
        ],
        b"",
    );
    assert!(first.status.success(), "{}", text(&first.stderr));
    let o = qem(
        &["--context", "cloud", "call", "get_task", "-a", "id=task-1"],
        b"",
    );
    assert_eq!(o.status.code(), Some(6), "{}", text(&o.stderr));
    let shown = qem(&["context", "show", "cloud"], b"");
    assert!(
        !text(&shown.stdout).contains("key-dev"),
        "{}",
        text(&shown.stdout)
    );
}

#[test]
fn progress_is_drawn_on_a_terminal_and_never_in_a_pipe() {
    let e = env();
    // A wait that runs out (the task is not started): 1.5 s of progress, then exit 4.
    let line = format!(
        "{} wait '{SERVER}' {TASK} --for running --timeout 1500ms",
        env!("CARGO_BIN_EXE_qem")
    );
    let mut script = Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    let o = e.with_env(script).output().unwrap();
    let shown = text(&o.stdout);
    assert!(
        shown.contains("waiting for SalesDBBackup"),
        "on a terminal: {shown:?}"
    );
    let o = e.qem(&[
        "wait",
        SERVER,
        TASK,
        "--for",
        "running",
        "--timeout",
        "1500ms",
    ]);
    assert_eq!(o.status.code(), Some(4));
    let err = text(&o.stderr);
    assert!(
        !err.contains("waiting for") && !err.contains('\u{1b}'),
        "in a pipe: {err:?}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn ctrl_c_cancels_the_call_logs_out_and_exits_130() {
    let e = env();
    let child = e
        .cmd()
        .args(["wait", SERVER, TASK, "--for", "running", "--timeout", "60s"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once it polls (logged in), interrupt it.
    for _ in 0..100 {
        if e.mock
            .requests()
            .iter()
            .any(|r| r.operation.as_deref() == Some("get_task_details"))
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", text(&o.stderr));
    let logouts = e
        .mock
        .requests()
        .iter()
        .filter(|r| r.path.ends_with("/logout"))
        .count();
    assert_eq!(logouts, 1, "the session was logged out");
}

#[test]
fn bulk_commands_cover_every_server_without_one() {
    let e = env();
    e.call(
        "put_server",
        json!({"server": "Rep2", "payload": {"$type": "AemReplicateServer", "name": "Rep2", "host": "rep2.example.net",
            "port": "443", "username": "administrator", "password": "pw", "verify_server_certificate": true, "monitored": true}}),
    );
    let doc = e.call(
        "export_task",
        json!({"server": SERVER, "task": TASK, "withendpoints": true}),
    );
    e.call(
        "import_task",
        json!({"server": "Rep2", "task": "Copy2", "payload": doc}),
    );
    let all = json_of(&e.qem(&["tasks", "run", "--all", "--json"]));
    assert_eq!(all["succeeded"], 2, "{all}");
    let servers: Vec<&str> = all["servers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["server"].as_str())
        .collect();
    assert_eq!(servers, [SERVER, "Rep2"]);
    let o = e.qem(&["tasks", "stop", "--all", "--concurrency", "4"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.contains("Rep2:") && out.contains("2 succeeded, 0 failed"),
        "{out}"
    );
}

#[test]
fn completions_and_more_json_against_the_generic_entry() {
    let e = env();
    let o = e.qem(&["completions", "bash"]);
    assert!(o.status.success());
    let script = text(&o.stdout);
    assert!(
        script.contains("_qem()") && script.contains("snapshot"),
        "a bash completion of every command"
    );
    let tables = json_of(&e.qem(&["tables", SERVER, TASK, "--json"]));
    assert_eq!(
        tables,
        e.call(
            "get_table_statuses",
            json!({"server": SERVER, "task": TASK})
        )
    );
    let ls = json_of(&e.qem(&["tasks", "ls", SERVER, "--json"]));
    assert_eq!(ls, e.call("get_task_list", json!({"server": SERVER})));
    let waited = json_of(&e.qem(&["wait", SERVER, TASK, "--for", "stopped", "--json"]));
    assert_eq!(waited["name"], TASK);
    assert_eq!(waited["state"], "STOPPED");
    let snap = json_of(&e.qem(&["snapshot", SERVER, "--json"]));
    assert_eq!(
        snap["tasks"],
        e.call("snapshot_task_states", json!({"server": SERVER}))["tasks"]
    );
    let metrics = json_of(&e.qem(&["metrics", SERVER, "--json"]));
    assert!(
        metrics.as_str().is_some_and(|m| m.contains("qem_task_up{")),
        "{metrics}"
    );
}

#[test]
fn exports_leave_out_a_leading_comment_unless_raw_and_imports_stream_from_stdin() {
    let e = env();
    let mock = MockServer::start_background(MockConfig {
        state: Some(json!({"settings": {"export_comment": "exported by Replicate"}})),
        ..MockConfig::default()
    })
    .unwrap();
    let ca = e.dir.path().join("commented.pem");
    std::fs::write(&ca, mock.ca_cert_pem().unwrap()).unwrap();
    let with = |args: &[&str]| {
        e.cmd()
            .env("QEM_URL", mock.base_url())
            .env("QEM_CA_FILE", &ca)
            .args(args)
            .output()
            .unwrap()
    };
    let plain = with(&["export", SERVER, TASK]);
    assert!(plain.status.success(), "{}", text(&plain.stderr));
    let doc: Value = serde_json::from_slice(&plain.stdout).expect("plain JSON without --raw");
    let raw = with(&["export", SERVER, TASK, "--raw"]);
    assert!(text(&raw.stdout).starts_with("// exported by Replicate"));
    let file = e.dir.path().join("raw.json");
    let o = with(&[
        "export",
        SERVER,
        TASK,
        "--raw",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        raw.stdout,
        "the file holds the server's bytes"
    );
    let file = e.dir.path().join("plain.json");
    let o = with(&["export", SERVER, TASK, "-o", file.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(
        serde_json::from_slice::<Value>(&std::fs::read(&file).unwrap()).unwrap(),
        doc
    );
    let leftovers = std::fs::read_dir(e.dir.path())
        .unwrap()
        .filter(|f| {
            f.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".qem-")
        })
        .count();
    assert_eq!(leftovers, 0, "no scratch file is left");
    // stdin into an import (on the first mock).
    let mut import = e
        .cmd()
        .args(["import", SERVER, "FromStdin", "-i", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(import.stdin.as_mut().unwrap(), &raw.stdout).unwrap();
    let o = import.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(e
        .call("get_task_list", json!({"server": SERVER}))
        .to_string()
        .contains("FromStdin"));
}

#[test]
fn the_other_services_commands_imply_their_service() {
    let e = env();
    let root = e.mock.base_url().replace("/attunityenterprisemanager", "");
    // The connection as a cron job would give it: URL and credentials in the environment.
    let run = |url: &str, creds: &[(&str, &str)], args: &[&str]| {
        let mut c = e.cmd();
        c.env("QEM_URL", url)
            .env_remove("QEM_USER")
            .env_remove("QEM_PASSWORD");
        for (k, v) in creds {
            c.env(k, v);
        }
        c.args(args).output().unwrap()
    };
    let generic = |options: Value, method: &str, args: Value| {
        let mut o = options;
        o["ca_pem"] = e.mock.ca_cert_pem().unwrap().into();
        let c = blocking::Client::new(ClientConfig::from_json(&o).unwrap()).unwrap();
        let v = c.call(method, args).unwrap();
        c.close().unwrap();
        v
    };

    // Veeam: jobs and repositories as the generic entry answers them; a clone waited for,
    // and a second one into the same name failing as TASK_FAILED (5).
    let em = format!("{root}/veeam");
    let veeam = [("QEM_USER", "EM\\admin"), ("QEM_PASSWORD", "admin-pass")];
    let opts =
        json!({"service": "veeam", "url": em, "username": "EM\\admin", "password": "admin-pass"});
    let jobs = json_of(&run(&em, &veeam, &["veeam", "jobs", "--json"]));
    assert_eq!(jobs, generic(opts.clone(), "get_jobs", json!({})));
    // `qem call` from the environment alone, QEM_SERVICE naming the service.
    let service = [("QEM_SERVICE", "veeam"), veeam[0], veeam[1]];
    let called = json_of(&run(&em, &service, &["call", "get_jobs", "--json"]));
    assert_eq!(called, jobs);
    let listed = run(&em, &[], &["ops", "--service", "veeam", "-q"]);
    let listed = text(&listed.stdout);
    assert!(
        listed.lines().any(|l| l == "clone_job_and_wait"),
        "{listed}"
    );
    assert!(!listed.lines().any(|l| l == "get_task_details"), "{listed}");
    let clash = run(&em, &veeam, &["--service", "kinetic", "veeam", "jobs"]);
    assert_eq!(clash.status.code(), Some(2), "{}", text(&clash.stderr));
    let repos = run(&em, &veeam, &["veeam", "repositories", "-q"]);
    let repo = text(&repos.stdout).trim().to_string();
    assert_eq!(
        repo,
        "urn:veeam:Repository:c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44"
    );
    let job = "urn:veeam:Job:78c3919c-54d7-43fe-b047-485d3566f11f";
    let clone = [
        "veeam",
        "clone",
        job,
        "Nightly Copy",
        "--folder",
        "nc",
        "--repository",
        &repo,
    ];
    let made = json_of(&run(
        &em,
        &veeam,
        &[&clone[..], &["--wait", "--json"]].concat(),
    ));
    assert_eq!(made["job_name"], "Nightly Copy");
    assert_eq!(made["task"]["State"], "Finished");
    let again = run(&em, &veeam, &[&clone[..], &["--wait"]].concat());
    assert_eq!(again.status.code(), Some(5), "{}", text(&again.stderr));
    // Without --wait: the task, which `veeam task` reads and `veeam stop-task` stops.
    let started = json_of(&run(
        &em,
        &veeam,
        &[
            &clone[..2],
            &[
                job,
                "Other Copy",
                "--folder",
                "oc",
                "--repository",
                &repo,
                "--json",
            ],
        ]
        .concat(),
    ));
    let task = started["TaskId"].as_str().unwrap().to_string();
    let shown = run(&em, &veeam, &["veeam", "task", &task, "-q"]);
    assert_eq!(text(&shown.stdout).trim(), task);
    assert!(run(&em, &veeam, &["veeam", "stop-task", &task])
        .status
        .success());
    let gone = run(&em, &veeam, &["veeam", "task", &task]);
    assert_eq!(gone.status.code(), Some(1), "{}", text(&gone.stderr));
    // A replica clone takes its kind's own element; a kind the job is not is the server's 400.
    let replica = run(
        &em,
        &veeam,
        &[
            "veeam",
            "clone",
            "5e2a5c4b-1f7e-4a0e-9a35-6d1b2f0c8a11",
            "DR 2",
            "--kind",
            "replica",
            "--vm-suffix",
            "_dr2",
            "--wait",
            "-q",
        ],
    );
    assert!(replica.status.success(), "{}", text(&replica.stderr));
    let wrong = run(
        &em,
        &veeam,
        &[
            "veeam",
            "clone",
            job,
            "X",
            "--kind",
            "replica",
            "--vm-suffix",
            "_x",
        ],
    );
    assert_eq!(wrong.status.code(), Some(1), "{}", text(&wrong.stderr));

    // Qlik Cloud: the API key from QEM_API_KEY (never shown), every page of a list.
    let tenant = format!("{root}/qlik-cloud");
    let cloud = [("QEM_API_KEY", "key-dev")];
    let opts = json!({"service": "qlik_cloud", "url": tenant, "api_key": "key-dev"});
    let tasks = json_of(&run(
        &tenant,
        &cloud,
        &["cloud", "tasks", "--resource-id", "app-1", "--json"],
    ));
    assert_eq!(
        tasks,
        generic(
            opts.clone(),
            "get_tasks",
            json!({"resourceId": "app-1", "all": true})
        )
    );
    let one = json_of(&run(
        &tenant,
        &cloud,
        &["cloud", "show", "task-1", "--json"],
    ));
    assert_eq!(
        one,
        generic(opts.clone(), "get_task", json!({"id": "task-1"}))
    );
    let ran = json_of(&run(
        &tenant,
        &cloud,
        &["cloud", "start", "task-1", "--wait", "--json"],
    ));
    assert_eq!(ran["status"], "SUCCEEDED");
    let runs = run(&tenant, &cloud, &["cloud", "runs", "task-1", "-q"]);
    assert!(
        text(&runs.stdout).lines().any(|l| l == ran["id"]),
        "{}",
        text(&runs.stdout)
    );
    let last = run(&tenant, &cloud, &["cloud", "last-run", "task-1", "-q"]);
    assert_eq!(text(&last.stdout).trim(), ran["id"].as_str().unwrap());
    let log = run(
        &tenant,
        &cloud,
        &["cloud", "log", "task-1", ran["id"].as_str().unwrap()],
    );
    assert!(
        text(&log.stdout).contains("SUCCEEDED"),
        "{}",
        text(&log.stdout)
    );
    let mut piped = e.cmd();
    piped.env("QEM_URL", &tenant).env_remove("QEM_USER");
    let by_stdin = fed(
        piped.args(["cloud", "show", "task-1", "--password-stdin", "-q"]),
        b"key-dev\n",
    );
    assert_eq!(
        text(&by_stdin.stdout).trim(),
        "task-1",
        "{}",
        text(&by_stdin.stderr)
    );
    let failed = run(
        &tenant,
        &cloud,
        &["cloud", "start", "task-2", "--wait", "-v"],
    );
    assert_eq!(failed.status.code(), Some(5), "{}", text(&failed.stderr));
    assert!(
        !text(&failed.stderr).contains("key-dev"),
        "{}",
        text(&failed.stderr)
    );

    // Kinetic Task: the copies' names with -q; a name collision is Kinetic's 400 (1).
    let kt = format!("{root}/kinetic-task");
    let clone_trees = [
        "kinetic",
        "clone-trees",
        "--source-from",
        "Playground",
        "--source-to",
        "Playground",
        "--group-from",
        "Testing",
        "--group-to",
        "Prod",
        "--routine",
        "routine_playground_testing_v1=routine_prod_v1",
        "-q",
    ];
    let copied = run(&kt, &[], &clone_trees);
    assert!(copied.status.success(), "{}", text(&copied.stderr));
    let listed = text(&copied.stdout);
    let mut names: Vec<&str> = listed.lines().collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "Another Tree",
            "Clone Routine Example",
            "Clone Trees Example"
        ]
    );
    let collided = run(&kt, &[], &clone_trees);
    assert_eq!(collided.status.code(), Some(1));
    assert!(
        text(&collided.stderr).contains("already exists"),
        "{}",
        text(&collided.stderr)
    );

    // A context of another service is refused with the usage code, nothing sent.
    let added = e.qem_stdin(
        &[
            "context",
            "add",
            "em",
            "--url",
            &e.mock.base_url(),
            "--user",
            "QEM\\admin",
            "--password-stdin",
        ],
        b"admin-pass\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let before = e.mock.requests().len();
    let refused = e
        .cmd()
        .env_remove("QEM_URL")
        .args(["--context", "em", "veeam", "jobs"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2), "{}", text(&refused.stderr));
    assert!(
        text(&refused.stderr).contains("--service veeam"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(e.mock.requests().len(), before, "nothing sent");
    // The current context, of another service, is passed over for the environment's URL.
    assert!(e.qem(&["context", "use", "em"]).status.success());
    let jobs_again = run(&em, &veeam, &["veeam", "jobs", "-q"]);
    assert!(jobs_again.status.success(), "{}", text(&jobs_again.stderr));

    // A Qlik Cloud context asks for its API key as it does for a password.
    let added = e.qem_stdin(
        &[
            "context",
            "add",
            "tenant",
            "--service",
            "qlik_cloud",
            "--url",
            &tenant,
            "--password-stdin",
        ],
        b"key-dev\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    let shown = e.qem(&["context", "show", "tenant"]);
    assert!(
        text(&shown.stdout).contains("\"api_key\": \"<hidden>\""),
        "{}",
        text(&shown.stdout)
    );
    let by_context = e
        .cmd()
        .env_remove("QEM_URL")
        .args(["--context", "tenant", "cloud", "show", "task-1", "-q"])
        .output()
        .unwrap();
    assert_eq!(
        text(&by_context.stdout).trim(),
        "task-1",
        "{}",
        text(&by_context.stderr)
    );
}
