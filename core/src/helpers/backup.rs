//! Dated backups: ExportAll per server and every task with its endpoints, in one folder
//! per backup, a failed export being one item of the report.

use super::{utc, Failure};
use crate::{Client, Error, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One file a backup wrote, or failed to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BackupItem {
    /// The server.
    pub server: String,
    /// The task, for a task export; absent for the whole-server export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// The file's path.
    pub file: String,
    /// Its size, when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Why it failed (`error_code`, `message`, `http_status` beside the others).
    #[serde(flatten)]
    pub failure: Option<Failure>,
}

/// What a backup wrote: `folder` is `<dir>/<UTC date and time>`, holding per server
/// `<server>/server.json` (ExportAll) and `<server>/tasks/<task>.json` (each task with
/// its endpoints).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BackupReport {
    /// The dated folder.
    pub folder: String,
    /// Files written.
    pub written: usize,
    /// Files that failed.
    pub failed: usize,
    /// Every file, in order.
    pub items: Vec<BackupItem>,
}

/// A folder name for a backup taken now: `2026-12-01_223000Z`.
fn backup_stamp() -> String {
    let (y, mo, d, h, mi, s) = utc(SystemTime::now());
    format!("{y:04}-{mo:02}-{d:02}_{h:02}{mi:02}{s:02}Z")
}

/// A server or task name as one file name: path separators and characters that some
/// file systems refuse become `_`; never empty, never `.` or `..`.
fn file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == ' ' || c == '.');
    if trimmed.is_empty() {
        "_".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `<dir>/<name>.json`, or `<name>-2.json`, ... when two names clean up alike.
fn unique(dir: &Path, name: &str) -> PathBuf {
    let mut path = dir.join(format!("{name}.json"));
    let mut n = 1;
    while path.exists() {
        n += 1;
        path = dir.join(format!("{name}-{n}.json"));
    }
    path
}

fn backup_item(server: &str, task: Option<&str>, file: PathBuf, r: Result<u64>) -> BackupItem {
    let (bytes, failure) = match r {
        Ok(b) => (Some(b), None),
        Err(e) => (None, Some(Failure::from(e))),
    };
    BackupItem {
        server: server.to_string(),
        task: task.map(str::to_string),
        file: file.display().to_string(),
        bytes,
        failure,
    }
}

impl Client {
    /// Backs up servers into a new dated folder under `dir`: per server its ExportAll
    /// and each task exported with its endpoints (see [`BackupReport`]). `servers`
    /// empty means every server of GetServerList. A failed export, or a server whose
    /// tasks cannot be listed, is reported and the backup goes on; only a failure to list
    /// the servers or to create the folders fails the whole call.
    pub async fn backup(&self, dir: &Path, servers: &[String]) -> Result<BackupReport> {
        let servers: Vec<String> = if servers.is_empty() {
            let list = self.get_server_list().await?;
            list.server_list
                .iter()
                .filter_map(|s| s.name.clone())
                .collect()
        } else {
            servers.to_vec()
        };
        let mut folder = dir.join(backup_stamp());
        // Two backups within one second get folders of their own.
        let mut n = 1;
        while folder.exists() {
            n += 1;
            folder = dir.join(format!("{}-{n}", backup_stamp()));
        }
        let mut items = Vec::new();
        for server in &servers {
            let tasks_dir = folder.join(file_name(server)).join("tasks");
            tokio::fs::create_dir_all(&tasks_dir)
                .await
                .map_err(|e| Error::io(&format!("creating {}", tasks_dir.display()), &e))?;
            let all = folder.join(file_name(server)).join("server.json");
            let r = self.export_all_to_file(server, &all).await;
            items.push(backup_item(server, None, all, r));
            // A server that cannot be listed is reported, and the backup goes on.
            let mut tasks: Vec<String> = match self.get_task_list(server).await {
                Ok(list) => list
                    .task_list
                    .iter()
                    .filter_map(|t| t.name.clone())
                    .collect(),
                Err(e) => {
                    items.push(backup_item(server, None, tasks_dir, Err(e)));
                    continue;
                }
            };
            tasks.sort();
            for task in tasks {
                let file = unique(&tasks_dir, &file_name(&task));
                let r = self
                    .export_task_to_file(server, &task, Some(true), &file)
                    .await;
                items.push(backup_item(server, Some(&task), file, r));
            }
        }
        let written = items.iter().filter(|i| i.bytes.is_some()).count();
        Ok(BackupReport {
            folder: folder.display().to_string(),
            written,
            failed: items.len() - written,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn civil_dates() {
        let at = |s: u64| utc(SystemTime::UNIX_EPOCH + Duration::from_secs(s));
        assert_eq!(at(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(at(951_782_400), (2000, 2, 29, 0, 0, 0));
        assert_eq!(at(1_796_164_245), (2026, 12, 1, 22, 30, 45));
    }

    #[test]
    fn file_names() {
        assert_eq!(file_name("Local Server"), "Local Server");
        assert_eq!(file_name("a/b\\c:d"), "a_b_c_d");
        assert_eq!(file_name(".."), "_");
        assert_eq!(file_name(""), "_");
    }
}
