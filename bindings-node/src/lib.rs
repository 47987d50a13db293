//! Node.js binding of `qem-core`: a napi-rs addon that only converts and glues.
//!
//! The native surface is deliberately small: [`NativeClient`] (create, start a call of
//! the core's generic entry, close) plus the tables `index.js` builds its camelCase
//! methods and argument checks from. Every request, URL, verb and status is the core's
//! business.
//!
//! How a call travels: `start` (on the JavaScript thread) hands the core's future to the
//! addon's runtime and returns at once; the future's end comes back through one
//! threadsafe function per client as `(id, ok, text, more)`, where `text` is the answer's JSON
//! or the core error's JSON (`{"error_code", "message", "http_status", "operation",
//! "kind"}`), and `index.js` settles the promise of that id. At most one wake-up each way and no
//! per-call promise machinery in Rust: napi-rs `async fn`s create a threadsafe function
//! and spawn two tasks for every call, which cost more than the core's own work here.

use futures_util::FutureExt;
use napi::bindgen_prelude::*;
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi_derive::napi;
use qem_core::{Client, ClientConfig};
use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// The error code of a Rust panic caught at the boundary (a bug, never a crash).
use qem_core::codes::INTERNAL_ERROR;

/// The error's JSON, as `index.js` reads it.
fn error_json(e: &qem_core::Error) -> String {
    e.to_json().to_string()
}

fn internal_error_json(what: &str) -> String {
    serde_json::json!({
        "error_code": INTERNAL_ERROR,
        "message": what,
        "http_status": null,
        "operation": null,
        "kind": "internal",
    })
    .to_string()
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    format!("internal error in qem-node (a bug, please report it): {text}")
}

/// Arguments or options as JSON text, read by the core: it refuses what UTF-8 cannot
/// carry (JSON.stringify writes a lone surrogate as an escape), naming the argument.
fn parse_json(what: &str, text: &str) -> std::result::Result<serde_json::Value, String> {
    qem_core::parse_args(text, what).map_err(|e| error_json(&e))
}

/// A call's future, boxed for the hand-over to the runtime's thread.
type Job = std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>>;

/// The addon's runtime: one thread of its own running a current-thread tokio runtime,
/// which runs every call's future and the I/O of its connections. A call changes
/// threads only twice: the JavaScript thread hands it over, the runtime's thread hands
/// the answer back. A multi-thread runtime adds hand-offs between its workers (a worker
/// woken for a task wakes another to look for more) and its work-stealing bookkeeping,
/// for parallelism the calls of a JavaScript program do not need: the JavaScript side
/// runs one thing at a time, and at most `max_concurrent_requests` calls per client are
/// on the wire. Blocking work (file I/O of streamed exports and imports) still goes to
/// tokio's blocking pool.
///
/// Calls reach the runtime's thread through `jobs`. Waking a sleeping thread is the
/// dearest part of a call's round trip here (a system call and, on a virtual machine,
/// an interrupt to another CPU, paid by the JavaScript thread). So for `SPIN` after its
/// last work (a call handed over or ended) the runtime's thread stays awake: it polls
/// its I/O without blocking and takes new calls from `jobs` without being woken. Only
/// then does it sleep, until `wake`.
struct Feed {
    handle: tokio::runtime::Handle,
    jobs: std::sync::Mutex<Vec<Job>>,
    wake: tokio::sync::Notify,
    /// True while the serving loop sleeps (or is about to): only then is `wake` needed.
    parked: std::sync::atomic::AtomicBool,
    /// Set by a call's end while the loop spins, so that the spin window counts from it.
    touched: std::sync::atomic::AtomicBool,
    /// `SPIN`, or nothing on a single CPU, where a polling thread would only take the
    /// CPU from the JavaScript thread it waits for.
    spin: std::time::Duration,
}

/// How long the runtime's thread keeps polling after its last work before it sleeps:
/// a little longer than a call's round trip to a server on the same machine. At most
/// this much CPU is spent per call on a slow server, and none while idle.
const SPIN: std::time::Duration = std::time::Duration::from_micros(250);

