//! Rough HTTPS keep-alive throughput check: `cargo run --release -p qem-mock --example throughput`.
//! Client and mock share the machine, so the figure is a lower bound for the mock alone.

use base64::Engine;
use qem_mock::{MockConfig, MockServer};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let server = MockServer::start_background(MockConfig::default()).unwrap();
    let pem = server.ca_cert_pem().unwrap();
    let api = format!("{}/api/v1", server.base_url());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let client = reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap())
            .pool_max_idle_per_host(64)
            .build()
            .unwrap();
        let auth = format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode("QEM\\admin:admin-pass")
        );
        let r = client
            .get(format!("{api}/login"))
            .header("Authorization", auth)
            .send()
            .await
            .unwrap();
        let sid = r.headers()["EnterpriseManager.APISessionID"]
            .to_str()
            .unwrap()
            .to_string();
        let count = Arc::new(AtomicU64::new(0));
        let deadline = Instant::now() + Duration::from_secs(3);
        let mut handles = Vec::new();
        for _ in 0..32 {
            let (client, api, sid, count) =
                (client.clone(), api.clone(), sid.clone(), count.clone());
            handles.push(tokio::spawn(async move {
                while Instant::now() < deadline {
                    let r = client
                        .get(format!("{api}/servers/Local%20Server/tasks/SalesDBBackup"))
                        .header("EnterpriseManager.APISessionID", &sid)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(r.status(), 200);
                    let _ = r.bytes().await.unwrap();
                    count.fetch_add(1, Ordering::Relaxed);
                }
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
        println!(
            "{:.0} requests/s",
            count.load(Ordering::Relaxed) as f64 / 3.0
        );
    });
}
