//! Kinetic Task and Veeam Backup Enterprise Manager through the core against the mock's
//! services, over HTTPS with keep-alive, the mock in a child process; figures from one
//! run, as ratios where there is something to compare with. Writes
//! `BENCHMARKS-services.md` at the top of the repository and prints it.
//!
//! `cargo run --release -p qem-core --example services_bench`

#[path = "common/mod.rs"]
mod common;

use base64::Engine as _;
use qem_core::kinetic::KineticTaskClient;
use qem_core::models::{KineticCloneTreesRequest, KineticFromTo, VeeamJobClone, VeeamTask};
use qem_core::{Client, ClientConfig};
use serde_json::{json, Value};
use std::time::Instant;

const TREES: usize = 1_000;
const JOB: &str = "78c3919c-54d7-43fe-b047-485d3566f11f";
const REPO: &str = "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::report_main("BENCHMARKS-services.md", |url, pem| async move {
        run(&url, &pem).await
    })
}

/// Best of 10 interleaved rounds of `per` calls of each: microseconds a call.
async fn interleaved<A, B, FA, FB>(
    per: usize,
    a: A,
    b: B,
) -> Result<(f64, f64), Box<dyn std::error::Error>>
where
    A: Fn(usize) -> FA,
    B: Fn(usize) -> FB,
    FA: std::future::Future<Output = Result<(), Box<dyn std::error::Error>>>,
    FB: std::future::Future<Output = Result<(), Box<dyn std::error::Error>>>,
{
    let (mut best_a, mut best_b) = (f64::MAX, f64::MAX);
    let mut n = 0;
    for _ in 0..10 {
        a(n).await?;
        b(n).await?; // warm
        let t = Instant::now();
        for _ in 0..per {
            n += 1;
            a(n).await?;
        }
        best_a = best_a.min(t.elapsed().as_secs_f64() * 1e6 / per as f64);
        let t = Instant::now();
        for _ in 0..per {
            n += 1;
            b(n).await?;
        }
        best_b = best_b.min(t.elapsed().as_secs_f64() * 1e6 / per as f64);
    }
    Ok((best_a, best_b))
}

/// Microseconds one run of `f` takes, best of `rounds` runs of `per`.
fn micro(rounds: usize, per: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::MAX;
    for _ in 0..rounds {
        let t = Instant::now();
        for _ in 0..per {
            f();
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / per as f64);
    }
    best
}

