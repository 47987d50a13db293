//! The Rust core's per-call time, for the Python binding's benchmark (bench/bench.py):
//! `core_loop URL CA_FILE CALLS` prints the mean microseconds of one get_task_details
//! through the core's generic entry (the path the binding uses).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().collect();
    let (url, ca, n): (&str, &str, usize) = (&a[1], &a[2], a[3].parse()?);
    let config = qem_core::ClientConfig::from_json(&serde_json::json!({
        "url": url, "username": "QEM\\admin", "password": "admin-pass", "ca_file": ca,
    }))?;
    let client = qem_core::blocking::Client::connect(config)?;
    let args = serde_json::json!({"server": "Local Server", "task": "SalesDBBackup"});
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = std::time::Instant::now();
        for _ in 0..n {
            client.call("get_task_details", args.clone())?;
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    println!("{best:.1}");
    client.close()?;
    Ok(())
}
