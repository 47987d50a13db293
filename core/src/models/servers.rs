//! Servers: GetServerList, GetServerDetails, GetServer/PutServer, the server ACL
//! (guide 2.8 - 2.15).

use super::{LicenseState, Platform, ServerState, ServerType};

model! {
    /// One server of GetServerList (2.13).
    ServerInfo {
        /// `ReplicateServerInfo` or `ComposeServerInfo`.
        type_name as "$type": String,
        /// REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW: real servers send it, the guide does not show it.
        #[schemars(with = "Option<ServerType>")]
        server_type as "type": String,
        /// The name of the server.
        name: String,
        /// The description of the server.
        description: String,
        /// Host name or IP address of the server.
        host: String,
        /// Port the server is reached on (a string on the wire; numbers are read too).
        port: String,
        /// Current state of the server.
        state: ServerState,
        /// The error message if Enterprise Manager fails to connect to the server.
        message: String,
        /// Operating system of the server.
        platform: Platform,
        /// Version of the server.
        version: String,
        /// Last successful sync of tasks and messages.
        last_connection: String,
    }
}

impl ServerInfo {
    /// The `type` field as an enum.
    pub fn server_kind(&self) -> Option<ServerType> {
        self.server_type.as_deref().map(ServerType::from_wire)
    }
}

model! {
    /// GetServerList answer (2.13): `{"serverList": [...]}`.
    ServerList {
        ; list
        /// The servers.
        server_list as "serverList" | "server_list": ServerInfo,
    }
}

model! {
    /// Connection properties inside server details (2.8 `configuration`).
    ServerConfiguration {
        /// Host name or IP address of the server machine.
        host: String,
        /// Platform of the server machine.
        platform: Platform,
        /// Port the server machine is reached on.
        port: String,
        /// User name for connecting to the server.
        username | "user_name": String,
    }
}

model! {
    /// License of a server (2.8 `license`).
    License {
        /// When the license was issued.
        issue_date: String,
        /// The license state.
        state: LicenseState,
        /// Expiration date of the license.
        expiration: String,
        /// Days left before the license expires (a number; the guide's REST example writes `"30"`, read alike).
        days_to_expiration: i64,
    }
}

model! {
    /// Task counts of a server (2.8 `task_summary`).
    TaskSummary {
        /// All tasks.
        total: i64,
        /// Running tasks.
        running: i64,
        /// Stopped tasks.
        stopped: i64,
        /// Recovering tasks.
        recovering: i64,
        /// Tasks that hit a fatal error.
        error: i64,
    }
}

model! {
    /// Resource use of a server (2.8 `resource_utilization`); -1 means not available.
    ResourceUtilization {
        /// Disk used by all tasks, MB.
        disk_usage_mb: i64,
        /// Memory used by active tasks, MB.
        memory_mb: i64,
        /// CPU use of the Replicate server process and its tasks, percent.
        attunity_cpu_percentage: i64,
        /// CPU use of the whole machine, percent.
        machine_cpu_percentage: i64,
    }
}

model! {
    /// Details of a server (2.8).
    ServerDetails {
        /// `ReplicateServerDetails` or `ComposeServerDetails`.
        type_name as "$type": String,
        /// REPLICATE, COMPOSE, COMPOSE_FDL or COMPOSE_FDW (real servers; not in the guide).
        #[schemars(with = "Option<ServerType>")]
        server_type as "type": String,
        /// Name of the server in Enterprise Manager.
        name: String,
        /// Description of the server.
        description: String,
        /// Connection properties.
        configuration: ServerConfiguration,
        /// Monitoring state.
        state: ServerState,
        /// The error message if Enterprise Manager fails to connect.
        message: String,
        /// Server version.
        version: String,
        /// The server's license.
        license: License,
        /// Last successful sync of tasks and messages.
        last_connection: String,
        /// Task counts.
        task_summary: TaskSummary,
        /// Resource use.
        resource_utilization: ResourceUtilization,
    }
}

impl ServerDetails {
    /// The `type` field as an enum.
    pub fn server_kind(&self) -> Option<ServerType> {
        self.server_type.as_deref().map(ServerType::from_wire)
    }
}

