//! The helpers users otherwise write by hand (`core/src/helpers/`), against the mock:
//! full load, draining, bulk run/stop with a report per task, snapshots, backups, and
//! the same helpers through the generic entry every binding uses.

use qem_core::helpers::{BulkOptions, TaskSelection};
use qem_core::models::{RunTaskOptions, TaskState};
use qem_core::{Client, ClientConfig, Credentials, WaitOptions};
use qem_mock::{MockConfig, MockServer};
use serde_json::{json, Value};
use std::time::Duration;

const SERVER: &str = "Local Server";
const TASK: &str = "SalesDBBackup";

/// The mock with SalesDBBackup plus copies `SalesA`, `SalesB` (tag `sales`) and `HR1`
/// (tag `hr`), and short run and stop delays.
async fn mock() -> MockServer {
    let mock = MockServer::start(MockConfig::default())
        .await
        .expect("mock starts");
    let mut w = mock.state();
    w["settings"]["run_delay_ms"] = json!(100);
    w["settings"]["stop_delay_ms"] = json!(100);
    let tasks = w["servers"][0]["tasks"].as_array_mut().unwrap();
    let template = tasks[0].clone();
    for (name, tag) in [("SalesA", "sales"), ("SalesB", "sales"), ("HR1", "hr")] {
        let mut t = template.clone();
        t["name"] = json!(name);
        t["assigned_tags"] = json!([tag]);
        tasks.push(t);
    }
    mock.set_state(w).unwrap();
    mock
}

async fn client(mock: &MockServer) -> Client {
    let config = ClientConfig::new(
        mock.base_url(),
        Credentials::active_directory("QEM\\admin", "admin-pass"),
    )
    .ca_pem(mock.ca_cert_pem().unwrap());
    Client::connect(config).await.unwrap()
}

/// Changes one task of the mock's world.
fn edit_task(mock: &MockServer, name: &str, edit: impl FnOnce(&mut Value)) {
    let mut w = mock.state();
    let t = w["servers"][0]["tasks"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|t| t["name"] == name)
        .unwrap();
    edit(t);
    mock.set_state(w).unwrap();
}

fn quick(timeout_ms: u64) -> WaitOptions {
    WaitOptions::new(Duration::from_millis(timeout_ms), Duration::from_millis(50))
}

#[tokio::test]
async fn waits_for_full_load_after_a_reload() {
    let mock = mock().await;
    let c = client(&mock).await;
    c.run_task(SERVER, TASK, RunTaskOptions::ReloadTarget, None, Some(0))
        .await
        .unwrap();
    let d = c
        .wait_for_full_load(SERVER, TASK, quick(10_000))
        .await
        .unwrap();
    assert_eq!(d.full_load_completed, Some(true));
    let counters = d.full_load_counters.unwrap();
    assert_eq!(counters.tables_loading_count, Some(0));
    assert_eq!(counters.tables_queued_count, Some(0));
}

#[tokio::test]
async fn full_load_that_fails_is_task_failed() {
    let mock = mock().await;
    let c = client(&mock).await;
    edit_task(&mock, TASK, |t| t["fault"] = json!("run_error"));
    c.run_task(SERVER, TASK, RunTaskOptions::ReloadTarget, None, Some(0))
        .await
        .unwrap();
    let e = c
        .wait_for_full_load(SERVER, TASK, quick(10_000))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "TASK_FAILED", "{e}");
}

