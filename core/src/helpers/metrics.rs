//! Task metrics in the Prometheus text format.

use super::{state_name, TaskSelection};
use crate::models::{TaskDetails, TaskState};
use crate::{Client, Result};
use futures_util::StreamExt;

/// A Prometheus label value, escaped.
fn label(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// A metric's samples of one task: an extra label, if any, and the value when known.
type Samples = Vec<(Option<(&'static str, &'static str)>, Option<f64>)>;

/// One sample per label value, e.g. tables by `status`.
fn by_label(key: &'static str, values: [(&'static str, Option<i64>); 4]) -> Samples {
    values
        .into_iter()
        .map(|(v, n)| (Some((key, v)), n.map(|n| n as f64)))
        .collect()
}

/// The Prometheus text of tasks' details (see [`Client::prometheus_metrics`]).
pub fn metrics_text(server: &str, tasks: &[(String, Option<TaskDetails>)]) -> String {
    type Sample = fn(&TaskDetails) -> Samples;
    let metrics: &[(&str, &str, &str, Sample)] = &[
        (
            "qem_task_running",
            "gauge",
            "1 while the task is RUNNING.",
            |d| {
                vec![(
                    None,
                    Some(f64::from(u8::from(d.state == Some(TaskState::Running)))),
                )]
            },
        ),
        (
            "qem_task_total_latency_seconds",
            "gauge",
            "Total CDC latency.",
            |d| vec![(None, d.total_latency().map(|l| l.as_secs_f64()))],
        ),
        (
            "qem_task_source_latency_seconds",
            "gauge",
            "Source CDC latency.",
            |d| vec![(None, d.source_latency().map(|l| l.as_secs_f64()))],
        ),
        (
            "qem_task_full_load_tables",
            "gauge",
            "Tables by full load status.",
            |d| {
                let c = d.full_load_counters.clone().unwrap_or_default();
                by_label(
                    "status",
                    [
                        ("completed", c.tables_completed_count),
                        ("loading", c.tables_loading_count),
                        ("queued", c.tables_queued_count),
                        ("error", c.tables_with_error_count),
                    ],
                )
            },
        ),
        (
            "qem_task_full_load_records",
            "gauge",
            "Records loaded by the full load.",
            |d| {
                let c = d.full_load_counters.as_ref();
                vec![(
                    None,
                    c.and_then(|c| c.records_completed_count).map(|v| v as f64),
                )]
            },
        ),
        (
            "qem_task_applied_changes",
            "gauge",
            "Changes applied, by kind.",
            |d| {
                let c = d.cdc_event_counters.clone().unwrap_or_default();
                by_label(
                    "kind",
                    [
                        ("insert", c.applied_insert_count),
                        ("update", c.applied_update_count),
                        ("delete", c.applied_delete_count),
                        ("ddl", c.applied_ddl_count),
                    ],
                )
            },
        ),
        (
            "qem_task_changes_in_flight",
            "gauge",
            "Changes captured and not yet applied.",
            |d| {
                vec![(
                    None,
                    d.cdc_transactions_counters
                        .as_ref()
                        .map(|c| c.in_flight() as f64),
                )]
            },
        ),
        ("qem_task_memory_mb", "gauge", "Memory used, MB.", |d| {
            vec![(None, d.memory_mb.map(|v| v as f64))]
        }),
        (
            "qem_task_cpu_percent",
            "gauge",
            "CPU use of the task process, percent.",
            |d| vec![(None, d.cpu_percentage.filter(|v| *v >= 0).map(|v| v as f64))],
        ),
        ("qem_task_disk_usage_mb", "gauge", "Disk used, MB.", |d| {
            vec![(None, d.disk_usage_mb.map(|v| v as f64))]
        }),
        (
            "qem_task_data_errors",
            "gauge",
            "Data errors in all tables.",
            |d| vec![(None, d.data_error_count.map(|v| v as f64))],
        ),
    ];
    let base = |task: &str| format!("server=\"{}\",task=\"{}\"", label(server), label(task));
    let mut out = String::new();
    out.push_str(
        "# HELP qem_task_up 1 when the task's details could be read.\n# TYPE qem_task_up gauge\n",
    );
    for (task, d) in tasks {
        out.push_str(&format!(
            "qem_task_up{{{}}} {}\n",
            base(task),
            u8::from(d.is_some())
        ));
    }
    out.push_str("# HELP qem_task_state The task's state, as a label (value 1).\n# TYPE qem_task_state gauge\n");
    for (task, d) in tasks {
        if let Some(d) = d {
            out.push_str(&format!(
                "qem_task_state{{{},state=\"{}\"}} 1\n",
                base(task),
                label(state_name(d))
            ));
        }
    }
    for (name, kind, help, sample) in metrics {
        out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} {kind}\n"));
        for (task, d) in tasks {
            let Some(d) = d else { continue };
            for (extra, value) in sample(d) {
                let Some(value) = value else { continue };
                let extra = extra.map_or(String::new(), |(k, v)| format!(",{k}=\"{v}\""));
                out.push_str(&format!("{name}{{{}{extra}}} {value}\n", base(task)));
            }
        }
    }
    out
}

