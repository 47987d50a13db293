//! The core against servers that misbehave in ways the mock does not: HTML where JSON
//! is due, truncated JSON, empty bodies, 200 answers carrying an error code, a login
//! without a session header, and a 100 MB export streamed with bounded memory.
//! A tiny HTTP/1.1 server on loopback plays each part.

use qem_core::{Client, ClientConfig, Credentials, ErrorKind};
use std::sync::Arc;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

/// What the fake server answers to every non-login request.
#[derive(Clone)]
enum Answer {
    Fixed {
        status: u16,
        content_type: &'static str,
        body: &'static str,
    },
    /// A JSON export document of about this many bytes, sent in chunks as it is generated.
    BigDocument(usize),
}

async fn serve(answer: Answer, login_header: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let answer = Arc::new(answer);
    tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = listener.accept().await else {
                return;
            };
            let answer = answer.clone();
            tokio::spawn(async move {
                let _ = connection(sock, &answer, login_header).await;
            });
        }
    });
    format!("http://{addr}/attunityenterprisemanager")
}

async fn connection(sock: TcpStream, answer: &Answer, login_header: bool) -> std::io::Result<()> {
    let mut reader = BufReader::new(sock);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).await? == 0 {
            return Ok(());
        }
        let mut content_length = 0usize;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).await?;
            if line == "\r\n" || line.is_empty() {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                content_length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0u8; content_length];
        reader.read_exact(&mut body).await?;
        let sock = reader.get_mut();
        if request_line.contains("/login") {
            let session = if login_header {
                "EnterpriseManager.APISessionID: abc\r\n"
            } else {
                ""
            };
            sock.write_all(
                format!("HTTP/1.1 200 OK\r\n{session}Content-Length: 0\r\n\r\n").as_bytes(),
            )
            .await?;
            continue;
        }
        match answer {
            Answer::Fixed {
                status,
                content_type,
                body,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                );
                sock.write_all(head.as_bytes()).await?;
                sock.write_all(body.as_bytes()).await?;
            }
            Answer::BigDocument(size) => {
                sock.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").await?;
                let task = format!(
                    "{{\"task\":{{\"name\":\"t\"}},\"pad\":\"{}\"}}",
                    "x".repeat(64 * 1024)
                );
                let mut sent = 0;
                let mut first = true;
                let chunk = |s: &str| format!("{:x}\r\n{s}\r\n", s.len());
                sock.write_all(
                    chunk("{\"name\":\"big\",\"cmd.replication_definition\":{\"tasks\":[")
                        .as_bytes(),
                )
                .await?;
                while sent < *size {
                    let piece = if first {
                        task.clone()
                    } else {
                        format!(",{task}")
                    };
                    first = false;
                    sent += piece.len();
                    sock.write_all(chunk(&piece).as_bytes()).await?;
                }
                sock.write_all(chunk("]}}").as_bytes()).await?;
                sock.write_all(b"0\r\n\r\n").await?;
            }
        }
    }
}

async fn client_for(answer: Answer) -> Client {
    let url = serve(answer, true).await;
    let mut cfg = ClientConfig::new(url, Credentials::active_directory("D\\u", "p"));
    cfg.retry.max_retries = 0;
    Client::new(cfg).unwrap()
}

#[tokio::test]
async fn html_where_json_is_due() {
    let c = client_for(Answer::Fixed {
        status: 200,
        content_type: "text/html",
        body: "<html>maintenance</html>",
    })
    .await;
    let e = c.get_task_list("s").await.unwrap_err();
    assert_eq!(
        (e.error_code(), e.kind()),
        ("INVALID_RESPONSE", ErrorKind::InvalidResponse)
    );
    assert_eq!(e.operation(), Some("GetTaskList"));
}

#[tokio::test]
async fn truncated_json() {
    let c = client_for(Answer::Fixed {
        status: 200,
        content_type: "application/json",
        body: "{\"taskList\": [{\"name\": \"a\"",
    })
    .await;
    let e = c.get_task_list("s").await.unwrap_err();
    assert_eq!(e.error_code(), "INVALID_RESPONSE");
    assert_eq!(e.operation(), Some("GetTaskList"));
    let e = c
        .call("get_task_list", serde_json::json!({"server": "s"}))
        .await
        .unwrap_err();
    assert_eq!(e.error_code(), "INVALID_RESPONSE");
}

#[tokio::test]
async fn empty_body_where_json_is_due() {
    let c = client_for(Answer::Fixed {
        status: 200,
        content_type: "application/json",
        body: "",
    })
    .await;
    let e = c.get_server_list().await.unwrap_err();
    assert_eq!(
        (e.error_code(), e.operation()),
        ("INVALID_RESPONSE", Some("GetServerList"))
    );
    let e = c.export_task("s", "t", None).await.unwrap_err();
    assert_eq!(
        (e.error_code(), e.operation()),
        ("INVALID_RESPONSE", Some("ExportTask"))
    );
}

#[tokio::test]
async fn status_200_with_an_error_code_is_an_error() {
    let body = r#"{"error_code":"AEM_TASK_NOT_FOUND","error_message":"Task t not found."}"#;
    let c = client_for(Answer::Fixed {
        status: 200,
        content_type: "application/json",
        body,
    })
    .await;
    for e in [
        c.get_task_details("s", "t").await.unwrap_err(),
        c.delete_task("s", "t", None).await.unwrap_err(),
        c.export_task("s", "t", None).await.unwrap_err(),
    ] {
        assert_eq!(e.error_code(), "AEM_TASK_NOT_FOUND");
        assert_eq!(e.message(), "Task t not found.");
        assert_eq!(e.kind(), ErrorKind::NotFound);
        assert!(e.operation().is_some());
    }
}

#[tokio::test]
async fn proxy_error_pages_keep_their_status() {
    let c = client_for(Answer::Fixed {
        status: 502,
        content_type: "text/html",
        body: "<h1>Bad Gateway</h1>",
    })
    .await;
    let e = c.get_server_list().await.unwrap_err();
    assert_eq!((e.error_code(), e.http_status()), ("HTTP_ERROR", Some(502)));
}

#[tokio::test]
async fn login_without_a_session_header() {
    let url = serve(
        Answer::Fixed {
            status: 200,
            content_type: "application/json",
            body: "{}",
        },
        false,
    )
    .await;
    let e = Client::connect(ClientConfig::new(url, Credentials::Jwt("t".into())))
        .await
        .unwrap_err();
    assert_eq!(
        (e.error_code(), e.operation()),
        ("INVALID_RESPONSE", Some("Login"))
    );
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Counts bytes and keeps none of them.
struct Sink(u64);

impl tokio::io::AsyncWrite for Sink {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        self.0 += buf.len() as u64;
        std::task::Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
    fn poll_shutdown(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::task::Poll::Ready(Ok(()))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_100_mb_export_streams_in_bounded_memory() {
    const SIZE: usize = 100 * 1024 * 1024;
    let c = client_for(Answer::BigDocument(SIZE)).await;
    // Peak memory is per process; other tests in this binary run first or beside, so
    // measure the growth of the peak, which a buffered 100 MB body would blow past.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_rss_kb();
    let mut sink = Sink(0);
    let n = c.export_all_to_writer("s", &mut sink).await.unwrap();
    assert!(n as usize >= SIZE && sink.0 == n);
    let grown_mb = (peak_rss_kb().saturating_sub(before)) / 1024;
    assert!(
        grown_mb < 48,
        "streaming 100 MB grew the peak memory by {grown_mb} MB"
    );
}
