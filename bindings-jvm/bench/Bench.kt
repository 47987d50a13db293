// The JVM binding's benchmark: per-call time of get_task_details through the generic
// entry (sequential blocking, sequential suspend, 1,000 in flight) and through the typed
// client, against the core's own loop (core_loop, call_text) run in processes of its own
// between the passes; then memory after 100,000 calls. Writes the table to argv[3].
import java.io.File
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking

const val ARGS = """{"server": "Local Server", "task": "SalesDBBackup"}"""

fun core(coreLoop: String, base: String, ca: String, calls: Int, mode: String): Double =
    ProcessBuilder(coreLoop, base, ca, calls.toString(), mode).redirectErrorStream(true).start()
        .let { p -> p.inputStream.bufferedReader().readText().trim().also { p.waitFor() } }.toDouble()

/** Mean microseconds per call of `n` calls of `one`. */
fun perCall(n: Int, one: () -> Unit): Double {
    val t = System.nanoTime()
    repeat(n) { one() }
    return (System.nanoTime() - t) / 1e3 / n
}

fun rssMb(): Double =
    File("/proc/self/status").readLines().first { it.startsWith("VmRSS:") }
        .split(Regex("\\s+"))[1].toDouble() / 1024

fun main(args: Array<String>) {
    val (base, ca, out, coreLoop) = args
    val calls = (System.getenv("BENCH_CALLS") ?: "2000").toInt()
    val passes = (System.getenv("BENCH_PASSES") ?: "5").toInt()
    val options = """{"url": "$base", "username": "QEM\\admin", "password": "admin-pass", "ca_file": "$ca"}"""
    val native = uniffi.qem_jvm.QemClient(options)
    val typed = qem.QemClient(options)
    // Warm up the JIT and both clients' connections.
    repeat(3000) { native.callBlocking("get_task_details", ARGS); typed.getTaskDetailsBlocking("Local Server", "SalesDBBackup") }
    val best = mutableMapOf<String, Double>()
    fun keep(name: String, v: Double) { best[name] = minOf(best[name] ?: Double.MAX_VALUE, v) }
    for (pass in 1..passes) {
        keep("core blocking", core(coreLoop, base, ca, calls, "blocking-text"))
        keep("core async", core(coreLoop, base, ca, calls, "async-text"))
        keep("core 1000", core(coreLoop, base, ca, 1000, "concurrent-text"))
        keep("blocking", perCall(calls) { native.callBlocking("get_task_details", ARGS) })
        keep("suspend", runBlocking { val t = System.nanoTime(); repeat(calls) { native.call("get_task_details", ARGS) }; (System.nanoTime() - t) / 1e3 / calls })
        keep("1000", runBlocking {
            val t = System.nanoTime()
            (1..1000).map { async { native.call("get_task_details", ARGS) } }.awaitAll()
            (System.nanoTime() - t) / 1e6
        })
        keep("floor", perCall(calls * 10) { uniffi.qem_jvm.version() })
        keep("typed blocking", perCall(calls) { typed.getTaskDetailsBlocking("Local Server", "SalesDBBackup") })
        keep("typed future", perCall(calls) { typed.getTaskDetailsAsync("Local Server", "SalesDBBackup").get() })
        System.err.println("pass $pass: $best")
    }
    // Memory: RSS and the heap in use after a collection, before and after 100,000 calls.
    System.gc(); Thread.sleep(200)
    val rss0 = rssMb()
    val rt = Runtime.getRuntime()
    val heap0 = (rt.totalMemory() - rt.freeMemory()) / 1048576.0
    for (i in 0 until 100_000) {
        if (i % 2 == 0) native.callBlocking("get_task_details", ARGS) else typed.getTaskDetailsBlocking("Local Server", "SalesDBBackup")
    }
    System.gc(); Thread.sleep(200)
    val rss1 = rssMb()
    val heap1 = (rt.totalMemory() - rt.freeMemory()) / 1048576.0
    typed.close()
    native.close()
    fun r(a: String, b: String) = "%.2f×".format(best.getValue(a) / best.getValue(b))
    val table = """
# The JVM binding's benchmark

`bash bindings-jvm/bench/run-bench.sh` (one run on this 2-core machine; every figure below is
from it). get_task_details against the release mock over TLS; the binding's figures are the best
of $passes passes of $calls calls; the core's are `core/examples/core_loop.rs` (`call_text`, the
generic entry answering JSON text, which the binding calls), run in processes of its own between
the passes, best of all.

| measure | per call | ratio to the core |
|---|---|---|
| core, blocking client (`core_loop blocking-text`) | ${"%.1f".format(best["core blocking"])} µs | |
| core, awaited one after another (`core_loop async-text`) | ${"%.1f".format(best["core async"])} µs | |
| `callBlocking`, one after another | ${"%.1f".format(best["blocking"])} µs | **${r("blocking", "core blocking")}** |
| suspend `call`, one after another (`runBlocking`) | ${"%.1f".format(best["suspend"])} µs | **${r("suspend", "core async")}** |
| a native call that does nothing but answer a short string (`version()`) | ${"%.1f".format(best["floor"])} µs | |
| typed `getTaskDetailsBlocking` (answer read into `TaskDetails`) | ${"%.1f".format(best["typed blocking"])} µs | ${r("typed blocking", "core blocking")} |
| typed `getTaskDetailsAsync(...).get()` | ${"%.1f".format(best["typed future"])} µs | ${r("typed future", "core async")} |

| 1,000 calls in flight | wall time | ratio to the core |
|---|---|---|
| core (`core_loop 1000 concurrent-text`) | ${"%.1f".format(best["core 1000"])} ms | |
| suspend `call`, 1,000 `async` at once | ${"%.1f".format(best["1000"])} ms | **${r("1000", "core 1000")}** |

| memory, 100,000 calls (half generic, half typed) | before | after |
|---|---|---|
| process RSS | ${"%.0f".format(rss0)} MB | ${"%.0f".format(rss1)} MB |
| Java heap in use after a collection | ${"%.1f".format(heap0)} MB | ${"%.1f".format(heap1)} MB |

## Where the time goes

- Most of the blocking path's difference is uniffi's calling convention over JNA: even
  with JNA's direct mapping (uniffi 0.32; 0.29's interface mapping was slower), a native
  call that does nothing costs the `version()` row above (a call-status structure per
  call, the answer's buffer freed by a second call), and `callBlocking` makes five: the
  object handle cloned, a buffer allocated for each of the two strings, the call, the
  answer's buffer freed. The call itself is driven on the caller's thread by the core's
  own per-thread runtime, as every binding's blocking call is; the JVM's JIT and
  collector threads share the two cores with the mock.
- A suspend call is polled on the caller's thread with the core's runtime entered (the
  request leaves from it, with no hand-off to a runtime thread) and woken by a JNA upcall
  from the runtime thread the answer arrived on, then resumed on the coroutine's own
  thread and polled again: an upcall and a thread wake-up more than the core's loop. The
  runtime threads stay attached to the JVM between upcalls (JNA would otherwise attach and
  detach the thread for each). The .NET SDK's awaited calls cost about as much
  (bindings-c/BENCHMARKS.md).
- The typed methods add reading the answer into a model (a small JSON parser, no
  reflection) and, for the futures, a coroutine per call.
- Memory settles: the heap in use after 100,000 calls is what the JIT and the loaded
  classes keep, not the calls' answers.
""".trimStart()
    File(out).writeText(table)
    print(table)
}
