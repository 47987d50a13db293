// Per-call time of GetTaskDetails through the .NET SDK (P/Invoke into the C ABI), in one
// run with the C bench (bench/run-bench.sh builds and runs it; not a test).
//
//   mono Bench.exe BASE_URL CA_FILE ROUNDS PER_ROUND
//
// Rounds of the blocking and the async method alternate so that a busy moment of the
// machine hits both alike; each figure is the best round. Then 1,000 async calls at once.
// Prints `net_sync_us net_async_us net_1000_ms`.
using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Qlik.EnterpriseManager.Client;

static class Bench
{
    static int Main(string[] args)
    {
        string url = args[0], ca = args[1];
        int rounds = int.Parse(args[2]), per = int.Parse(args[3]);
        var options = "{\"url\":\"" + url + "\",\"ca_file\":\"" + ca + "\",\"username\":\"QEM\\\\admin\",\"password\":\"admin-pass\"}";
        using (var client = new AemRestClient(options))
        {
            for (int i = 0; i < 20; i++) client.GetTaskDetails("Local Server", "SalesDBBackup"); // log in, warm up the JIT
            double sync = double.MaxValue, async = double.MaxValue, many = double.MaxValue;
            for (int r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew();
                for (int i = 0; i < per; i++) client.GetTaskDetails("Local Server", "SalesDBBackup");
                sync = Math.Min(sync, sw.Elapsed.TotalMilliseconds * 1000 / per);
                sw = Stopwatch.StartNew();
                RunAsync(client, per).Wait();
                async = Math.Min(async, sw.Elapsed.TotalMilliseconds * 1000 / per);
            }
            for (int r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                Task.WaitAll(Enumerable.Range(0, 1000).Select(_ => client.GetTaskDetailsAsync("Local Server", "SalesDBBackup")).ToArray());
                many = Math.Min(many, sw.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine("{0:F1} {1:F1} {2:F0}", sync, async, many);
        }
        return 0;
    }

    static async Task RunAsync(AemRestClient client, int n)
    {
        for (int i = 0; i < n; i++) await client.GetTaskDetailsAsync("Local Server", "SalesDBBackup").ConfigureAwait(false);
    }
}