#[tokio::test]
async fn drains_before_stopping() {
    let mock = mock().await;
    let c = client(&mock).await;
    c.run_task_and_wait(
        SERVER,
        TASK,
        RunTaskOptions::ResumeProcessing,
        None,
        quick(10_000),
    )
    .await
    .unwrap();
    edit_task(&mock, TASK, |t| {
        t["cdc_latency_seconds"] = json!(7);
        t["transactions_in_progress"] = json!(2);
    });
    // Latency and changes in flight: never drained.
    let e = c.drain_task(SERVER, TASK, 3, quick(400)).await.unwrap_err();
    assert_eq!(e.error_code(), "WAIT_TIMEOUT");
    assert!(e.message().contains("latency 7 s"), "{e}");
    // Latency gone, but changes still in flight: still not drained.
    edit_task(&mock, TASK, |t| t["cdc_latency_seconds"] = json!(0));
    let e = c.drain_task(SERVER, TASK, 3, quick(400)).await.unwrap_err();
    // Two transactions of three records in progress, two changes accumulated: 8.
    assert!(
        e.message().contains("latency 0 s, 8 changes in flight"),
        "{e}"
    );
    edit_task(&mock, TASK, |t| t["transactions_in_progress"] = json!(0));
    let before = mock.requests().len();
    let d = c
        .drain_and_stop_task(SERVER, TASK, 3, quick(10_000))
        .await
        .unwrap();
    assert_eq!(d.state, Some(TaskState::Stopped));
    let polls = mock.requests()[before..]
        .iter()
        .filter(|r| r.method == "GET" && r.path.ends_with("/tasks/SalesDBBackup"))
        .count();
    assert!(
        polls >= 3,
        "three quiet polls in a row before the stop ({polls})"
    );
    // A stopped task has nothing to drain.
    let d = c.drain_task(SERVER, TASK, 3, quick(1_000)).await.unwrap();
    assert_eq!(d.state, Some(TaskState::Stopped));
}

#[tokio::test]
async fn selects_by_name_pattern_state_and_tag() {
    let mock = mock().await;
    let c = client(&mock).await;
    let pick = |s: TaskSelection| {
        let c = c.clone();
        async move { c.select_tasks(SERVER, &s).await.unwrap() }
    };
    let by_pattern = TaskSelection {
        pattern: Some("Sales?".into()),
        ..Default::default()
    };
    assert_eq!(pick(by_pattern).await, ["SalesA", "SalesB"]);
    let by_tag = TaskSelection {
        tags: vec!["sales".into()],
        ..Default::default()
    };
    assert_eq!(pick(by_tag).await, ["SalesA", "SalesB", "SalesDBBackup"]);
    let both = TaskSelection {
        tags: vec!["sales".into()],
        names: vec!["HR1".into(), "SalesB".into(), "Nope".into()],
        ..Default::default()
    };
    assert_eq!(pick(both).await, ["SalesB"]);
    let all = TaskSelection {
        all: true,
        ..Default::default()
    };
    assert_eq!(pick(all).await.len(), 4);
    let e = c
        .select_tasks(SERVER, &TaskSelection::default())
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
}

#[tokio::test]
async fn bulk_run_and_stop_report_every_task() {
    let mock = mock().await;
    let c = client(&mock).await;
    edit_task(&mock, "SalesB", |t| t["fault"] = json!("run_error"));
    let sales = TaskSelection {
        tags: vec!["sales".into()],
        ..Default::default()
    };
    let options = BulkOptions {
        concurrency: 2,
        wait: Some(quick(10_000)),
    };
    let report = c
        .run_tasks(SERVER, &sales, RunTaskOptions::ResumeProcessing, options)
        .await
        .unwrap();
    assert_eq!((report.succeeded, report.failed), (2, 1), "{report:?}");
    let names: Vec<&str> = report.tasks.iter().map(|t| t.task.as_str()).collect();
    assert_eq!(names, ["SalesA", "SalesB", "SalesDBBackup"]);
    let failed = &report.tasks[1];
    assert!(!failed.ok);
    assert_eq!(failed.failure.as_ref().unwrap().error_code, "TASK_FAILED");
    assert_eq!(report.tasks[0].state.as_deref(), Some("RUNNING"));
    // HR1 was not selected: still stopped.
    let snap = c.snapshot_task_states(SERVER).await.unwrap();
    let state = |n: &str| {
        snap.tasks
            .iter()
            .find(|t| t.name == n)
            .map(|t| t.state.clone())
            .unwrap()
    };
    assert_eq!(state("HR1"), "STOPPED");
    assert_eq!(state("SalesA"), "RUNNING");
    assert_eq!(state("SalesB"), "ERROR");
    assert!(
        snap.taken_at.ends_with('Z') && snap.taken_at.len() == 20,
        "{}",
        snap.taken_at
    );

    let running = TaskSelection {
        states: vec![TaskState::Running],
        ..Default::default()
    };
    let report = c
        .stop_tasks(SERVER, &running, Some(2), options)
        .await
        .unwrap();
    assert_eq!((report.succeeded, report.failed), (2, 0), "{report:?}");
    assert!(report
        .tasks
        .iter()
        .all(|t| t.state.as_deref() == Some("STOPPED")));
}

