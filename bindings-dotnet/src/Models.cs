// The classes and enums of the guide's chapter 3, with the names, types and enum values it
// documents; the wire's field names are resolved by Json's tolerant mapping (PascalCase
// here, snake_case or camelCase on the wire; [AemJson] gives other spellings).
using System.Collections.Generic;
#pragma warning disable 1591 // members are documented in the API guide, chapter 3

namespace Qlik.EnterpriseManager.Client
{
    // ---- enums (3.38 and each method's tables)
    public enum AemPlatform { UNKNOWN = 0, WINDOWS = 1, LINUX = 2 }
    public enum AemServerState { NOT_MONITORED = 0, MONITORED = 1, ERROR = 2 }
    public enum AemLicenseState
    {
        [AemJson("VALID_LICENSE", "LICENSE_VALID")] VALID_LICENSE = 0,
        [AemJson("INVALID_LICENSE_CHECKSUM", "LICENSE_INVALID_CHECKSUM")] INVALID_LICENSE_CHECKSUM = 1,
        [AemJson("EXPIRED_LICENSE", "LICENSE_EXPIRED", "LICENSE_EXPIRED_NO_LICENSE")] EXPIRED_LICENSE = 2,
        NO_LICENSE = 3, MACHINE_NOT_LICENSED = 4, INVALID_LICENSE = 5,
    }
    public enum AemTaskState
    {
        STOPPED = 0, RUNNING = 1, ERROR = 2, [AemJson("RECOVERY", "RECOVERING")] RECOVERY = 3,
        // Beyond the guide's list, sent by real servers and the mock while a task changes state.
        STARTING = 4, STOPPING = 5, PAUSED = 6, NOT_EXIST = 7,
    }
    public enum AemTaskStopReason
    {
        NONE = 0, NORMAL = 1, RECOVERABLE_ERROR = 2, [AemJson("FATAL_ERROR", "FATAL ERROR")] FATAL_ERROR = 3,
        FULL_LOAD_ONLY_FINISHED = 4, STOPPED_AFTER_FULL_LOAD = 5, STOPPED_AFTER_CACHED_EVENTS = 6,
        EXPRESS_LICENSE_LIMITS_REACHED = 7, STOPPED_AFTER_DDL_APPLY = 8, STOPPED_LOW_MEMORY = 9,
        [AemJson("STOPPED_LOW_DISK_SPACE", "STOPPED_LOW_DISK")] STOPPED_LOW_DISK_SPACE = 10,
    }
    public enum AemRunTaskOptions
    {
        RESUME_PROCESSING = 1, RELOAD_TARGET = 2, RESUME_PROCESSING_FROM_TIMESTAMP = 3,
        METADATA_ONLY_RECREATE_ALL_TABLES = 4, METADATA_ONLY_CREATE_MISSING_TABLES = 5,
        RECOVER_USING_LOCALLY_STORED_CHECKPOINT = 6, RECOVER_USING_CHECKPOINT_STORED_ON_TARGET = 7,
        RESUME_PROCESSING_FROM_POSITION = 8,
    }
    /// <summary>An endpoint's role (3.26).</summary>
    public enum EndpointRole { ALL = 0, SOURCE = 1, TARGET = 2, BOTH = 3 }
    /// <summary>TestEndpoint's status (3.34). The REST API's request state (3.38) reads as the same
    /// values: SUCCESS is CONNECTED, FAILURE is ERROR.</summary>
    public enum AemEndpointState { UNKNOWN = 0, CONNECTED = 1, ERROR = 2, SUCCESS = CONNECTED, FAILURE = ERROR }
    /// <summary>A task's source or target status (3.38 Source/target status).</summary>
    public enum AemEndpointStatus { RUNNING = 0, ERROR = 1, DISCONNECTED = 2, WARNING = 3 }
    /// <summary>A table's state (3.38 state).</summary>
    public enum AemTableState
    {
        TABLE_QUEUED = 0, TABLE_LOADING = 1, TABLE_COMPLETED = 2, TABLE_CHANGE_PROCESSING = 3, TABLE_ERROR = 4,
    }
    /// <summary>The entity type of a table selection (3.38 Table type).</summary>
    public enum TableType { TABLE = 1, VIEW = 2 }
    /// <summary>Load orders (3.38 Load order): TableSelection.LoadOrder = (int)StandardLoadOrder.HIGH.</summary>
    public enum StandardLoadOrder
    {
        LOWEST = -2147483647, LOWER = -5000, LOW = -1000, NORMAL = 0, HIGH = 1000, HIGHER = 5000, HIGHEST = 2147483647,
    }

