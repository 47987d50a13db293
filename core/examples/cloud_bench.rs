//! Qlik Cloud Tasks through the core against the mock's tenant, over HTTPS with
//! keep-alive, the mock in a child process; figures from one run, as ratios where
//! there is something to compare with. Writes `BENCHMARKS-qlik-cloud.md` at the top of
//! the repository and prints it.
//!
//! `cargo run --release -p qem-core --example cloud_bench`

#[path = "common/mod.rs"]
mod common;

use qem_core::{Client, ClientConfig};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const PAGE_TASKS: usize = 10_000;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    common::report_main("BENCHMARKS-qlik-cloud.md", |url, pem| async move {
        run(&url, &pem).await
    })
}

fn client(
    tenant: &str,
    pem: &[u8],
    key: &str,
    pace: Option<u32>,
) -> Result<Client, qem_core::Error> {
    let mut o = json!({"service": "qlik_cloud", "url": tenant, "api_key": key,
        "ca_pem": String::from_utf8_lossy(pem)});
    if let Some(p) = pace {
        o["max_requests_per_minute"] = p.into();
    }
    Client::new(ClientConfig::from_json(&o)?)
}

async fn run(url: &str, pem: &[u8]) -> Result<String, Box<dyn std::error::Error>> {
    let http = common::raw_http(pem)?;
    let root = common::origin(url);
    let tenant = format!("{root}/qlik-cloud");
    let tasks: Vec<Value> = (0..PAGE_TASKS)
        .map(|i| json!({"id": format!("task-{i:05}"), "name": format!("Reload {i}"), "specVersion": "0.8",
            "resourceId": "app-big", "states": [], "metadata": {"createdAt": format!("2026-01-01T00:00:{:02}Z", i % 60),
            "updatedAt": "2026-01-02T00:00:00Z", "ownerId": "user-dev"}}))
        .collect();
    common::control(
        &http,
        url,
        reqwest::Method::PUT,
        "/mock/state",
        Some(json!({"settings": {"request_log_size": 5000}, "qlik_cloud": {"tasks": tasks}})),
    )
    .await?;
    let mut out = String::from("# Qlik Cloud Tasks benchmarks\n\nProduced by `cargo run --release -p qem-core --example cloud_bench`: the core against the mock's Qlik Cloud tenant over HTTPS with keep-alive, the mock in a child process, on this 2-core machine, in one run. Ratios matter; absolute numbers vary.\n\n");

    // Sequential get_task: the core against a bare keep-alive loop with the same bearer header.
    let c = client(&tenant, pem, "key-dev", None)?;
    let task_url = format!("{tenant}/api/v1/tasks/task-00042");
    let args = json!({"id": "task-00042"});
    let per = 200;
    let (mut core_best, mut bare_best) = (f64::MAX, f64::MAX);
    for _ in 0..10 {
        c.call("get_task", args.clone()).await?; // warm
        let t = Instant::now();
        for _ in 0..per {
            c.call("get_task", args.clone()).await?;
        }
        core_best = core_best.min(t.elapsed().as_secs_f64() * 1e6 / per as f64);
        let t = Instant::now();
        for _ in 0..per {
            let body = http
                .get(&task_url)
                .header("Authorization", "Bearer key-dev")
                .send()
                .await?
                .bytes()
                .await?;
            let _: Value = serde_json::from_slice(&body)?;
        }
        bare_best = bare_best.min(t.elapsed().as_secs_f64() * 1e6 / per as f64);
    }
    out.push_str(&format!(
        "## Sequential get_task (best of 10 interleaved rounds of {per})\n\n| path | per call |\n|---|---|\n| core, generic entry (`call(\"get_task\")`, a `Value`) | {core_best:.1} µs |\n| bare reqwest keep-alive loop, same bearer header, `serde_json` | {bare_best:.1} µs |\n\n- core / bare loop: **{:.2}×** (goal ≤ 1.3×)\n\n",
        core_best / bare_best
    ));

    // Every page of 10,000 tasks, 100 a page.
    common::reset_peak_rss();
    let before = common::rss_kb("VmRSS");
    let t = Instant::now();
    let all = c
        .call(
            "get_tasks",
            json!({"resourceId": "app-big", "limit": 100, "all": true}),
        )
        .await?;
    let wall = t.elapsed();
    let peak = common::rss_kb("VmHWM");
    let n = all["data"].as_array().map_or(0, Vec::len);
    drop(all);
    out.push_str(&format!(
        "## `get_tasks` with `all: true` over {PAGE_TASKS} tasks, pages of 100\n\n- {n} tasks in {} pages: **{:.2} s**, {:.1} ms a page\n- memory: {:.1} MB before, **{:.1} MB** at the peak (the answer holds every task)\n\n",
        n.div_ceil(100), wall.as_secs_f64(), wall.as_secs_f64() * 1e3 / (n.div_ceil(100)) as f64,
        before as f64 / 1024.0, peak as f64 / 1024.0
    ));

    // 1,000 at once against a limit of 600 a minute: without a pace, then with one.
    common::control(&http, url, reqwest::Method::PUT, "/mock/state",
        Some(json!({"settings": {"request_log_size": 5000}, "qlik_cloud": {"settings": {"rate_limit_per_minute": 600}}}))).await?;
    let mut rows = String::new();
    for (key, pace) in [("key-dev", None), ("key-admin", Some(590u32))] {
        common::control(&http, url, reqwest::Method::DELETE, "/mock/requests", None).await?;
        let c = client(&tenant, pem, key, pace)?;
        let t = Instant::now();
        let calls = (0..1000).map(|_| c.call("get_task", json!({"id": "task-1"})));
        let results = futures_util::future::join_all(calls).await;
        let wall = t.elapsed();
        let failed = results.iter().filter(|r| r.is_err()).count();
        let log = common::control(&http, url, reqwest::Method::GET, "/mock/requests", None).await?;
        let refused = log
            .as_array()
            .map_or(0, |l| l.iter().filter(|r| r["status"] == 429).count());
        rows.push_str(&format!(
            "| {} | {:.1} s | {failed} | {refused} |\n",
            match pace {
                None => "no pace (429s waited out per `Retry-After`)".to_string(),
                Some(p) => format!("`max_requests_per_minute: {p}`"),
            },
            wall.as_secs_f64()
        ));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    out.push_str(&format!(
        "## 1,000 concurrent `get_task` against a limit of 600 a minute\n\n| client | wall time | failures | 429 answers |\n|---|---|---|---|\n{rows}\nWithout a pace the first 600 pass, the rest meet 429 and wait the tenant's `Retry-After`; with one, no request is refused.\n"
    ));
    Ok(out)
}
