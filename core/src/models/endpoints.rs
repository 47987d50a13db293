//! Endpoints: GetEndpointList, PatchEndpoint, TestEndpoint (guide 2.28, 2.29, 2.36).

use super::{EndpointRole, EndpointState, PatchOp};
use serde::{Deserialize, Serialize};
use serde_json::Value;

model! {
    /// One endpoint of GetEndpointList (2.28).
    EndpointInfo {
        /// The endpoint's name.
        name: String,
        /// Its description.
        description: String,
        /// SOURCE or TARGET.
        role: EndpointRole,
        /// Endpoint type, e.g. `ORACLE`.
        endpoint_type as "type": String,
        /// Whether the endpoint is licensed on this server.
        is_licensed: bool,
    }
}

model! {
    /// GetEndpointList answer (2.28): `{"endpointList": [...]}`.
    EndpointList {
        ; list
        /// The endpoints.
        endpoint_list as "endpointList" | "endpoint_list": EndpointInfo,
    }
}

/// One JSON Patch operation of PatchEndpoint (2.29): `add`, `replace`, `remove` or
/// `test` on a path under `/db_settings/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PatchOperation {
    /// The operation.
    pub op: PatchOp,
    /// A JSON Pointer under `/db_settings/`, e.g. `/db_settings/bucketName`.
    pub path: String,
    /// The value for add, replace and test; absent for remove.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
}

impl PatchOperation {
    /// `{"op": op, "path": path, "value": value}`.
    pub fn new(op: PatchOp, path: impl Into<String>, value: Option<Value>) -> Self {
        PatchOperation {
            op,
            path: path.into(),
            value,
        }
    }

    /// `add` (replaces the field, or adds it).
    pub fn add(path: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(PatchOp::Add, path, Some(value.into()))
    }

    /// `replace`.
    pub fn replace(path: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(PatchOp::Replace, path, Some(value.into()))
    }

    /// `remove`.
    pub fn remove(path: impl Into<String>) -> Self {
        Self::new(PatchOp::Remove, path, None)
    }

    /// `test`.
    pub fn test(path: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(PatchOp::Test, path, Some(value.into()))
    }
}

model! {
    /// TestEndpoint answer (2.36). The guide shows the state three ways, and real
    /// servers send them side by side: `requeststate` (2.36's body: SUCCESS, FAILURE),
    /// `state` (2.36's example: CONNECTED) and `status` (chapters 3 and 4, what Qlik's
    /// client reads: UNKNOWN, CONNECTED, ERROR). Each is read as it came.
    TestEndpointResponse {
        /// Whether the test request succeeded: SUCCESS or FAILURE.
        requeststate: EndpointState,
        /// The endpoint's state: CONNECTED, ERROR, UNKNOWN (SUCCESS/FAILURE on some servers).
        state: EndpointState,
        /// The endpoint's state as the SDK chapters name it: UNKNOWN, CONNECTED, ERROR.
        status: EndpointState,
        /// Short description of the error.
        message: String,
        /// Elaborate description of the error.
        detailed_message | "detailed message": String,
        /// The error, as the guide's example sends it.
        error_message: String,
    }
}

impl TestEndpointResponse {
    /// The most specific state the answer gives: `status`, else `state`, else
    /// `requeststate`.
    pub fn endpoint_state(&self) -> Option<&EndpointState> {
        self.status
            .as_ref()
            .or(self.state.as_ref())
            .or(self.requeststate.as_ref())
    }

    /// True when that state is CONNECTED (or SUCCESS).
    pub fn is_ok(&self) -> bool {
        self.endpoint_state().is_some_and(EndpointState::is_ok)
    }
}