    // ---- 3.6, 3.11 servers
    /// <summary>A server of GetServerList (ReplicateServerInfo or ComposeServerInfo by $type).</summary>
    public class AemServerInfo : AemModel
    {
        [AemJson("$type")] public string TypeName { get; set; }
        /// <summary>REPLICATE, COMPOSE, ... (sent by real servers, not in the guide).</summary>
        public string Type { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public string Host { get; set; }
        public string Port { get; set; }
        public AemServerState State { get; set; }
        public string Message { get; set; }
        public AemPlatform Platform { get; set; }
        public string Version { get; set; }
        public string LastConnection { get; set; }
    }
    public class ReplicateServerInfo : AemServerInfo { public ReplicateServerInfo() { TypeName = "ReplicateServerInfo"; } }
    public class ComposeServerInfo : AemServerInfo { public ComposeServerInfo() { TypeName = "ComposeServerInfo"; } }
    public class AemGetServerListResp : AemModel
    {
        [AemJson("serverList", "server_list")] public List<AemServerInfo> ServerList { get; set; }
    }
    public class AemServerConfiguration : AemModel
    {
        public string Host { get; set; }
        public AemPlatform Platform { get; set; }
        public string Port { get; set; }
        [AemJson("username", "user_name")] public string UserName { get; set; }
    }
    public class ApiLicense : AemModel
    {
        public string IssueDate { get; set; }
        public AemLicenseState State { get; set; }
        public string Expiration { get; set; }
        public int DaysToExpiration { get; set; }
    }
    public class TaskSummary : AemModel
    {
        public int Total { get; set; }
        public int Running { get; set; }
        public int Stopped { get; set; }
        public int Recovering { get; set; }
        public int Error { get; set; }
    }
    public class AemServerUtilization : AemModel
    {
        public long DiskUsageMb { get; set; }
        public long MemoryMb { get; set; }
        public int AttunityCpuPercentage { get; set; }
        public int MachineCpuPercentage { get; set; }
    }
    /// <summary>GetServerDetails' server (ReplicateServerDetails or ComposeServerDetails by $type).</summary>
    public class AemServerDetails : AemModel
    {
        [AemJson("$type")] public string TypeName { get; set; }
        public string Type { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public AemServerConfiguration Configuration { get; set; }
        public AemServerState State { get; set; }
        public string Message { get; set; }
        public string Version { get; set; }
        public ApiLicense License { get; set; }
        public string LastConnection { get; set; }
        [AemJson("task_summary", "AemTasksSummary", "tasks_summary")] public TaskSummary TaskSummary { get; set; }
        /// <summary>The task summary under the guide's name for it (same object as TaskSummary).</summary>
        [AemJsonIgnore] public TaskSummary AemTasksSummary { get { return TaskSummary; } set { TaskSummary = value; } }
        public AemServerUtilization ResourceUtilization { get; set; }
    }
    public class ReplicateServerDetails : AemServerDetails { public ReplicateServerDetails() { TypeName = "ReplicateServerDetails"; } }
    public class ComposeServerDetails : AemServerDetails { public ComposeServerDetails() { TypeName = "ComposeServerDetails"; } }
    public class AemGetServerDetailsResp : AemModel
    {
        [AemJson("server_details", "serverDetails")] public AemServerDetails ServerDetails { get; set; }
    }

    // ---- 3.7, 3.9 server definitions
    /// <summary>PutServer's payload and GetServer's answer; AemReplicateServer / AemComposeServer by $type.</summary>
    public class AemServer : AemModel
    {
        public AemServer() { VerifyServerCertificate = true; Monitored = true; }
        [AemJson("$type")] public string TypeName { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public string Host { get; set; }
        public string Port { get; set; }
        public string Username { get; set; }
        public string Password { get; set; }
        /// <summary>Verify the server's certificate (true unless set otherwise).</summary>
        public bool VerifyServerCertificate { get; set; }
        /// <summary>Retrieve tasks and messages from this server (true unless set otherwise).</summary>
        public bool Monitored { get; set; }
    }
    public class AemReplicateServer : AemServer { public AemReplicateServer() { TypeName = "AemReplicateServer"; } }
    public class AemComposeServer : AemServer { public AemComposeServer() { TypeName = "AemComposeServer"; } }

