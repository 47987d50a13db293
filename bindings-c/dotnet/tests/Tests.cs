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
    static string baseUrl, caFile, origin;
    static int passed, failed;

    [System.Runtime.InteropServices.DllImport("libc")]
    static extern void _exit(int code);

    static int Main(string[] args)
    {
        baseUrl = args[0]; caFile = args[1];
        var u = new Uri(baseUrl);
        origin = u.Scheme + "://" + u.Authority;
        foreach (var file in Directory.GetFiles(args[2], "*.json").OrderBy(f => f, StringComparer.Ordinal))
            Run("conformance " + Path.GetFileNameWithoutExtension(file), () => RunCase(file));
        foreach (var m in typeof(Tests).GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.Name.StartsWith("Test")))
        {
            var method = m;
            Run(method.Name, () => { Reset(null); method.Invoke(null, null); });
        }
        Console.WriteLine("{0} passed, {1} failed", passed, failed);
        Console.Out.Flush();
        // Mono's shutdown spins on the native worker threads that ran completion
        // callbacks (they stay attached to the runtime), so leave without it.
        _exit(failed == 0 ? 0 : 1);
        return 1;
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
        else if (login != null && login.ContainsKey("username")) { o["username"] = login["username"]; o["password"] = login.ContainsKey("password") ? login["password"] : ""; }
        else { o["username"] = "QEM\\admin"; o["password"] = "admin-pass"; }
        return Json.Write(o);
    }

    static AemRestClient Admin() { return new AemRestClient(Opts(null)); }

    // ---- conformance
    static void RunCase(string file)
    {
        var c = (JsonObject)Json.Parse(File.ReadAllText(file));
        Reset(c.ContainsKey("state") ? c["state"] : null);
        using (var client = new AemRestClient(Opts(c.ContainsKey("login") ? c["login"] as JsonObject : null)))
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

    static void Step(AemRestClient client, JsonObject step)
    {
        if (step.ContainsKey("mock"))
        {
            switch ((string)step["mock"])
            {
                case "expire_sessions": Control("POST", "/mock/expire-sessions", null); return;
                case "faults": Control("PUT", "/mock/faults", Json.Write(step["faults"])); return;
                case "sleep": Thread.Sleep((int)((JsonNumber)step["ms"]).ToDouble()); return;
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

    // ---- .NET-specific tests

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
            Check(endpoints.EndpointList.Count == 2 && endpoints.EndpointList[0].Role == AemEndpointRole.SOURCE, "endpoints");
            var test = client.TestEndpoint("Local Server", "Oracle Source");
            Check(test.State == AemEndpointState.SUCCESS, "test endpoint " + test.State);
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
            Check(text.StartsWith("// Exported by EM\r\n{\"name\":\"SalesDBBackup__"), "export keeps the server's first line: " + text.Substring(0, 40));
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

    static void TestEveryCoreOperationHasAMethod()
    {
        var ops = (List<object>)Json.Parse(AemRestClient.OperationsJson());
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

    static void TestJsonIsTolerant()
    {
        var t = Json.To<AemTaskInfo>(Json.Parse("{\"name\":\"x\",\"state\":\"NEW_STATE\",\"stop_reason\":\"NORMAL\",\"extra\":{\"a\":1},\"assigned_tags\":[\"t\"]}"));
        Check(t.Name == "x" && (int)t.State == -1 && (string)t.Raw["state"] == "NEW_STATE" && t.StopReason == AemTaskStopReason.NORMAL, "unknown enum kept in Raw");
        var s = Json.To<AemServerUtilization>(Json.Parse("{\"disk_usage_mb\":\"12\",\"memory_mb\":3.0,\"machine_cpu_percentage\":null}"));
        Check(s.DiskUsageMb == 12 && s.MemoryMb == 3 && s.MachineCpuPercentage == 0, "numbers as strings");
        var round = Json.Write(Json.Parse("{\"a\":\"\\u0000\\\"\\n\",\"b\":[1.5e3,true,null]}"));
        Check(round == "{\"a\":\"\\u0000\\\"\\n\",\"b\":[1.5e3,true,null]}", round);
    }
}
