//! Waiting on a task: the one polling loop, the waits for a state (run and wait, stop
//! and wait), for the end of full load, and for a drained task before a stop.

use super::{state_name, task_failed};
use crate::error::{codes, ErrorKind};
use crate::models::{RunTaskOptions, TaskDetails, TaskState};
use crate::{Client, Error, Result};
use std::time::{Duration, Instant};

/// How long and how often the wait helpers poll.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitOptions {
    /// Give up after this long with `WAIT_TIMEOUT`.
    pub timeout: Duration,
    /// Time between two polls of the task's details.
    pub poll_interval: Duration,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout: Duration::from_secs(600),
            poll_interval: Duration::from_secs(1),
        }
    }
}

impl WaitOptions {
    /// Waits up to `timeout`, polling every `poll_interval`.
    pub fn new(timeout: Duration, poll_interval: Duration) -> Self {
        WaitOptions {
            timeout,
            poll_interval,
        }
    }
}

/// What a poll of [`Client::poll_task`] made of the details it read.
pub(crate) enum Seen {
    /// Answer these details.
    Done,
    /// Fail with this error.
    Fail(Error),
    /// Poll again.
    Again,
}

/// Whether the details say full load has ended: the server's own flag, or (servers that
/// leave it out) no table loading or queued and at least one done.
fn full_load_done(d: &TaskDetails) -> bool {
    if let Some(done) = d.full_load_completed {
        return done;
    }
    d.full_load_counters.as_ref().is_some_and(|c| {
        c.tables_loading_count.unwrap_or(0) == 0
            && c.tables_queued_count.unwrap_or(0) == 0
            && c.tables_completed_count.unwrap_or(0) + c.tables_with_error_count.unwrap_or(0) > 0
    })
}

/// Whether the details show nothing left to apply: total latency zero (or not sent) and
/// no change in flight.
fn drained(d: &TaskDetails) -> bool {
    let latency_zero = d.total_latency().is_none_or(|l| l.is_zero());
    let in_flight = d
        .cdc_transactions_counters
        .as_ref()
        .map_or(0, |c| c.in_flight());
    latency_zero && in_flight == 0
}

