//! Acting on many tasks: picking them by name, pattern, state or tag, running or stopping
//! them with a concurrency limit and a report per task, and snapshots of their states.

use super::{iso_now, Failure};
use crate::models::{RunTaskOptions, TaskState};
use crate::{Client, Error, Result, WaitOptions};
use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

/// Which tasks of a server a bulk helper acts on. Every criterion given must hold; an
/// empty selection is refused unless `all` is set, so that a mistake never stops every
/// task of a server.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct TaskSelection {
    /// Exact task names (any of them).
    pub names: Vec<String>,
    /// A name pattern: `*` any run of characters, `?` one character.
    pub pattern: Option<String>,
    /// Current states (any of them).
    pub states: Vec<TaskState>,
    /// Custom tags (a task with any of them).
    pub tags: Vec<String>,
    /// Every task of the server (other criteria still narrow it).
    pub all: bool,
}

impl TaskSelection {
    pub(crate) fn is_empty(&self) -> bool {
        self.names.is_empty()
            && self.pattern.is_none()
            && self.states.is_empty()
            && self.tags.is_empty()
    }
}

/// What a bulk helper did to one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaskOutcome {
    /// The task's name.
    pub task: String,
    /// Whether the action (and its wait, if asked for) succeeded.
    pub ok: bool,
    /// The state seen last, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Why it failed (`error_code`, `message`, `http_status` beside the others).
    #[serde(flatten)]
    pub failure: Option<Failure>,
}

impl TaskOutcome {
    fn of(task: &str, r: Result<Option<TaskState>>) -> TaskOutcome {
        let (state, failure) = match r {
            Ok(state) => (state.map(|s| s.as_str().to_string()), None),
            Err(e) => (None, Some(Failure::from(e))),
        };
        TaskOutcome {
            task: task.to_string(),
            ok: failure.is_none(),
            state,
            failure,
        }
    }
}

/// The report of a bulk helper: one outcome per selected task, in name order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BulkReport {
    /// The server acted on.
    pub server: String,
    /// How many tasks succeeded.
    pub succeeded: usize,
    /// How many failed.
    pub failed: usize,
    /// Every selected task's outcome.
    pub tasks: Vec<TaskOutcome>,
}

impl BulkReport {
    fn new(server: &str, tasks: Vec<TaskOutcome>) -> BulkReport {
        let succeeded = tasks.iter().filter(|t| t.ok).count();
        BulkReport {
            server: server.to_string(),
            succeeded,
            failed: tasks.len() - succeeded,
            tasks,
        }
    }
}

/// How a bulk helper runs: at most `concurrency` tasks at a time, each waited for (until
/// RUNNING or STOPPED) when `wait` is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkOptions {
    /// Tasks acted on at the same time (at least 1).
    pub concurrency: usize,
    /// Wait for each task to reach its state, with these limits.
    pub wait: Option<WaitOptions>,
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: 8,
            wait: Some(WaitOptions::default()),
        }
    }
}

/// One task's state at the time of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaskStateEntry {
    /// The task's name.
    pub name: String,
    /// Its state (`UNKNOWN` when the server sent none).
    pub state: String,
    /// Why it stopped, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stop_reason: Option<String>,
}

/// The states of every task of a server at one moment, to compare with or restore later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TaskStateSnapshot {
    /// The server.
    pub server: String,
    /// When it was taken, UTC (`2026-12-01T22:30:00Z`).
    pub taken_at: String,
    /// Every task, in name order.
    pub tasks: Vec<TaskStateEntry>,
}

/// True when `name` matches `pattern` (`*` any run, `?` one character).
pub fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // The classic greedy match with one backtrack point: linear in practice.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

