// P/Invoke into the C ABI (bindings-c/include/qem.h). Strings cross as NUL-terminated
// UTF-8 byte arrays (netstandard2.0 has no UTF-8 string marshalling on every runtime).
using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Qlik.EnterpriseManager.Client
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate void QemCallback(IntPtr userData, int status, IntPtr resultJson, IntPtr error);

    /// <summary>
    /// Finds the native library where the NuGet package puts it (runtimes/linux-x64/native/,
    /// beside the package's lib/ folder, or under the application's folder) when the loader
    /// would not look there (Mono; .NET finds it from the application's deps.json itself), and
    /// loads it by path; the P/Invoke calls then find it by its name (libqem.so).
    /// </summary>
    internal static class NativeLoader
    {
        const int RTLD_NOW = 2, RTLD_GLOBAL = 0x100;

        [DllImport("libdl.so.2")]
        static extern IntPtr dlopen(string file, int mode);

        internal static void Preload()
        {
            try
            {
                if (Environment.OSVersion.Platform != PlatformID.Unix || !Directory.Exists("/proc")) return;
                string dir = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location);
                if (string.IsNullOrEmpty(dir)) return;
                string native = Path.Combine("runtimes", "linux-x64", "native", "libqem.so");
                foreach (string candidate in new[] {
                    Path.Combine(dir, "libqem.so"),
                    Path.Combine(dir, native),
                    Path.Combine(dir, "..", "..", native) })
                {
                    if (File.Exists(candidate))
                    {
                        dlopen(Path.GetFullPath(candidate), RTLD_NOW | RTLD_GLOBAL);
                        return;
                    }
                }
            }
            catch (Exception)
            {
                // Not Linux, or no libdl: the loader's own search then says what is missing.
            }
        }
    }

    /// <summary>The native client; released (qem_client_free) once no call holds it.</summary>
    internal sealed class ClientHandle : SafeHandle
    {
        public ClientHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.qem_client_free(handle); return true; }
    }

    /// <summary>One asynchronous call's cancellation handle (qem_call_free).</summary>
    internal sealed class CallHandle : SafeHandle
    {
        public CallHandle() : base(IntPtr.Zero, true) { }
        public override bool IsInvalid { get { return handle == IntPtr.Zero; } }
        protected override bool ReleaseHandle() { Native.qem_call_free(handle); return true; }
    }

    internal static class Native
    {
        const string Lib = "qem";
        public const int OK = 0, CANCELLED = 3;

        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_client_new(byte[] options, out ClientHandle client, out IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void qem_client_free(IntPtr client);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_client_close(ClientHandle client, out IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_client_call(ClientHandle client, byte[] operation, byte[] args, out IntPtr result, out IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_client_call_async(ClientHandle client, byte[] operation, byte[] args, QemCallback callback, IntPtr userData, out CallHandle call, out IntPtr error);
        // The same without a cancellation handle (out_call NULL), for calls that cannot be cancelled.
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl, EntryPoint = "qem_client_call_async")]
        public static extern int qem_client_call_async_nocancel(ClientHandle client, byte[] operation, byte[] args, QemCallback callback, IntPtr userData, IntPtr noCall, out IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_call_cancel(CallHandle call);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void qem_call_free(IntPtr call);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_operations(out IntPtr json, out IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void qem_string_free(IntPtr s);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern void qem_error_free(IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr qem_error_code(IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr qem_error_message(IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr qem_error_operation(IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern int qem_error_http_status(IntPtr error);
        [DllImport(Lib, CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr qem_error_trace_id(IntPtr error);

        // Throws on a lone surrogate instead of sending U+FFFD in its place. Arguments never
        // get here with one: the JSON writer escapes it (\ud800) and the core refuses it,
        // naming the argument; this guards the other strings (an operation's name).
        static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

        public static byte[] Utf8(string s)
        {
            if (s == null) return null;
            try
            {
                var n = StrictUtf8.GetByteCount(s);
                var b = new byte[n + 1];
                StrictUtf8.GetBytes(s, 0, s.Length, b, 0);
                return b;
            }
            catch (EncoderFallbackException)
            {
                throw new AemClientException("INVALID_ARGUMENT", "the text holds a lone surrogate, which UTF-8 cannot carry");
            }
        }

        public static unsafe string FromUtf8(IntPtr p)
        {
            if (p == IntPtr.Zero) return null;
            byte* b = (byte*)p;
            int n = 0;
            while (b[n] != 0) n++;
            return n == 0 ? "" : Encoding.UTF8.GetString(b, n);
        }

        /// <summary>Reads an error object (borrowed); the caller frees it if owned.</summary>
        public static AemClientException ReadError(IntPtr error, int status)
        {
            if (error == IntPtr.Zero) return new AemClientException("INTERNAL_ERROR", "status " + status + " without an error object", 0, null);
            return new AemClientException(FromUtf8(qem_error_code(error)), FromUtf8(qem_error_message(error)),
                qem_error_http_status(error), FromUtf8(qem_error_operation(error))) { TraceId = FromUtf8(qem_error_trace_id(error)) };
        }

        /// <summary>Reads and frees an owned error object.</summary>
        public static AemClientException TakeError(IntPtr error, int status)
        {
            try { return ReadError(error, status); }
            finally { qem_error_free(error); }
        }

        /// <summary>Reads and frees an owned string.</summary>
        public static string TakeString(IntPtr s)
        {
            try { return FromUtf8(s); }
            finally { qem_string_free(s); }
        }

        // One delegate for every async call, kept alive for the process's life, so no
        // native thread can ever call into a collected delegate. Each call's state
        // travels in user_data as a GCHandle, freed when its callback comes. Callbacks
        // run on the C ABI's own callback thread, which ends when idle, so a program
        // that used the async API exits by itself (Mono waits for every native thread
        // that entered managed code).
        static readonly QemCallback Completion = OnCompletion;

        sealed class Pending : TaskCompletionSource<string>
        {
            // Continuations run on the thread pool, never on the callback thread.
            public Pending() : base(TaskCreationOptions.RunContinuationsAsynchronously) { }
            public CancellationToken Token;
        }

        static void OnCompletion(IntPtr userData, int status, IntPtr resultJson, IntPtr error)
        {
            // Runs on a native thread: nothing may throw back into the library.
            try
            {
                var gch = GCHandle.FromIntPtr(userData);
                var pending = (Pending)gch.Target;
                gch.Free();
                if (status == OK) pending.TrySetResult(FromUtf8(resultJson));
                else if (status == CANCELLED && pending.Token.IsCancellationRequested) pending.TrySetCanceled(pending.Token);
                else pending.TrySetException(ReadError(error, status));
            }
            catch (Exception) { }
        }

        public static Task<string> CallAsync(ClientHandle client, string operation, string args, CancellationToken token)
        {
            if (token.IsCancellationRequested)
            {
                var cancelled = new TaskCompletionSource<string>();
                cancelled.TrySetCanceled(token);
                return cancelled.Task;
            }
            var pending = new Pending { Token = token };
            var gch = GCHandle.Alloc(pending);
            CallHandle call = null;
            IntPtr err;
            int st;
            try
            {
                // The SafeHandle keeps the client alive for this call; the native call
                // then holds its own reference, so a Dispose racing it is safe.
                if (token.CanBeCanceled)
                    st = qem_client_call_async(client, Utf8(operation), Utf8(args), Completion, GCHandle.ToIntPtr(gch), out call, out err);
                else
                    st = qem_client_call_async_nocancel(client, Utf8(operation), Utf8(args), Completion, GCHandle.ToIntPtr(gch), IntPtr.Zero, out err);
            }
            catch (Exception e)
            {
                gch.Free();
                var failed = new TaskCompletionSource<string>();
                failed.SetException(e);
                return failed.Task;
            }
            if (st != OK)
            {
                gch.Free(); // the callback never comes for a refused call
                if (call != null) call.Dispose();
                var failed = new TaskCompletionSource<string>();
                failed.SetException(TakeError(err, st));
                return failed.Task;
            }
            if (call == null) return pending.Task;
            return Cancellable(pending, call, token);
        }

        static async Task<string> Cancellable(Pending pending, CallHandle call, CancellationToken token)
        {
            using (call)
            using (token.Register(() =>
            {
                try { qem_call_cancel(call); } catch (ObjectDisposedException) { }
            }))
            {
                return await pending.Task.ConfigureAwait(false);
            }
        }
    }
}
