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

        /// <summary>A client for https://host:port/attunityenterprisemanager (the guide's examples:
        /// <c>new AemRestClient(credentials, "localhost", 443, false)</c>).</summary>
        public AemRestClient(ICredentials credentials, string host, int port, bool verifyCertificate)
            : this(credentials, host, port, "attunityenterprisemanager", verifyCertificate) { }

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

        /// <summary>Client options that log in with a SAML message from the identity provider:
        /// posted as the login body with no Authorization header, as Qlik's Python client does
        /// with <c>AuthenticationMethod.SAML</c>, and posted again to renew an expired session.</summary>
        public static string SamlOptions(string samlMessage, string url, bool verifyCertificate, string caFile)
        {
            if (samlMessage == null) throw new ArgumentNullException("samlMessage");
            var o = new JsonObject();
            o["url"] = url;
            o["verify_certificate"] = verifyCertificate;
            if (caFile != null) o["ca_file"] = caFile;
            o["saml"] = samlMessage;
            return Json.Write(o);
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

        /// <summary>The API description (schema/api.json) as JSON: for each service its operations (name, method, args with their places and schemas, answer) and helpers, and every model's JSON Schema.</summary>
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
        public Task LoginAsync(CancellationToken cancellationToken = default(CancellationToken)) { return CallAsync("Login", "{}", cancellationToken); }
        /// <summary>Logs out; a later call logs in again.</summary>
        public void Logout() { Call("Logout", "{}"); }
        /// <summary>Logs out, asynchronously.</summary>
        public Task LogoutAsync(CancellationToken cancellationToken = default(CancellationToken)) { return CallAsync("Logout", "{}", cancellationToken); }

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

        static object Flag(bool b) { return b ? (object)true : null; }

        T Get<T>(string op, JsonObject args) { return Json.Read<T>(Call(op, Json.Write(args))); }
        void Do(string op, JsonObject args) { Call(op, Json.Write(args)); }
        // Documents come back as the server sent them (`raw`), comment lines and all.
        string Text(string op, JsonObject args) { args["raw"] = true; return (string)Json.Parse(Call(op, Json.Write(args))); }
        async Task<T> GetAsync<T>(string op, JsonObject args, CancellationToken ct)
        {
            return Json.Read<T>(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
        }
        // An answer typed R, read as M (a subclass of R with the guide's other spelling).
        async Task<R> GetAsync<R, M>(string op, JsonObject args, CancellationToken ct) where M : R
        {
            return Json.Read<M>(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
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
            var position = payload == null ? null : payload.Cdcposition;
            if (position != null && position.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                // The guide's inline form: {"cdcposition":"..."} as the value.
                object inner;
                try
                {
                    var o = Json.Parse(position) as JsonObject;
                    if (o != null && o.TryGetValue("cdcposition", out inner) && inner is string) position = (string)inner;
                }
                catch (FormatException) { }
            }
            if (position != null) args["payload"] = A("cdcposition", position);
            return args;
        }

        static object ParsePayload(string json)
        {
            if (json == null) return null;
            try { return Json.Parse(json); }
            catch (FormatException e) { throw new AemClientException("INVALID_ARGUMENT", "payload is not JSON: " + e.Message); }
        }

        // ---- 3.5 - 3.13 servers
        /// <summary>Registers a license on the server (3.5): the license text as provided.</summary>
        public void PutServerLicense(string payload, string server) { Do("PutServerLicense", A("payload", payload, "server", server)); }
        /// <summary>Registers a license on the server (3.5): the license text as provided. Asynchronous: completes through the native callback.</summary>
        public Task PutServerLicenseAsync(string payload, string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("PutServerLicense", A("payload", payload, "server", server), cancellationToken); }
        /// <summary>The server's details (3.6).</summary>
        public AemGetServerDetailsResp GetServerDetails(string server) { return Get<AemGetServerDetailsResp>("GetServerDetails", A("server", server)); }
        /// <summary>The server's details (3.6). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetServerDetailsResp> GetServerDetailsAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetServerDetailsResp>("GetServerDetails", A("server", server), cancellationToken); }
        /// <summary>Adds a server or updates its definition (3.7); GetServer, edit, PutServer.</summary>
        public void PutServer(AemServer payload, string server) { Do("PutServer", A("payload", payload, "server", server)); }
        /// <summary>Adds a server or updates its definition (3.7); GetServer, edit, PutServer. Asynchronous: completes through the native callback.</summary>
        public Task PutServerAsync(AemServer payload, string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("PutServer", A("payload", payload, "server", server), cancellationToken); }
        /// <summary>Puts the server's explicit ACL (3.8).</summary>
        public void PutServerACL(AemAuthorizationAcl payload, string server) { Do("PutServerAcl", A("payload", payload, "server", server)); }
        /// <summary>Puts the server's explicit ACL (3.8). Asynchronous: completes through the native callback.</summary>
        public Task PutServerACLAsync(AemAuthorizationAcl payload, string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("PutServerAcl", A("payload", payload, "server", server), cancellationToken); }
        /// <summary>Same as PutServerACL (the guide spells it both ways).</summary>
        public void PutServerAcl(AemAuthorizationAcl payload, string server) { Do("PutServerAcl", A("payload", payload, "server", server)); }
        /// <summary>Same as PutServerACL (the guide spells it both ways). Asynchronous: completes through the native callback.</summary>
        public Task PutServerAclAsync(AemAuthorizationAcl payload, string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("PutServerAcl", A("payload", payload, "server", server), cancellationToken); }
        /// <summary>The server's definition (3.9): an AemReplicateServer or AemComposeServer.</summary>
        public AemServer GetServer(string server) { return Get<AemServer>("GetServer", A("server", server)); }
        /// <summary>The server's definition (3.9): an AemReplicateServer or AemComposeServer. Asynchronous: completes through the native callback.</summary>
        public Task<AemServer> GetServerAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemServer>("GetServer", A("server", server), cancellationToken); }
        /// <summary>The server's explicit ACL (3.10).</summary>
        public AemAuthorizationAcl GetServerAcl(string server) { return Get<AemAuthorizationACL>("GetServerAcl", A("server", server)); }
        /// <summary>The server's explicit ACL (3.10). Asynchronous: completes through the native callback.</summary>
        public Task<AemAuthorizationAcl> GetServerAclAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemAuthorizationAcl, AemAuthorizationACL>("GetServerAcl", A("server", server), cancellationToken); }
        /// <summary>Same as GetServerAcl (the guide also writes GetServerACL).</summary>
        public AemAuthorizationAcl GetServerACL(string server) { return Get<AemAuthorizationACL>("GetServerAcl", A("server", server)); }
        /// <summary>Same as GetServerAcl (the guide also writes GetServerACL). Asynchronous: completes through the native callback.</summary>
        public Task<AemAuthorizationAcl> GetServerACLAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemAuthorizationAcl, AemAuthorizationACL>("GetServerAcl", A("server", server), cancellationToken); }
        /// <summary>The servers Enterprise Manager manages (3.11).</summary>
        public AemGetServerListResp GetServerList() { return Get<AemGetServerListResp>("GetServerList", A()); }
        /// <summary>The servers Enterprise Manager manages (3.11). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetServerListResp> GetServerListAsync(CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetServerListResp>("GetServerList", A(), cancellationToken); }
        /// <summary>Deletes the server from Enterprise Manager (3.12).</summary>
        public void DeleteServer(string server) { Do("DeleteServer", A("server", server)); }
        /// <summary>Deletes the server from Enterprise Manager (3.12). Asynchronous: completes through the native callback.</summary>
        public Task DeleteServerAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteServer", A("server", server), cancellationToken); }
        /// <summary>Deletes the server's explicit ACL (3.13).</summary>
        public void DeleteServerAcl(string server) { Do("DeleteServerAcl", A("server", server)); }
        /// <summary>Deletes the server's explicit ACL (3.13). Asynchronous: completes through the native callback.</summary>
        public Task DeleteServerAclAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteServerAcl", A("server", server), cancellationToken); }

        // ---- 3.14 - 3.25 tasks and tables; CloneTask
        /// <summary>The server's tasks (3.14).</summary>
        public AemGetTaskListResp GetTaskList(string server) { return Get<AemGetTaskListResp>("GetTaskList", A("server", server)); }
        /// <summary>The server's tasks (3.14). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetTaskListResp> GetTaskListAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetTaskListResp>("GetTaskList", A("server", server), cancellationToken); }
        /// <summary>The task's details (3.15).</summary>
        public AemGetTaskDetailsResp GetTaskDetails(string server, string task) { return Get<AemGetTaskDetailsResp>("GetTaskDetails", A("server", server, "task", task)); }
        /// <summary>The task's details (3.15). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetTaskDetailsResp> GetTaskDetailsAsync(string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetTaskDetailsResp>("GetTaskDetails", A("server", server, "task", task), cancellationToken); }
        /// <summary>The task's tables in the given states (3.16); no state flag set means every state.</summary>
        public AemGetTableListResp GetTableList(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false) { return Get<AemGetTableListResp>("GetTableList", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror)); }
        /// <summary>The task's tables in the given states (3.16); no state flag set means every state. Asynchronous: completes through the native callback.</summary>
        public Task<AemGetTableListResp> GetTableListAsync(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetTableListResp>("GetTableList", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror), cancellationToken); }
        /// <summary>The task's table selection (3.17).</summary>
        public TableSelectionDefinition GetTaskTableSelection(string server, string task) { return Get<TableSelectionDefinition>("GetTaskTableSelection", A("server", server, "task", task)); }
        /// <summary>The task's table selection (3.17). Asynchronous: completes through the native callback.</summary>
        public Task<TableSelectionDefinition> GetTaskTableSelectionAsync(string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<TableSelectionDefinition>("GetTaskTableSelection", A("server", server, "task", task), cancellationToken); }
        /// <summary>Replaces the task's table selection (3.18).</summary>
        public void PutTaskTableSelection(TableSelectionDefinition payload, string server, string task) { Do("PutTaskTableSelection", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Replaces the task's table selection (3.18). Asynchronous: completes through the native callback.</summary>
        public Task PutTaskTableSelectionAsync(TableSelectionDefinition payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("PutTaskTableSelection", A("payload", payload, "server", server, "task", task), cancellationToken); }
        /// <summary>The statuses of the task's tables in the given states (3.19).</summary>
        public AemGetTableStatusesResp GetTableStatuses(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false) { return Get<AemGetTableStatusesResp>("GetTableStatuses", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror)); }
        /// <summary>The statuses of the task's tables in the given states (3.19). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetTableStatusesResp> GetTableStatusesAsync(string server, string task, string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetTableStatusesResp>("GetTableStatuses", TableArgs(server, task, schema, table, includequeued, includeloading, includecompleted, includechangeprocessing, includeerror), cancellationToken); }
        /// <summary>Deletes the task, and its logs when deletetasklogs (3.20).</summary>
        public void DeleteTask(string server, string task, bool deletetasklogs = false) { Do("DeleteTask", A("server", server, "task", task, "deletetasklogs", deletetasklogs)); }
        /// <summary>Deletes the task, and its logs when deletetasklogs (3.20). Asynchronous: completes through the native callback.</summary>
        public Task DeleteTaskAsync(string server, string task, bool deletetasklogs = false, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteTask", A("server", server, "task", task, "deletetasklogs", deletetasklogs), cancellationToken); }
        /// <summary>The task's export document (3.21): the JSON text exactly as the server sent it.</summary>
        public string ExportTask(string server, string task, bool withendpoints = false) { return Text("ExportTask", A("server", server, "task", task, "withendpoints", withendpoints)); }
        /// <summary>The task's export document (3.21): the JSON text exactly as the server sent it. Asynchronous: completes through the native callback.</summary>
        public Task<string> ExportTaskAsync(string server, string task, bool withendpoints = false, CancellationToken cancellationToken = default(CancellationToken)) { return TextAsync("ExportTask", A("server", server, "task", task, "withendpoints", withendpoints), cancellationToken); }
        /// <summary>Imports one task's document (3.22).</summary>
        public void ImportTask(string payload, string server, string task) { Do("ImportTask", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Imports one task's document (3.22). Asynchronous: completes through the native callback.</summary>
        public Task ImportTaskAsync(string payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ImportTask", A("payload", payload, "server", server, "task", task), cancellationToken); }
        /// <summary>The audit trail between two timestamps, UTC (2020-06-30T16:15:00Z) or ticks; endTimestamp null for the latest (3.23). The JSON text as the server sent it.</summary>
        public string ExportAuditTrail(string startTimestamp, string endTimestamp) { return Text("ExportAuditTrail", A("start_timestamp", startTimestamp, "end_timestamp", endTimestamp)); }
        /// <summary>The audit trail between two timestamps, UTC (2020-06-30T16:15:00Z) or ticks; endTimestamp null for the latest (3.23). The JSON text as the server sent it. Asynchronous: completes through the native callback.</summary>
        public Task<string> ExportAuditTrailAsync(string startTimestamp, string endTimestamp, CancellationToken cancellationToken = default(CancellationToken)) { return TextAsync("ExportAuditTrail", A("start_timestamp", startTimestamp, "end_timestamp", endTimestamp), cancellationToken); }
        /// <summary>Runs the task with the option (3.24); payload carries the cdcposition for the position options.</summary>
        public AemRunTaskResp RunTask(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option = AemRunTaskOptions.RESUME_PROCESSING, int timeout = 30) { return Get<AemRunTaskResp>("RunTask", RunArgs(payload, server, task, option, timeout)); }
        /// <summary>Runs the task with the option (3.24); payload carries the cdcposition for the position options. Asynchronous: completes through the native callback.</summary>
        public Task<AemRunTaskResp> RunTaskAsync(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option = AemRunTaskOptions.RESUME_PROCESSING, int timeout = 30, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemRunTaskResp>("RunTask", RunArgs(payload, server, task, option, timeout), cancellationToken); }
        /// <summary>Stops the task (3.25).</summary>
        public AemStopTaskResp StopTask(string server, string task, int timeout = 30) { return Get<AemStopTaskResp>("StopTask", A("server", server, "task", task, "timeout", timeout)); }
        /// <summary>Stops the task (3.25). Asynchronous: completes through the native callback.</summary>
        public Task<AemStopTaskResp> StopTaskAsync(string server, string task, int timeout = 30, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemStopTaskResp>("StopTask", A("server", server, "task", task, "timeout", timeout), cancellationToken); }
        /// <summary>Copies the task under a new name (CloneTask, qem-clone-task.txt).</summary>
        public void CloneTask(AemCloneTaskReq payload, string server, string task) { Do("CloneTask", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Copies the task under a new name (CloneTask, qem-clone-task.txt). Asynchronous: completes through the native callback.</summary>
        public Task CloneTaskAsync(AemCloneTaskReq payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("CloneTask", A("payload", payload, "server", server, "task", task), cancellationToken); }

        // ---- 3.26 - 3.29 endpoints
        /// <summary>The server's endpoints (3.26).</summary>
        public AemGetEndpointListResp GetEndpointList(string server) { return Get<AemGetEndpointListResp>("GetEndpointList", A("server", server)); }
        /// <summary>The server's endpoints (3.26). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetEndpointListResp> GetEndpointListAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetEndpointListResp>("GetEndpointList", A("server", server), cancellationToken); }
        /// <summary>Patches the endpoint's settings (3.27): payload is a JSON Patch document (an array of {op, path, value}) as text.</summary>
        public void PatchEndpoint(string payload, string server, string endpoint) { Do("PatchEndpoint", A("payload", ParsePayload(payload), "server", server, "endpoint", endpoint)); }
        /// <summary>Patches the endpoint's settings (3.27): payload is a JSON Patch document (an array of {op, path, value}) as text. Asynchronous: completes through the native callback.</summary>
        public Task PatchEndpointAsync(string payload, string server, string endpoint, CancellationToken cancellationToken = default(CancellationToken))
        {
            object patch;
            try { patch = ParsePayload(payload); }
            catch (AemClientException e) { return Task.FromException(e); } // a faulted task, as for every other failure
            return DoAsync("PatchEndpoint", A("payload", patch, "server", server, "endpoint", endpoint), cancellationToken);
        }
        /// <summary>Deletes the endpoint (3.28).</summary>
        public void DeleteEndpoint(string server, string endpoint) { Do("DeleteEndpoint", A("server", server, "endpoint", endpoint)); }
        /// <summary>Deletes the endpoint (3.28). Asynchronous: completes through the native callback.</summary>
        public Task DeleteEndpointAsync(string server, string endpoint, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteEndpoint", A("server", server, "endpoint", endpoint), cancellationToken); }
        /// <summary>Overrides the source endpoint's settings with another endpoint's (3.29).</summary>
        public void ReconfigureEndpointNowait(string server, string endpoint, string configuration = null, bool recycle = true) { Do("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle)); }
        /// <summary>Overrides the source endpoint's settings with another endpoint's (3.29). Asynchronous: completes through the native callback.</summary>
        public Task ReconfigureEndpointNowaitAsync(string server, string endpoint, string configuration = null, bool recycle = true, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle), cancellationToken); }
        /// <summary>Same as ReconfigureEndpointNowait (the guide's section title spells it NoWait).</summary>
        public void ReconfigureEndpointNoWait(string server, string endpoint, string configuration = null, bool recycle = true) { Do("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle)); }
        /// <summary>Same as ReconfigureEndpointNowait (the guide's section title spells it NoWait). Asynchronous: completes through the native callback.</summary>
        public Task ReconfigureEndpointNoWaitAsync(string server, string endpoint, string configuration = null, bool recycle = true, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ReconfigureEndpointNoWait", A("server", server, "endpoint", endpoint, "configuration", configuration, "recycle", recycle), cancellationToken); }

        // ---- 3.30 - 3.37
        /// <summary>Everything on the server as one export document (3.30): the JSON text exactly as the server sent it.</summary>
        public string ExportAll(string server) { return Text("ExportAll", A("server", server)); }
        /// <summary>Everything on the server as one export document (3.30): the JSON text exactly as the server sent it. Asynchronous: completes through the native callback.</summary>
        public Task<string> ExportAllAsync(string server, CancellationToken cancellationToken = default(CancellationToken)) { return TextAsync("ExportAll", A("server", server), cancellationToken); }
        /// <summary>Imports an export document into the server, merging (3.31).</summary>
        public void ImportAll(string payload, string server) { Do("ImportAll", A("payload", payload, "server", server)); }
        /// <summary>Imports an export document into the server, merging (3.31). Asynchronous: completes through the native callback.</summary>
        public Task ImportAllAsync(string payload, string server, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ImportAll", A("payload", payload, "server", server), cancellationToken); }
        /// <summary>Reloads a table (3.32).</summary>
        public void ReloadTable(string server, string task, string schema = null, string table = null) { Do("ReloadTable", A("server", server, "task", task, "schema", schema, "table", table)); }
        /// <summary>Reloads a table (3.32). Asynchronous: completes through the native callback.</summary>
        public Task ReloadTableAsync(string server, string task, string schema = null, string table = null, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ReloadTable", A("server", server, "task", task, "schema", schema, "table", table), cancellationToken); }
        /// <summary>Resumes a suspended table (3.33).</summary>
        public void ResumeTable(string server, string task, string schema = null, string table = null) { Do("ResumeTable", A("server", server, "task", task, "schema", schema, "table", table)); }
        /// <summary>Resumes a suspended table (3.33). Asynchronous: completes through the native callback.</summary>
        public Task ResumeTableAsync(string server, string task, string schema = null, string table = null, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("ResumeTable", A("server", server, "task", task, "schema", schema, "table", table), cancellationToken); }
        /// <summary>Tests the connection to the endpoint (3.34).</summary>
        public AemTestEndpointResp TestEndpoint(string server, string endpoint, int timeout = 60) { return Get<AemTestEndpointResp>("TestEndpoint", A("server", server, "endpoint", endpoint, "timeout", timeout)); }
        /// <summary>Tests the connection to the endpoint (3.34). Asynchronous: completes through the native callback.</summary>
        public Task<AemTestEndpointResp> TestEndpointAsync(string server, string endpoint, int timeout = 60, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemTestEndpointResp>("TestEndpoint", A("server", server, "endpoint", endpoint, "timeout", timeout), cancellationToken); }
        /// <summary>Deletes processed change data partitions (3.35).</summary>
        public void DeleteOldData(AemDeleteOldDataReq payload, string server, string task) { Do("DeleteOldChangeData", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Deletes processed change data partitions (3.35). Asynchronous: completes through the native callback.</summary>
        public Task DeleteOldDataAsync(AemDeleteOldDataReq payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteOldChangeData", A("payload", payload, "server", server, "task", task), cancellationToken); }
        /// <summary>Same as DeleteOldData (the guide's REST name, DeleteOldChangeData).</summary>
        public void DeleteOldChangeData(AemDeleteOldDataReq payload, string server, string task) { Do("DeleteOldChangeData", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Same as DeleteOldData (the guide's REST name, DeleteOldChangeData). Asynchronous: completes through the native callback.</summary>
        public Task DeleteOldChangeDataAsync(AemDeleteOldDataReq payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("DeleteOldChangeData", A("payload", payload, "server", server, "task", task), cancellationToken); }
        /// <summary>Sets or removes (empty RetentionPoint) an application's retention barrier (3.36).</summary>
        public void SetChangeDataRetentionBarrier(AemSetChangeDataRetentionBarrierReq payload, string server, string task) { Do("SetChangeDataRetentionBarrier", A("payload", payload, "server", server, "task", task)); }
        /// <summary>Sets or removes (empty RetentionPoint) an application's retention barrier (3.36). Asynchronous: completes through the native callback.</summary>
        public Task SetChangeDataRetentionBarrierAsync(AemSetChangeDataRetentionBarrierReq payload, string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return DoAsync("SetChangeDataRetentionBarrier", A("payload", payload, "server", server, "task", task), cancellationToken); }
        /// <summary>The earliest retention barrier (3.37).</summary>
        public AemGetChangeDataRetentionBarrierResp GetChangeDataRetentionBarrier(string server, string task) { return Get<AemGetChangeDataRetentionBarrierResp>("GetChangeDataRetentionBarrier", A("server", server, "task", task)); }
        /// <summary>The earliest retention barrier (3.37). Asynchronous: completes through the native callback.</summary>
        public Task<AemGetChangeDataRetentionBarrierResp> GetChangeDataRetentionBarrierAsync(string server, string task, CancellationToken cancellationToken = default(CancellationToken)) { return GetAsync<AemGetChangeDataRetentionBarrierResp>("GetChangeDataRetentionBarrier", A("server", server, "task", task), cancellationToken); }

    }
}
