// Console test runner for the .NET SDK under Mono: the shared conformance cases through
// P/Invoke, then .NET-specific tests. Prints one final line "N passed, N failed".
//   mono Tests.exe BASE_URL CA_FILE CASES_DIR
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Qlik.EnterpriseManager.Client;

static class Tests
{
    static string baseUrl, caFile, origin, casesDir;
    static int passed, failed;

    static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--exit-probe") return ExitProbe(args[1], args[2]);
        baseUrl = args[0]; caFile = args[1]; casesDir = args[2];
        var u = new Uri(baseUrl);
        origin = u.Scheme + "://" + u.Authority;
        // The cases, then the other services' (cloud/, kinetic/ and veeam/, next to cases/).
        var parent = Path.GetDirectoryName(Path.GetFullPath(args[2]).TrimEnd('/'));
        foreach (var dir in new[] { args[2], Path.Combine(parent, "cloud"), Path.Combine(parent, "kinetic"), Path.Combine(parent, "veeam") })
            foreach (var file in Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
                Run("conformance " + Path.GetFileNameWithoutExtension(file), () => RunCase(file));
        foreach (var m in typeof(Tests).GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name.StartsWith("Test")).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var method = m;
            Run(method.Name, () => { Reset(null); method.Invoke(null, null); });
        }
        Console.WriteLine("{0} passed, {1} failed", passed, failed);
        // A plain return: the runtime exits by itself (TestAProgramUsingAsyncCallsExitsByItself).
        return failed == 0 ? 0 : 1;
    }

    static void Run(string name, Action test)
    {
        try { test(); passed++; Console.WriteLine("ok     " + name); }
        catch (Exception e)
        {
            failed++;
            var inner = e is TargetInvocationException && e.InnerException != null ? e.InnerException : e;
            Console.WriteLine("FAILED " + name + ": " + inner);
        }
    }

    static void Check(bool ok, string what) { if (!ok) throw new Exception("check failed: " + what); }

    // ---- the mock's control API, through curl (the SDK holds nothing test-specific)
    static void Control(string verb, string path, string body)
    {
        string tmp = null;
        var psi = new ProcessStartInfo("curl") { UseShellExecute = false };
        var a = "-sfk -o /dev/null -X " + verb + " ";
        if (body != null)
        {
            tmp = Path.GetTempFileName();
            File.WriteAllText(tmp, body);
            a += "-H 'Content-Type: application/json' --data-binary @" + tmp + " ";
        }
        psi.Arguments = a + origin + path;
        using (var p = Process.Start(psi)) { p.WaitForExit(); if (tmp != null) File.Delete(tmp); if (p.ExitCode != 0) throw new Exception("mock control " + verb + " " + path + " failed"); }
    }

    static object ControlGet(string path)
    {
        var tmp = Path.GetTempFileName();
        var psi = new ProcessStartInfo("curl") { UseShellExecute = false, Arguments = "-sfk -o " + tmp + " " + origin + path };
        using (var p = Process.Start(psi))
        {
            p.WaitForExit();
            var text = File.ReadAllText(tmp);
            File.Delete(tmp);
            if (p.ExitCode != 0) throw new Exception("mock control GET " + path + " failed");
            return Json.Parse(text);
        }
    }

    static void Reset(object state)
    {
        Control("PUT", "/mock/faults", "{\"latency_ms\":0,\"error_rate\":0.0,\"error_status\":503,\"drop_rate\":0.0,\"seed\":1}");
        if (state != null) Control("PUT", "/mock/state", Json.Write(state)); else Control("POST", "/mock/reset", null);
    }

    static string Opts(JsonObject login)
    {
        var o = new JsonObject { { "url", baseUrl }, { "ca_file", caFile } };
        if (login != null && login.ContainsKey("api_token")) o["api_token"] = login["api_token"];
        else if (login != null && login.ContainsKey("jwt")) o["jwt"] = login["jwt"];
        else if (login != null && login.ContainsKey("saml")) o["saml"] = login["saml"];
        else if (login != null && login.ContainsKey("username")) { o["username"] = login["username"]; o["password"] = login.ContainsKey("password") ? login["password"] : ""; }
        else { o["username"] = "QEM\\admin"; o["password"] = "admin-pass"; }
        var extra = login != null && login.ContainsKey("options") ? login["options"] as JsonObject : null;
        if (extra != null) foreach (var kv in extra) o[kv.Key] = kv.Value;
        return Json.Write(o);
    }

    static AemRestClient Admin() { return new AemRestClient(Opts(null)); }

    /// <summary>Options of another service of the mock (its root) with these credentials.</summary>
    static string ServiceOpts(string service, JsonObject credentials)
    {
        var root = service == "kinetic" ? "/kinetic-task" : service == "veeam" ? "/veeam" : "/qlik-cloud";
        var o = new JsonObject { { "service", service }, { "url", origin + root }, { "ca_file", caFile } };
        if (credentials != null) foreach (var kv in credentials) o[kv.Key] = kv.Value;
        return Json.Write(o);
    }

    // ---- conformance
    static void RunCase(string file)
    {
        var c = (JsonObject)Json.Parse(File.ReadAllText(file));
        Reset(c.ContainsKey("state") ? c["state"] : null);
        Control("DELETE", "/mock/requests", null); // a case sees its own requests only
        var service = c.ContainsKey("service") ? (string)c["service"] : "qem";
        using (QemClientBase client = service == "qlik_cloud"
            ? new QlikCloudTasksClient(ServiceOpts(service, c["credentials"] as JsonObject))
            : service == "kinetic"
            ? new KineticTaskClient(ServiceOpts(service, c["credentials"] as JsonObject))
            : service == "veeam"
            ? new VeeamEnterpriseManagerClient(ServiceOpts(service, c["credentials"] as JsonObject))
            : (QemClientBase)new AemRestClient(Opts(c.ContainsKey("login") ? c["login"] as JsonObject : null)))
        {
            if (c.ContainsKey("expect_login_error"))
            {
                var want = (string)c["expect_login_error"];
                try { client.Call("login", "{}"); }
                catch (AemClientException e) { Check(e.ErrorCode == want, "login failed with " + e + ", expected " + want); return; }
                throw new Exception("login succeeded, expected " + want);
            }
            int i = 0;
            foreach (JsonObject step in (c.ContainsKey("steps") ? (List<object>)c["steps"] : new List<object>()))
            {
                i++;
                try { Step(client, step); }
                catch (Exception e) { throw new Exception("step " + i + ": " + e.Message); }
            }
            try { client.Close(); } catch (AemClientException) { }
        }
    }

    static void Step(QemClientBase client, JsonObject step)
    {
        if (step.ContainsKey("mock"))
        {
            switch ((string)step["mock"])
            {
                case "expire_sessions": Control("POST", "/mock/expire-sessions", null); return;
                case "faults": Control("PUT", "/mock/faults", Json.Write(step["faults"])); return;
                case "sleep": Thread.Sleep((int)((JsonNumber)step["ms"]).ToDouble()); return;
                case "clear_requests": Control("DELETE", "/mock/requests", null); return;
                case "expect_requests":
                {
                    var seen = (List<object>)ControlGet("/mock/requests");
                    var op = step.ContainsKey("operation") ? (string)step["operation"] : null;
                    var kept = seen.Where(r => op == null || (((JsonObject)r)["operation"] as string) == op).ToList();
                    Subset(step.ContainsKey("expect") ? step["expect"] : new List<object>(), kept, "requests");
                    return;
                }
                default: throw new Exception("unknown mock action " + step["mock"]);
            }
        }
        var method = (string)step["method"];
        var args = step.ContainsKey("args") ? Json.Write(step["args"]) : "{}";
        string result = null;
        AemClientException error = null;
        try { result = client.Call(method, args); } catch (AemClientException e) { error = e; }
        if (step.ContainsKey("expect_error"))
        {
            var want = (string)step["expect_error"];
            if (error == null) throw new Exception(method + " succeeded with " + result + ", expected " + want);
            Check(error.ErrorCode == want, method + " failed with " + error + ", expected " + want);
            if (step.ContainsKey("expect_http_status"))
                Check(error.HttpStatus == (int)((JsonNumber)step["expect_http_status"]).ToDouble(), method + ": HTTP " + error.HttpStatus);
            return;
        }
        if (error != null) throw new Exception(method + " failed: " + error);
        if (step.ContainsKey("expect") && step["expect"] != null) Subset(step["expect"], Json.Parse(result), method + ": $");
    }

    static void Subset(object expected, object actual, string at)
    {
        if (expected is string && (string)expected == "$any") return;
        var eo = expected as JsonObject;
        if (eo != null)
        {
            var ao = actual as JsonObject;
            if (ao == null) throw new Exception(at + " is not an object");
            foreach (var kv in eo)
            {
                if (!ao.ContainsKey(kv.Key)) throw new Exception(at + "." + kv.Key + " is missing");
                Subset(kv.Value, ao[kv.Key], at + "." + kv.Key);
            }
            return;
        }
        var el = expected as List<object>;
        if (el != null)
        {
            var al = actual as List<object>;
            if (al == null || al.Count != el.Count) throw new Exception(at + " has " + (al == null ? -1 : al.Count) + " elements, expected " + el.Count);
            for (int i = 0; i < el.Count; i++) Subset(el[i], al[i], at + "[" + i + "]");
            return;
        }
        if (expected is JsonNumber && actual is JsonNumber && ((JsonNumber)expected).ToDouble() == ((JsonNumber)actual).ToDouble()) return;
        if (Json.Write(expected) != Json.Write(actual)) throw new Exception(at + " is " + Json.Write(actual) + ", expected " + Json.Write(expected));
    }

    // ---- hostile names (tests/conformance/hostile-names.json): every name argument of
    // every operation either reaches its method as exactly one segment or is refused
    // with INVALID_ARGUMENT before anything is sent.
    static string Expand(object e)
    {
        var s = e as string;
        if (s != null) return s;
        var o = (JsonObject)e;
        return string.Concat(Enumerable.Repeat((string)o["repeat"], (int)((JsonNumber)o["times"]).ToDouble()));
    }

    // A lone surrogate in any text argument, not only names, is refused by the core naming
    // the argument (the JSON writer escapes it), and nothing is sent.
    static void TestLoneSurrogatesInAnyArgument()
    {
        using (var client = Admin())
        {
            client.GetServerList();
            Control("DELETE", "/mock/requests", null);
            var calls = new List<Tuple<string, Action>>
            {
                Tuple.Create("schema", (Action)(() => client.GetTableList("Local Server", "SalesDBBackup", "\ud800"))),
                Tuple.Create("table", (Action)(() => client.GetTableStatuses("Local Server", "SalesDBBackup", null, "a\udfffb"))),
                Tuple.Create("end_timestamp", (Action)(() => client.ExportAuditTrail("2024-01-01T00:00:00", "\udc00"))),
                Tuple.Create("payload", (Action)(() => client.Call("put_server_license", "{\"server\": \"Local Server\", \"payload\": " + Json.Write("license_key=\ud800") + "}"))),
            };
            foreach (var c in calls)
            {
                AemClientException error = null;
                try { c.Item2(); } catch (AemClientException e) { error = e; }
                Check(error != null && error.ErrorCode == "INVALID_ARGUMENT", c.Item1 + " was not refused: " + error);
                Check(error.Message.Contains("`" + c.Item1 + "`"), c.Item1 + ": the message names the argument: " + error.Message);
            }
            Check(((List<object>)ControlGet("/mock/requests")).Count == 0, "nothing sent");
        }
    }

    static void TestHostileNames()
    {
        var table = (JsonObject)Json.Parse(File.ReadAllText(Path.Combine(casesDir, "..", "hostile-names.json")));
        var baseArgs = (JsonObject)table["base_args"];
        var payloads = (JsonObject)table["payloads"];
        // What C# strings can hold and UTF-8 cannot: written as escapes, refused by the core.
        var names = ((List<object>)table["refused"]).Select(e => Tuple.Create(Expand(e), true))
            .Concat(new[] { "\ud800", "a\udfffb" }.Select(n => Tuple.Create(n, true)))
            .Concat(((List<object>)table["sent"]).Select(e => Tuple.Create(Expand(e), false))).ToList();
        int checkedCalls = 0, pairs = 0;
        using (var client = Admin())
        {
            client.GetServerList();
            foreach (JsonObject op in Operations())
            {
                var method = (string)op["method"];
                var opArgs = ((List<object>)op["args"]).Cast<JsonObject>().Select(a => (string)a["name"]).ToList();
                foreach (var arg in new[] { "server", "task", "endpoint" }.Where(opArgs.Contains))
                {
                    pairs++;
                    foreach (var t in names)
                    {
                        var args = new JsonObject();
                        foreach (var a in opArgs) if (baseArgs.ContainsKey(a)) args[a] = baseArgs[a];
                        if (payloads.ContainsKey(method)) args["payload"] = payloads[method];
                        args[arg] = t.Item1;
                        var shown = method + "(" + arg + "=" + Json.Write(t.Item1.Length > 20 ? t.Item1.Substring(0, 20) : t.Item1) + ")";
                        Control("DELETE", "/mock/requests", null);
                        AemClientException error = null;
                        try { client.Call(method, Json.Write(args)); } catch (AemClientException e) { error = e; }
                        var log = ((List<object>)ControlGet("/mock/requests")).Cast<JsonObject>().ToList();
                        if (t.Item2)
                        {
                            Check(error != null && error.ErrorCode == "INVALID_ARGUMENT", shown + " was not refused: " + error);
                            Check(error.Message.Contains("`" + arg + "`"), shown + ": the message names the argument: " + error.Message);
                            Check(log.Count == 0, shown + " sent " + log.Count + " requests");
                        }
                        else
                        {
                            Check(error == null || error.ErrorCode != "INVALID_ARGUMENT", shown + " was refused: " + error);
                            var seen = log.Where(r => (r["operation"] as string) != "login").ToList();
                            Check(seen.Count == 1, shown + ": " + seen.Count + " requests");
                            Check((string)seen[0]["operation"] == method, shown + " reached " + seen[0]["operation"]);
                            Check((string)((JsonObject)seen[0]["names"])[arg] == t.Item1, shown + " arrived as " + Json.Write(seen[0]["names"]));
                        }
                        checkedCalls++;
                    }
                }
            }
        }
        // Every (operation, name argument) pair, with every name.
        Check(pairs >= 50 && checkedCalls == pairs * names.Count, checkedCalls + " calls checked for " + pairs + " pairs");
    }

    // ---- .NET-specific tests

    static void TestSamlLogin()
    {
        var xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"><saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\"><saml:Subject><saml:NameID>samluser@qem.example</saml:NameID></saml:Subject></saml:Assertion></samlp:Response>";
        var message = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(xml));
        using (var client = new AemRestClient(AemRestClient.SamlOptions(message, baseUrl, true, caFile)))
        {
            Check(client.GetServerList().ServerList.Count == 1, "logged in with SAML");
        }
        // What a user sees when things fail never holds the message: an error making the
        // client (a CA file that does not exist), and an error of a call (nobody listens).
        try { new AemRestClient(AemRestClient.SamlOptions(message, baseUrl, true, "/nonexistent/ca.pem")).Dispose(); throw new Exception("a missing CA file was accepted"); }
        catch (AemClientException e) { Check(!e.ToString().Contains(message) && !e.Message.Contains(message), "the message is never shown: " + e.ErrorCode); }
        using (var client = new AemRestClient(AemRestClient.SamlOptions(message, "https://127.0.0.1:9/attunityenterprisemanager", false, null)))
        {
            try { client.GetServerList(); throw new Exception("a closed port answered"); }
            catch (AemClientException e)
            {
                Check(e.ErrorCode == "CONNECTION_ERROR", "unreachable: " + e);
                Check(!e.ToString().Contains(message), "the message is never shown");
            }
        }
        var stranger = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(xml.Replace("samluser@qem.example", "nobody@elsewhere.example")));
        using (var client = new AemRestClient(AemRestClient.SamlOptions(stranger, baseUrl, true, caFile)))
        {
            try { client.GetServerList(); throw new Exception("an unknown SAML user logged in"); }
            catch (AemClientException e)
            {
                Check(e.ErrorCode == "UNAUTHORIZED_REQUEST", "refused: " + e);
                Check(!e.ToString().Contains(stranger), "the message is never shown");
            }
        }
    }

    static void TestQlikCloudTypedClient()
    {
        Control("PUT", "/mock/state", "{\"qlik_cloud\":{\"settings\":{\"run_ms\":50}}}");
        using (var c = new QlikCloudTasksClient(origin + "/qlik-cloud", "key-dev", true, caFile))
        {
            var page = c.GetTasks(resourceId: "app-1", limit: 1);
            Check(page.Data.Count == 1 && page.Links.Next.Href.Contains("page="), "one page and its next link");
            Check(c.GetTasks(resourceId: "app-1", all: true).Data.Count == 2, "every page");
            var created = c.CreateTask(new CloudTask { Name = "net", SpecVersion = "0.8", ResourceId = "app-net" }, migrateFrom: "rt-3");
            Check(created.Id != null && created.Metadata.MigratedFrom == "rt-3", "created: " + created.Id);
            Check(created.States == null, "a list never set is not sent: " + Json.Write(c.Call("GetTask", "{\"id\":\"" + created.Id + "\"}")));
            created.Description = "changed";
            Check(c.UpdateTask(created.Id, created).Description == "changed", "updated");
            Check(c.GetTask(created.Id).Name == "net", "read back");
            Check(c.StartTask(created.Id, "manual").Message != null, "started");
            var last = c.GetLastTaskRun(created.Id);
            Check(last.TaskId == created.Id, "its last run");
            var runs = c.GetTaskRuns(created.Id, all: true);
            Check(runs.Data.Count == 1, "its runs");
            Check(c.GetTaskRunLog(created.Id, runs.Data[0].Id).Length > 0, "its log, as text");
            Check(c.GetTasksResourceRuns("app-net").Data[0].TaskId == created.Id, "the resource's runs");
            var run = c.StartTaskAndWaitAsync(created.Id, 5000, 20).Result;
            Check(run.Status == "SUCCEEDED", "waited: " + run.Status);
            c.DeleteTask(created.Id);
            try { c.GetTask(created.Id); throw new Exception("a deleted task was read"); }
            catch (AemClientException e)
            {
                Check(e.ErrorCode.StartsWith("TASKS-") && e.HttpStatus == 404 && e.Operation == "GetTask" && !string.IsNullOrEmpty(e.TraceId), "the server's error: " + e + " " + e.TraceId);
            }
            try { c.Call("get_server_list", "{}"); throw new Exception("an Enterprise Manager method ran"); }
            catch (AemClientException e) { Check(e.ErrorCode == "INVALID_ARGUMENT" && e.Message.Contains("qlik_cloud"), e.ToString()); }
        }
        using (var c = QlikCloudTasksClient.WithOAuthClient(origin + "/qlik-cloud", "m2m-client", "m2m-secret", true, caFile))
            Check(c.GetTask("task-1").Id == "task-1", "OAuth client credentials");
        try { new QlikCloudTasksClient("{\"url\":\"https://t\",\"api_key\":\"k\",\"client_id\":\"c\",\"client_secret\":\"s\"}").Dispose(); throw new Exception("both credentials were accepted"); }
        catch (AemClientException e) { Check(e.ErrorCode == "INVALID_ARGUMENT", e.ToString()); }
    }

    static void TestKineticTypedClient()
    {
        using (var c = new KineticTaskClient(origin + "/kinetic-task", null, null, true, caFile))
        {
            var done = c.CloneTrees(sourceFrom: "Playground", sourceTo: "Playground", groupFrom: "Testing", groupTo: "Docs", names: new[] { "Another Tree" });
            Check(done.Message == "Cloned 1 tree." && done.Trees.Count == 1 && done.Trees[0].SourceGroup == "Docs", "flat: " + done.Message);
            var request = new KineticCloneTreesRequest
            {
                Source = new KineticFromTo { From = "Playground", To = "Playground" },
                SourceGroup = new KineticFromTo { From = "Testing", To = "Archive" },
                LocalRoutines = new List<KineticFromTo> { new KineticFromTo { From = "routine_playground_testing_v1", To = "routine_archive_v1" } },
            };
            var all = c.CloneTreesAsync(request).Result;
            Check(all.Trees.Count == 3 && all.Trees.Any(t => t.DefinitionId == "routine_archive_v1"), "payload: " + all.Message);
            try { c.CloneTrees(request); throw new Exception("a clone into taken names succeeded"); }
            catch (AemClientException e) { Check(e.ErrorCode == "BAD_REQUEST" && e.HttpStatus == 400 && e.Message.Contains("already exists"), e.ToString()); }
            try { c.CloneTrees(sourceFrom: "Playground"); throw new Exception("an incomplete request was sent"); }
            catch (AemClientException e) { Check(e.ErrorCode == "INVALID_ARGUMENT", e.ToString()); }
        }
    }

    static void TestVeeamTypedClient()
    {
        const string job = "78c3919c-54d7-43fe-b047-485d3566f11f";
        const string repo = "c8f4d7a1-3b2e-4f6a-9d8c-7e1b5a2f3c44";
        using (var c = new VeeamEnterpriseManagerClient(origin + "/veeam", "EM\\admin", "admin-pass", true, caFile))
        {
            var repos = c.GetRepositories();
            Check(repos.Refs.Count == 1 && repos.Refs[0].UID == "urn:veeam:Repository:" + repo, "repositories");
            var task = c.CloneJob("urn:veeam:Job:" + job, ".NET copy", folderName: "NetCopy", repositoryUid: repos.Refs[0].UID);
            Check(task.State == "Running" && task.Links[0].Rel == "Delete", "clone: " + task.State);
            var made = c.CloneJobAndWaitAsync(job, ".NET copy 2", folderName: "NetCopy2", repositoryUid: repo, pollMs: 50).Result;
            Check(made.JobName == ".NET copy 2" && made.JobUid == "urn:veeam:Job:" + made.JobId && made.Task.Result.Success == true, "clone and wait");
            Check(c.GetJobs().Refs.Any(r => r.UID == made.JobUid), "the new job is listed");
            try { c.GetTask("task-404"); throw new Exception("an unknown task was found"); }
            catch (AemClientException e) { Check(e.ErrorCode == "NOT_FOUND" && e.HttpStatus == 404 && e.Message.Contains("Task task-404 not found."), e.ToString()); }
            try { c.CloneJob("not-a-guid", "x", folderName: "y", repositoryUid: repo); throw new Exception("a bad job id was sent"); }
            catch (AemClientException e) { Check(e.ErrorCode == "INVALID_ARGUMENT", e.ToString()); }
        }
        using (var wrong = new VeeamEnterpriseManagerClient(origin + "/veeam", "EM\\admin", "wrong-pass", true, caFile))
        {
            try { wrong.GetJobs(); throw new Exception("a wrong password logged on"); }
            catch (AemClientException e) { Check(e.ErrorCode == "UNAUTHORIZED" && e.HttpStatus == 401 && !e.ToString().Contains("wrong-pass"), e.ToString()); }
        }
    }

    static void TestTheHelpersAreTypedMethods()
    {
        // Every helper of the API description is a method, PascalCase, with its async twin.
        var description = (JsonObject)Json.Parse(AemRestClient.OperationsJson());
        var helpers = (List<object>)((JsonObject)((List<object>)description["services"])[0])["helpers"];
        var names = new HashSet<string>(typeof(AemRestClient).GetMethods().Select(m => m.Name));
        foreach (JsonObject h in helpers)
        {
            var n = string.Concat(((string)h["name"]).Split('_').Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
            Check(names.Contains(n) && names.Contains(n + "Async"), "a typed method for " + n);
        }
        using (var client = Admin())
        {
            var selected = client.SelectTasks("Local Server", all: true);
            Check(selected.Contains("SalesDBBackup"), "select: " + string.Join(",", selected));
            var snapshot = client.SnapshotTaskStates("Local Server");
            Check(snapshot.Server == "Local Server" && snapshot.Tasks.Any(t => t.Name == "SalesDBBackup" && t.State != null), "snapshot");
            var metrics = client.PrometheusMetrics("Local Server", names: new[] { "SalesDBBackup" });
            Check(metrics.Contains("SalesDBBackup"), "metrics");
            // A name no task has is a failed item of the report: the arguments reached the core as given.
            var report = client.RunTasksAsync("Local Server", names: new[] { "No Such Task" }, option: AemRunTaskOptions.RELOAD_TARGET, wait: false).Result;
            Check(report.Server == "Local Server" && report.Succeeded == 0 && report.Failed == 1 && report.Tasks.Count == 1 && report.Tasks[0].ErrorCode == "NOT_FOUND", "run tasks report");
            var dir = Path.Combine(Path.GetTempPath(), "qem-net-backup-" + Guid.NewGuid().ToString("N"));
            try
            {
                var saved = client.Backup(dir, servers: new[] { "Local Server" });
                Check(saved.Failed == 0 && saved.Items.Any(i => i.Task == "SalesDBBackup" && i.Bytes > 0), "backup");
            }
            finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
        }
    }

    static void TestTypedMethodsAndNetworkCredential()
    {
        var cred = new NetworkCredential { Domain = "QEM", UserName = "admin", Password = "admin-pass" };
        using (var client = new AemRestClient(AemRestClient.Options(cred, baseUrl, true, caFile)))
        {
            var servers = client.GetServerList();
            Check(servers.ServerList.Count == 1 && servers.ServerList[0].Name == "Local Server", "server list");
            Check(servers.ServerList[0].State == AemServerState.MONITORED, "server state enum");
            Check(servers.ServerList[0].Platform == AemPlatform.LINUX, "platform enum");
            var details = client.GetServerDetails("Local Server");
            Check(details.ServerDetails.Name == "Local Server", "details");
            Check(details.ServerDetails.License.State == AemLicenseState.VALID_LICENSE, "license alias LICENSE_VALID");
            var tasks = client.GetTaskList("Local Server");
            Check(tasks.TaskList[0].Name == "SalesDBBackup" && tasks.TaskList[0].State == AemTaskState.STOPPED, "task list");
            var run = client.RunTask(new AemRunTaskReq(), "Local Server", "SalesDBBackup", AemRunTaskOptions.RESUME_PROCESSING, 30);
            Check(run.State == AemTaskState.RUNNING, "run: " + run.State);
            var stop = client.StopTask("Local Server", "SalesDBBackup");
            Check(stop.State == AemTaskState.STOPPED, "stop");
            var task = client.GetTaskDetails("Local Server", "SalesDBBackup");
            Check(task.Name == "SalesDBBackup" && task.SourceEndpoint.Name == "Oracle Source", "task details");
            var export = client.ExportTask("Local Server", "SalesDBBackup", true);
            Check(export.StartsWith("{") && export.Contains("SalesDBBackup"), "export is a JSON string");
            client.ImportTask(export, "Local Server", "SalesDBBackup");
            var endpoints = client.GetEndpointList("Local Server");
            Check(endpoints.EndpointList.Count == 2 && endpoints.EndpointList[0].Role == EndpointRole.SOURCE, "endpoints");
            var test = client.TestEndpoint("Local Server", "Oracle Source");
            Check(test.Status == AemEndpointState.CONNECTED && test.Status == AemEndpointState.SUCCESS && test.State == test.Status, "test endpoint " + test.Status);
            var server = client.GetServer("Local Server");
            server.Description = "edited";
            client.PutServer(server, "Local Server");
            Check(client.GetServer("Local Server").Description == "edited", "put server round trip");
            client.CloneTask(new AemCloneTaskReq { NewTaskName = "Clone1" }, "Local Server", "SalesDBBackup");
            Check(client.GetTaskList("Local Server").TaskList.Any(t => t.Name == "Clone1"), "clone");
            var acl = new AemAuthorizationAcl { AdminRole = new AemRoleDef { Users = new List<AemUserRef> { new AemUserRef { Name = "QEM\\admin" } } } };
            client.PutServerACL(acl, "Local Server");
            Check(client.GetServerAcl("Local Server").AdminRole.Users[0].Name == "QEM\\admin", "acl");
        }
    }

    static void TestExportsAreTheServersText()
    {
        // A server that starts exports with a comment line: the text comes back unchanged
        // (a re-serialized document would lose the comment), and imports back as it is.
        Control("PUT", "/mock/state", "{\"settings\":{\"export_comment\":\"Exported by EM\"}}");
        using (var client = Admin())
        {
            var text = client.ExportTask("Local Server", "SalesDBBackup", true);
            // Replicate's own layout (tabs after the colons) survives too: nothing re-serializes.
            Check(text.StartsWith("// Exported by EM\r\n{\n\t\"name\":\t\"SalesDBBackup__"), "export keeps the server's first line: " + text.Substring(0, 40));
            client.ImportTask(text, "Local Server", "SalesDBBackup");
            var all = client.ExportAllAsync("Local Server").Result;
            Check(all.StartsWith("// Exported by EM\r\n{"), "async export-all is the server's text too");
        }
    }

    static void TestApiTokenAndJwtCredentials()
    {
        using (var c = new AemRestClient(AemRestClient.Options(new NetworkCredential("api-token", "pat-admin-123"), baseUrl, true, caFile)))
            Check(c.GetServerList().ServerList.Count == 1, "api-token");
        using (var c = new AemRestClient(AemRestClient.Options(new NetworkCredential("jwt", "eyJ.admin.jwt"), baseUrl, true, caFile)))
            Check(c.GetServerList().ServerList.Count == 1, "jwt");
        using (var c = new AemRestClient(AemRestClient.Options(new NetworkCredential("jwt", "wrong"), baseUrl, true, caFile)))
        {
            try { c.GetServerList(); throw new Exception("no error"); }
            catch (AemClientException e) { Check(e.ErrorCode == "UNAUTHORIZED_REQUEST" && e.HttpStatus == 401, e.ToString()); }
        }
    }

    static void TestGuideConstructorsBuildClients()
    {
        // Nothing is sent until the first call; an untrusted certificate is then TLS_ERROR.
        using (var c = new AemRestClient(new NetworkCredential("admin", "admin-pass", "QEM"), baseUrl))
        {
            try { c.GetServerList(); throw new Exception("no error"); }
            catch (AemClientException e) { Check(e.ErrorCode == "TLS_ERROR", e.ToString()); }
        }
        var u = new Uri(baseUrl);
        using (var c = new AemRestClient(new NetworkCredential("admin", "admin-pass", "QEM"), u.Host, u.Port, "attunityenterprisemanager", false))
            Check(c.GetServerList().ServerList.Count == 1, "host/port constructor, verifyCertificate=false");
    }

    static void TestServerErrorsAreAemClientException()
    {
        using (var c = Admin())
        {
            try { c.GetTaskDetails("Local Server", "NoSuchTask"); throw new Exception("no error"); }
            catch (AemClientException e) { Check(e.ErrorCode == "AEM_TASK_NOT_FOUND" && e.HttpStatus == 500 && e.Message.Length > 0 && e.Operation == "GetTaskDetails", e.ToString()); }
        }
    }

    static void ExpectInvalid(Action a, string mention)
    {
        try { a(); throw new Exception("no error"); }
        catch (AemClientException e) { Check(e.ErrorCode == "INVALID_ARGUMENT" && e.Message.Contains(mention), e + " should name " + mention); }
    }

    static void TestBadInputIsInvalidArgument()
    {
        using (var c = Admin())
        {
            ExpectInvalid(() => c.Call("GetServerList", "{not json"), "args_json");
            ExpectInvalid(() => c.Call("GetServerList", "[1]"), "JSON object");
            ExpectInvalid(() => c.Call("NoSuchOperation", "{}"), "NoSuchOperation");
            ExpectInvalid(() => c.Call("GetTaskList", "{\"server\": 42}"), "server");
            ExpectInvalid(() => c.Call("GetTaskList", "{\"server\": \"Local Server\", \"bogus\": 1}"), "bogus");
            ExpectInvalid(() => c.Call(null, "{}"), "operation");
            ExpectInvalid(() => c.Call("GetServerList", null), "args_json");
            ExpectInvalid(() => c.PatchEndpoint("{nope", "Local Server", "Oracle Source"), "payload");
            var patch = c.PatchEndpointAsync("{nope", "Local Server", "Oracle Source");
            Check(patch.IsFaulted && ((AemClientException)patch.Exception.InnerException).ErrorCode == "INVALID_ARGUMENT", "async bad payload is a faulted task");
            ExpectInvalid(() => new AemRestClient("{\"url\": \"ftp://x\", \"api_token\": \"t\"}"), "url");
            try { c.CallAsync("NoSuchOperation", "{}").Wait(); throw new Exception("no error"); }
            catch (AggregateException e) { Check(e.InnerException is AemClientException && ((AemClientException)e.InnerException).ErrorCode == "INVALID_ARGUMENT", e.ToString()); }
        }
    }

    static void TestAsyncVariants()
    {
        using (var c = Admin())
        {
            var list = c.GetServerListAsync().Result;
            Check(list.ServerList[0].Name == "Local Server", "async list");
            var tasks = Enumerable.Range(0, 40).Select(i => c.GetTaskListAsync("Local Server")).ToArray();
            Task.WaitAll(tasks);
            Check(tasks.All(t => t.Result.TaskList[0].Name == "SalesDBBackup"), "40 concurrent async calls");
            var run = c.RunTaskAsync(null, "Local Server", "SalesDBBackup", AemRunTaskOptions.RESUME_PROCESSING).Result;
            Check(run.State == AemTaskState.RUNNING, "async run");
            Check(c.StopTaskAsync("Local Server", "SalesDBBackup").Result.State == AemTaskState.STOPPED, "async stop");
            Check(c.ExportTaskAsync("Local Server", "SalesDBBackup").Result.Contains("SalesDBBackup"), "async export");
            try { c.GetTaskDetailsAsync("Local Server", "Nope").Wait(); throw new Exception("no error"); }
            catch (AggregateException e) { Check(((AemClientException)e.InnerException).ErrorCode == "AEM_TASK_NOT_FOUND", "async error"); }
        }
    }

    static void TestEveryAsyncMethodHasItsPair()
    {
        var ms = typeof(AemRestClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        foreach (var m in ms.Where(m => !m.Name.EndsWith("Async") && m.Name != "Dispose" && m.Name != "Close"))
        {
            var a = ms.FirstOrDefault(x => x.Name == m.Name + "Async");
            Check(a != null && typeof(Task).IsAssignableFrom(a.ReturnType) && a.GetParameters().Last().ParameterType == typeof(CancellationToken), m.Name + "Async");
        }
    }

    /// <summary>The Enterprise Manager operations of the API description.</summary>
    static List<object> Operations()
    {
        var description = (JsonObject)Json.Parse(AemRestClient.OperationsJson());
        return (List<object>)((JsonObject)((List<object>)description["services"])[0])["operations"];
    }

    static void TestEveryCoreOperationHasAMethod()
    {
        var ops = Operations();
        var names = new HashSet<string>(typeof(AemRestClient).GetMethods().Select(m => m.Name));
        var alias = new Dictionary<string, string> { { "ReconfigureEndpointNoWait", "ReconfigureEndpointNowait" }, { "DeleteOldChangeData", "DeleteOldData" }, { "PutServerAcl", "PutServerACL" } };
        foreach (JsonObject op in ops)
        {
            var n = (string)op["name"];
            Check(names.Contains(n) || (alias.ContainsKey(n) && names.Contains(alias[n])), "a method for " + n);
        }
        Check(ops.Count >= 36, "36 operations");
    }

    static void TestCancellation()
    {
        using (var c = Admin())
        {
            // Before: an already cancelled token never starts the call.
            var cts = new CancellationTokenSource();
            cts.Cancel();
            var t = c.GetServerListAsync(cts.Token);
            try { t.Wait(); throw new Exception("not cancelled"); }
            catch (AggregateException e) { Check(e.InnerException is OperationCanceledException, e.ToString()); }
            // During: a slow answer (latency) cancelled mid-flight.
            Control("PUT", "/mock/faults", "{\"latency_ms\":2000,\"error_rate\":0.0,\"error_status\":503,\"drop_rate\":0.0,\"seed\":1}");
            var cts2 = new CancellationTokenSource();
            var sw = Stopwatch.StartNew();
            var slow = c.GetTaskListAsync("Local Server", cts2.Token);
            Thread.Sleep(100);
            cts2.Cancel();
            try { slow.Wait(); throw new Exception("not cancelled"); }
            catch (AggregateException e) { Check(e.InnerException is OperationCanceledException, e.ToString()); }
            Check(sw.ElapsedMilliseconds < 1500, "cancel took " + sw.ElapsedMilliseconds + " ms");
            Control("PUT", "/mock/faults", "{\"latency_ms\":0,\"error_rate\":0.0,\"error_status\":503,\"drop_rate\":0.0,\"seed\":1}");
            // After: cancelling a completed call changes nothing.
            var cts3 = new CancellationTokenSource();
            var done = c.GetServerListAsync(cts3.Token);
            done.Wait();
            cts3.Cancel();
            Check(done.Status == TaskStatus.RanToCompletion, "completed stays completed");
            // Many racing cancellations: each completes exactly once, either way.
            var racing = Enumerable.Range(0, 50).Select(i =>
            {
                var s = new CancellationTokenSource();
                var task = c.GetServerListAsync(s.Token);
                if (i % 2 == 0) s.Cancel();
                return task;
            }).ToArray();
            foreach (var r in racing)
                try { r.Wait(); } catch (AggregateException e) { Check(e.InnerException is OperationCanceledException, e.ToString()); }
        }
    }

    static void TestDispose()
    {
        var c = Admin();
        c.GetServerList();
        // Dispose racing calls in flight: they complete; later calls are refused.
        var inflight = Enumerable.Range(0, 20).Select(i => c.GetTaskListAsync("Local Server")).ToArray();
        var blocking = Task.Run(() => { for (int i = 0; i < 20; i++) { try { c.GetServerList(); } catch (ObjectDisposedException) { } } });
        c.Dispose();
        Task.WaitAll(inflight);
        blocking.Wait();
        try { c.GetServerList(); throw new Exception("used after dispose"); }
        catch (ObjectDisposedException) { }
        try { c.GetServerListAsync().Wait(); throw new Exception("used after dispose"); }
        catch (AggregateException e) { Check(e.InnerException is ObjectDisposedException, e.ToString()); }
        c.Dispose(); // twice is fine
    }

    static void TestCloseRefusesLaterCalls()
    {
        using (var c = Admin())
        {
            c.GetServerList();
            c.Close();
            try { c.GetServerList(); throw new Exception("no error"); }
            catch (AemClientException e) { Check(e.ErrorCode == "CLIENT_CLOSED", e.ToString()); }
        }
    }

    // ---- a program that uses the async API and returns from Main, run as a child process

    static int ExitProbe(string url, string ca)
    {
        var u = new Uri(url);
        // The guide's constructor; no Dispose and no Environment.Exit: the runtime must end by itself.
        var client = new AemRestClient(new NetworkCredential("admin", "admin-pass", "QEM"), u.Host, u.Port, false);
        var calls = Enumerable.Range(0, 20).Select(i => (Task)client.GetTaskListAsync("Local Server")).ToList();
        calls.Add(client.GetTaskDetailsAsync("Local Server", "NoSuchTask").ContinueWith(t =>
        {
            if (!(t.Exception != null && t.Exception.InnerException is AemClientException)) throw new Exception("expected AemClientException");
        }));
        var cts = new CancellationTokenSource();
        var cancelled = client.GetServerListAsync(cts.Token);
        cts.Cancel();
        Task.WaitAll(calls.ToArray());
        try { cancelled.Wait(); } catch (AggregateException) { }
        Console.WriteLine("probe done");
        return 0;
    }

    static void TestAProgramUsingAsyncCallsExitsByItself()
    {
        var mono = Process.GetCurrentProcess().MainModule.FileName;
        var psi = new ProcessStartInfo(mono, "\"" + Assembly.GetExecutingAssembly().Location + "\" --exit-probe \"" + baseUrl + "\" \"" + caFile + "\"")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        var sw = Stopwatch.StartNew();
        using (var p = Process.Start(psi))
        {
            var output = p.StandardOutput.ReadToEndAsync();
            var errors = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(20000))
            {
                try { p.Kill(); } catch (Exception) { }
                p.WaitForExit();
                throw new Exception("the program had not exited 20 s after it started; its output: " + output.Result + errors.Result);
            }
            p.WaitForExit();
            Check(output.Result.Contains("probe done"), "the program's output: " + output.Result + errors.Result);
            Check(p.ExitCode == 0, "exit code " + p.ExitCode + ": " + errors.Result);
        }
        Check(sw.ElapsedMilliseconds < 20000, "took " + sw.ElapsedMilliseconds + " ms");
    }

    // ---- the guide's chapter 3, by reflection

    static string TypeName(Type t)
    {
        if (t == typeof(void)) return "void";
        if (t == typeof(string)) return "string";
        if (t == typeof(bool)) return "bool";
        if (t == typeof(int)) return "int";
        if (t == typeof(long)) return "long";
        if (t.IsGenericType)
            return t.Name.Substring(0, t.Name.IndexOf('`')) + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
        return t.Name;
    }

    static string Literal(object v, Type t)
    {
        if (v == null) return t.IsValueType && t != typeof(CancellationToken) ? "?" : "null";
        if (v is bool) return (bool)v ? "true" : "false";
        if (v is Enum) return t.Name + "." + v;
        return v.ToString();
    }

    static string Signature(MethodBase m)
    {
        var ps = m.GetParameters().Select(p => TypeName(p.ParameterType) + " " + p.Name +
            (p.IsOptional ? " = " + (p.ParameterType == typeof(CancellationToken) ? "default" : Literal(p.DefaultValue, p.ParameterType)) : ""));
        var mi = m as MethodInfo;
        return (mi != null ? TypeName(mi.ReturnType) + " " + m.Name : "new") + "(" + string.Join(", ", ps) + ")";
    }

    const string TableFilters = "string schema = null, string table = null, bool includequeued = false, bool includeloading = false, bool includecompleted = false, bool includechangeprocessing = false, bool includeerror = false";

    // Each method's syntax as chapter 3 writes it (3.5 - 3.37), and CloneTask.
    static readonly string[] GuideMethods =
    {
        "void PutServerLicense(string payload, string server)",
        "AemGetServerDetailsResp GetServerDetails(string server)",
        "void PutServer(AemServer payload, string server)",
        "void PutServerACL(AemAuthorizationAcl payload, string server)",
        "void PutServerAcl(AemAuthorizationAcl payload, string server)",
        "AemServer GetServer(string server)",
        "AemAuthorizationAcl GetServerAcl(string server)",
        "AemGetServerListResp GetServerList()",
        "void DeleteServer(string server)",
        "void DeleteServerAcl(string server)",
        "AemGetTaskListResp GetTaskList(string server)",
        "AemGetTaskDetailsResp GetTaskDetails(string server, string task)",
        "AemGetTableListResp GetTableList(string server, string task, " + TableFilters + ")",
        "TableSelectionDefinition GetTaskTableSelection(string server, string task)",
        "void PutTaskTableSelection(TableSelectionDefinition payload, string server, string task)",
        "AemGetTableStatusesResp GetTableStatuses(string server, string task, " + TableFilters + ")",
        "void DeleteTask(string server, string task, bool deletetasklogs = false)",
        "string ExportTask(string server, string task, bool withendpoints = false)",
        "void ImportTask(string payload, string server, string task)",
        "string ExportAuditTrail(string startTimestamp, string endTimestamp)",
        "AemRunTaskResp RunTask(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option = AemRunTaskOptions.RESUME_PROCESSING, int timeout = 30)",
        "AemStopTaskResp StopTask(string server, string task, int timeout = 30)",
        "AemGetEndpointListResp GetEndpointList(string server)",
        "void PatchEndpoint(string payload, string server, string endpoint)",
        "void DeleteEndpoint(string server, string endpoint)",
        "void ReconfigureEndpointNowait(string server, string endpoint, string configuration = null, bool recycle = true)",
        "void ReconfigureEndpointNoWait(string server, string endpoint, string configuration = null, bool recycle = true)",
        "string ExportAll(string server)",
        "void ImportAll(string payload, string server)",
        "void ReloadTable(string server, string task, string schema = null, string table = null)",
        "void ResumeTable(string server, string task, string schema = null, string table = null)",
        "AemTestEndpointResp TestEndpoint(string server, string endpoint, int timeout = 60)",
        "void DeleteOldData(AemDeleteOldDataReq payload, string server, string task)",
        "void DeleteOldChangeData(AemDeleteOldDataReq payload, string server, string task)",
        "void SetChangeDataRetentionBarrier(AemSetChangeDataRetentionBarrierReq payload, string server, string task)",
        "AemGetChangeDataRetentionBarrierResp GetChangeDataRetentionBarrier(string server, string task)",
        "void CloneTask(AemCloneTaskReq payload, string server, string task)",
    };

    static void TestEveryGuideMethodAndItsAsyncTwinHaveTheGuidesSignature()
    {
        var have = new HashSet<string>(typeof(AemRestClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(Signature));
        var missing = new List<string>();
        foreach (var sig in GuideMethods)
        {
            if (!have.Contains(sig)) missing.Add(sig);
            // The twin: Task or Task<T>, the same parameters, then the token.
            int sp = sig.IndexOf(' '), par = sig.IndexOf('(');
            var ret = sig.Substring(0, sp);
            var args = sig.Substring(par + 1, sig.Length - par - 2);
            var twin = (ret == "void" ? "Task" : "Task<" + ret + ">") + " " + sig.Substring(sp + 1, par - sp - 1) + "Async(" +
                (args.Length > 0 ? args + ", " : "") + "CancellationToken cancellationToken = default)";
            if (!have.Contains(twin)) missing.Add(twin);
        }
        Check(missing.Count == 0, "missing or different: " + string.Join("; ", missing) + "\n have: " + string.Join("; ", have.OrderBy(x => x)));
        var ctors = new HashSet<string>(typeof(AemRestClient).GetConstructors().Select(Signature));
        foreach (var c in new[]
        {
            "new(ICredentials credentials, string url = https://localhost/attunityenterprisemanager, bool verifyCertificate = true)",
            "new(ICredentials credentials, string host, int port, string urlSuffix = attunityenterprisemanager, bool verifyCertificate = true)",
            "new(ICredentials credentials, string host, int port, bool verifyCertificate)",
        })
            Check(ctors.Contains(c), "constructor " + c + "; have " + string.Join("; ", ctors));
        Check(typeof(IDisposable).IsAssignableFrom(typeof(AemRestClient)), "IDisposable");
    }

    // Class.Property:Type as the guide's tables give them.
    static readonly string[] GuideProperties =
    {
        "AemGetServerDetailsResp.ServerDetails:AemServerDetails",
        "AemServerDetails.Configuration:AemServerConfiguration", "AemServerDetails.Description:string", "AemServerDetails.LastConnection:string",
        "AemServerDetails.License:ApiLicense", "AemServerDetails.Message:string", "AemServerDetails.Name:string",
        "AemServerDetails.ResourceUtilization:AemServerUtilization", "AemServerDetails.State:AemServerState",
        "AemServerDetails.AemTasksSummary:TaskSummary", "AemServerDetails.Version:string",
        "AemServerConfiguration.Host:string", "AemServerConfiguration.Platform:AemPlatform", "AemServerConfiguration.Port:string", "AemServerConfiguration.UserName:string",
        "ApiLicense.DaysToExpiration:int", "ApiLicense.Expiration:string", "ApiLicense.IssueDate:string", "ApiLicense.State:AemLicenseState",
        "AemServerUtilization.AttunityCpuPercentage:int", "AemServerUtilization.DiskUsageMb:long", "AemServerUtilization.MachineCpuPercentage:int", "AemServerUtilization.MemoryMb:long",
        "TaskSummary.Error:int", "TaskSummary.Recovering:int", "TaskSummary.Running:int", "TaskSummary.Stopped:int", "TaskSummary.Total:int",
        "AemServer.Name:string", "AemServer.Description:string", "AemServer.Host:string", "AemServer.Port:string", "AemServer.Username:string",
        "AemServer.Password:string", "AemServer.VerifyServerCertificate:bool", "AemServer.Monitored:bool",
        "AemAuthorizationAcl.DisableInheritance:bool", "AemAuthorizationAcl.AdminRole:AemRoleDef", "AemAuthorizationAcl.DesignerRole:AemRoleDef",
        "AemAuthorizationAcl.OperatorRole:AemRoleDef", "AemAuthorizationAcl.ViewerRole:AemRoleDef",
        "AemRoleDef.Groups:List<AemGroupRef>", "AemRoleDef.Users:List<AemUserRef>", "AemGroupRef.Name:string", "AemUserRef.Name:string",
        "AemGetServerListResp.ServerList:List<AemServerInfo>",
        "AemServerInfo.Description:string", "AemServerInfo.Host:string", "AemServerInfo.LastConnection:string", "AemServerInfo.Message:string",
        "AemServerInfo.Name:string", "AemServerInfo.Platform:AemPlatform", "AemServerInfo.Port:string", "AemServerInfo.State:AemServerState", "AemServerInfo.Version:string",
        "AemGetTaskListResp.TaskList:List<AemTaskInfo>",
        "AemTaskInfo.Name:string", "AemTaskInfo.State:AemTaskState", "AemTaskInfo.StopReason:AemTaskStopReason", "AemTaskInfo.Message:string", "AemTaskInfo.AssignedTags:List<string>",
        "AemGetTaskDetailsResp.Task:AemTaskInfoDetailed",
        "AemTaskInfoDetailed.Type:string", "AemTaskInfoDetailed.Name:string", "AemTaskInfoDetailed.Description:string",
        "AemTaskInfoDetailed.CdcEventCounters:AemTaskCdcEventCounters", "AemTaskInfoDetailed.CdcLatency:AemCdcLatency",
        "AemTaskInfoDetailed.CdcThroughput:AemCdcThroughput", "AemTaskInfoDetailed.CdcTransactionsCounters:AemCdcTransactionsCounters",
        "AemTaskInfoDetailed.FullLoadCompleted:bool", "AemTaskInfoDetailed.FullLoadCounters:AemTaskFullLoadCounters",
        "AemTaskInfoDetailed.FullLoadEnd:string", "AemTaskInfoDetailed.FullLoadStart:string", "AemTaskInfoDetailed.FullLoadThroughput:AemFullLoadThroughput",
        "AemTaskInfoDetailed.MemoryMb:long", "AemTaskInfoDetailed.DiskUsageMb:long", "AemTaskInfoDetailed.DataErrorCount:long",
        "AemTaskInfoDetailed.Options:AemCommonSettings", "AemTaskInfoDetailed.Profile:string",
        "AemTaskInfoDetailed.SourceEndpoint:TaskEndpoint", "AemTaskInfoDetailed.TargetEndpoint:TaskEndpoint",
        "AemTaskInfoDetailed.State:AemTaskState", "AemTaskInfoDetailed.TaskStopReason:AemTaskStopReason",
        "AemTaskInfoDetailed.LogStreamStaging:string", "AemTaskInfoDetailed.Message:string", "AemTaskInfoDetailed.AssignedTags:List<string>",
        "AemTaskInfoDetailed.Project:string", "AemTaskInfoDetailed.LoadingCompleted:bool", "AemTaskInfoDetailed.LoadingStart:string",
        "AemTaskInfoDetailed.LoadingEnd:string", "AemTaskInfoDetailed.LoadingCounters:AemTaskFullLoadCounters",
        "AemTaskCdcEventCounters.AppliedDdlCount:long", "AemTaskCdcEventCounters.AppliedDeleteCount:long",
        "AemTaskCdcEventCounters.AppliedInsertCount:long", "AemTaskCdcEventCounters.AppliedUpdateCount:long",
        "AemCdcLatency.SourceLatency:string", "AemCdcLatency.TotalLatency:string",
        "AemCdcThroughput.SourceThroughputRecordsCount:AemCdcThroughputItem", "AemCdcThroughput.SourceThroughputVolume:AemCdcThroughputItem",
        "AemCdcThroughput.TargetThroughputRecordsCount:AemCdcThroughputItem", "AemCdcThroughput.TargetThroughputVolume:AemCdcThroughputItem",
        "AemCdcThroughputItem.Current:long",
        "AemCdcTransactionsCounters.AppliedCommittedTransactionCount:long", "AemCdcTransactionsCounters.AppliedRecordsCommittedCount:long",
        "AemCdcTransactionsCounters.AppliedRecordsInProgressCount:long", "AemCdcTransactionsCounters.AppliedTransactionsInProgressCount:long",
        "AemCdcTransactionsCounters.AppliedVolumeCommittedMb:long", "AemCdcTransactionsCounters.CommitChangeRecordsCount:long",
        "AemCdcTransactionsCounters.IncomingAccumulatedChangesOnDiskCount:long", "AemCdcTransactionsCounters.IncomingAccumulatedChangesInMemoryCount:long",
        "AemCdcTransactionsCounters.IncomingApplyingChangesInMemoryCount:long", "AemCdcTransactionsCounters.IncomingApplyingChangesOnDiskCount:long",
        "AemCdcTransactionsCounters.RollbackChangeRecordsCount:long", "AemCdcTransactionsCounters.RollbackChangeVolumeMb:long",
        "AemCdcTransactionsCounters.RollbackTransactionCount:long",
        "AemTaskFullLoadCounters.EstimatedRecordsForAllTablesCount:long", "AemTaskFullLoadCounters.RecordsCompletedCount:long",
        "AemTaskFullLoadCounters.TablesCompletedCount:int", "AemTaskFullLoadCounters.TablesLoadingCount:int",
        "AemTaskFullLoadCounters.TablesQueuedCount:int", "AemTaskFullLoadCounters.TablesWithErrorCount:int",
        "AemTaskFullLoadCounters.TablesTotalCount:int", "AemTaskFullLoadCounters.CommandsTotalCount:int", "AemTaskFullLoadCounters.CommandsCompletedCount:int",
        "AemFullLoadThroughput.SourceThroughputRecordsCount:int", "AemFullLoadThroughput.SourceThroughputVolume:int",
        "AemFullLoadThroughput.TargetThroughputRecordsCount:int", "AemFullLoadThroughput.TargetThroughputVolume:int",
        "AemCommonSettings.ApplyChangesEnabled:bool", "AemCommonSettings.AuditChangesEnabled:bool",
        "AemCommonSettings.FullLoadEnabled:bool", "AemCommonSettings.StoreChangesEnabled:bool",
        "TaskEndpoint.Name:string", "TaskEndpoint.Type:string",
        "AemTableStatus.SchemaOnSource:string", "AemTableStatus.TableOnSource:string", "AemTableStatus.SchemaOnTarget:string",
        "AemTableStatus.TableOnTarget:string", "AemTableStatus.State:AemTableState", "AemTableStatus.DataErrorsCount:long",
        "AemTableFullLoadInfo.StartTime:string", "AemTableFullLoadInfo.EndTime:string", "AemTableFullLoadInfo.EstimatedRowCount:long",
        "AemTableFullLoadInfo.EstimatedEndTime:string", "AemTableFullLoadInfo.TransferredRowCount:long", "AemTableFullLoadInfo.TransferredVolumeMb:long",
        "AemTableCdcInfo.InsertCount:long", "AemTableCdcInfo.UpdateCount:long", "AemTableCdcInfo.DeleteCount:long", "AemTableCdcInfo.DdlCount:long",
        "AemTableCdcInfo.LastUpdateTime:string", "AemTableCdcInfo.CachedInsertCount:long", "AemTableCdcInfo.CachedUpdateCount:long", "AemTableCdcInfo.CachedDeleteCount:long",
        "AemTableInfo.Schema:string", "AemTableInfo.Table:string", "AemTableInfo.State:AemTableState",
        "TableSelectionDefinition.IncludedPattern:List<TableSelection>", "TableSelectionDefinition.ExcludedPattern:List<TableSelection>",
        "TableSelectionDefinition.ExplicitIncludedTables:List<TableSelection>",
        "TableSelection.Owner:string", "TableSelection.Name:string", "TableSelection.LoadOrder:long", "TableSelection.TableType:TableType",
        "AemRunTaskReq.Cdcposition:string", "AemRunTaskResp.ErrorMessage:string", "AemRunTaskResp.State:AemTaskState",
        "AemStopTaskResp.ErrorMessage:string", "AemStopTaskResp.State:AemTaskState",
        "AemGetEndpointListResp.EndpointList:List<Endpoint>",
        "Endpoint.Description:string", "Endpoint.IsLicensed:bool", "Endpoint.Name:string", "Endpoint.Role:EndpointRole", "Endpoint.Type:string",
        "AemTestEndpointResp.Status:AemEndpointState", "AemTestEndpointResp.Message:string", "AemTestEndpointResp.DetailedMessage:string",
        "AemDeleteOldDataReq.TimestampOrOffset:string",
        "AemSetChangeDataRetentionBarrierReq.RetentionPoint:string", "AemSetChangeDataRetentionBarrierReq.Application:string",
        "AemGetChangeDataRetentionBarrierResp.Application:string", "AemGetChangeDataRetentionBarrierResp.RetentionPoint:string",
        "AemClientException.ErrorCode:string", "AemClientException.Message:string",
    };

    // Enum members with their values, as the guide lists them (more members are allowed).
    static readonly string[] GuideEnums =
    {
        "AemPlatform: UNKNOWN=0 WINDOWS=1 LINUX=2",
        "AemServerState: NOT_MONITORED=0 MONITORED=1 ERROR=2",
        "AemLicenseState: VALID_LICENSE=0 INVALID_LICENSE_CHECKSUM=1 EXPIRED_LICENSE=2 NO_LICENSE=3 MACHINE_NOT_LICENSED=4 INVALID_LICENSE=5",
        "AemTaskState: STOPPED=0 RUNNING=1 ERROR=2 RECOVERY=3",
        "AemTaskStopReason: NONE=0 NORMAL=1 RECOVERABLE_ERROR=2 FATAL_ERROR=3 FULL_LOAD_ONLY_FINISHED=4 STOPPED_AFTER_FULL_LOAD=5 STOPPED_AFTER_CACHED_EVENTS=6 EXPRESS_LICENSE_LIMITS_REACHED=7 STOPPED_AFTER_DDL_APPLY=8 STOPPED_LOW_MEMORY=9 STOPPED_LOW_DISK_SPACE=10",
        "AemRunTaskOptions: RESUME_PROCESSING=1 RELOAD_TARGET=2 RESUME_PROCESSING_FROM_TIMESTAMP=3 METADATA_ONLY_RECREATE_ALL_TABLES=4 METADATA_ONLY_CREATE_MISSING_TABLES=5 RECOVER_USING_LOCALLY_STORED_CHECKPOINT=6 RECOVER_USING_CHECKPOINT_STORED_ON_TARGET=7 RESUME_PROCESSING_FROM_POSITION=8",
        "EndpointRole: ALL=0 SOURCE=1 TARGET=2 BOTH=3",
        "AemEndpointState: UNKNOWN=0 CONNECTED=1 ERROR=2",
        "AemTableState: TABLE_QUEUED=0 TABLE_LOADING=1 TABLE_COMPLETED=2 TABLE_CHANGE_PROCESSING=3 TABLE_ERROR=4",
        "TableType: TABLE=1 VIEW=2",
        "StandardLoadOrder: LOWEST=-2147483647 LOWER=-5000 LOW=-1000 NORMAL=0 HIGH=1000 HIGHER=5000 HIGHEST=2147483647",
    };

    static void TestTheGuidesClassesPropertiesAndEnums()
    {
        var asm = typeof(AemRestClient).Assembly;
        var wrong = new List<string>();
        foreach (var entry in GuideProperties)
        {
            var dot = entry.IndexOf('.'); var colon = entry.IndexOf(':');
            var type = asm.GetType("Qlik.EnterpriseManager.Client." + entry.Substring(0, dot));
            var p = type == null ? null : type.GetProperty(entry.Substring(dot + 1, colon - dot - 1));
            if (p == null || TypeName(p.PropertyType) != entry.Substring(colon + 1))
                wrong.Add(entry + (p == null ? " (missing)" : " (is " + TypeName(p.PropertyType) + ")"));
        }
        foreach (var entry in GuideEnums)
        {
            var name = entry.Substring(0, entry.IndexOf(':'));
            var type = asm.GetType("Qlik.EnterpriseManager.Client." + name);
            if (type == null || !type.IsEnum) { wrong.Add(name + " is not an enum"); continue; }
            foreach (var pair in entry.Substring(name.Length + 1).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=');
                if (!Enum.IsDefined(type, kv[0]) || Convert.ToInt64(Enum.Parse(type, kv[0])) != long.Parse(kv[1])) wrong.Add(name + "." + pair);
            }
        }
        foreach (var pair in new[] { "ReplicateServerDetails:AemServerDetails", "ComposeServerDetails:AemServerDetails", "ReplicateServerInfo:AemServerInfo",
            "ComposeServerInfo:AemServerInfo", "AemReplicateServer:AemServer", "AemComposeServer:AemServer", "AemStopTaskResp:AemRunTaskResp" })
        {
            var kv = pair.Split(':');
            var sub = asm.GetType("Qlik.EnterpriseManager.Client." + kv[0]);
            if (sub == null || sub.BaseType == null || sub.BaseType.Name != kv[1]) wrong.Add(kv[0] + " should inherit " + kv[1]);
        }
        if (!typeof(Exception).IsAssignableFrom(typeof(AemClientException))) wrong.Add("AemClientException is an Exception");
        Check(wrong.Count == 0, string.Join("; ", wrong));
    }

    static void TestGuideShapesFromTheMock()
    {
        var u = new Uri(baseUrl);
        using (var c = new AemRestClient(new NetworkCredential { UserName = "admin", Password = "admin-pass", Domain = "QEM" }, u.Host, u.Port, false))
        {
            var details = c.GetTaskDetails("Local Server", "SalesDBBackup");
            Check(details.Task != null && details.Task.Name == "SalesDBBackup" && details.Task.SourceEndpoint.Name == "Oracle Source", "GetTaskDetails(...).Task");
            Check(details.Task.FullLoadCounters.TablesCompletedCount == details.FullLoadCounters.TablesCompletedCount, "Task and the flat details agree");
            Check(details.Task.CdcTransactionsCounters != null && details.Task.Options != null, "nested details");
            var tables = c.GetTableStatuses("Local Server", "SalesDBBackup", includecompleted: true);
            Check(tables.TableDetails.Count > 0 && tables.TableDetails.All(t => t.State == AemTableState.TABLE_COMPLETED), "table statuses filter");
            var list = c.GetServerList();
            Check(list.ServerList[0] is ReplicateServerInfo, "a ReplicateServerInfo by $type: " + list.ServerList[0].GetType().Name);
            var sd = c.GetServerDetails("Local Server").ServerDetails;
            Check(sd is ReplicateServerDetails && sd.AemTasksSummary != null && sd.AemTasksSummary.Total == sd.TaskSummary.Total && sd.TaskSummary.Total > 0, "server details, task summary");
            Check(sd.License.DaysToExpiration > 0 && sd.Configuration.Host != null, "license and configuration");
            var server = c.GetServer("Local Server");
            Check(server is AemReplicateServer && server.Monitored, "GetServer is an AemReplicateServer: " + server.GetType().Name);
            // PutServerACL's syntax spells the class AemAuthorizationACL.
            c.PutServerACL(new AemAuthorizationACL { AdminRole = new AemRoleDef { Users = new List<AemUserRef> { new AemUserRef { Name = "QEM\\admin" } } } }, "Local Server");
            var acl = c.GetServerACL("Local Server");
            Check(acl is AemAuthorizationACL && acl.AdminRole.Users[0].Name == "QEM\\admin" && !acl.DisableInheritance, "GetServerACL");

            // 3.18's example payload, put and read back.
            var selection = new TableSelectionDefinition
            {
                IncludedPattern = new List<TableSelection> { new TableSelection { Owner = "schema%", Name = "ab%yz%", LoadOrder = (int)StandardLoadOrder.LOWEST } },
                ExcludedPattern = new List<TableSelection> { new TableSelection { Owner = "schema3", Name = "abcd%" } },
                ExplicitIncludedTables = new List<TableSelection>
                {
                    new TableSelection { Owner = "schema1", Name = "tbl1" },
                    new TableSelection { Owner = "schema1", Name = "view1", LoadOrder = (int)StandardLoadOrder.HIGH, TableType = TableType.VIEW },
                },
            };
            c.PutTaskTableSelection(selection, "Local Server", "SalesDBBackup");
            var back = c.GetTaskTableSelection("Local Server", "SalesDBBackup");
            Check(back.IncludedPattern.Count == 1 && back.IncludedPattern[0].LoadOrder == (long)StandardLoadOrder.LOWEST, "included pattern");
            Check(back.ExcludedPattern[0].Name == "abcd%", "excluded pattern");
            var view = back.ExplicitIncludedTables.Single(t => t.Name == "view1");
            Check(view.TableType == TableType.VIEW && view.LoadOrder == 1000, "explicit view: " + view.TableType + " " + view.LoadOrder);
            Check(back.ExplicitIncludedTables.Single(t => t.Name == "tbl1").TableType == TableType.TABLE, "a table type left out is TABLE");

            // RunTask's default option, and the inline cdcposition form of 3.24.
            Check(c.RunTask(null, "Local Server", "SalesDBBackup").State == AemTaskState.RUNNING, "RunTask with the default option");
            c.StopTask("Local Server", "SalesDBBackup");
            var run = c.RunTask(new AemRunTaskReq { Cdcposition = "{\"cdcposition\":\"2017-03-07T11:19:03\"}" }, "Local Server", "SalesDBBackup", AemRunTaskOptions.RESUME_PROCESSING_FROM_TIMESTAMP);
            Check(run.State == AemTaskState.RUNNING, "inline cdcposition");
            c.StopTask("Local Server", "SalesDBBackup");

            c.DeleteOldChangeData(new AemDeleteOldDataReq { TimestampOrOffset = "2020-07-30T16:15:00Z" }, "Local Server", "SalesDBBackup");
            c.DeleteOldData(new AemDeleteOldDataReq { TimestampOrOffset = "P1M3DT1H2M" }, "Local Server", "SalesDBBackup");
            c.SetChangeDataRetentionBarrier(new AemSetChangeDataRetentionBarrierReq { RetentionPoint = "2020-06-30T16:15:00Z", Application = "Compose" }, "Local Server", "SalesDBBackup");
            var barrier = c.GetChangeDataRetentionBarrier("Local Server", "SalesDBBackup");
            Check(barrier.Application == "Compose" && barrier.RetentionPoint.StartsWith("2020-06-30T16:15:00"), "retention barrier " + barrier.Raw);
            try { c.ReconfigureEndpointNoWait("Local Server", "No Such Endpoint", "Other"); throw new Exception("no error"); }
            catch (AemClientException e) { Check(e.ErrorCode == "AEM_ENDPOINT_NOT_FOUND", e.ToString()); }
            var endpoints = c.GetEndpointList("Local Server").EndpointList;
            Check(endpoints.Any(e => e.Role == EndpointRole.SOURCE) && endpoints.Any(e => e.Role == EndpointRole.TARGET), "endpoint roles");
        }
    }

    static void TestAsyncTwinsTakeTheTokenByName()
    {
        using (var c = Admin())
        using (var cts = new CancellationTokenSource())
        {
            var t = c.GetTableListAsync("Local Server", "SalesDBBackup", includecompleted: true, cancellationToken: cts.Token);
            Check(t.Result.TableList.Count > 0, "named token");
            Check(c.RunTaskAsync(null, "Local Server", "SalesDBBackup", cancellationToken: cts.Token).Result.State == AemTaskState.RUNNING, "default option, async");
            Check(c.StopTaskAsync("Local Server", "SalesDBBackup", cancellationToken: cts.Token).Result.State == AemTaskState.STOPPED, "stop, async");
        }
    }

    // Reads JSON text both ways, Json.Read (straight from the text, Raw on first use) and
    // Json.To(Json.Parse(...)) (from the tree): the same object, the same Raw.
    static T Both<T>(string json)
    {
        var fromText = Json.Read<T>(json);
        var fromTree = Json.To<T>(Json.Parse(json));
        var a = Json.Write(fromText);
        var b = Json.Write(fromTree);
        if (a != b) throw new Exception("Json.Read and Json.To differ for " + json + ": " + a + " vs " + b);
        if (fromText != null && fromText.GetType() != fromTree.GetType()) throw new Exception("types differ for " + json);
        var m = fromText as AemModel;
        if (m != null && Json.Write(m.Raw) != Json.Write(((AemModel)(object)fromTree).Raw)) throw new Exception("Raw differs for " + json);
        return fromText;
    }

    static void TestJsonIsTolerant()
    {
        var t = Both<AemTaskInfo>(("{\"name\":\"x\",\"state\":\"NEW_STATE\",\"stop_reason\":\"NORMAL\",\"extra\":{\"a\":1},\"assigned_tags\":[\"t\"]}"));
        Check(t.Name == "x" && (int)t.State == -1 && (string)t.Raw["state"] == "NEW_STATE" && t.StopReason == AemTaskStopReason.NORMAL, "unknown enum kept in Raw");
        Check(t.AssignedTags.Single() == "t" && t.Raw.ContainsKey("extra"), "unknown fields kept in Raw");
        var s = Both<AemServerUtilization>(("{\"disk_usage_mb\":\"12\",\"memory_mb\":3.0,\"machine_cpu_percentage\":null,\"attunity_cpu_percentage\":\" 7 \"}"));
        Check(s.DiskUsageMb == 12 && s.MemoryMb == 3 && s.MachineCpuPercentage == 0 && s.AttunityCpuPercentage == 7, "numbers as strings");
        var round = Json.Write(Json.Parse("{\"a\":\"\\u0000\\\"\\n\",\"b\":[1.5e3,true,null]}"));
        Check(round == "{\"a\":\"\\u0000\\\"\\n\",\"b\":[1.5e3,true,null]}", round);
        // Both spellings, camelCase too; the first listed name wins; a null gives way to a value.
        var c = Both<AemCdcTransactionsCounters>(("{\"applied_comitted_transaction_count\":5,\"appliedRecordsComittedCount\":\"6\",\"applied_volume_committed_mb\":7,\"applied_volume_comitted_mb\":8}"));
        Check(c.AppliedCommittedTransactionCount == 5 && c.AppliedRecordsCommittedCount == 6 && c.AppliedVolumeCommittedMb == 7, "spellings");
        var te = Both<AemTestEndpointResp>(("{\"state\":null,\"status\":\"ERROR\",\"requeststate\":\"SUCCESS\",\"detailed message\":\"d\"}"));
        Check(te.Status == AemEndpointState.CONNECTED && te.DetailedMessage == "d", "requeststate over status and a null state: " + te.Status);
        Check(Both<AemTestEndpointResp>("{\"requeststate\":\"FAILURE\"}").Status == AemEndpointState.ERROR, "FAILURE is ERROR");
        var lic = Both<ApiLicense>(("{\"State\":\"LICENSE_EXPIRED\",\"days_to_expiration\":\"30\"}"));
        Check(lic.State == AemLicenseState.EXPIRED_LICENSE && lic.DaysToExpiration == 30, "alias and number as text");
        Check(Json.To<AemTaskState>("RECOVERING") == AemTaskState.RECOVERY && Json.To<AemTaskStopReason>("FATAL ERROR") == AemTaskStopReason.FATAL_ERROR, "enum aliases");
        Check(Json.To<AemTaskState>(new JsonNumber("1")) == AemTaskState.RUNNING && (int)Json.To<AemTaskState>(new JsonNumber("99")) == -1, "enum numbers");
        Check(Both<List<AemUserRef>>(("{\"name\":\"one\"}")).Single().Name == "one", "one object where a list was expected");
        Check(Json.To<string>(new JsonNumber("12")) == "12" && Json.To<string>(true) == "true" && Json.To<bool>("true") && Json.To<long?>(null) == null, "scalars");
        Check(Json.To(typeof(int), new JsonNumber("1e3")).Equals(1000), "Json.To(Type)");
        // Polymorphism by $type; an unknown $type keeps the base class.
        Check(Both<AemServer>(("{\"$type\":\"AemComposeServer\",\"name\":\"c\"}")) is AemComposeServer, "$type");
        Check(Both<AemServer>(("{\"$type\":\"Something\",\"name\":\"c\"}")).GetType() == typeof(AemServer), "unknown $type");
        // Writing: modelled fields under their wire names, Raw's unknown fields kept, an
        // unknown enum value written back as its text, unset enums left out.
        var task = Both<AemTaskInfo>(("{\"name\":\"x\",\"state\":\"NEW_STATE\",\"futureField\":1}"));
        task.Name = "y";
        var w = (JsonObject)Json.Parse(Json.Write(task));
        Check((string)w["name"] == "y" && (string)w["state"] == "NEW_STATE" && w.ContainsKey("futureField") && !w.ContainsKey("Name"), Json.Write(task));
        var sel = (JsonObject)Json.Parse(Json.Write(new TableSelection { Owner = "o", Name = "n" }));
        Check(!sel.ContainsKey("table_type") && sel["load_order"].ToString() == "0", Json.Write(sel));
        var wrapped = Both<AemGetTaskDetailsResp>(("{\"task\":{\"name\":\"inner\",\"state\":\"RUNNING\"}}"));
        Check(wrapped.Task.Name == "inner" && wrapped.Task.State == AemTaskState.RUNNING, "a {\"task\": ...} wrapper");
        // Escaped keys, whitespace everywhere, nested unknown values skipped, duplicate spellings.
        var odd = Both<AemTaskInfo>(" {\n \"na\\u006De\" : \"e\\\"sc\" , \"skip\": {\"a\": [1, {\"b\": \"}]\"}], \"c\": \"\\\\\"}, \"STATE\":\"RUNNING\", \"stop_reason\": 2 } ");
        Check(odd.Name == "e\"sc" && odd.State == AemTaskState.RUNNING && odd.StopReason == AemTaskStopReason.RECOVERABLE_ERROR && odd.Raw.ContainsKey("skip"), Json.Write(odd));
        var det = Both<AemGetServerDetailsResp>("{\"serverDetails\":{\"$type\":\"ComposeServerDetails\",\"name\":\"c\",\"AemTasksSummary\":{\"total\":\"3\"},\"license\":null}}");
        Check(det.ServerDetails is ComposeServerDetails && det.ServerDetails.AemTasksSummary.Total == 3 && det.ServerDetails.License == null, "details");
        Check(Both<AemGetTaskListResp>("{\"taskList\":[]}").TaskList.Count == 0 && Both<AemGetTaskListResp>("{\"taskList\":null}").TaskList == null, "empty and null lists");
        Check(Both<AemGetTaskListResp>("{\"task_list\":{\"name\":\"one\"}}").TaskList.Single().Name == "one", "one object for a list, from text");
        Check(Both<AemGetTaskListResp>("null") == null && Both<AemGetTaskListResp>("[1]") == null, "not an object");
        Check(Both<string>("\"x\"") == "x" && Both<int>("\"12\"") == 12 && Both<List<int>>("[1,\"2\",3.0]").Sum() == 6, "scalars from text");
        var lazy = Json.Read<AemTaskInfo>("{\"name\":\"x\",\"future\":[1,2]}");
        lazy.Raw["future"] = "changed";
        Check((string)lazy.Raw["future"] == "changed", "Raw is read once, then kept");
        try { Json.Read<AemTaskInfo>("{\"name\":\"x\",}"); throw new Exception("read bad JSON"); } catch (FormatException) { }
        try { Json.Read<AemTaskInfo>("{\"name\":\"x\"} tail"); throw new Exception("read trailing text"); } catch (FormatException) { }
        foreach (var bad in new[] { "", "{", "{\"a\":}", "[1,]", "\"abc", "tru", "{\"a\" 1}", "[1 2]", "\"\\u12\"" })
        {
            try { Json.Parse(bad); throw new Exception("parsed " + bad); }
            catch (FormatException) { }
        }
        Check((string)Json.Parse("\"a\\u00e9\\/b\"") == "a\u00e9/b", "escapes");
    }

    static void TestParsingIsThreadSafe()
    {
        // The parser shares short strings between threads; every answer must still be its own.
        var texts = Enumerable.Range(0, 64).Select(i => "{\"name\":\"task" + i + "\",\"state\":\"RUNNING\",\"n\":" + i + "}").ToArray();
        var errors = 0;
        Parallel.For(0, 4, k =>
        {
            for (int r = 0; r < 2000; r++)
            {
                int i = (r * 7 + k) % texts.Length;
                var t = Json.To<AemTaskInfo>(Json.Parse(texts[i]));
                if (t.Name != "task" + i || t.Raw["n"].ToString() != i.ToString()) Interlocked.Increment(ref errors);
            }
        });
        Check(errors == 0, errors + " wrong answers");
    }
}