impl Feed {
    /// Hands a call to the runtime's thread (from the JavaScript thread).
    fn submit(&self, job: Job) {
        self.jobs
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(job);
        self.nudge();
    }

    /// Marks work done; wakes the serving loop if it sleeps. Its pair is in `serve`:
    /// the loop says it parks, then looks at `jobs` once more, so a job pushed before
    /// `parked` was read as false is seen there (both sides SeqCst).
    fn nudge(&self) {
        if self.parked.load(Ordering::SeqCst) {
            self.wake.notify_one();
        } else {
            self.touched.store(true, Ordering::SeqCst);
        }
    }

    /// The runtime thread's serving loop (a task, so that waking it from the runtime's
    /// own thread is a queue push, not a system call): spawns handed-over calls, spins,
    /// sleeps.
    async fn serve(&'static self) {
        let take = || std::mem::take(&mut *self.jobs.lock().unwrap_or_else(|p| p.into_inner()));
        let mut last_work = std::time::Instant::now();
        loop {
            let jobs = take();
            let worked = !jobs.is_empty() | self.touched.swap(false, Ordering::SeqCst);
            for job in jobs {
                tokio::spawn(job);
            }
            if worked {
                last_work = std::time::Instant::now();
            }
            if last_work.elapsed() < self.spin {
                // Lets the calls run and polls the I/O driver without blocking.
                tokio::task::yield_now().await;
                continue;
            }
            self.parked.store(true, Ordering::SeqCst);
            let none = self
                .jobs
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .is_empty();
            if none {
                self.wake.notified().await;
            }
            self.parked.store(false, Ordering::SeqCst);
            last_work = std::time::Instant::now();
        }
    }
}

fn runtime() -> std::result::Result<&'static Feed, String> {
    static RUNTIME: OnceLock<std::result::Result<&'static Feed, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            let failed =
                |e: std::io::Error| internal_error_json(&format!("starting the runtime: {e}"));
            let rt = tokio::runtime::Builder::new_current_thread()
                .thread_name("qem-node-blocking")
                .enable_all()
                .build()
                .map_err(failed)?;
            // Lives as long as the process, as the thread that serves it.
            let feed: &'static Feed = Box::leak(Box::new(Feed {
                handle: rt.handle().clone(),
                jobs: std::sync::Mutex::new(Vec::new()),
                wake: tokio::sync::Notify::new(),
                parked: std::sync::atomic::AtomicBool::new(false),
                touched: std::sync::atomic::AtomicBool::new(false),
                spin: match std::thread::available_parallelism() {
                    Ok(n) if n.get() > 1 => SPIN,
                    _ => std::time::Duration::ZERO,
                },
            }));
            std::thread::Builder::new()
                .name("qem-node".into())
                .spawn(move || {
                    rt.block_on(async move {
                        let _ = tokio::spawn(feed.serve()).await;
                    })
                })
                .map_err(failed)?;
            Ok(feed)
        })
        .clone()
}

/// The end of one call, as the runtime hands it to the JavaScript thread: `(id, ok, text)`.
type Ended = (u32, bool, String);
/// The arguments of the completion callback: `(id, ok, text, more)`; `more` says whether
/// other ends (of any client) are already queued behind this one.
type DoneArgs = FnArgs<(u32, bool, String, bool)>;

/// Ends handed to a completion callback and not yet delivered, of all clients together.
/// `index.js` reads `more` to tell a burst of answers (which it hands over in slices)
/// from a lone one, without scheduling anything per call.
static QUEUED: AtomicUsize = AtomicUsize::new(0);

/// The completion callback of one client, weak: it keeps the process alive only while
/// calls are pending (see [`Pending`]). The threadsafe function holds the JS function
/// strongly for as long as the [`NativeClient`] lives, so that function must not hold the
/// `NativeClient`'s JS object strongly, or neither could ever be collected: `index.js`
/// passes one that reaches its client through a `WeakRef`. Then a client nobody refers
/// to, with no call pending, is collected; its finalizer drops the `NativeClient`, which
/// releases this function and the core's `Client` (whose drop logs the session out).
type Done = ThreadsafeFunction<Ended, Unknown<'static>, DoneArgs, Status, false, true>;

