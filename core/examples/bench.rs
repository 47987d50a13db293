//! Benchmarks of the core against the mock over HTTPS with keep-alive, in one run, as
//! ratios; writes `BENCHMARKS.md` at the top of the repository and prints the figures.
//!
//! `cargo run --release -p qem-core --example bench [-- --quick]`
//!
//! The mock runs in a child process (this program re-executed with `--serve-mock`) so
//! that the memory measured for the streamed export is the client's alone.

use futures_util::StreamExt;
use qem_core::{Client, ClientConfig, Credentials};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

#[path = "common/mod.rs"]
mod common;
use common::{control, raw_http, reset_peak_rss, rss_kb, serve_mock, with_mock_process};

const SERVER: &str = "Local Server";
const TASK: &str = "SalesDBBackup";

/// Where BENCHMARKS.md's soak section begins (written from the soak tests' figures).
const SOAK_HEADING: &str = "## Soak under faults";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve-mock") {
        return serve_mock(&args[2]);
    }
    let quick = args.iter().any(|a| a == "--quick");
    let report =
        with_mock_process(|url, pem, tmp| async move { run(&url, &pem, quick, &tmp).await })?;
    println!("{report}");
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../BENCHMARKS.md");
    // The soak's figures come from the test suites, not from this run: kept as they are.
    let kept = std::fs::read_to_string(&out)
        .ok()
        .and_then(|old| old.find(SOAK_HEADING).map(|i| old[i..].to_string()))
        .unwrap_or_default();
    std::fs::write(&out, format!("{report}\n{kept}"))?;
    println!("written to {}", out.display());
    Ok(())
}

fn creds() -> Credentials {
    Credentials::active_directory("QEM\\admin", "admin-pass")
}