impl Client {
    /// The names of a server's tasks that `selection` picks, in name order.
    pub async fn select_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
    ) -> Result<Vec<String>> {
        self.picked(server, selection).await.map(|(names, _)| names)
    }

    /// The tasks `selection` picks, and the names it gives that no task of the server has
    /// (a bulk action reports each of those as failed, rather than pass over it).
    async fn picked(
        &self,
        server: &str,
        selection: &TaskSelection,
    ) -> Result<(Vec<String>, Vec<String>)> {
        if selection.is_empty() && !selection.all {
            return Err(Error::invalid_argument(
                "a task selection needs names, a pattern, states or tags (or `all`: true)",
            ));
        }
        let list = self.get_task_list(server).await?;
        let mut names: Vec<String> = list
            .task_list
            .iter()
            .filter_map(|t| {
                let name = t.name.as_deref()?;
                let by_name =
                    selection.names.is_empty() || selection.names.iter().any(|n| n == name);
                let by_pattern = selection
                    .pattern
                    .as_deref()
                    .is_none_or(|p| glob_match(p, name));
                let by_state = selection.states.is_empty()
                    || t.state
                        .as_ref()
                        .is_some_and(|s| selection.states.contains(s));
                let by_tag = selection.tags.is_empty()
                    || t.assigned_tags
                        .iter()
                        .any(|tag| selection.tags.contains(tag));
                (by_name && by_pattern && by_state && by_tag).then(|| name.to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        let mut absent: Vec<String> = selection
            .names
            .iter()
            .filter(|n| !list.task_list.iter().any(|t| t.name.as_deref() == Some(n)))
            .cloned()
            .collect();
        absent.sort();
        absent.dedup();
        Ok((names, absent))
    }

    /// Each named task the server lacks as a failed outcome, among the others in name order.
    fn with_absent(
        server: &str,
        mut outcomes: Vec<TaskOutcome>,
        absent: Vec<String>,
    ) -> BulkReport {
        for name in absent {
            let missing = Error::new(
                crate::ErrorKind::NotFound,
                crate::codes::NOT_FOUND,
                format!("server {server} has no task named {name}"),
            );
            outcomes.push(TaskOutcome::of(&name, Err(missing)));
        }
        outcomes.sort_by(|a, b| a.task.cmp(&b.task));
        BulkReport::new(server, outcomes)
    }

    /// Runs the selected tasks, at most `options.concurrency` at a time, each waited for
    /// until RUNNING when `options.wait` is set; one outcome per task, failures included.
    pub async fn run_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
        option: RunTaskOptions,
        options: BulkOptions,
    ) -> Result<BulkReport> {
        let (names, absent) = self.picked(server, selection).await?;
        let outcomes = self
            .for_each_task(&names, options.concurrency, |task| {
                let option = option.clone();
                async move {
                    match options.wait {
                        Some(w) => self
                            .run_task_and_wait(server, &task, option, None, w)
                            .await
                            .map(|d| d.state),
                        None => self
                            .run_task(server, &task, option, None, None)
                            .await
                            .map(|_| None),
                    }
                }
            })
            .await;
        Ok(Self::with_absent(server, outcomes, absent))
    }

    /// Stops the selected tasks, at most `options.concurrency` at a time, each drained
    /// first (`drain_quiet_polls` polls) when that is given, and waited for until STOPPED
    /// when `options.wait` is set; one outcome per task, failures included.
    pub async fn stop_tasks(
        &self,
        server: &str,
        selection: &TaskSelection,
        drain_quiet_polls: Option<u32>,
        options: BulkOptions,
    ) -> Result<BulkReport> {
        let (names, absent) = self.picked(server, selection).await?;
        let outcomes = self
            .for_each_task(&names, options.concurrency, |task| async move {
                let wait = options.wait.unwrap_or_default();
                match (drain_quiet_polls, options.wait) {
                    (Some(q), _) => self
                        .drain_and_stop_task(server, &task, q, wait)
                        .await
                        .map(|d| d.state),
                    (None, Some(w)) => self
                        .stop_task_and_wait(server, &task, w)
                        .await
                        .map(|d| d.state),
                    (None, None) => self.stop_task(server, &task, None).await.map(|_| None),
                }
            })
            .await;
        Ok(Self::with_absent(server, outcomes, absent))
    }

    async fn for_each_task<'a, F, Fut>(
        &'a self,
        names: &[String],
        concurrency: usize,
        act: F,
    ) -> Vec<TaskOutcome>
    where
        F: Fn(String) -> Fut + 'a,
        Fut: std::future::Future<Output = Result<Option<TaskState>>> + 'a,
    {
        futures_util::stream::iter(names.iter().cloned())
            .map(|task| {
                let fut = act(task.clone());
                async move { TaskOutcome::of(&task, fut.await) }
            })
            .buffered(concurrency.max(1))
            .collect()
            .await
    }

    /// The states of every task of a server now, in name order.
    pub async fn snapshot_task_states(&self, server: &str) -> Result<TaskStateSnapshot> {
        let taken_at = iso_now();
        let list = self.get_task_list(server).await?;
        let mut tasks: Vec<TaskStateEntry> = list
            .task_list
            .iter()
            .filter_map(|t| {
                Some(TaskStateEntry {
                    name: t.name.clone()?,
                    state: t
                        .state
                        .as_ref()
                        .map_or("UNKNOWN", |s| s.as_str())
                        .to_string(),
                    stop_reason: t.stop_reason.as_ref().map(|r| r.as_str().to_string()),
                })
            })
            .collect();
        tasks.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(TaskStateSnapshot {
            server: server.to_string(),
            taken_at,
            tasks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match("Sales*", "SalesDBBackup"));
        assert!(glob_match("*Backup", "SalesDBBackup"));
        assert!(glob_match("S?les*p", "SalesDBBackup"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("Sales", "SalesDB"));
        assert!(!glob_match("*x*", "SalesDBBackup"));
        assert!(glob_match("a*b*c", "aXbYbZc"));
    }
}