    // ---- 3.8, 3.10 ACLs
    public class AemUserRef : AemModel { public string Name { get; set; } }
    public class AemGroupRef : AemModel { public string Name { get; set; } }
    public class AemRoleDef : AemModel
    {
        public List<AemUserRef> Users { get; set; }
        public List<AemGroupRef> Groups { get; set; }
    }
    public class AemAuthorizationAcl : AemModel
    {
        public AemRoleDef AdminRole { get; set; }
        public AemRoleDef DesignerRole { get; set; }
        public AemRoleDef OperatorRole { get; set; }
        public AemRoleDef ViewerRole { get; set; }
        public bool DisableInheritance { get; set; }
    }
    /// <summary>AemAuthorizationAcl under the spelling of PutServerACL's syntax (3.8).</summary>
    public class AemAuthorizationACL : AemAuthorizationAcl { }

    // ---- 3.14 tasks
    public class AemTaskInfo : AemModel
    {
        public string Name { get; set; }
        public AemTaskState State { get; set; }
        [AemJson("stop_reason", "task_stop_reason")] public AemTaskStopReason StopReason { get; set; }
        public string Message { get; set; }
        public List<string> AssignedTags { get; set; }
    }
    public class AemGetTaskListResp : AemModel
    {
        [AemJson("taskList", "task_list")] public List<AemTaskInfo> TaskList { get; set; }
    }

