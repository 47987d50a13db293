//! Completion callbacks run on the library's own callback thread, never on a thread of
//! the core's runtime, and that thread ends when idle: a managed runtime (Mono) that a
//! callback entered waits at exit for every native thread it adopted, so a thread that
//! lived as long as the process would keep the program from ever ending.
//! No server is needed: a call to a closed port fails through the callback.

use qem::{qem_call_free, qem_client_call_async, qem_client_free, qem_client_new, QemCall};
use qem::{QemClient, QemError, QemStatus};
use std::ffi::{c_char, c_void, CString};
use std::ptr;
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Seen {
    thread: Option<String>,
    status: QemStatus,
}

unsafe extern "C" fn on_done(
    user_data: *mut c_void,
    status: QemStatus,
    _result: *const c_char,
    _error: *const QemError,
) {
    let tx = &*(user_data as *const mpsc::Sender<Seen>);
    let thread = std::thread::current().name().map(str::to_string);
    let _ = tx.send(Seen { thread, status });
}

/// Threads of this process with the given name (Linux: /proc/self/task/*/comm).
fn threads_named(name: &str) -> usize {
    std::fs::read_dir("/proc/self/task")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter(|t| {
                    std::fs::read_to_string(t.path().join("comm"))
                        .map(|c| c.trim() == name)
                        .unwrap_or(false)
                })
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn callbacks_run_on_the_callback_thread_which_ends_when_idle() {
    let options = CString::new(
        r#"{"url": "https://127.0.0.1:1/attunityenterprisemanager", "api_token": "t",
            "max_retries": 0, "connect_timeout_ms": 2000}"#,
    )
    .unwrap();
    let mut client: *mut QemClient = ptr::null_mut();
    let mut err: *mut QemError = ptr::null_mut();
    unsafe {
        assert_eq!(
            qem_client_new(options.as_ptr(), &mut client, &mut err),
            QemStatus::Ok
        );
    }
    let (tx, rx) = mpsc::channel::<Seen>();
    let op = CString::new("GetServerList").unwrap();
    let args = CString::new("{}").unwrap();
    for round in 0..2 {
        let n = 8;
        for _ in 0..n {
            let mut call: *mut QemCall = ptr::null_mut();
            unsafe {
                let st = qem_client_call_async(
                    client,
                    op.as_ptr(),
                    args.as_ptr(),
                    Some(on_done),
                    &tx as *const _ as *mut c_void,
                    &mut call,
                    &mut err,
                );
                assert_eq!(st, QemStatus::Ok);
                qem_call_free(call);
            }
        }
        for _ in 0..n {
            let seen = rx
                .recv_timeout(Duration::from_secs(30))
                .expect("a callback");
            assert_eq!(seen.status, QemStatus::Error, "a closed port fails");
            assert_eq!(
                seen.thread.as_deref(),
                Some("qem-callback"),
                "round {round}"
            );
        }
        // Idle: the callback thread ends by itself (and a later call starts a new one).
        let start = Instant::now();
        while threads_named("qem-callback") > 0 {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "the callback thread did not end when idle"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(
            threads_named("qem-core") > 0,
            "the core's runtime still runs"
        );
    }
    unsafe { qem_client_free(client) };
}