async fn run(url: &str, pem: &[u8]) -> Result<String, Box<dyn std::error::Error>> {
    let http = common::raw_http(pem)?;
    let root = common::origin(url);
    let ca = String::from_utf8_lossy(pem).into_owned();
    let mut out = String::from("# Kinetic Task and Veeam Backup Enterprise Manager benchmarks\n\nProduced by `cargo run --release -p qem-core --example services_bench`: the core against the mock's `/kinetic-task` and `/veeam` over HTTPS with keep-alive, the mock in a child process, on this 2-core machine, in one run. Ratios matter; absolute numbers vary.\n\n");

    // ---- Kinetic Task
    let trees: Vec<Value> = (0..TREES)
        .map(|i| json!({"id": i + 1, "name": format!("Tree {i:04}"), "notes": "n", "ownerEmail": "ops@example.net",
            "source": {"name": "Playground"}, "sourceGroup": "Big", "status": "Active",
            "createdAt": "2026-01-01T00:00:00Z", "createdBy": "SYSTEM", "updatedAt": "2026-01-01T00:00:00Z", "updatedBy": "SYSTEM"}))
        .chain(std::iter::once(json!({"id": 5000, "name": "Small", "source": {"name": "Playground"}, "sourceGroup": "Small"})))
        .collect();
    common::control(&http, url, reqwest::Method::PUT, "/mock/state",
        Some(json!({"settings": {"request_log_size": 100}, "kinetic": {"sources": [{"name": "Playground"}], "trees": trees}}))).await?;
    let kinetic_url = format!("{root}/kinetic-task");
    let kc = Client::new(ClientConfig::from_json(
        &json!({"service": "kinetic", "url": kinetic_url, "ca_pem": ca}),
    )?)?;
    // Per call: a clone that copies nothing (a name no tree has), so the mock's world stays put.
    let clone_url = format!("{kinetic_url}/app/api/v1/clone-trees");
    let nothing = json!({"source_from": "Playground", "source_to": "Playground", "group_from": "Small", "group_to": "Elsewhere", "names": ["none"]});
    let body = serde_json::to_vec(
        &json!({"source": {"from": "Playground", "to": "Playground"},
        "sourceGroup": {"from": "Small", "to": "Elsewhere"}, "names": ["none"]}),
    )?;
    let (core_k, bare_k) = interleaved(
        200,
        |_| async {
            kc.call("clone_trees", nothing.clone())
                .await
                .map(drop)
                .map_err(Into::into)
        },
        |_| async {
            let answer = http
                .post(&clone_url)
                .header("Content-Type", "application/json")
                .body(body.clone())
                .send()
                .await?
                .bytes()
                .await?;
            let _: Value = serde_json::from_slice(&answer)?;
            Ok(())
        },
    )
    .await?;
    out.push_str(&format!(
        "## Kinetic Task: clone_trees per call (best of 10 interleaved rounds of 200)\n\nA clone naming no tree (the answer is `{{message, trees: []}}`), so every call does the same work.\n\n| path | per call |\n|---|---|\n| core, generic entry (`call(\"clone_trees\")`, flat arguments) | {core_k:.1} µs |\n| bare reqwest keep-alive loop, the same JSON body, `serde_json` | {bare_k:.1} µs |\n\n- core / bare loop: **{:.2}×** (goal ≤ 1.3×)\n\n",
        core_k / bare_k
    ));

    // One clone answering 1,000 trees: the whole call, and its answer's decoding alone.
    let typed = KineticTaskClient::with_config(ClientConfig::from_json(
        &json!({"service": "kinetic", "url": kinetic_url, "ca_pem": ca}),
    )?)?;
    let pair = |from: &str, to: &str| KineticFromTo {
        from: from.into(),
        to: to.into(),
    };
    common::reset_peak_rss();
    let before = common::rss_kb("VmRSS");
    let t = Instant::now();
    let done = typed
        .clone_trees(&KineticCloneTreesRequest {
            source: pair("Playground", "Playground"),
            source_group: pair("Big", "Big copy"),
            local_routines: None,
            names: None,
        })
        .await?;
    let whole = t.elapsed();
    let peak = common::rss_kb("VmHWM");
    let created = done.trees.len();
    let answer = serde_json::to_vec(&json!({"message": done.message, "trees": done.trees}))?;
    drop(done);
    let as_value = micro(5, 5, || {
        let _: Value = serde_json::from_slice(&answer).unwrap();
    });
    let as_model = micro(5, 5, || {
        let _: qem_core::models::KineticCloneTreesResult = serde_json::from_slice(&answer).unwrap();
    });
    out.push_str(&format!(
        "## Kinetic Task: one clone answering {created} trees\n\n- the whole call (the mock copying them included): **{:.1} ms**; the answer is {:.0} KB\n- decoding that answer: **{:.2} ms** into JSON values (what every binding receives), **{:.2} ms** into the typed `KineticCloneTreesResult` (each tree's unknown fields kept)\n- memory: {:.1} MB before the call, {:.1} MB at its peak (**+{:.1} MB**)\n\n",
        whole.as_secs_f64() * 1e3, answer.len() as f64 / 1024.0, as_value / 1e3, as_model / 1e3,
        before as f64 / 1024.0, peak as f64 / 1024.0, peak.saturating_sub(before) as f64 / 1024.0
    ));

    // ---- Veeam
    common::control(&http, url, reqwest::Method::PUT, "/mock/state",
        Some(json!({"settings": {"request_log_size": 100}, "veeam": {"operation_finished_ms": 0, "finished_ms": 0}}))).await?;
    let veeam_url = format!("{root}/veeam");
    let vc = Client::new(ClientConfig::from_json(
        &json!({"service": "veeam", "url": veeam_url,
        "username": "EM\\admin", "password": "admin-pass", "ca_pem": ca}),
    )?)?;
    let task = vc.call("clone_job", json!({"job": JOB, "job_name": "Bench", "folder_name": "Bench", "repository_uid": REPO})).await?;
    let task_id = task["TaskId"].as_str().unwrap_or("task-1").to_string();
    // A bare logon for the bare loop, as a script would do it.
    let basic = base64::engine::general_purpose::STANDARD.encode("EM\\admin:admin-pass");
    let logon = http
        .post(format!("{veeam_url}/api/sessionMngr/?v=latest"))
        .header("Authorization", format!("Basic {basic}"))
        .header("Content-Length", "0")
        .send()
        .await?;
    let session = logon
        .headers()
        .get("x-restsvcsessionid")
        .ok_or("no session header")?
        .to_str()?
        .to_string();
    let task_url = format!("{veeam_url}/api/tasks/{task_id}");
    let (core_v, bare_v) = interleaved(
        200,
        |_| async {
            vc.call("get_task", json!({"task": task_id}))
                .await
                .map(drop)
                .map_err(Into::into)
        },
        |_| async {
            let answer = http
                .get(&task_url)
                .header("X-RestSvcSessionId", &session)
                .header("Accept", "application/xml")
                .send()
                .await?
                .bytes()
                .await?;
            let _ = qem_core::veeam::xml_to_json(&answer)?;
            Ok(())
        },
    )
    .await?;
    let xml = http
        .get(&task_url)
        .header("X-RestSvcSessionId", &session)
        .send()
        .await?
        .bytes()
        .await?;
    let parse = micro(10, 2000, || {
        let v = qem_core::veeam::xml_to_json(&xml).unwrap();
        let _: VeeamTask = serde_json::from_value(v).unwrap();
    });
    let clone = VeeamJobClone::backup("Nightly SQL (copy)", "NightlySqlCopy", REPO);
    let build = micro(10, 2000, || {
        let _ = qem_core::veeam::job_clone_spec(&clone).unwrap();
    });
    let clone_args = |n: usize| json!({"job": JOB, "job_name": format!("Bench {n}"), "folder_name": "Bench", "repository_uid": REPO});
    let t = Instant::now();
    let clones = 200;
    for n in 0..clones {
        vc.call("clone_job", clone_args(n)).await?;
    }
    let clone_call = t.elapsed().as_secs_f64() * 1e6 / clones as f64;
    out.push_str(&format!(
        "## Veeam: get_task per call (best of 10 interleaved rounds of 200)\n\n| path | per call |\n|---|---|\n| core, generic entry (`call(\"get_task\")`: XML read into JSON) | {core_v:.1} µs |\n| bare reqwest keep-alive loop, the same session header, the same XML reader | {bare_v:.1} µs |\n\n- core / bare loop: **{:.2}×** (goal ≤ 1.3×)\n\n## Veeam: XML against the round trip\n\n| step | time | share of its call |\n|---|---|---|\n| build a `JobCloneSpec` (quick-xml writer, checks included) | {build:.2} µs | {:.1}% of a clone_job call ({clone_call:.0} µs) |\n| read a finished Task ({} bytes) into JSON and into `VeeamTask` | {parse:.2} µs | {:.1}% of a get_task call |\n\n",
        core_v / bare_v, build / clone_call * 100.0, xml.len(), parse / core_v * 100.0
    ));
    vc.close().await?;
    Ok(out)
}
