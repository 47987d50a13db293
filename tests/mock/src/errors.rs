//! Every Enterprise Manager error the mock answers: code, HTTP status and message template,
//! as the guide's tables give them (chapter 2; section noted beside each). Placeholders in
//! braces (`{server}`, `{task}`, `{endpoint}`, `{message}`, ...) are filled by [`ErrDef::with`].

/// An error answer: `{"error_code": code, "error_message": message}` with `status`.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: u16,
    pub code: String,
    pub message: String,
    /// Extra response headers (the 440 answer carries `Application-Status`).
    pub headers: Vec<(&'static str, String)>,
}

impl ApiError {
    pub fn new(status: u16, code: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code: code.to_string(),
            message: message.into(),
            headers: Vec::new(),
        }
    }
    pub fn body(&self) -> String {
        serde_json::json!({"error_code": self.code, "error_message": self.message}).to_string()
    }
}

/// One row of an error table.
#[derive(Debug, Clone, Copy)]
pub struct ErrDef {
    pub code: &'static str,
    pub status: u16,
    pub template: &'static str,
}

impl ErrDef {
    /// The error with placeholders filled: `{name}` takes the value paired with `name`.
    pub fn with(&self, args: &[(&str, &str)]) -> ApiError {
        let mut msg = self.template.to_string();
        for (k, v) in args {
            msg = msg.replace(&format!("{{{k}}}"), v);
        }
        ApiError::new(self.status, self.code, msg)
    }
    pub fn plain(&self) -> ApiError {
        ApiError::new(self.status, self.code, self.template)
    }
}

