//! Veeam Backup Enterprise Manager (`veeam-em-clone-job.txt`, services-notes §2): the
//! task a clone starts, entity references, and the clone's arguments. The server speaks
//! XML; its answers reach every binding as JSON of this shape (attributes and elements
//! by their names, `Links` and `Refs` as lists), read tolerantly.

use serde::{Deserialize, Serialize};

wire_enum! {
    /// The state of a Veeam task.
    VeeamTaskState {
        /// Still running.
        Running = "Running",
        /// Finished on the backup server; Enterprise Manager has not collected the
        /// operation's data yet.
        OperationFinished = "OperationFinished",
        /// Done: `Result` says how it went.
        Finished = "Finished",
    }
}

wire_enum! {
    /// What kind of job a clone makes (the schema's `*JobCloneInfo` elements).
    VeeamCloneKind {
        /// A backup job (`BackupJobCloneInfo`: `job_name`, `folder_name`, `repository_uid`).
        Backup = "Backup" | "backup",
        /// A replication job (`ReplicaJobCloneInfo`: `job_name`, `vm_suffix`).
        Replica = "Replica" | "replica",
        /// A backup copy job (`BackupCopyJobCloneInfo`: `job_name`, `job_file_name`,
        /// `repository_uid`).
        BackupCopy = "BackupCopy" | "backup_copy",
        /// An immediate backup copy job (`ImmediateBackupCopyJobCloneInfo`: `job_name`,
        /// `repository_uid`, `job_file_name`).
        ImmediateBackupCopy = "ImmediateBackupCopy" | "immediate_backup_copy",
    }
}

model! {
    /// A link of an entity: where a related resource is and what may be done with it.
    VeeamLink {
        /// What it is to the entity (`Delete`, `Related`, `Alternate`...).
        rel as "Rel": String,
        /// Its URL.
        href as "Href": String,
        /// The resource's name (a `Related` job's: the new job's name).
        name as "Name": String,
        /// The resource's type (`Job`, `Task`...).
        kind as "Type": String,
    }
}

model! {
    /// How a finished task went.
    VeeamTaskResult {
        /// False when it failed (a name already taken, for one).
        success as "Success": bool,
        /// Veeam's message (`Ok`, or why it failed).
        message as "Message": String,
    }
}

model! {
    /// A task Enterprise Manager runs for a request (a clone): poll it until `Finished`.
    VeeamTask {
        /// Its id (`task-1`).
        task_id as "TaskId": String,
        /// `Running`, `OperationFinished` or `Finished`.
        state as "State": VeeamTaskState,
        /// What it does (`CloneJob`).
        operation as "Operation": String,
        /// How it went, once finished.
        result as "Result": VeeamTaskResult,
        /// Its URL.
        href as "Href": String,
        /// `Task`.
        kind as "Type": String,
        ; list
        /// Its links: `Delete` (stops it), and once a clone finished, `Related` (the new job).
        links as "Links": VeeamLink,
    }
}

model! {
    /// A reference to an entity (a job, a repository): its UID, name and URL.
    VeeamRef {
        /// Its UID (`urn:veeam:Job:<guid>`).
        uid as "UID": String,
        /// Its name.
        name as "Name": String,
        /// Its URL.
        href as "Href": String,
        /// `JobReference`, `RepositoryReference`...
        kind as "Type": String,
        ; list
        /// Its links.
        links as "Links": VeeamLink,
    }
}

model! {
    /// A list of references (GetJobs, GetRepositories).
    VeeamEntityReferences {
        ; list
        /// The references.
        refs as "Refs": VeeamRef,
    }
}

model! {
    /// CloneJobAndWait's answer: the job the clone made, and its finished task.
    VeeamClonedJob {
        /// The new job's GUID (what `/jobs/{id}` takes).
        job_id: String,
        /// Its UID, `urn:veeam:Job:<guid>`.
        job_uid: String,
        /// Its name.
        job_name: String,
        /// The clone's task, finished.
        task: VeeamTask,
    }
}

/// A clone's arguments: the kind of job and the schema's elements for it. `job_name` is
/// always needed; a backup also `folder_name` and `repository_uid`, a replica
/// `vm_suffix`, the backup copies `job_file_name` and `repository_uid`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VeeamJobClone {
    /// The new job's name (at most 50 characters).
    pub job_name: String,
    /// A backup's folder: the name of the backup files it makes (at most 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folder_name: Option<String>,
    /// The repository the new job writes to: its GUID or `urn:veeam:Repository:<guid>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repository_uid: Option<String>,
    /// The kind of job (`Backup` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The new job's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A replica's suffix for the names of its VM replicas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vm_suffix: Option<String>,
    /// A backup copy's file name (at most 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_file_name: Option<String>,
}

impl VeeamJobClone {
    /// A backup job's clone: its name, folder and repository.
    pub fn backup(job_name: &str, folder_name: &str, repository_uid: &str) -> VeeamJobClone {
        VeeamJobClone {
            job_name: job_name.into(),
            folder_name: Some(folder_name.into()),
            repository_uid: Some(repository_uid.into()),
            ..VeeamJobClone::default()
        }
    }
}