/// The calls of one client in flight, counted on the JavaScript thread only: while there
/// are any, the completion callback is referenced, so that Node waits for them.
struct Pending {
    count: Cell<u32>,
    tsfn: Cell<napi::sys::napi_threadsafe_function>,
}

impl Pending {
    fn add(&self, env: napi::sys::napi_env) {
        let n = self.count.get();
        self.count.set(n + 1);
        if n == 0 {
            // SAFETY: called on the JavaScript thread of the env that owns the live tsfn.
            unsafe { napi::sys::napi_ref_threadsafe_function(env, self.tsfn.get()) };
        }
    }

    fn settle(&self, env: napi::sys::napi_env) {
        let n = self.count.get().saturating_sub(1);
        self.count.set(n);
        if n == 0 {
            // SAFETY: as in `add`; the tsfn is calling us, so it is alive.
            unsafe { napi::sys::napi_unref_threadsafe_function(env, self.tsfn.get()) };
        }
    }
}

/// Builds the client off the event loop (the TLS settings read certificate files): a
/// task on libuv's thread pool.
pub struct CreateClient {
    options: serde_json::Value,
    done: Option<(Arc<Done>, Rc<Pending>)>,
}

// SAFETY: `done` is only touched in `resolve`, on the JavaScript thread that created it;
// `compute` (the pool thread) reads `options` alone.
unsafe impl Send for CreateClient {}

impl Task for CreateClient {
    type Output = Client;
    type JsValue = NativeClient;

    fn compute(&mut self) -> Result<Client> {
        let options = std::mem::take(&mut self.options);
        let rt = runtime().map_err(Error::from_reason)?;
        let _enter = rt.handle.enter();
        std::panic::catch_unwind(|| ClientConfig::from_json(&options).and_then(Client::new))
            .map_err(|p| Error::from_reason(internal_error_json(&panic_message(p.as_ref()))))?
            .map_err(|e| Error::from_reason(error_json(&e)))
    }

    fn resolve(&mut self, _env: Env, client: Client) -> Result<NativeClient> {
        let (done, pending) = self
            .done
            .take()
            .ok_or_else(|| Error::from_reason(internal_error_json("client resolved twice")))?;
        Ok(NativeClient {
            client: ManuallyDrop::new(client),
            done,
            pending,
        })
    }
}

/// A client of one Enterprise Manager: a thin handle on the core's `Client`.
#[napi]
pub struct NativeClient {
    client: ManuallyDrop<Client>,
    done: Arc<Done>,
    pending: Rc<Pending>,
}

impl NativeClient {
    /// Runs `fut` on the addon's runtime and reports its end to the completion callback;
    /// a panic inside it is reported as `INTERNAL_ERROR` instead of aborting the process.
    fn spawn<F>(&self, env: &Env, id: u32, fut: F) -> Result<()>
    where
        F: std::future::Future<Output = std::result::Result<String, String>> + Send + 'static,
    {
        let feed = runtime().map_err(Error::from_reason)?;
        let done = self.done.clone();
        feed.submit(Box::pin(async move {
            let (ok, text) = match AssertUnwindSafe(fut).catch_unwind().await {
                Ok(Ok(answer)) => (true, answer),
                Ok(Err(error)) => (false, error),
                Err(p) => (false, internal_error_json(&panic_message(p.as_ref()))),
            };
            QUEUED.fetch_add(1, Ordering::SeqCst);
            if done.call((id, ok, text), ThreadsafeFunctionCallMode::NonBlocking) != Status::Ok {
                // Not queued (the environment is shutting down): nothing will deliver it.
                QUEUED.fetch_sub(1, Ordering::SeqCst);
            }
            feed.nudge();
        }));
        self.pending.add(env.raw());
        Ok(())
    }
}

