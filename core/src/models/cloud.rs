//! Qlik Cloud Tasks (`qlik-cloud-tasks-api.txt`): tasks, their runs, and the pages that
//! list them. Named `Cloud*` so that they never meet Enterprise Manager's task models.
//! Read as tolerantly as the rest: every field optional, unknown ones kept.

use serde::Serialize;

wire_enum! {
    /// The status of a task run.
    CloudRunStatus {
        /// Still running.
        Running = "RUNNING",
        /// Ended well.
        Succeeded = "SUCCEEDED",
        /// Ended in failure (its log says why).
        Failed = "FAILED",
    }
}

model! {
    /// A link of a page (`links.next`, `links.prev`, `links.self`).
    CloudLink {
        /// The URL, absolute on the tenant.
        href: String,
    }
}

model! {
    /// The links of a page: where the next and previous pages are.
    CloudLinks {
        /// The next page; absent on the last one.
        next: CloudLink,
        /// The previous page.
        prev: CloudLink,
        /// This page.
        self_link as "self": CloudLink,
    }
}

model! {
    /// The trigger of a task in the choreographer.
    CloudTrigger {
        /// The trigger's id.
        id: String,
        /// The trigger type (0 to 3).
        trigger_type as "type": i64,
    }
}

model! {
    /// The orchestration of a task in the choreographer.
    CloudOrchestration {
        /// The orchestration's id.
        id: String,
        /// The orchestration system type (0 to 3).
        orchestration_type as "type": i64,
        /// The orchestration's attributes, as the service sent them.
        attrs: serde_json::Value,
    }
}

model! {
    /// What the service maintains about a task (`metadata`, or a run's `taskMeta`).
    CloudTaskMetadata {
        /// Where the resource is used: ANALYTICS (when absent), DATA_PREPARATION, DATAFLOW_PREP, SINGLE_TABLE_PREP.
        usage: String,
        /// The user id of the task's owner.
        owner_id as "ownerId": String,
        /// The space the task operates in.
        space_id as "spaceId": String,
        /// The trigger of the task.
        trigger: CloudTrigger,
        /// The tenant the task operates in.
        tenant_id as "tenantId": String,
        /// When the task was created (UTC).
        created_at as "createdAt": String,
        /// The user id of the task's creator.
        created_by as "createdBy": String,
        /// When the task was deleted (UTC).
        deleted_at as "deletedAt": String,
        /// When the task was last updated (UTC).
        updated_at as "updatedAt": String,
        /// Why the task is disabled: MANUALLY, CONSECUTIVE-FAILURES, APP-SCRIPT-UPDATED, OWNER-DELETED, OWNER-DISABLED.
        disabled_code as "disabledCode": String,
        /// The reload task this one was migrated from.
        migrated_from as "migratedFrom": String,
        /// The orchestration of the task.
        orchestration: CloudOrchestration,
    }
}

model! {
    /// A task: a workflow definition (Serverless Workflow) and what the service keeps about it.
    CloudTask {
        /// The task's id (the choreographer's).
        id: String,
        /// An expression generating a domain-specific workflow instance id.
        key: String,
        /// The name of the workflow definition (required when creating).
        name: String,
        /// When instances start: `{"schedule": ..., "stateName": ...}`.
        start: serde_json::Value,
        /// Whether the task is enabled.
        enabled: bool,
        /// The workflow's version.
        version: String,
        /// What the service maintains about the task.
        metadata: CloudTaskMetadata,
        /// Whether instances stay when no execution path is active.
        keep_active as "keepActive": bool,
        /// The resource (app) the task runs, computed by the service from `states`.
        resource_id as "resourceId": String,
        /// The workflow's description.
        description: String,
        /// The Serverless Workflow schema version (required when creating).
        spec_version as "specVersion": String,
        // Optional lists, not `; list`: a body carries only what was set (an empty
        // `states` would tell the service the task runs nothing).
        /// The CloudEvents the workflow consumes or produces.
        events: Vec<serde_json::Value>,
        /// The workflow's states.
        states: Vec<serde_json::Value>,
        /// Terms describing the workflow's purpose.
        annotations: Vec<String>,
    }
}

model! {
    /// A page of tasks (GetTasks): `data` and the `links` to the next page. With
    /// `all: true`, every task and no links.
    CloudTaskPage {
        /// The links to the other pages.
        links: CloudLinks,
        ; list
        /// The tasks of the page.
        data: CloudTask,
    }
}

model! {
    /// A run of a task.
    CloudRun {
        /// The run's id.
        id: String,
        /// Log information of the run.
        log: String,
        /// RUNNING, SUCCEEDED or FAILED.
        status: CloudRunStatus,
        /// The task's id.
        task_id as "taskId": String,
        /// When the run ended (UTC).
        ended_at as "endedAt": String,
        /// The action's id.
        action_id as "actionId": String,
        /// The task's metadata when it ran.
        task_meta as "taskMeta": CloudTaskMetadata,
        /// The task's name.
        task_name as "taskName": String,
        /// The id of the worker's job (a reload id, an automation run id).
        worker_id as "workerId": String,
        /// When the run started (UTC).
        started_at as "startedAt": String,
    }
}

model! {
    /// A page of runs (GetTaskRuns, GetTasksResourceRuns): `data` and the `links`. With
    /// `all: true`, every run and no links.
    CloudRunPage {
        /// The links to the other pages.
        links: CloudLinks,
        ; list
        /// The runs of the page.
        data: CloudRun,
    }
}

model! {
    /// StartTask's answer.
    CloudStartResult {
        /// What the service said ("Task started successfully").
        message: String,
    }
}

/// Which page of a list to read, and how (GetTasks takes `resource_id` too); none set
/// means the service's first page of its default size.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CloudPageParams {
    /// GetTasks only: the tasks of this resource (app). The spec requires it; newer
    /// tenants do not, so it is sent when given and the server judges.
    #[serde(rename = "resourceId", skip_serializing_if = "Option::is_none")]
    pub resource_id: Option<String>,
    /// The most items a page holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
    /// The page cursor (from a `links.next` the SDK followed, or the caller's own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The sort: a property prefixed with `+` or `-` (`-updatedAt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// Every page, `links.next` followed until it ends (`data` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<bool>,
    /// With `all`: stop after this many items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
}

impl CloudPageParams {
    /// Every page (`all: true`).
    pub fn all() -> Self {
        CloudPageParams {
            all: Some(true),
            ..Self::default()
        }
    }

    /// The tasks of one resource (app): GetTasks' `resourceId`.
    pub fn resource(mut self, resource_id: impl Into<String>) -> Self {
        self.resource_id = Some(resource_id.into());
        self
    }

    /// Pages of at most `limit` items.
    pub fn limit(mut self, limit: u64) -> Self {
        self.limit = Some(limit);
        self
    }
}