impl Client {
    /// The one polling loop of the wait helpers: reads the task's details every
    /// `wait.poll_interval` until `judge` says done or failed; when the time is up, fails
    /// with `WAIT_TIMEOUT` and `pending(details)` (what was still awaited) as the message.
    pub(crate) async fn poll_task(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
        mut judge: impl FnMut(&TaskDetails) -> Seen,
        pending: impl Fn(&TaskDetails) -> String,
    ) -> Result<TaskDetails> {
        let started = Instant::now();
        loop {
            let d = self.get_task_details(server, task).await?;
            match judge(&d) {
                Seen::Done => return Ok(d),
                Seen::Fail(e) => return Err(e),
                Seen::Again => {}
            }
            if started.elapsed() + wait.poll_interval > wait.timeout {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    codes::WAIT_TIMEOUT,
                    format!(
                        "{} after {:.1} s",
                        pending(&d),
                        started.elapsed().as_secs_f64()
                    ),
                ));
            }
            tokio::time::sleep(wait.poll_interval).await;
        }
    }

    /// Polls a task's details until its state is one of `states`; answers the details
    /// seen last. Fails with `WAIT_TIMEOUT` when the time is up.
    pub async fn wait_for_task_state(
        &self,
        server: &str,
        task: &str,
        states: &[TaskState],
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let judge = |d: &TaskDetails| {
            if d.state.as_ref().is_some_and(|s| states.contains(s)) {
                Seen::Done
            } else {
                Seen::Again
            }
        };
        let pending = |d: &TaskDetails| {
            let seen = d.state.as_ref().map_or("unknown", |s| s.as_str());
            let wanted: Vec<&str> = states.iter().map(TaskState::as_str).collect();
            format!(
                "task {task} on server {server} is {seen}, not {}",
                wanted.join(" or ")
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Runs a task and waits until it is RUNNING (or fails if it ends in ERROR or STOPPED).
    pub async fn run_task_and_wait(
        &self,
        server: &str,
        task: &str,
        option: RunTaskOptions,
        cdcposition: Option<&str>,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        self.run_task(server, task, option, cdcposition, None)
            .await?;
        let wanted = [TaskState::Running, TaskState::Error, TaskState::Stopped];
        let details = self
            .wait_for_task_state(server, task, &wanted, wait)
            .await?;
        match details.state {
            Some(TaskState::Running) => Ok(details),
            _ => Err(Error::new(
                ErrorKind::Server,
                codes::TASK_FAILED,
                format!(
                    "task {task} on server {server} did not reach RUNNING: {} {}",
                    details.state.as_ref().map_or("unknown", |s| s.as_str()),
                    details.message.as_deref().unwrap_or("")
                ),
            )),
        }
    }

    /// Stops a task and waits until it is STOPPED.
    pub async fn stop_task_and_wait(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        self.stop_task(server, task, None).await?;
        self.wait_for_task_state(server, task, &[TaskState::Stopped], wait)
            .await
    }

    /// Polls a task until its full load has ended; answers the details seen last. Fails
    /// with `TASK_FAILED` when the task is in ERROR, or stops before full load ended
    /// after having been seen running; with `WAIT_TIMEOUT` when the time is up.
    pub async fn wait_for_full_load(
        &self,
        server: &str,
        task: &str,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let mut seen_active = false;
        let judge = |d: &TaskDetails| match d.state {
            Some(TaskState::Error) => Seen::Fail(task_failed(
                server,
                task,
                format!(
                    "failed during full load: {}",
                    d.message.as_deref().unwrap_or("")
                ),
            )),
            _ if full_load_done(d) => Seen::Done,
            Some(TaskState::Stopped) if seen_active => Seen::Fail(task_failed(
                server,
                task,
                "stopped before its full load ended".into(),
            )),
            Some(TaskState::Stopped) => Seen::Again,
            _ => {
                seen_active = true;
                Seen::Again
            }
        };
        let pending = |d: &TaskDetails| {
            format!(
                "task {task} on server {server}: full load not ended ({})",
                state_name(d)
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Polls a RUNNING task until nothing is left to apply (total latency `00:00:00` and
    /// no change in flight) on `quiet_polls` polls in a row; answers the details seen
    /// last. A STOPPED task has nothing to drain and answers at once. Fails with
    /// `TASK_FAILED` on ERROR, `WAIT_TIMEOUT` when the time is up.
    pub async fn drain_task(
        &self,
        server: &str,
        task: &str,
        quiet_polls: u32,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let mut quiet = 0;
        let judge = |d: &TaskDetails| match d.state {
            Some(TaskState::Stopped) => Seen::Done,
            Some(TaskState::Error) => Seen::Fail(task_failed(
                server,
                task,
                format!("is in ERROR: {}", d.message.as_deref().unwrap_or("")),
            )),
            _ => {
                quiet = if drained(d) { quiet + 1 } else { 0 };
                if quiet >= quiet_polls.max(1) {
                    Seen::Done
                } else {
                    Seen::Again
                }
            }
        };
        let pending = |d: &TaskDetails| {
            let latency = d
                .total_latency()
                .map_or("unknown".into(), |l| format!("{} s", l.as_secs()));
            let in_flight = d
                .cdc_transactions_counters
                .as_ref()
                .map_or(0, |c| c.in_flight());
            format!(
                "task {task} on server {server}: not drained (latency {latency}, {in_flight} changes in flight)"
            )
        };
        self.poll_task(server, task, wait, judge, pending).await
    }

    /// Drains a task (see [`Client::drain_task`]), then stops it and waits for STOPPED.
    pub async fn drain_and_stop_task(
        &self,
        server: &str,
        task: &str,
        quiet_polls: u32,
        wait: WaitOptions,
    ) -> Result<TaskDetails> {
        let started = Instant::now();
        let d = self.drain_task(server, task, quiet_polls, wait).await?;
        if d.state == Some(TaskState::Stopped) {
            return Ok(d);
        }
        let left = WaitOptions {
            timeout: wait
                .timeout
                .saturating_sub(started.elapsed())
                .max(Duration::from_secs(1)),
            ..wait
        };
        self.stop_task_and_wait(server, task, left).await
    }
}