    // ---- 3.15 task details
    /// <summary>A task's source or target endpoint.</summary>
    public class TaskEndpoint : AemModel
    {
        public string Name { get; set; }
        public string Type { get; set; }
    }
    public class AemTaskCdcEventCounters : AemModel
    {
        public long AppliedInsertCount { get; set; }
        public long AppliedUpdateCount { get; set; }
        public long AppliedDeleteCount { get; set; }
        public long AppliedDdlCount { get; set; }
    }
    /// <summary>Full load counters (Replicate), loading counters (Compose: the Tables*/Commands* counts).</summary>
    public class AemTaskFullLoadCounters : AemModel
    {
        public int TablesCompletedCount { get; set; }
        public int TablesLoadingCount { get; set; }
        public int TablesQueuedCount { get; set; }
        public int TablesWithErrorCount { get; set; }
        public long RecordsCompletedCount { get; set; }
        public long EstimatedRecordsForAllTablesCount { get; set; }
        public int TablesTotalCount { get; set; }
        public int CommandsTotalCount { get; set; }
        public int CommandsCompletedCount { get; set; }
    }
    public class AemFullLoadThroughput : AemModel
    {
        public int SourceThroughputRecordsCount { get; set; }
        public int SourceThroughputVolume { get; set; }
        public int TargetThroughputRecordsCount { get; set; }
        public int TargetThroughputVolume { get; set; }
    }
    public class AemCdcThroughputItem : AemModel { public long Current { get; set; } }
    public class AemCdcThroughput : AemModel
    {
        public AemCdcThroughputItem SourceThroughputRecordsCount { get; set; }
        public AemCdcThroughputItem SourceThroughputVolume { get; set; }
        public AemCdcThroughputItem TargetThroughputRecordsCount { get; set; }
        public AemCdcThroughputItem TargetThroughputVolume { get; set; }
    }
    public class AemCdcTransactionsCounters : AemModel
    {
        public long CommitChangeRecordsCount { get; set; }
        public long RollbackTransactionCount { get; set; }
        public long RollbackChangeRecordsCount { get; set; }
        public long RollbackChangeVolumeMb { get; set; }
        public long AppliedTransactionsInProgressCount { get; set; }
        public long AppliedRecordsInProgressCount { get; set; }
        [AemJson("applied_committed_transaction_count", "applied_comitted_transaction_count", "applied_comitted_transacion_count")]
        public long AppliedCommittedTransactionCount { get; set; }
        [AemJson("applied_records_committed_count", "applied_records_comitted_count")] public long AppliedRecordsCommittedCount { get; set; }
        [AemJson("applied_volume_committed_mb", "applied_volume_comitted_mb")] public long AppliedVolumeCommittedMb { get; set; }
        public long IncomingAccumulatedChangesInMemoryCount { get; set; }
        public long IncomingAccumulatedChangesOnDiskCount { get; set; }
        public long IncomingApplyingChangesInMemoryCount { get; set; }
        public long IncomingApplyingChangesOnDiskCount { get; set; }
    }
    public class AemCdcLatency : AemModel
    {
        public string SourceLatency { get; set; }
        public string TotalLatency { get; set; }
    }
    public class AemCommonSettings : AemModel
    {
        public bool FullLoadEnabled { get; set; }
        public bool ApplyChangesEnabled { get; set; }
        public bool StoreChangesEnabled { get; set; }
        public bool AuditChangesEnabled { get; set; }
    }
    /// <summary>A task's details (3.15): Replicate fields, and the Compose ones (Project, Loading*).</summary>
    public class AemTaskInfoDetailed : AemModel
    {
        [AemJson("$type")] public string TypeName { get; set; }
        /// <summary>The task type (ReplicateTaskInfoDetailed, AemComposeDWTaskInfoDetailed, ...).</summary>
        [AemJson("type", "$type")] public string Type { get; set; }
        public string Name { get; set; }
        public string Description { get; set; }
        public AemTaskState State { get; set; }
        public string Message { get; set; }
        [AemJson("task_stop_reason", "stop_reason")] public AemTaskStopReason TaskStopReason { get; set; }
        public string Profile { get; set; }
        public TaskEndpoint SourceEndpoint { get; set; }
        public TaskEndpoint TargetEndpoint { get; set; }
        public AemTaskCdcEventCounters CdcEventCounters { get; set; }
        public AemTaskFullLoadCounters FullLoadCounters { get; set; }
        public bool FullLoadCompleted { get; set; }
        public string FullLoadStart { get; set; }
        public string FullLoadEnd { get; set; }
        public AemFullLoadThroughput FullLoadThroughput { get; set; }
        public AemCdcThroughput CdcThroughput { get; set; }
        [AemJson("cdc_transactions_counters", "cdc_transaction_counters")] public AemCdcTransactionsCounters CdcTransactionsCounters { get; set; }
        public AemCdcLatency CdcLatency { get; set; }
        public long MemoryMb { get; set; }
        public int CpuPercentage { get; set; }
        public long DiskUsageMb { get; set; }
        public long DataErrorCount { get; set; }
        [AemJson("options", "common_settings")] public AemCommonSettings Options { get; set; }
        public string LogStreamStaging { get; set; }
        public List<string> AssignedTags { get; set; }
        // Compose tasks
        public string Project { get; set; }
        public bool LoadingCompleted { get; set; }
        public string LoadingStart { get; set; }
        public string LoadingEnd { get; set; }
        public AemTaskFullLoadCounters LoadingCounters { get; set; }
    }
    /// <summary>GetTaskDetails' answer: <see cref="Task"/> as the guide has it, and the same details flat.</summary>
    public class AemGetTaskDetailsResp : AemTaskInfoDetailed
    {
        AemTaskInfoDetailed task;
        /// <summary>The task's details (read from the answer on first use; from its "task" wrapper when there is one).</summary>
        [AemJsonIgnore]
        public AemTaskInfoDetailed Task
        {
            get
            {
                if (task == null && Raw != null)
                {
                    object inner;
                    var wrapped = Raw.TryGetValue("task", out inner) ? inner as JsonObject : null;
                    task = Json.To<AemTaskInfoDetailed>(wrapped ?? Raw);
                }
                return task;
            }
            set { task = value; }
        }
    }

    // ---- 3.24, 3.25 run and stop; CloneTask
    public class AemRunTaskReq : AemModel
    {
        /// <summary>The position for the three position options; a timestamp, a position or a checkpoint,
        /// or the inline form {"cdcposition":"..."}.</summary>
        public string Cdcposition { get; set; }
    }
    public class AemRunTaskResp : AemModel
    {
        public AemTaskState State { get; set; }
        public string ErrorMessage { get; set; }
    }
    public class AemStopTaskResp : AemRunTaskResp { }
    /// <summary>CloneTask's payload (qem-clone-task.txt).</summary>
    public class AemCloneTaskReq : AemModel
    {
        public string NewTaskName { get; set; }
        public bool? ClonePermissions { get; set; }
        public string NewSourceEndpoint { get; set; }
        public string NewTargetEndpoint { get; set; }
        public string NewControlSchema { get; set; }
        public string NewTargetSchema { get; set; }
        public string NewControlTableTablespace { get; set; }
        public string NewControlIndexTablespace { get; set; }
    }