#[tokio::test]
async fn backup_writes_dated_folders_of_exports() {
    let mock = mock().await;
    let c = client(&mock).await;
    let dir = tempfile::tempdir().unwrap();
    let report = c.backup(dir.path(), &[]).await.unwrap();
    assert_eq!((report.written, report.failed), (5, 0), "{report:?}");
    let folder = std::path::Path::new(&report.folder);
    assert!(folder.starts_with(dir.path()));
    let stamp = folder.file_name().unwrap().to_str().unwrap();
    assert!(stamp.len() == 18 && stamp.ends_with('Z'), "{stamp}");
    let all = folder.join(SERVER).join("server.json");
    let doc: Value = serde_json::from_slice(&std::fs::read(&all).unwrap()).unwrap();
    assert!(
        doc["cmd.replication_definition"]["tasks"].is_array(),
        "{doc}"
    );
    for task in ["HR1", "SalesA", "SalesB", "SalesDBBackup"] {
        let f = folder
            .join(SERVER)
            .join("tasks")
            .join(format!("{task}.json"));
        let text = std::fs::read_to_string(&f).unwrap();
        assert!(text.contains(task), "{task}'s export names it");
    }
    // A second backup gets a folder of its own.
    let again = c.backup(dir.path(), &[SERVER.to_string()]).await.unwrap();
    assert_ne!(again.folder, report.folder);
    // A server that does not exist is reported, item by item; the backup goes on.
    let partial = c
        .backup(dir.path(), &["Nope".to_string(), SERVER.to_string()])
        .await
        .unwrap();
    assert_eq!((partial.written, partial.failed), (5, 2), "{partial:?}");
    assert!(partial.items[..2]
        .iter()
        .all(|i| i.server == "Nope"
            && i.failure.as_ref().unwrap().error_code == "AEM_SERVER_NOT_FOUND"));
}

#[tokio::test]
async fn helpers_through_the_generic_entry() {
    let mock = mock().await;
    let c = client(&mock).await;
    let report = c
        .call(
            "run_tasks",
            json!({"server": SERVER, "pattern": "Sales*", "names": "SalesA", "timeout_ms": 10000, "poll_ms": 50}),
        )
        .await
        .unwrap();
    assert_eq!(report["succeeded"], 1);
    assert_eq!(report["tasks"][0]["task"], "SalesA");
    assert_eq!(report["tasks"][0]["state"], "RUNNING");
    let names = c
        .call(
            "select_tasks",
            json!({"server": SERVER, "states": ["RUNNING"]}),
        )
        .await
        .unwrap();
    assert_eq!(names, json!(["SalesA"]));
    let d = c
        .call(
            "drain_and_stop_task",
            json!({"server": SERVER, "task": "SalesA", "quiet_polls": 1, "poll_ms": 50}),
        )
        .await
        .unwrap();
    assert_eq!(d["state"], "STOPPED");
    let snap = c
        .call("snapshot_task_states", json!({"server": SERVER}))
        .await
        .unwrap();
    assert_eq!(snap["tasks"].as_array().unwrap().len(), 4);
    for (method, args) in [
        ("run_tasks", json!({"server": SERVER})),
        (
            "run_tasks",
            json!({"server": SERVER, "all": true, "bogus": 1}),
        ),
        (
            "run_tasks",
            json!({"server": SERVER, "all": true, "concurrency": 0}),
        ),
        ("stop_tasks", json!({"server": SERVER, "states": [1]})),
        ("drain_task", json!({"server": SERVER})),
        ("backup", json!({})),
        ("backup", json!({"dir": "/tmp", "servers": 3})),
    ] {
        let e = c.call(method, args.clone()).await.unwrap_err();
        assert_eq!(e.error_code(), "INVALID_ARGUMENT", "{method} {args}: {e}");
    }
    assert!(c
        .call_text("snapshot_task_states", json!({"server": SERVER}))
        .await
        .unwrap()
        .contains("SalesDBBackup"));
}