async fn run(
    url: &str,
    pem: &[u8],
    quick: bool,
    tmp: &std::path::Path,
) -> Result<String, Box<dyn std::error::Error>> {
    let http = raw_http(pem)?;
    let mut out = String::new();
    out.push_str("# Benchmarks\n\nProduced by `cargo run --release -p qem-core --example bench`: the core against the mock Enterprise Manager over HTTPS with keep-alive, the mock in a child process, on this 2-core machine, all figures from one run. Ratios matter; absolute numbers vary with the machine.\n\n");

    // 1. Sequential GetTaskDetails: the core against a bare reqwest loop.
    let n = if quick { 500 } else { 3000 };
    let client = Client::connect(ClientConfig::new(url, creds()).ca_pem(pem.to_vec())).await?;
    let token = raw_login(&http, url).await?;
    let details_url = format!("{url}/api/v1/servers/Local%20Server/tasks/{TASK}");
    let mut core_rate = 0.0;
    let mut floor_rate = 0.0;
    // Alternate rounds so both see the same machine conditions; keep the best of each.
    for _ in 0..3 {
        let t = Instant::now();
        for _ in 0..n {
            let d = client.get_task_details(SERVER, TASK).await?;
            std::hint::black_box(d);
        }
        core_rate = f64::max(core_rate, n as f64 / t.elapsed().as_secs_f64());
        let t = Instant::now();
        for _ in 0..n {
            let r = http
                .get(&details_url)
                .header("EnterpriseManager.APISessionID", token.clone())
                .send()
                .await?;
            let v: Value = serde_json::from_slice(&r.bytes().await?)?;
            std::hint::black_box(v);
        }
        floor_rate = f64::max(floor_rate, n as f64 / t.elapsed().as_secs_f64());
    }
    let ratio = floor_rate / core_rate;
    out.push_str(&format!(
        "## Sequential get_task_details\n\n| path | calls/s | per call |\n|---|---|---|\n| core (typed model) | {core_rate:.0} | {:.1} µs |\n| bare reqwest loop (floor, JSON parsed) | {floor_rate:.0} | {:.1} µs |\n\nCore time per call / floor time per call: **{ratio:.2}×** (target ≤ 1.3×; best of 3 alternating rounds of {n} calls).\n\n",
        1e6 / core_rate,
        1e6 / floor_rate
    ));

    // 2. 1,000 calls over 20 servers with the async client.
    let mut state = control(&http, url, reqwest::Method::GET, "/mock/state", None).await?;
    let template = state["servers"][0].clone();
    let servers: Vec<Value> = (0..20)
        .map(|i| {
            let mut s = template.clone();
            s["name"] = json!(format!("srv-{i:02}"));
            s["host"] = json!(format!("rep{i}.example.net"));
            s
        })
        .collect();
    state["servers"] = Value::Array(servers);
    control(&http, url, reqwest::Method::PUT, "/mock/state", Some(state)).await?;
    control(
        &http,
        url,
        reqwest::Method::PUT,
        "/mock/faults",
        Some(json!({"latency_ms": 5})),
    )
    .await?;
    let client = Client::connect(ClientConfig::new(url, creds()).ca_pem(pem.to_vec())).await?;
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let t = Instant::now();
    let results: Vec<_> = futures_util::stream::iter(0..1000)
        .map(|i| {
            let (c, f, p) = (client.clone(), in_flight.clone(), peak.clone());
            async move {
                let now = f.fetch_add(1, Ordering::SeqCst) + 1;
                p.fetch_max(now, Ordering::SeqCst);
                let r = c
                    .get_task_details(&format!("srv-{:02}", i % 20), TASK)
                    .await;
                f.fetch_sub(1, Ordering::SeqCst);
                r
            }
        })
        .buffer_unordered(100)
        .collect()
        .await;
    let wall = t.elapsed();
    let failed = results.iter().filter(|r| r.is_err()).count();
    out.push_str(&format!(
        "## 1,000 get_task_details over 20 servers, async\n\nThe mock adds 5 ms to every answer. Wall time **{:.2} s** for 1,000 calls ({failed} failed), concurrency reached **{}** (limit 100); one after another they would take at least {:.1} s, so the speed-up is **{:.0}×**.\n\n",
        wall.as_secs_f64(),
        peak.load(Ordering::SeqCst),
        1000.0 * 0.005,
        5.0 / wall.as_secs_f64()
    ));
    control(
        &http,
        url,
        reqwest::Method::PUT,
        "/mock/faults",
        Some(json!({})),
    )
    .await?;

    // 3. A generated ~200 MB repository exported to a file by streaming.
    let target_mb: u64 = if quick { 20 } else { 200 };
    let tasks = target_mb * 10;
    control(&http, url, reqwest::Method::POST, "/mock/generate", Some(json!({"server": "Big", "tasks": tasks, "tables_per_task": 20, "padding_bytes": 100_000}))).await?;
    let client = Client::connect(ClientConfig::new(url, creds()).ca_pem(pem.to_vec())).await?;
    reset_peak_rss();
    let before = rss_kb("VmHWM");
    let path = tmp.join("big-export.json");
    let t = Instant::now();
    let bytes = client.export_all_to_file("Big", &path).await?;
    let secs = t.elapsed().as_secs_f64();
    let peak_kb = rss_kb("VmHWM");
    let _ = std::fs::remove_file(&path);
    out.push_str(&format!(
        "## Streaming export of a generated repository\n\nExportAll of a server with {tasks} generated tasks: **{:.0} MB** written to a file in {secs:.1} s ({:.0} MB/s). Peak resident memory of the whole client process during the export: **{:.1} MB** (target < 64 MB; {:.1} MB before it started).\n\n",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs,
        peak_kb as f64 / 1024.0,
        before as f64 / 1024.0
    ));

    // 4. The mock's own capacity, so it never limits a benchmark.
    control(&http, url, reqwest::Method::POST, "/mock/reset", None).await?;
    let token = raw_login(&http, url).await?;
    let list_url = format!("{url}/api/v1/servers");
    let total = if quick { 5_000 } else { 40_000 };
    let conns = 32;
    let t = Instant::now();
    let done = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..conns)
        .map(|_| {
            let (c, u, tok, d) = (http.clone(), list_url.clone(), token.clone(), done.clone());
            tokio::spawn(async move {
                while d.fetch_add(1, Ordering::SeqCst) < total {
                    let r = c
                        .get(&u)
                        .header("EnterpriseManager.APISessionID", tok.clone())
                        .send()
                        .await;
                    if let Ok(r) = r {
                        let _ = r.bytes().await;
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.await?;
    }
    let rate = total as f64 / t.elapsed().as_secs_f64();
    out.push_str(&format!(
        "## Mock capacity\n\n{total} GetServerList requests over {conns} keep-alive HTTPS connections, with the load generator on the same 2 cores: **{rate:.0} requests/s** (target ≥ 10,000).\n",
    ));
    Ok(out)
}

/// Logs in without the core, for the floor and load loops.
async fn raw_login(
    http: &reqwest::Client,
    url: &str,
) -> Result<reqwest::header::HeaderValue, Box<dyn std::error::Error>> {
    let login = http
        .get(format!("{url}/api/v1/login"))
        .header("Authorization", creds_header())
        .send()
        .await?;
    Ok(login
        .headers()
        .get("EnterpriseManager.APISessionID")
        .ok_or("no session")?
        .clone())
}

fn creds_header() -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("QEM\\admin:admin-pass")
    )
}
