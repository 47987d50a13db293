//! The Rust core's per-call time, the baseline of every binding's benchmark:
//! `core_loop URL CA_FILE CALLS [MODE]` prints the best-of-3 mean microseconds of one
//! get_task_details through the core's generic entry (the path the bindings use).
//! MODE: `blocking` (default; `blocking::Client::call`), `async` (the async client
//! awaited one call after another), or `concurrent` (all CALLS at once; prints the wall time of
//! the batch in milliseconds instead). With `-text` (`blocking-text`, `async-text`,
//! `concurrent-text`) the calls go through `call_text`, the answer as JSON text, which
//! is what the Node binding and the C ABI use.
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        return Err("usage: core_loop URL CA_FILE CALLS [blocking|async|concurrent][-text]".into());
    }
    let (url, ca, n): (&str, &str, usize) = (&a[1], &a[2], a[3].parse()?);
    let mode = a.get(4).map_or("blocking", String::as_str);
    let (mode, text) = match mode.strip_suffix("-text") {
        Some(m) => (m, true),
        None => (mode, false),
    };
    let config = qem_core::ClientConfig::from_json(&serde_json::json!({
        "url": url, "username": "QEM\\admin", "password": "admin-pass", "ca_file": ca,
    }))?;
    let client = qem_core::blocking::Client::connect(config)?;
    let args = serde_json::json!({"server": "Local Server", "task": "SalesDBBackup"});
    // One call, its answer dropped: as a `Value` (`call`) or as text (`call_text`).
    let one = |c: &qem_core::Client| {
        let (c, args) = (c.clone(), args.clone());
        async move {
            if text {
                c.call_text("get_task_details", args).await.map(drop)
            } else {
                c.call("get_task_details", args).await.map(drop)
            }
        }
    };
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        match mode {
            "blocking" => {
                for _ in 0..n {
                    client.block_on(one(client.as_async()))?;
                }
            }
            "async" => client.block_on(async {
                for _ in 0..n {
                    one(client.as_async()).await?;
                }
                Ok::<_, qem_core::Error>(())
            })?,
            "concurrent" => {
                let calls = (0..n).map(|_| one(client.as_async()));
                for r in client.block_on(futures_util::future::join_all(calls)) {
                    r?;
                }
            }
            other => return Err(format!("unknown mode {other}").into()),
        }
        let elapsed = t.elapsed().as_secs_f64();
        best = best.min(if mode == "concurrent" {
            elapsed * 1e3
        } else {
            elapsed * 1e6 / n as f64
        });
    }
    println!("{best:.1}");
    client.close()?;
    Ok(())
}