#[tokio::test]
async fn promotes_a_task_with_a_new_name_and_endpoint_settings() {
    let mock = mock().await;
    let c = client(&mock).await;
    let doc = c.export_task(SERVER, TASK, Some(true)).await.unwrap();
    let doc = qem_core::parse_document(&doc).unwrap();
    let target = doc["cmd.replication_definition"]["databases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["role"] == "TARGET")
        .map(|d| d["name"].as_str().unwrap().to_string())
        .unwrap();
    let report = c
        .call(
            "promote_task",
            json!({"server": SERVER, "task": TASK, "to_server": SERVER, "new_name": "SalesProd",
                   "endpoint_settings": {target.clone(): {"database": "prod_db"}}}),
        )
        .await
        .unwrap();
    assert_eq!(report["new_name"], "SalesProd");
    let names = c
        .call(
            "select_tasks",
            json!({"server": SERVER, "names": ["SalesProd", TASK]}),
        )
        .await
        .unwrap();
    assert_eq!(names, json!(["SalesDBBackup", "SalesProd"]));
    let promoted = qem_core::parse_document(
        &c.export_task(SERVER, "SalesProd", Some(true))
            .await
            .unwrap(),
    )
    .unwrap();
    let db = promoted["cmd.replication_definition"]["databases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == target.as_str())
        .cloned()
        .unwrap();
    assert_eq!(db["db_settings"]["database"], "prod_db", "{db}");
    // A change that does not apply imports nothing.
    let e = c
        .call(
            "promote_task",
            json!({"server": SERVER, "task": TASK, "to_server": SERVER, "new_name": "Other",
                   "endpoint_names": {"Nope": "X"}}),
        )
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_ARGUMENT");
    let names = c
        .call("select_tasks", json!({"server": SERVER, "names": "Other"}))
        .await
        .unwrap();
    assert_eq!(names, json!([]));
}

#[tokio::test]
async fn prometheus_metrics_of_every_task() {
    let mock = mock().await;
    let c = client(&mock).await;
    c.run_task_and_wait(
        SERVER,
        "HR1",
        RunTaskOptions::ResumeProcessing,
        None,
        quick(10_000),
    )
    .await
    .unwrap();
    let text = c
        .call("prometheus_metrics", json!({"server": SERVER}))
        .await
        .unwrap();
    let text = text.as_str().unwrap();
    for task in ["HR1", "SalesA", "SalesB", "SalesDBBackup"] {
        let up = format!("qem_task_up{{server=\"Local Server\",task=\"{task}\"}} 1");
        assert!(text.lines().any(|l| l == up), "{up} in\n{text}");
    }
    assert!(text.contains(r#"qem_task_state{server="Local Server",task="HR1",state="RUNNING"} 1"#));
    assert!(text.contains(r#"qem_task_running{server="Local Server",task="SalesA"} 0"#));
    let tagged = c
        .call(
            "prometheus_metrics",
            json!({"server": SERVER, "tags": "hr"}),
        )
        .await
        .unwrap();
    assert_eq!(tagged.as_str().unwrap().matches("qem_task_up{").count(), 1);
}
