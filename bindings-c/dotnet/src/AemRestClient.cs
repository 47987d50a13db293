// AemRestClient: the guide's chapter 3 .NET client, same names and types, on the Rust
// core through the C ABI's one generic entry. This file only names arguments and maps
// JSON; every URL, verb, status and retry lives in the core.
using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of one Qlik Enterprise Manager (guide chapter 3). Thread-safe; dispose it when done.</summary>
    public class AemRestClient : IDisposable
    {
        readonly ClientHandle _handle;

        /// <summary>A client for the Enterprise Manager at <paramref name="url"/>.</summary>
        /// <param name="credentials">A NetworkCredential: Domain/UserName/Password for Active Directory,
        /// UserName "api-token" with the token as Password, or UserName "jwt" with the JWT as Password.</param>
        /// <param name="url">https://host[:port]/attunityenterprisemanager</param>
        /// <param name="verifyCertificate">false skips the server certificate check.</param>
        public AemRestClient(ICredentials credentials, string url = "https://localhost/attunityenterprisemanager", bool verifyCertificate = true)
            : this(Options(credentials, url, verifyCertificate, null)) { }

        /// <summary>A client for https://host:port/urlSuffix.</summary>
        public AemRestClient(ICredentials credentials, string host, int port, string urlSuffix = "attunityenterprisemanager", bool verifyCertificate = true)
            : this(Options(credentials, "https://" + host + (port == 443 ? "" : ":" + port) + "/" + (urlSuffix ?? "").Trim('/'), verifyCertificate, null)) { }

        /// <summary>A client from the core's JSON settings (url, credentials, ca_file, ca_pem, timeouts, max_retries...).</summary>
        public AemRestClient(string optionsJson)
        {
            if (optionsJson == null) throw new ArgumentNullException("optionsJson");
            IntPtr err;
            ClientHandle h;
            int st = Native.qem_client_new(Native.Utf8(optionsJson), out h, out err);
            if (st != Native.OK)
            {
                if (h != null) h.Dispose();
                throw Native.TakeError(err, st);
            }
            _handle = h;
        }

        /// <summary>The core's settings for a NetworkCredential, following the guide's 3.2 conventions.</summary>
        public static string Options(ICredentials credentials, string url, bool verifyCertificate, string caFile)
        {
            if (credentials == null) throw new ArgumentNullException("credentials");
            var o = new JsonObject();
            o["url"] = url;
            o["verify_certificate"] = verifyCertificate;
            if (caFile != null) o["ca_file"] = caFile;
            NetworkCredential c = credentials as NetworkCredential;
            if (c == null)
            {
                Uri uri;
                Uri.TryCreate(url, UriKind.Absolute, out uri);
                c = credentials.GetCredential(uri, "Basic");
            }
            if (c == null) throw new AemClientException("INVALID_ARGUMENT", "credentials give no user name and password for Basic");
            var user = c.UserName ?? "";
            if (string.Equals(user, "api-token", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(c.Domain))
                o["api_token"] = c.Password ?? "";
            else if (string.Equals(user, "jwt", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(c.Domain))
                o["jwt"] = c.Password ?? "";
            else
            {
                o["username"] = user;
                if (!string.IsNullOrEmpty(c.Domain)) o["domain"] = c.Domain;
                o["password"] = c.Password ?? "";
            }
            return Json.Write(o);
        }

        /// <summary>Every operation of the core, as JSON ([{"name", "method", "args", ...}]).</summary>
        public static string OperationsJson()
        {
            IntPtr json, err;
            int st = Native.qem_operations(out json, out err);
            if (st != Native.OK) throw Native.TakeError(err, st);
            return Native.TakeString(json);
        }

        /// <summary>The generic entry: an operation's REST or Python name and its arguments as a JSON object; the JSON answer.</summary>
        public string Call(string operation, string argumentsJson)
        {
            IntPtr result, err;
            int st = Native.qem_client_call(_handle, Native.Utf8(operation), Native.Utf8(argumentsJson), out result, out err);
            if (st != Native.OK) throw Native.TakeError(err, st);
            return Native.TakeString(result);
        }

        /// <summary>The generic entry, asynchronous; completes through the native callback without blocking a thread.</summary>
        public Task<string> CallAsync(string operation, string argumentsJson, CancellationToken cancellationToken = default(CancellationToken))
        {
            return Native.CallAsync(_handle, operation, argumentsJson, cancellationToken);
        }

        /// <summary>Logs in now (calls log in by themselves when needed).</summary>
        public void Login() { Call("Login", "{}"); }
        /// <summary>Logs in now, asynchronously.</summary>
        public Task LoginAsync(CancellationToken ct = default(CancellationToken)) { return CallAsync("Login", "{}", ct); }
        /// <summary>Logs out; a later call logs in again.</summary>
        public void Logout() { Call("Logout", "{}"); }
        /// <summary>Logs out, asynchronously.</summary>
        public Task LogoutAsync(CancellationToken ct = default(CancellationToken)) { return CallAsync("Logout", "{}", ct); }

        /// <summary>Logs out and refuses later calls (CLIENT_CLOSED); Dispose still frees the client.</summary>
        public void Close()
        {
            IntPtr err;
            int st = Native.qem_client_close(_handle, out err);
            if (st != Native.OK) throw Native.TakeError(err, st);
        }

        /// <summary>Frees the native client. Calls in flight complete; later calls throw ObjectDisposedException.</summary>
        public void Dispose() { _handle.Dispose(); }

        // ---- glue: arguments by the guide's names, answers mapped to the guide's classes

        static JsonObject A(params object[] kv)
        {
            var o = new JsonObject();
            for (int i = 0; i + 1 < kv.Length; i += 2)
                if (kv[i + 1] != null) o[(string)kv[i]] = kv[i + 1];
            return o;
        }

        static object Body(AemModel payload) { return payload == null ? null : Json.Parse(Json.Write(payload)); }

        static object Flag(bool b) { return b ? (object)true : null; }

        T Get<T>(string op, JsonObject args) { return Json.To<T>(Json.Parse(Call(op, Json.Write(args)))); }
        void Do(string op, JsonObject args) { Call(op, Json.Write(args)); }
        // Documents come back as the server sent them (`raw`), comment lines and all.
        string Text(string op, JsonObject args) { args["raw"] = true; return (string)Json.Parse(Call(op, Json.Write(args))); }
        async Task<T> GetAsync<T>(string op, JsonObject args, CancellationToken ct)
        {
            return Json.To<T>(Json.Parse(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false)));
        }
        Task DoAsync(string op, JsonObject args, CancellationToken ct) { return CallAsync(op, Json.Write(args), ct); }
        async Task<string> TextAsync(string op, JsonObject args, CancellationToken ct)
        {
            args["raw"] = true;
            return (string)Json.Parse(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
        }

        static JsonObject TableArgs(string server, string task, string schema, string table, bool q, bool l, bool c, bool cp, bool e)
        {
            return A("server", server, "task", task, "schema", schema, "table", table, "includequeued", Flag(q),
                "includeloading", Flag(l), "includecompleted", Flag(c), "includechangeprocessing", Flag(cp), "includeerror", Flag(e));
        }

        static JsonObject RunArgs(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option, int timeout)
        {
            var args = A("server", server, "task", task, "option", option.ToString(), "timeout", timeout);
            if (payload != null && payload.Cdcposition != null) args["payload"] = A("cdcposition", payload.Cdcposition);
            return args;
        }

        // ---- 3.5 - 3.13 servers
        public void PutServerLicense(string payload, string server) { Do("PutServerLicense", A("payload", payload, "server", server)); }
        public Task PutServerLicenseAsync(string payload, string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("PutServerLicense", A("payload", payload, "server", server), ct); }
        public AemGetServerDetailsResp GetServerDetails(string server) { return Get<AemGetServerDetailsResp>("GetServerDetails", A("server", server)); }
        public Task<AemGetServerDetailsResp> GetServerDetailsAsync(string server, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetServerDetailsResp>("GetServerDetails", A("server", server), ct); }
        public void PutServer(AemServer payload, string server) { Do("PutServer", A("payload", Body(payload), "server", server)); }
        public Task PutServerAsync(AemServer payload, string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("PutServer", A("payload", Body(payload), "server", server), ct); }
        public void PutServerACL(AemAuthorizationAcl payload, string server) { Do("PutServerAcl", A("payload", Body(payload), "server", server)); }
        public Task PutServerACLAsync(AemAuthorizationAcl payload, string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("PutServerAcl", A("payload", Body(payload), "server", server), ct); }
        /// <summary>Same as PutServerACL (the guide spells it both ways).</summary>
        public void PutServerAcl(AemAuthorizationAcl payload, string server) { PutServerACL(payload, server); }
        public Task PutServerAclAsync(AemAuthorizationAcl payload, string server, CancellationToken ct = default(CancellationToken)) { return PutServerACLAsync(payload, server, ct); }
        public AemServer GetServer(string server) { return Get<AemServer>("GetServer", A("server", server)); }
        public Task<AemServer> GetServerAsync(string server, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemServer>("GetServer", A("server", server), ct); }
        public AemAuthorizationAcl GetServerAcl(string server) { return Get<AemAuthorizationAcl>("GetServerAcl", A("server", server)); }
        public Task<AemAuthorizationAcl> GetServerAclAsync(string server, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemAuthorizationAcl>("GetServerAcl", A("server", server), ct); }
        public AemGetServerListResp GetServerList() { return Get<AemGetServerListResp>("GetServerList", A()); }
        public Task<AemGetServerListResp> GetServerListAsync(CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetServerListResp>("GetServerList", A(), ct); }
        public void DeleteServer(string server) { Do("DeleteServer", A("server", server)); }
        public Task DeleteServerAsync(string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("DeleteServer", A("server", server), ct); }
        public void DeleteServerAcl(string server) { Do("DeleteServerAcl", A("server", server)); }
        public Task DeleteServerAclAsync(string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("DeleteServerAcl", A("server", server), ct); }

        // ---- 3.14 - 3.25 tasks and tables
        public AemGetTaskListResp GetTaskList(string server) { return Get<AemGetTaskListResp>("GetTaskList", A("server", server)); }
        public Task<AemGetTaskListResp> GetTaskListAsync(string server, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetTaskListResp>("GetTaskList", A("server", server), ct); }
        public AemGetTaskDetailsResp GetTaskDetails(string server, string task) { return Get<AemGetTaskDetailsResp>("GetTaskDetails", A("server", server, "task", task)); }
        public Task<AemGetTaskDetailsResp> GetTaskDetailsAsync(string server, string task, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetTaskDetailsResp>("GetTaskDetails", A("server", server, "task", task), ct); }
        public AemGetTableListResp GetTableList(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false)
        { return Get<AemGetTableListResp>("GetTableList", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror)); }
        public Task<AemGetTableListResp> GetTableListAsync(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false, CancellationToken ct = default(CancellationToken))
        { return GetAsync<AemGetTableListResp>("GetTableList", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror), ct); }
        public TableSelectionDefinition GetTaskTableSelection(string server, string task) { return Get<TableSelectionDefinition>("GetTaskTableSelection", A("server", server, "task", task)); }
        public Task<TableSelectionDefinition> GetTaskTableSelectionAsync(string server, string task, CancellationToken ct = default(CancellationToken)) { return GetAsync<TableSelectionDefinition>("GetTaskTableSelection", A("server", server, "task", task), ct); }
        public void PutTaskTableSelection(TableSelectionDefinition payload, string server, string task) { Do("PutTaskTableSelection", A("payload", Body(payload), "server", server, "task", task)); }
        public Task PutTaskTableSelectionAsync(TableSelectionDefinition payload, string server, string task, CancellationToken ct = default(CancellationToken)) { return DoAsync("PutTaskTableSelection", A("payload", Body(payload), "server", server, "task", task), ct); }
        public AemGetTableStatusesResp GetTableStatuses(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false)
        { return Get<AemGetTableStatusesResp>("GetTableStatuses", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror)); }
        public Task<AemGetTableStatusesResp> GetTableStatusesAsync(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false, CancellationToken ct = default(CancellationToken))
        { return GetAsync<AemGetTableStatusesResp>("GetTableStatuses", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror), ct); }
        public void DeleteTask(string server, string task, bool deletetasklogs = false) { Do("DeleteTask", A("server", server, "task", task, "deletetasklogs", deletetasklogs)); }
        public Task DeleteTaskAsync(string server, string task, bool deletetasklogs = false, CancellationToken ct = default(CancellationToken)) { return DoAsync("DeleteTask", A("server", server, "task", task, "deletetasklogs", deletetasklogs), ct); }
        /// <summary>The task's export document: the JSON text exactly as the server sent it.</summary>
        public string ExportTask(string server, string task, bool withendpoints = false) { return Text("ExportTask", A("server", server, "task", task, "withendpoints", withendpoints)); }
        public Task<string> ExportTaskAsync(string server, string task, bool withendpoints = false, CancellationToken ct = default(CancellationToken)) { return TextAsync("ExportTask", A("server", server, "task", task, "withendpoints", withendpoints), ct); }
        public void ImportTask(string payload, string server, string task) { Do("ImportTask", A("payload", payload, "server", server, "task", task)); }
        public Task ImportTaskAsync(string payload, string server, string task, CancellationToken ct = default(CancellationToken)) { return DoAsync("ImportTask", A("payload", payload, "server", server, "task", task), ct); }
        public string ExportAuditTrail(string startTimestamp, string endTimestamp) { return Text("ExportAuditTrail", A("start_timestamp", startTimestamp, "end_timestamp", endTimestamp)); }
        public Task<string> ExportAuditTrailAsync(string startTimestamp, string endTimestamp, CancellationToken ct = default(CancellationToken)) { return TextAsync("ExportAuditTrail", A("start_timestamp", startTimestamp, "end_timestamp", endTimestamp), ct); }
        public AemRunTaskResp RunTask(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option, int timeout = 30) { return Get<AemRunTaskResp>("RunTask", RunArgs(payload, server, task, option, timeout)); }
        public Task<AemRunTaskResp> RunTaskAsync(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option, int timeout = 30, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemRunTaskResp>("RunTask", RunArgs(payload, server, task, option, timeout), ct); }
        public AemStopTaskResp StopTask(string server, string task, int timeout = 30) { return Get<AemStopTaskResp>("StopTask", A("server", server, "task", task, "timeout", timeout)); }
        public Task<AemStopTaskResp> StopTaskAsync(string server, string task, int timeout = 30, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemStopTaskResp>("StopTask", A("server", server, "task", task, "timeout", timeout), ct); }
        /// <summary>CloneTask (qem-clone-task.txt): copies a task under a new name.</summary>
        public void CloneTask(AemCloneTaskReq payload, string server, string task) { Do("CloneTask", A("payload", Body(payload), "server", server, "task", task)); }
        public Task CloneTaskAsync(AemCloneTaskReq payload, string server, string task, CancellationToken ct = default(CancellationToken)) { return DoAsync("CloneTask", A("payload", Body(payload), "server", server, "task", task), ct); }

        // ---- 3.26 - 3.29 endpoints
        public AemGetEndpointListResp GetEndpointList(string server) { return Get<AemGetEndpointListResp>("GetEndpointList", A("server", server)); }
        public Task<AemGetEndpointListResp> GetEndpointListAsync(string server, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetEndpointListResp>("GetEndpointList", A("server", server), ct); }
        /// <summary>payload: a JSON Patch document (array of {op, path, value}) as text.</summary>
        public void PatchEndpoint(string payload, string server, string endpoint) { Do("PatchEndpoint", A("payload", ParsePayload(payload), "server", server, "endpoint", endpoint)); }
        public Task PatchEndpointAsync(string payload, string server, string endpoint, CancellationToken ct = default(CancellationToken)) { return DoAsync("PatchEndpoint", A("payload", ParsePayload(payload), "server", server, "endpoint", endpoint), ct); }
        public void DeleteEndpoint(string server, string endpoint) { Do("DeleteEndpoint", A("server", server, "endpoint", endpoint)); }
        public Task DeleteEndpointAsync(string server, string endpoint, CancellationToken ct = default(CancellationToken)) { return DoAsync("DeleteEndpoint", A("server", server, "endpoint", endpoint), ct); }
        public void ReconfigureEndpointNowait(string server, string endpoint, string configuration = null, bool recycle = true) { Do("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle)); }
        public Task ReconfigureEndpointNowaitAsync(string server, string endpoint, string configuration = null, bool recycle = true, CancellationToken ct = default(CancellationToken)) { return DoAsync("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle), ct); }

        // ---- 3.30 - 3.37
        public string ExportAll(string server) { return Text("ExportAll", A("server", server)); }
        public Task<string> ExportAllAsync(string server, CancellationToken ct = default(CancellationToken)) { return TextAsync("ExportAll", A("server", server), ct); }
        public void ImportAll(string payload, string server) { Do("ImportAll", A("payload", payload, "server", server)); }
        public Task ImportAllAsync(string payload, string server, CancellationToken ct = default(CancellationToken)) { return DoAsync("ImportAll", A("payload", payload, "server", server), ct); }
        public void ReloadTable(string server, string task, string schema = null, string table = null) { Do("ReloadTable", A("server", server, "task", task, "schema", schema, "table", table)); }
        public Task ReloadTableAsync(string server, string task, string schema = null, string table = null, CancellationToken ct = default(CancellationToken)) { return DoAsync("ReloadTable", A("server", server, "task", task, "schema", schema, "table", table), ct); }
        public void ResumeTable(string server, string task, string schema = null, string table = null) { Do("ResumeTable", A("server", server, "task", task, "schema", schema, "table", table)); }
        public Task ResumeTableAsync(string server, string task, string schema = null, string table = null, CancellationToken ct = default(CancellationToken)) { return DoAsync("ResumeTable", A("server", server, "task", task, "schema", schema, "table", table), ct); }
        public AemTestEndpointResp TestEndpoint(string server, string endpoint, int timeout = 60) { return Get<AemTestEndpointResp>("TestEndpoint", A("server", server, "endpoint", endpoint, "timeout", timeout)); }
        public Task<AemTestEndpointResp> TestEndpointAsync(string server, string endpoint, int timeout = 60, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemTestEndpointResp>("TestEndpoint", A("server", server, "endpoint", endpoint, "timeout", timeout), ct); }
        public void DeleteOldData(AemDeleteOldDataReq payload, string server, string task) { Do("DeleteOldChangeData", A("payload", Body(payload), "server", server, "task", task)); }
        public Task DeleteOldDataAsync(AemDeleteOldDataReq payload, string server, string task, CancellationToken ct = default(CancellationToken)) { return DoAsync("DeleteOldChangeData", A("payload", Body(payload), "server", server, "task", task), ct); }
        public void SetChangeDataRetentionBarrier(AemSetChangeDataRetentionBarrierReq payload, string server, string task) { Do("SetChangeDataRetentionBarrier", A("payload", Body(payload), "server", server, "task", task)); }
        public Task SetChangeDataRetentionBarrierAsync(AemSetChangeDataRetentionBarrierReq payload, string server, string task, CancellationToken ct = default(CancellationToken)) { return DoAsync("SetChangeDataRetentionBarrier", A("payload", Body(payload), "server", server, "task", task), ct); }
        public AemGetChangeDataRetentionBarrierResp GetChangeDataRetentionBarrier(string server, string task) { return Get<AemGetChangeDataRetentionBarrierResp>("GetChangeDataRetentionBarrier", A("server", server, "task", task)); }
        public Task<AemGetChangeDataRetentionBarrierResp> GetChangeDataRetentionBarrierAsync(string server, string task, CancellationToken ct = default(CancellationToken)) { return GetAsync<AemGetChangeDataRetentionBarrierResp>("GetChangeDataRetentionBarrier", A("server", server, "task", task), ct); }

        static object ParsePayload(string json)
        {
            if (json == null) return null;
            try { return Json.Parse(json); }
            catch (FormatException e) { throw new AemClientException("INVALID_ARGUMENT", "payload is not JSON: " + e.Message); }
        }
    }
}
