//! `qem metrics --listen ADDR`: the selected tasks' figures served at `/metrics` for
//! Prometheus, read again every `--every` in the background (a scrape never waits for the
//! servers, and never sends more requests than the interval allows).

use crate::{Failure, Outcome};
use qem_core::Client;
use serde_json::Value;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};

pub async fn serve(
    client: &Client,
    addr: std::net::SocketAddr,
    args: Value,
    every_ms: u64,
) -> Outcome {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| Failure::Local(format!("cannot listen on {addr}: {e}")))?;
    let local = listener
        .local_addr()
        .map_err(|e| Failure::Local(e.to_string()))?;
    // The first reading before serving, so that a mistake is said at once.
    let first = client.call("prometheus_metrics", args.clone()).await?;
    let text = Arc::new(Mutex::new(first.as_str().unwrap_or_default().to_string()));
    println!("serving http://{local}/metrics");
    let refresher = {
        let (client, text) = (client.clone(), text.clone());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_millis(every_ms.max(1000))).await;
                match client.call("prometheus_metrics", args.clone()).await {
                    Ok(v) => {
                        *text.lock().expect("metrics lock") =
                            v.as_str().unwrap_or_default().to_string()
                    }
                    // The last good figures stay served; the failure is said once per reading.
                    Err(e) => eprintln!(
                        "qem: reading the metrics: {}: {}",
                        e.error_code(),
                        e.message()
                    ),
                }
            }
        })
    };
    loop {
        let Ok((mut sock, _)) = listener.accept().await else {
            continue;
        };
        let text = text.clone();
        tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            let n = sock.read(&mut buf).await.unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let path = request.split_whitespace().nth(1).unwrap_or("/");
            let (status, body) = if path == "/metrics" || path.starts_with("/metrics?") {
                ("200 OK", text.lock().expect("metrics lock").clone())
            } else {
                ("404 Not Found", "see /metrics\n".to_string())
            };
            let head = format!("HTTP/1.1 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            let _ = sock.write_all(head.as_bytes()).await;
            let _ = sock.write_all(body.as_bytes()).await;
            let _ = sock.shutdown().await;
        });
        if refresher.is_finished() {
            return Err(Failure::Local("the metrics reader stopped".into()));
        }
    }
}