macro_rules! errs {
    ($( $(#[$m:meta])* $name:ident = ($status:expr, $code:expr, $tpl:expr); )*) => {
        $( $(#[$m])* pub const $name: ErrDef = ErrDef { code: $code, status: $status, template: $tpl }; )*
        /// Every error definition, first variant of a code first.
        pub const ALL: &[ErrDef] = &[ $( $name ),* ];
    };
}

errs! {
    // 2.4 general errors
    UNAUTHORIZED = (403, "UNAUTHORIZED_REQUEST", "Unauthorized Request.");
    /// 2.5 Login failure.
    LOGIN_UNAUTHORIZED = (401, "UNAUTHORIZED_REQUEST", "Unauthorized Request.");
    /// The status is `settings.invalid_session_status` (440 by default).
    INVALID_SESSION_ID = (440, "INVALID_SESSION_ID", "The session has expired or the session ID is not valid.");
    DESERIALIZE_TO_TYPE = (500, "DESERIALIZE_TO_TYPE", "Failed to deserialize JSON to type {type}: {message}");
    /// 2.9/2.10 spell it with a lower-case "json".
    DESERIALIZE_TO_TYPE_JSON = (500, "DESERIALIZE_TO_TYPE", "Failed to deserialize json to type {type}: {message}");
    SERVER_NOT_FOUND = (500, "AEM_SERVER_NOT_FOUND", "The requested server {server} could not be found.");
    /// 2.8 GetServerDetails, 2.21 GetTableStatuses.
    SERVER_NOT_FOUND_REPLICATE = (500, "AEM_SERVER_NOT_FOUND", "Replicate server {server} could not be found.");
    /// 2.14 DeleteServer.
    SERVER_NOT_FOUND_REQUESTED = (500, "AEM_SERVER_NOT_FOUND", "Requested server \"{server}\" could not be found.");
    SERVER_NOT_MONITORED = (500, "AEM_SERVER_NOT_MONITORED", "The requested server {server} is not monitored.");
    SERVER_NOT_CONNECTED = (500, "AEM_SERVER_NOT_CONNECTED", "The requested server \"{server}\" cannot be reached at this time. Message: {message}");
    SERVER_LICENSE_EXPIRED = (500, "AEM_SERVER_LICENSE_EXPIRED", "The license for requested server {server} has expired.");
    SERVER_INVALID_LICENSE = (500, "AEM_SERVER_INVALID_LICENSE", "The license for requested server {server} is not valid.");
    LICENSE_NOT_FOUND = (500, "LICENSE_NOT_FOUND", "You need to register a Replication Management license in order to use Qlik Enterprise Manager. To register or obtain a license, open the Qlik Enterprise Manager console and follow the instructions.");
    LICENSE_NOT_FOUND_CONTACT_ADMIN = (500, "LICENSE_NOT_FOUND_CONTACT_ADMIN", "An Enterprise Manager Admin needs to register a Replication Management license before you can use the product. To obtain a license, contact your Qlik Sales Representative with the Enterprise Manager machine name (which is displayed when you open the Enterprise Manager console).");
    LICENSE_EVALUATION_EXPIRED = (500, "LICENSE_EVALUATION_EXPIRED", "{Module} evaluation license has expired.");
    LICENSE_TERM_EXPIRED = (500, "LICENSE_TERM_EXPIRED", "{Module} license has expired.");
    LICENSE_INVALID_SIGNATURE = (500, "LICENSE_INVALID_SIGNATURE", "The {Module} license signature is invalid.");
    LICENSE_HOST_MISMATCH = (500, "LICENSE_HOST_MISMATCH", "The host name in the {Module} license does not match the Enterprise Manager machine name.");
    MISSING_FIELD = (500, "AEM_MISSING_FIELD", "The \"{fieldName}\" field is missing from the request.");

    // 2.7 PutServerLicense
    PUT_SRV_LIC_INNER_ERR = (500, "AEM_PUT_SRV_LIC_INNER_ERR", "Failed to put license for server \"{server}\".  Error: \"{message}\"");
    SRV_LIC_INVALID_FORMAT = (500, "AEM_SRV_LIC_INVALID_FORMAT", "The license file format is corrupt.");

    // 2.9 PutServer
    PUT_SERVER_INNER_ERR = (500, "AEM_PUT_SERVER_INNER_ERR", "Failed to put server \"{server}\". Error: \"{message}\".");
    INVALID_SERVER_TYPE = (500, "AEM_INVALID_SERVER_TYPE", "Server type {ServerType} for server \"{ServerName}\" is not valid.");
    NAME_URL_MISMATCH = (500, "AEM_NAME_URL_MISMATCH", "The name of the server in the request does not match the one that is specified in the URL.");
    EMPTY_HOST = (500, "AEM_EMPTY_HOST", "The host is missing from the request.");
    EMPTY_PORT = (500, "AEM_EMPTY_PORT", "The port is missing from the request.");
    EMPTY_USERNAME = (500, "AEM_EMPTY_USERNAME", "The username is missing from the request.");
    EMPTY_PASSWORD = (500, "AEM_EMPTY_PASSWORD", "The password is missing from the request.");
    INVALID_PORT = (500, "AEM_INVALID_PORT", "The port is invalid.");
    INVALID_USERNAME = (500, "AEM_INVALID_USERNAME", "The user name is invalid. User names cannot exceed 104 characters and can contain all Unicode characters except for the following characters: Forward slash (/), Left square bracket ([), Right square bracket (]), Colon (:), Semicolon (;), Vertical bar (|), Equal sign (=), Plus sign (+), Asterisk (*), Question mark (?), Left angle bracket (<), Right angle bracket (>), Double quote (\").");
    INVALID_DESC = (500, "AEM_INVALID_DESC", "The description is invalid. Descriptions cannot exceed 250 characters.");
    INVALID_HOST = (500, "AEM_INVALID_HOST", "The host is invalid. Hosts cannot exceed 64 characters and can only contain letters (a-z or A-Z), digits, spaces, dots (.), dashes (-), and underscores (_).");
    INVALID_NAME = (500, "AEM_INVALID_NAME", "The name of the server is invalid. Server names cannot exceed 64 characters and can only contain letters (a-z or A-Z), digits, spaces, dots (.), dashes (-), and underscores (_).");
    HOST_PORT_ALREADY_EXIST = (500, "AEM_HOST_PORT_ALREADY_EXIST", "Host {host} and port {port} are already in use by another server.");

    // 2.10 PutServerAcl, 2.12 GetServerAcl, 2.15 DeleteServerAcl
    PUT_SERVER_ACL_INNER_ERR = (500, "AEM_PUT_SERVER_ACL_INNER_ERR", "Failed to put ACL of server \"{server}\". Error: \"{message}\".");
    NO_DOMAIN_IN_USER = (500, "AEM_NO_DOMAIN_IN_USER", "User \"{userName}\" must be preceded by a domain name, separated by a backslash. Example: domain_name\\user_name.");
    NO_DOMAIN_IN_GROUP = (500, "AEM_NO_DOMAIN_IN_GROUP", "Group \"{groupName}\" must be preceded by a domain name, separated by a backslash. Example: domain_name\\group_name.");
    NO_ADMIN_ON_SERVER = (500, "AEM_NO_ADMIN_ON_SERVER", "Requested server \"{serverName}\" has no admin user. At least one user or group must be assigned to the \"admin\" role.");
    USER_ASSIGNED_TO_MULTIPLE_ROLES = (500, "AEM_USER_ASSIGNED_TO_MULTIPLE_ROLES", "User \"{userName}\" is assigned to multiple roles. Users can only be assigned to a single role.");
    GROUP_ASSIGNED_TO_MULTIPLE_ROLES = (500, "AEM_GROUP_ASSIGNED_TO_MULTIPLE_ROLES", "Group \"{groupName}\" is assigned to multiple roles. Groups can only be assigned to a single role.");
    USER_GROUP_MULTIPLE_ASSIGNED = (500, "AEM_USER_GROUP_MULTIPLE_ASSIGNED", "\"{name}\" is assigned to multiple roles or to the same role twice. Users/groups can only be assigned once, and to a single role.");
    GET_SERVER_ACL_INNER_ERR = (500, "AEM_GET_SERVER_ACL_INNER_ERR", "Failed to get ACL of server \"{server}\". Error: \"{message}\".");
    SERVER_HAS_NO_ACL = (500, "AEM_SERVER_HAS_NO_ACL", "ACL for server \"{server}\" could not be found.");
    DELETE_SERVER_ACL_INNER_ERR = (500, "AEM_DELETE_SERVER_ACL_INNER_ERR", "Failed to delete ACL of server \"{server}\". Error: \"{message}\".");

    // 2.11 GetServer, 2.14 DeleteServer
    GET_SERVER_INNER_ERR = (500, "AEM_GET_SERVER_INNER_ERR", "Failed to get server \"{server}\". Error: \"{message}\".");
    DELETE_SERVER_INNER_ERR = (500, "AEM_DELETE_SERVER_INNER_ERR", "Failed to delete requested server \"{server}\".");

    // 2.17 GetTaskDetails (and 2.18-2.21)
    TASK_NOT_FOUND = (500, "AEM_TASK_NOT_FOUND", "Replicate task {task} on server {server} could not be found.");
    /// 2.22 DeleteTask, 2.37-2.39 change data methods.
    TASK_NOT_FOUND_REPLICATION = (500, "AEM_TASK_NOT_FOUND", "Replication task {task} on server {server} could not be found.");
    TABLE_LIST_INNER_ERR = (500, "AEM_TABLE_LIST_INNER_ERR", "Failed to retrieve table list for replication task \"{task}\" on server \"{server}\". Error: \"{message}\"");
    TABLE_STATUSES_INNER_ERR = (500, "AEM_TABLE_STATUSES_INNER_ERR", "Failed to retrieve table statuses for replication task \"{task}\" on server \"{server}\". Error: \"{message}\"");

    // 2.22 DeleteTask
    DELETE_TASK_INNER_ERR = (500, "AEM_DELETE_TASK_INNER_ERR", "Replication task {task} on server {server} could not be deleted due to an error.");
    DELETE_TASK_ERR = (500, "AEM_DELETE_TASK_ERR", "Replication task {task} on server {server} could not be deleted due to an error. {message}");
    TASK_NOT_STOPPED = (500, "AEM_TASK_NOT_STOPPED", "Replication task {task} on server {server} must be stopped before it can be deleted.");

    // 2.23 ExportTask, 2.32 ExportAll, 2.33 ImportAll
    EXPORT_TASK_NOT_SUPPORTED_VERSION = (500, "AEM_METHOD_NOT_SUPPORTED_VERSION", "ExportTask is only supported on Replicate 5.2 or above.");
    EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT = (500, "AEM_EXPORT_TASK_NO_PERMISSION_ON_ENDPOINT", "Failed to export task {task} from Replicate server {server} as the logged in user does not have permission to access one or both of the task's endpoints.");
    EXPORT_ALL_NOT_SUPPORTED_VERSION = (500, "AEM_METHOD_NOT_SUPPORTED_VERSION", "ExportAll is only supported on Replicate 5.2 or above.");
    EXPORT_NO_PERMISSION_ON_TASK = (500, "AEM_EXPORT_NO_PERMISSION_ON_TASK", "Failed to export all tasks from Replicate server {server} as the logged in user does not have permission to export one or more of the defined tasks.");
    EXPORT_NO_PERMISSION_ON_ENDPOINT = (500, "AEM_EXPORT_NO_PERMISSION_ON_ENDPOINT", "Failed to export all tasks from server {server} as the logged in user does not have permission to export one or more of the defined endpoints.");
    IMPORT_ALL_NOT_SUPPORTED_VERSION = (500, "AEM_METHOD_NOT_SUPPORTED_VERSION", "ImportAll is only supported on Replicate 5.2 or above.");
    IMPORT_NO_PERMISSION_ON_TASK = (500, "AEM_IMPORT_NO_PERMISSION_ON_TASK", "Failed to import all tasks to replication server {server} as the logged in user does not have permission to add tasks.");
    IMPORT_NO_PERMISSION_ON_ENDPOINT = (500, "AEM_IMPORT_NO_PERMISSION_ON_ENDPOINT", "Failed to import all tasks to replication server {server} as the logged in user does not have permission to add endpoints.");
    IMPORT_CONTENT_EMPTY = (500, "AEM_IMPORT_CONTENT_EMPTY", "Failed to import all tasks to replication server {server} as the JSON file is empty.");
    IMPORT_INVALID_CONTENT = (500, "AEM_IMPORT_INVALID_CONTENT", "Failed to import all tasks to replication server {server} as the JSON file contains invalid content.");

    // 2.24 ImportTask
    IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT = (500, "AEM_IMPORT_TASK_NO_PERMISSION_ON_ENDPOINT", "Failed to import task {task} to replication server {server} as the logged in user does not have permission to add or modify endpoints.");
    IMPORT_TASK_CONTAIN_ALIEN_ITEMS = (500, "AEM_IMPORT_TASK_CONTAIN_ALIEN_ITEMS", "Failed to import task {task} to replication server {server} as the JSON file contains unsupported objects.");
    IMPORT_TASK_NAME_DIFFER = (500, "AEM_IMPORT_TASK_NAME_DIFFER", "Failed to import task {task} to replication server {server} as the JSON file contains conflicting tasks.");
    IMPORT_TASK_CONTAINS_MULTIPLE_TASKS = (500, "AEM_IMPORT_TASK_CONTAINS_MULTIPLE_TASKS", "Failed to import task to replication server {server} as the JSON file contains multiple tasks. To import multiple tasks, use ImportAll instead.");
    TASK_NOT_IMPORTABLE = (500, "AEM_TASK_NOT_IMPORTABLE", "Failed to import task {task} as the task is running on server {server}. Stop the task and then try again.");
    IMPORT_TASK_CONTENT_EMPTY = (500, "AEM_IMPORT_TASK_CONTENT_EMPTY", "Failed to import task {task} to replication server {server} as the JSON file is empty.");
    IMPORT_TASK_ENDPOINT_DIFFER = (500, "AEM_IMPORT_TASK_ENDPOINT_DIFFER", "Failed to import task {task} to server {server} as the endpoint names in the JSON file's \"task\" and \"databases\" sections are not the same.");
    IMPORT_TASK_NO_ENDPOINT_IN_SERVER = (500, "AEM_IMPORT_TASK_NO_ENDPOINT_IN_SERVER", "Failed to import task {task} to replication server {server} as the {role} endpoint {endpoint} does not exist on the target server.");
    IMPORT_TASK_CANNOT_OVERRIDE_TASK = (500, "AEM_IMPORT_TASK_CANNOT_OVERRIDE_TASK", "Replicate (server '{server}') import unable to delete task. Error message '{message}'");

    // 2.25 ExportAuditTrail
    AUDIT_INVALID_TIMESTAMP_FORMAT = (500, "AEM_INVALID_TIMESTAMP_FORMAT", "Timestamp is not a timestamp. Timestamp format should be 'yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z or Ticks.");
    EXPORT_INNER_ERR = (500, "AEM_EXPORT_INNER_ERR", "Failed to export audit trail. AUDIT-E-INVRANGE. The end time is before the start time.");
    AUDIT_UNAUTHORIZED = (401, "UNAUTHORIZED_REQUEST", "Unauthorized Request. request: AemExportAuditTrail");

    // 2.26 RunTask
    TASK_ALREADY_RUNNING = (500, "AEM_TASK_ALREADY_RUNNING", "Replicate task {task} on server {server} is already running.");
    TASK_IN_RECOVERY = (500, "AEM_TASK_IN_RECOVERY", "Replicate task {task} on server {server} cannot be run as it is in a recovery state.");
    WRONG_OPTION_FOR_CDCPOSITION = (500, "AEM_WRONG_OPTION_FOR_CDCPOSITION", "Replicate task {task} on server {server} cannot be run with cdcposition {position} and option {option}. Change the option to RESUME_PROCESSING_FROM_TIMESTAMP, RESUME_PROCESSING_FROM_POSITION, or RECOVER_USING_CHECKPOINT_STORED_ON_TARGET");
    CDC_POSITION_ERR_FORMAT = (500, "AEM_CDC_POSITION_ERR_FORMAT", "The cdcposition parameter value for Replicate task {task} on server {server} is not in the correct format ('YYYY-MM-DDThh:mm:ssZ').");
    RUN_TASK_TIMEOUT = (500, "AEM_RUN_TASK_TIMEOUT", "Replicate task {task} on server {server} timed out when requested to \"Run\".");
    RUN_TASK_INNER_ERR = (500, "AEM_RUN_TASK_INNER_ERR", "Replicate task {task} on server {server} encountered an error when requested to run.");
    RUN_TASK_NO_SRC_NO_TRG = (500, "AEM_RUN_TASK_NO_SRC_NO_TRG", "Replicate task {task} on server {server} has no source or target endpoints.");
    RUN_TASK_NO_SRC = (500, "AEM_RUN_TASK_NO_SRC", "Replicate task {task} on server {server} has no source endpoint.");
    RUN_TASK_TRG = (500, "AEM_RUN_TASK_TRG", "Replicate task {task} on server {server} has no target endpoint.");
    RUN_TASK_NOT_FL_NOR_CDC = (500, "AEM_RUN_TASK_NOT_FL_NOR_CDC", "Replicate task {task} on server {server} cannot be run without at least one of the replication options enabled (Full Load, Apply Changes, or Store Changes).");
    RUN_BIDI_TASK_NO_FL_NOR_CDC = (500, "AEM_RUN_BIDI_TASK_NO_FL_NOR_CDC", "Replicate task {task} on server {server} cannot be run without at least one of the replication options enabled (Full Load or Apply Changes).");

    // 2.27 StopTask
    TASK_ALREADY_STOPPED = (500, "AEM_TASK_ALREADY_STOPPED", "Replicate task {task} on server {server} is already stopped.");
    STOP_TASK_INNER_ERR = (500, "AEM_STOP_TASK_INNER_ERR", "Failed to stop Replicate task {task} on server {server}: <{message}>");
    STOP_TASK_TIMEOUT = (500, "AEM_STOP_TASK_TIMEOUT", "A timeout occurred when trying to stop Replicate task {task} on server {server}");

    // CloneTask (qem-clone-task.txt; codes not given there: mock's own, see STATE.md)
    CLONE_TASK_ALREADY_EXISTS = (500, "AEM_TASK_ALREADY_EXISTS", "Replicate task {task} already exists on server {server}. You cannot override an existing task.");
    CLONE_TASK_INNER_ERR = (500, "AEM_CLONE_TASK_INNER_ERR", "Failed to clone Replicate task {task} on server {server}. Error: \"{message}\"");

    // 2.28 GetEndpointList
    ENDPOINT_LIST_INNER_ERR = (500, "AEM_ENDPOINT_LIST_INNER_ERR", "Failed to retrieve endpoints list from Replicate server {server}.");
    // 2.29 PatchEndpoint
    PATCH_ENDPOINT_INNER_ERR = (500, "AEM_PATCH_ENDPOINT_INNER_ERR", "Failed to patch replication endpoint {endpoint} on server {server}.");
    ENDPOINT_NOT_FOUND_PATCH = (500, "AEM_ENDPOINT_NOT_FOUND", "Replication endpoint {endpoint} on server {server} could not be found.");
    // 2.30 DeleteEndpoint (also the generic variant)
    ENDPOINT_NOT_FOUND = (500, "AEM_ENDPOINT_NOT_FOUND", "Replicate endpoint {endpoint} on server {server} could not be found.");
    DELETE_ENDPOINT_INNER_ERR = (500, "AEM_DELETE_ENDPOINT_INNER_ERR", "Failed to delete Replicate endpoint {endpoint} from server {server}.");
    ENDPOINT_IS_IN_USE = (500, "AEM_ENDPOINT_IS_IN_USE", "Replicate endpoint {endpoint} on server {server} cannot be deleted as it is currently in use by one or more tasks.");
    // 2.31 ReconfigureEndpointNoWait
    ENDPOINT_NOT_FOUND_QUOTED = (500, "AEM_ENDPOINT_NOT_FOUND", "Replicate endpoint \"{endpoint}\" on server \"{server}\" could not be found.");
    RECONFIGURE_ENDPOINT_INNER_ERR = (500, "AEM_RECONFIGURE_ENDPOINT_INNER_ERR", "Failed to reconfigure endpoint \"{endpoint}\" on server \"{server}\". Error: \"{message}\"");

    // 2.34 ReloadTable, 2.35 ResumeTable
    INVALID_TASK_NOT_FL = (500, "AEM_INVALID_TASK_NOT_FL", "Failed to reload table {table} as Full Load is not enabled for task {task}.");
    RELOAD_NOT_SUPPORTED_FILE_CHANNEL = (500, "AEM_INVALID_TASK_NT_NTSUPPEP", "Failed to reload table as this operation is not supported with the File Channel source endpoint.");
    RELOAD_TABLE_ERR = (500, "AEM_RELOAD_TABLE_ERR", "Failed to reload table {schema}. {table} for replication task {task} on server {server}: {message}");
    RESUME_NOT_SUPPORTED_FILE_CHANNEL = (500, "AEM_INVALID_TASK_NT_NTSUPPEP", "Failed to unsuspend table as this operation is not supported with the File Channel source endpoint.");
    UNSPEND_TABLE_ERR = (500, "AEM_UNSPEND_TABLE_ERR", "Failed to unsuspend table {schema}.{table} for replication task {task} on server {server}: {message}");

    // 2.36 TestEndpoint
    TEST_ENDPOINT_CONNECTION_TIMEOUT = (500, "AEM_TEST_ENDPOINT_CONNECTION_TIMEOUT", "A timeout occurred while testing the connection for endpoint {endpoint} on Replicate server {server}.");

    // 2.37 DeleteOldChangeData
    INVALID_TIMESTAMP_OR_OFFSET_FORMAT = (500, "AEM_INVALID_TIMESTAMP_OR_OFFSET_FORMAT", "The specified deletion age does not conform to the expected timestamp or offset format. Timestamp format should be yyyy'-MM'-'dd'T'HH':'mm':'ss'Z'. Offset format should conform to ISO 8601 duration.");
    DELETE_OLD_CHANGE_DATA_INNER_ERR = (500, "AEM_DELETE_OLD_CHANGE_DATA_INNER_ERR", "Failed to request deletion of old change data for task {task} on server {server}. Message: {message}");
    // 2.38 SetChangeDataRetentionBarrier
    BARRIER_INVALID_TIMESTAMP_FORMAT = (500, "AEM_INVALID_TIMESTAMP_FORMAT", "The specified partition retention barrier does not conform to the expected timestamp format. Timestamp format should be yyyy'-MM'-'dd'T'HH':'mm':'ss'Z'.");
    SET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR = (500, "AEM_SET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR", "Failed to set change data retention barrier for task {task} on server {server}. Message: {message}");
    /// 2.39 GetChangeDataRetentionBarrier when no barrier is set (not in the guide; mock's own).
    GET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR = (500, "AEM_GET_CHANGE_DATA_RETENTION_BARRIER_INNER_ERR", "Failed to get change data retention barrier for task {task} on server {server}. Message: {message}");
}

/// The first definition of `code` (for `settings.force_errors`).
pub fn by_code(code: &str) -> Option<&'static ErrDef> {
    ALL.iter().find(|d| d.code == code)
}