model! {
    /// GetServerDetails answer (2.8): the guide wraps it in `serverDetails`, Qlik's client
    /// reads `server_details`; both are read, `server_details` is written. An unwrapped
    /// answer (the details themselves) is read too.
    ServerDetailsResponse pre wrap_bare_server_details {
        /// The details.
        server_details | "serverDetails": ServerDetails,
    }
}

/// Wraps a bare details object (one carrying `name`, `$type` or `configuration` but no
/// wrapper key) as `{"server_details": ...}`.
fn wrap_bare_server_details(v: &mut serde_json::Value) {
    if let serde_json::Value::Object(obj) = v {
        let wrapped = obj.contains_key("server_details") || obj.contains_key("serverDetails");
        let bare = ["name", "$type", "configuration", "license"]
            .iter()
            .any(|k| obj.contains_key(*k));
        if !wrapped && bare {
            let inner = std::mem::take(obj);
            obj.insert("server_details".into(), serde_json::Value::Object(inner));
        }
    }
}

model! {
    /// A server definition (2.9 PutServer's body, 2.11 GetServer's answer). Get it, edit
    /// it, put it back: unknown fields are kept.
    ServerDefinition {
        /// `AemReplicateServer` or `AemComposeServer`.
        type_name as "$type": String,
        /// Name of the server (must match the URL).
        name: String,
        /// Description (at most 250 characters).
        description: String,
        /// Host name or IP address.
        host: String,
        /// Port, written as a string as the guide's body shows; numbers are read too.
        port: String,
        /// User name (a server administrator).
        username: String,
        /// Password; GetServer answers a session-bound `{S:guid}` that PutServer accepts back in the same session.
        password: String,
        /// Verify the server's certificate (GetServer sends `"true"`; written as a boolean).
        verify_server_certificate: bool,
        /// Retrieve tasks and messages from this server (default true).
        monitored: bool,
    }
}

impl ServerDefinition {
    /// A Replicate server definition (`$type` `AemReplicateServer`).
    pub fn replicate(name: impl Into<String>, host: impl Into<String>, port: u16) -> Self {
        ServerDefinition {
            type_name: Some("AemReplicateServer".into()),
            name: Some(name.into()),
            host: Some(host.into()),
            port: Some(port.to_string()),
            ..Default::default()
        }
    }

    /// A Compose server definition (`$type` `AemComposeServer`).
    pub fn compose(name: impl Into<String>, host: impl Into<String>, port: u16) -> Self {
        ServerDefinition {
            type_name: Some("AemComposeServer".into()),
            ..Self::replicate(name, host, port)
        }
    }
}

model! {
    /// A user named in an ACL role (2.10), `DOMAIN\user`.
    UserRef {
        /// The user's name.
        name: String,
    }
}

impl UserRef {
    /// `{"name": name}`.
    pub fn new(name: impl Into<String>) -> Self {
        UserRef {
            name: Some(name.into()),
            ..Default::default()
        }
    }
}

model! {
    /// A group named in an ACL role (2.10), `DOMAIN\group`.
    GroupRef {
        /// The group's name.
        name: String,
    }
}

impl GroupRef {
    /// `{"name": name}`.
    pub fn new(name: impl Into<String>) -> Self {
        GroupRef {
            name: Some(name.into()),
            ..Default::default()
        }
    }
}

model! {
    /// The users and groups of one role (2.10).
    RoleDef {
        ; list
        /// Users in the role.
        users: UserRef,
        /// Groups in the role.
        groups: GroupRef,
    }
}

model! {
    /// A server's explicit ACL (2.10 PutServerAcl's body, 2.12 GetServerAcl's answer).
    AuthorizationAcl {
        /// Admins.
        admin_role: RoleDef,
        /// Designers.
        designer_role: RoleDef,
        /// Operators.
        operator_role: RoleDef,
        /// Viewers.
        viewer_role: RoleDef,
        /// True: do not inherit ACLs from ancestors (read from `true` or `"true"`).
        disable_inheritance: bool,
    }
}