impl Client {
    /// Metrics of the selected tasks (every task when the selection is empty) in the
    /// Prometheus text format, from their details read `concurrency` at a time: state,
    /// latencies, full load tables, applied changes, changes in flight, resources, data
    /// errors. A task whose details cannot be read has `qem_task_up` 0.
    pub async fn prometheus_metrics(
        &self,
        server: &str,
        selection: &TaskSelection,
        concurrency: usize,
    ) -> Result<String> {
        let selection = if selection.is_empty() {
            TaskSelection {
                all: true,
                ..selection.clone()
            }
        } else {
            selection.clone()
        };
        let names = self.select_tasks(server, &selection).await?;
        let details: Vec<(String, Option<TaskDetails>)> = futures_util::stream::iter(names)
            .map(|task| async move {
                let d = self.get_task_details(server, &task).await.ok();
                (task, d)
            })
            .buffered(concurrency.max(1))
            .collect()
            .await;
        Ok(metrics_text(server, &details))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prometheus_text() {
        let d: TaskDetails = serde_json::from_value(serde_json::json!({
            "name": "T\"1", "state": "RUNNING",
            "cdc_latency": {"source_latency": "00:00:02", "total_latency": "00:01:05"},
            "full_load_counters": {"tables_completed_count": 3, "tables_loading_count": "1"},
            "cdc_transactions_counters": {"applied_records_in_progress_count": 4},
            "cpu_percentage": -1, "memory_mb": 57,
        }))
        .unwrap();
        let text = metrics_text(
            "Local Server",
            &[("T\"1".into(), Some(d)), ("Gone".into(), None)],
        );
        let task = r#"server="Local Server",task="T\"1""#;
        for line in [
            format!("qem_task_up{{{task}}} 1"),
            r#"qem_task_up{server="Local Server",task="Gone"} 0"#.to_string(),
            format!("qem_task_state{{{task},state=\"RUNNING\"}} 1"),
            format!("qem_task_running{{{task}}} 1"),
            format!("qem_task_total_latency_seconds{{{task}}} 65"),
            format!("qem_task_source_latency_seconds{{{task}}} 2"),
            format!("qem_task_full_load_tables{{{task},status=\"completed\"}} 3"),
            format!("qem_task_full_load_tables{{{task},status=\"loading\"}} 1"),
            format!("qem_task_changes_in_flight{{{task}}} 4"),
            format!("qem_task_memory_mb{{{task}}} 57"),
            "# TYPE qem_task_running gauge".to_string(),
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line} in\n{text}");
        }
        assert!(
            !text.contains("qem_task_cpu_percent{"),
            "-1 means not available"
        );
        assert!(
            !text.contains("status=\"queued\""),
            "absent counters are left out"
        );
    }
}
