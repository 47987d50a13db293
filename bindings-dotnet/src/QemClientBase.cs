// QemClientBase: what every client of the .NET SDK shares, whatever the service it talks
// to (AemRestClient: Enterprise Manager; QlikCloudTasksClient: Qlik Cloud): the native
// client, the generic entry, close and dispose, and the glue the generated methods call.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of one service on the native core. Thread-safe; dispose it when done.</summary>
    public abstract class QemClientBase : IDisposable
    {
        readonly ClientHandle _handle;

        // Before the first call into the native library, load it from where the NuGet
        // package puts it. Mono binds a P/Invoke when it compiles the method calling it,
        // before that method's class is initialised: so the first calls (the constructor's,
        // OperationsJson's) are made by methods of their own, compiled after this ran.
        static QemClientBase() { NativeLoader.Preload(); }

        /// <summary>A client from the core's JSON settings (the service, its url and credentials, ca_file, timeouts...).</summary>
        protected QemClientBase(string optionsJson)
        {
            if (optionsJson == null) throw new ArgumentNullException("optionsJson");
            _handle = Open(optionsJson);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static ClientHandle Open(string optionsJson)
        {
            IntPtr err;
            ClientHandle h;
            int st = Native.qem_client_new(Native.Utf8(optionsJson), out h, out err);
            if (st != Native.OK)
            {
                if (h != null) h.Dispose();
                throw Native.TakeError(err, st);
            }
            return h;
        }

        /// <summary>The API description (schema/api.json) as JSON: for each service its operations (name, method, args with their places and schemas, answer) and helpers, and every model's JSON Schema.</summary>
        public static string OperationsJson() { return ReadOperations(); }

        [MethodImpl(MethodImplOptions.NoInlining)]
        static string ReadOperations()
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

        /// <summary>Logs out (Enterprise Manager) and refuses later calls (CLIENT_CLOSED); Dispose still frees the client.</summary>
        public void Close()
        {
            IntPtr err;
            int st = Native.qem_client_close(_handle, out err);
            if (st != Native.OK) throw Native.TakeError(err, st);
        }

        /// <summary>Frees the native client. Calls in flight complete; later calls throw ObjectDisposedException.</summary>
        public void Dispose() { _handle.Dispose(); }

        // ---- glue for the generated methods: arguments by name, answers read as their classes

        /// <summary>Client options JSON with <c>"service"</c> set unless it names one.</summary>
        internal static string WithService(string optionsJson, string service)
        {
            if (optionsJson == null) throw new ArgumentNullException("optionsJson");
            object parsed;
            try { parsed = Json.Parse(optionsJson); }
            catch (FormatException e) { throw new AemClientException("INVALID_ARGUMENT", "client options are not JSON: " + e.Message); }
            var o = parsed as JsonObject;
            if (o == null) throw new AemClientException("INVALID_ARGUMENT", "client options must be a JSON object");
            if (!o.ContainsKey("service")) o["service"] = service;
            return Json.Write(o);
        }

        /// <summary>Named arguments: name, value, ...; a null value is left out.</summary>
        protected static JsonObject A(params object[] kv)
        {
            var o = new JsonObject();
            for (int i = 0; i + 1 < kv.Length; i += 2)
                if (kv[i + 1] != null) o[(string)kv[i]] = kv[i + 1];
            return o;
        }

        /// <summary>Calls an operation and reads its answer as T.</summary>
        protected T Get<T>(string op, JsonObject args) { return Json.Read<T>(Call(op, Json.Write(args))); }
        /// <summary>Calls an operation that answers nothing.</summary>
        protected void Do(string op, JsonObject args) { Call(op, Json.Write(args)); }
        /// <summary>Calls an operation asynchronously and reads its answer as T.</summary>
        protected async Task<T> GetAsync<T>(string op, JsonObject args, CancellationToken ct)
        {
            return Json.Read<T>(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
        }
        /// <summary>Calls an operation that answers nothing, asynchronously.</summary>
        protected Task DoAsync(string op, JsonObject args, CancellationToken ct) { return CallAsync(op, Json.Write(args), ct); }
    }
}
