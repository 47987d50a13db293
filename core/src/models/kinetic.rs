//! Kinetic Task (`kinetic-task-clone-trees.txt`): the clone-trees request and the trees
//! it answers. Named `Kinetic*` beside the other services' models; read tolerantly.

use serde::{Deserialize, Serialize};

model! {
    /// The Source a tree belongs to.
    KineticSourceRef {
        /// The Source's name.
        name: String,
    }
}

model! {
    /// A tree or local routine (a routine has a `definitionId`).
    KineticTree {
        /// The tree's id.
        id: i64,
        /// Its name (unique within its Source and Group).
        name: String,
        /// Notes.
        notes: String,
        /// The owner's email.
        owner_email as "ownerEmail": String,
        /// The Source it belongs to.
        source: KineticSourceRef,
        /// The Group it belongs to.
        source_group as "sourceGroup": String,
        /// Active or Inactive.
        status: String,
        /// A local routine's definition id.
        definition_id as "definitionId": String,
        /// When it was created.
        created_at as "createdAt": String,
        /// Who created it.
        created_by as "createdBy": String,
        /// When it was last updated.
        updated_at as "updatedAt": String,
        /// Who updated it last.
        updated_by as "updatedBy": String,
    }
}

model! {
    /// CloneTrees' answer: what Kinetic Task did, and the trees it created.
    KineticCloneTreesResult {
        /// What it did ("Cloned 2 trees.").
        message: String,
        ; list
        /// The trees and local routines created.
        trees: KineticTree,
    }
}

/// A name before and after the clone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KineticFromTo {
    /// The name cloned from.
    pub from: String,
    /// The name cloned to.
    pub to: String,
}

/// CloneTrees' request: which Source and Group to copy from and to, which trees, and
/// the new definition ids of the local routines copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct KineticCloneTreesRequest {
    /// The Source copied from and to.
    pub source: KineticFromTo,
    /// The Group (within the Sources) copied from and to.
    #[serde(rename = "sourceGroup")]
    pub source_group: KineticFromTo,
    /// Each local routine's definition id and its copy's (required when local routines
    /// are copied: definition ids are unique).
    #[serde(
        rename = "localRoutines",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub local_routines: Option<Vec<KineticFromTo>>,
    /// The trees and local routines to copy (all of the Source and Group when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
}