    // ---- 3.16 - 3.19 tables
    public class AemTableInfo : AemModel
    {
        public string Schema { get; set; }
        public string Table { get; set; }
        public AemTableState State { get; set; }
    }
    public class AemGetTableListResp : AemModel
    {
        [AemJson("tablelist", "tableList", "table_list")] public List<AemTableInfo> TableList { get; set; }
    }
    public class AemTableFullLoadInfo : AemModel
    {
        public string StartTime { get; set; }
        public string EndTime { get; set; }
        public long EstimatedRowCount { get; set; }
        public string EstimatedEndTime { get; set; }
        public long TransferredRowCount { get; set; }
        public long TransferredVolumeMb { get; set; }
    }
    public class AemTableCdcInfo : AemModel
    {
        public long InsertCount { get; set; }
        public long UpdateCount { get; set; }
        public long DeleteCount { get; set; }
        public long DdlCount { get; set; }
        public string LastUpdateTime { get; set; }
        public long CachedInsertCount { get; set; }
        public long CachedUpdateCount { get; set; }
        public long CachedDeleteCount { get; set; }
    }
    public class AemTableStatus : AemModel
    {
        public string SchemaOnSource { get; set; }
        public string TableOnSource { get; set; }
        public string SchemaOnTarget { get; set; }
        public string TableOnTarget { get; set; }
        public AemTableState State { get; set; }
        public long DataErrorsCount { get; set; }
        public AemTableFullLoadInfo TableFullLoadInfo { get; set; }
        public AemTableCdcInfo TableCdcInfo { get; set; }
    }
    public class AemGetTableStatusesResp : AemModel
    {
        [AemJson("table_details", "tableDetails")] public List<AemTableStatus> TableDetails { get; set; }
    }
    /// <summary>One table or pattern of a selection (3.18).</summary>
    public class TableSelection : AemModel
    {
        public string Owner { get; set; }
        public string Name { get; set; }
        /// <summary>0 (random order) or a StandardLoadOrder value.</summary>
        public long LoadOrder { get; set; }
        /// <summary>TABLE or VIEW; left out of the request when not set.</summary>
        public TableType TableType { get; set; }
    }
    public class TableSelectionDefinition : AemModel
    {
        [AemJson("included_pattern", "included_patterns")] public List<TableSelection> IncludedPattern { get; set; }
        [AemJson("excluded_pattern", "excluded_patterns")] public List<TableSelection> ExcludedPattern { get; set; }
        public List<TableSelection> ExplicitIncludedTables { get; set; }
    }

    // ---- 3.26, 3.34 endpoints
    /// <summary>An endpoint of GetEndpointList (3.26).</summary>
    public class Endpoint : AemModel
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public EndpointRole Role { get; set; }
        public string Type { get; set; }
        public bool IsLicensed { get; set; }
    }
    public class AemGetEndpointListResp : AemModel
    {
        [AemJson("endpointList", "endpoint_list")] public List<Endpoint> EndpointList { get; set; }
    }
    public class AemTestEndpointResp : AemModel
    {
        /// <summary>The test's outcome (the wire's requeststate / state / status).</summary>
        [AemJson("state", "requeststate", "status")] public AemEndpointState Status { get; set; }
        /// <summary>The same as Status.</summary>
        [AemJsonIgnore] public AemEndpointState State { get { return Status; } set { Status = value; } }
        public string Message { get; set; }
        [AemJson("detailed_message", "detailed message")] public string DetailedMessage { get; set; }
        public string ErrorMessage { get; set; }
    }

    // ---- 3.35 - 3.37 change data
    public class AemDeleteOldDataReq : AemModel
    {
        /// <summary>A timestamp (yyyy-MM-ddTHH:mm:ssZ) or an ISO 8601 duration (P1M3DT1H2M).</summary>
        public string TimestampOrOffset { get; set; }
    }
    public class AemSetChangeDataRetentionBarrierReq : AemModel
    {
        /// <summary>yyyy-MM-ddTHH:mm:ssZ; empty to remove the barrier.</summary>
        public string RetentionPoint { get; set; }
        public string Application { get; set; }
    }
    public class AemGetChangeDataRetentionBarrierResp : AemModel
    {
        public string Application { get; set; }
        /// <summary>yyyy-MM-ddTHH:mm:ssZ.</summary>
        public string RetentionPoint { get; set; }
    }
}