#[napi]
impl NativeClient {
    /// Builds a client from the core's settings JSON (snake_case keys); sends nothing.
    /// `on_done(id, ok, text, more)` receives the end of every call of this client: `text`
    /// is the answer's JSON when `ok`, the error's JSON otherwise; `more` is true when other
    /// ends (of any client) are queued behind this one.
    #[napi(ts_return_type = "Promise<NativeClient>", catch_unwind)]
    pub fn create(
        options_json: String,
        on_done: Function<DoneArgs, Unknown<'static>>,
    ) -> Result<AsyncTask<CreateClient>> {
        let options = parse_json("client options", &options_json).map_err(Error::from_reason)?;
        let pending = Rc::new(Pending {
            count: Cell::new(0),
            tsfn: Cell::new(std::ptr::null_mut()),
        });
        let settle = pending.clone();
        let done = on_done
            .build_threadsafe_function::<Ended>()
            .callee_handled::<false>()
            .weak::<true>()
            .build_callback(move |ctx| {
                settle.settle(ctx.env.raw());
                let more = QUEUED.fetch_sub(1, Ordering::SeqCst) > 1;
                let (id, ok, text) = ctx.value;
                Ok((id, ok, text, more).into())
            })?;
        pending.tsfn.set(done.raw());
        Ok(AsyncTask::new(CreateClient {
            options,
            done: Some((Arc::new(done), pending)),
        }))
    }

    /// Starts the core's generic entry: `method` in snake_case, `args_json` the guide's
    /// named arguments. The answer (JSON text, `null` when there is none) or the error
    /// goes to `on_done` with this `id`.
    #[napi(catch_unwind)]
    pub fn start(&self, env: Env, id: u32, method: String, args_json: String) -> Result<()> {
        let client = Client::clone(&self.client);
        self.spawn(&env, id, async move {
            let args = parse_json("arguments", &args_json)?;
            client
                .call_text(&method, args)
                .await
                .map_err(|e| error_json(&e))
        })
    }

    /// Starts logging out; later calls fail with `CLIENT_CLOSED`. Closing twice is fine.
    /// The end goes to `on_done` with this `id`.
    #[napi(catch_unwind)]
    pub fn close(&self, env: Env, id: u32) -> Result<()> {
        let client = Client::clone(&self.client);
        self.spawn(&env, id, async move {
            client.close().await.map_err(|e| error_json(&e))?;
            Ok("null".to_string())
        })
    }

    /// True once `close` was called.
    #[napi(getter, catch_unwind)]
    pub fn closed(&self) -> bool {
        self.client.is_closed()
    }
}

/// Test hooks, in the test build only (`node scripts/build.js --test-hooks`, the
/// `test-hooks` feature): the shipped addon has none.
#[cfg(feature = "test-hooks")]
#[napi]
impl NativeClient {
    /// Panics on purpose inside a call started like `start`'s, so the tests can prove a
    /// panic is reported as `INTERNAL_ERROR` instead of killing the process.
    #[napi(catch_unwind)]
    pub fn test_panic(&self, env: Env, id: u32, message: String) -> Result<()> {
        self.spawn(&env, id, async move { panic!("{message}") })
    }

    /// Panics on purpose on the JavaScript thread, inside the method itself, so the tests
    /// can prove such a panic becomes a thrown error instead of aborting the process.
    #[napi(catch_unwind)]
    pub fn test_panic_now(&self, message: String) -> Result<()> {
        panic!("{message}")
    }
}

impl Drop for NativeClient {
    fn drop(&mut self) {
        // A client collected without close() logs out in the background, on the current
        // runtime: make that the addon's, not a runtime started for it.
        let _enter = runtime().ok().map(|rt| rt.handle.enter());
        // SAFETY: dropped exactly once, here, and never used afterwards.
        unsafe { ManuallyDrop::drop(&mut self.client) }
    }
}

/// The API description (`schema/api.json`) as JSON text.
#[napi]
pub fn describe_operations() -> &'static str {
    qem_core::describe::api_description_text()
}
