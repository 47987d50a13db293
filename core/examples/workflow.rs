//! The main job: a real workflow against the embedded mock Enterprise Manager over
//! HTTPS, printed step by step. Run it with `cargo run -p qem-core --example workflow`.
//! Point it at a real server instead with QEM_URL, QEM_USER, QEM_PASSWORD (and QEM_SERVER,
//! QEM_TASK); it then changes that server's task, so use a test server.

use qem_core::models::{CloneTaskRequest, RunTaskOptions, TableFilter, TaskState};
use qem_core::{blocking::Client, ClientConfig, Credentials, WaitOptions};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    let step = |text: &str| println!("[{:>6.2}s] {text}", started.elapsed().as_secs_f64());

    // Keep the mock alive for the whole run when we use it.
    let (_mock, config, server, task) = match std::env::var("QEM_URL") {
        Ok(url) => {
            let creds = Credentials::active_directory(
                std::env::var("QEM_USER")?,
                std::env::var("QEM_PASSWORD")?,
            );
            let server = std::env::var("QEM_SERVER").unwrap_or_else(|_| "Local Server".into());
            let task = std::env::var("QEM_TASK").unwrap_or_else(|_| "SalesDBBackup".into());
            (None, ClientConfig::new(url, creds), server, task)
        }
        Err(_) => {
            let mock = qem_mock::MockServer::start_background(qem_mock::MockConfig::default())?;
            step(&format!(
                "started the mock Enterprise Manager at {}",
                mock.base_url()
            ));
            let config = ClientConfig::new(
                mock.base_url(),
                Credentials::active_directory("QEM\\admin", "admin-pass"),
            )
            .ca_pem(mock.ca_cert_pem().unwrap_or_default());
            (
                Some(mock),
                config,
                "Local Server".to_string(),
                "SalesDBBackup".to_string(),
            )
        }
    };

    let client = Client::connect(config)?;
    step("logged in");

    let servers = client.get_server_list()?;
    for s in &servers.server_list {
        step(&format!(
            "server {:?}: {}, version {}",
            s.name.as_deref().unwrap_or("?"),
            s.state.as_ref().map(|x| x.as_str()).unwrap_or("?"),
            s.version.as_deref().unwrap_or("?")
        ));
    }

    let tasks = client.get_task_list(&server)?;
    for t in &tasks.task_list {
        step(&format!(
            "task {:?} on {server:?}: {}",
            t.name.as_deref().unwrap_or("?"),
            t.state.as_ref().map(|x| x.as_str()).unwrap_or("?")
        ));
    }

    step(&format!(
        "running {task:?} (RESUME_PROCESSING) and waiting until it is RUNNING"
    ));
    let wait = WaitOptions::new(Duration::from_secs(60), Duration::from_millis(200));
    let details =
        client.run_task_and_wait(&server, &task, RunTaskOptions::ResumeProcessing, None, wait)?;
    step(&format!(
        "{task:?} is {}",
        details.state.as_ref().map(|s| s.as_str()).unwrap_or("?")
    ));

    let statuses = client.get_table_statuses(&server, &task, &TableFilter::default())?;
    for t in &statuses.table_details {
        step(&format!(
            "table {}.{}: {}",
            t.schema_on_source.as_deref().unwrap_or("?"),
            t.table_on_source.as_deref().unwrap_or("?"),
            t.state.as_ref().map(|s| s.as_str()).unwrap_or("?")
        ));
    }

    let export = client.export_task(&server, &task, Some(true))?;
    step(&format!(
        "exported {task:?} with its endpoints: {} bytes",
        export.len()
    ));

    let clone_name = format!("{task}-clone");
    let clone = CloneTaskRequest {
        new_task_name: clone_name.clone(),
        ..Default::default()
    };
    client.clone_task(&server, &task, &clone)?;
    let tasks = client.get_task_list(&server)?;
    let found = tasks
        .task_list
        .iter()
        .any(|t| t.name.as_deref() == Some(clone_name.as_str()));
    step(&format!(
        "cloned {task:?} as {clone_name:?}: listed = {found}"
    ));

    let details = client.stop_task_and_wait(&server, &task, wait)?;
    step(&format!(
        "stopped {task:?}: {}",
        details.state.as_ref().map(|s| s.as_str()).unwrap_or("?")
    ));
    assert_eq!(details.state, Some(TaskState::Stopped));

    client.close()?;
    step("logged out");
    Ok(())
}
