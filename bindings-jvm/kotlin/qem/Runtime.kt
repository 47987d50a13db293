// The hand-written runtime of the typed clients (Clients.kt and Models.kt are generated
// from the API description): JSON in and out without a dependency, the base of every
// model (a typed view over the fields the server sent, unknown ones kept), and the base
// of every client (the generic entry as a suspend function, a blocking one for Java and a
// CompletableFuture). No URL or HTTP status lives here: the native core owns them.
package qem

import java.util.concurrent.CompletableFuture
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.future.future
import uniffi.qem_jvm.QemException

/** JSON as plain values: null, Boolean, Long or Double, String, List and Map. */
object Json {
    /** Parses JSON text; objects keep their order. Throws [IllegalArgumentException] on bad JSON. */
    @JvmStatic
    fun parse(text: String): Any? {
        val p = Parser(text)
        val v = p.value()
        p.end()
        return v
    }

    /** Writes plain values (and models, as their fields) as JSON text. */
    @JvmStatic
    fun write(value: Any?): String = StringBuilder().also { write(it, value) }.toString()

    private fun write(out: StringBuilder, value: Any?) {
        when (value) {
            null -> out.append("null")
            is String -> quote(out, value)
            is Boolean -> out.append(value)
            is Double -> if (value.isFinite()) out.append(value) else out.append("null")
            is Float -> write(out, value.toDouble())
            is Number -> out.append(value.toString())
            is Model -> write(out, value.fields)
            is Map<*, *> -> {
                out.append('{')
                var first = true
                for ((k, v) in value) {
                    if (!first) out.append(',')
                    first = false
                    quote(out, k.toString())
                    out.append(':')
                    write(out, v)
                }
                out.append('}')
            }
            is Iterable<*> -> list(out, value.iterator())
            is Array<*> -> list(out, value.iterator())
            else -> quote(out, value.toString())
        }
    }

    private fun list(out: StringBuilder, items: Iterator<*>) {
        out.append('[')
        var first = true
        for (v in items) {
            if (!first) out.append(',')
            first = false
            write(out, v)
        }
        out.append(']')
    }

    private fun quote(out: StringBuilder, s: String) {
        out.append('"')
        for (c in s) {
            when {
                c == '"' -> out.append("\\\"")
                c == '\\' -> out.append("\\\\")
                c == '\n' -> out.append("\\n")
                c == '\r' -> out.append("\\r")
                c == '\t' -> out.append("\\t")
                c < ' ' -> out.append("\\u").append(String.format("%04x", c.code))
                else -> out.append(c)
            }
        }
        out.append('"')
    }

    private class Parser(val s: String) {
        var i = 0

        fun fail(what: String): Nothing = throw IllegalArgumentException("invalid JSON at $i: $what")

        fun ws() {
            while (i < s.length && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) i++
        }

        fun end() {
            ws()
            if (i != s.length) fail("trailing characters")
        }

        fun value(): Any? {
            ws()
            if (i >= s.length) fail("unexpected end")
            return when (s[i]) {
                '{' -> obj()
                '[' -> arr()
                '"' -> str()
                't' -> word("true", true)
                'f' -> word("false", false)
                'n' -> word("null", null)
                else -> num()
            }
        }

        fun word(w: String, v: Any?): Any? {
            if (!s.startsWith(w, i)) fail("unexpected character")
            i += w.length
            return v
        }

        fun obj(): Map<String, Any?> {
            val m = LinkedHashMap<String, Any?>()
            i++
            ws()
            if (i < s.length && s[i] == '}') { i++; return m }
            while (true) {
                ws()
                if (i >= s.length || s[i] != '"') fail("expected a key")
                val k = str()
                ws()
                if (i >= s.length || s[i] != ':') fail("expected ':'")
                i++
                m[k] = value()
                ws()
                if (i < s.length && s[i] == ',') { i++; continue }
                if (i < s.length && s[i] == '}') { i++; return m }
                fail("expected ',' or '}'")
            }
        }

        fun arr(): List<Any?> {
            val l = ArrayList<Any?>()
            i++
            ws()
            if (i < s.length && s[i] == ']') { i++; return l }
            while (true) {
                l.add(value())
                ws()
                if (i < s.length && s[i] == ',') { i++; continue }
                if (i < s.length && s[i] == ']') { i++; return l }
                fail("expected ',' or ']'")
            }
        }

        fun str(): String {
            i++
            val start = i
            // The common case has no escape: one substring.
            while (i < s.length && s[i] != '"' && s[i] != '\\') i++
            if (i < s.length && s[i] == '"') return s.substring(start, i++)
            val b = StringBuilder().append(s, start, i)
            while (true) {
                if (i >= s.length) fail("unterminated string")
                val c = s[i++]
                when (c) {
                    '"' -> return b.toString()
                    '\\' -> {
                        if (i >= s.length) fail("unterminated escape")
                        when (val e = s[i++]) {
                            'n' -> b.append('\n')
                            'r' -> b.append('\r')
                            't' -> b.append('\t')
                            'b' -> b.append('\b')
                            'f' -> b.append('\u000c')
                            'u' -> {
                                if (i + 4 > s.length) fail("short \\u escape")
                                b.append(s.substring(i, i + 4).toIntOrNull(16)?.toChar() ?: fail("bad \\u escape"))
                                i += 4
                            }
                            else -> b.append(e)
                        }
                    }
                    else -> b.append(c)
                }
            }
        }

        fun num(): Any {
            val start = i
            if (i < s.length && s[i] == '-') i++
            while (i < s.length && (s[i].isDigit() || s[i] in ".eE+-")) i++
            val t = s.substring(start, i)
            if (t.isEmpty() || t == "-") fail("unexpected character")
            val whole = t.indexOfAny(charArrayOf('.', 'e', 'E')) < 0
            return (if (whole) t.toLongOrNull() else null) ?: t.toDoubleOrNull() ?: fail("bad number")
        }
    }
}

/**
 * A model: a typed view over the fields of an answer or a request. The generated
 * properties read [fields] tolerantly (a number sent as text is still a number, a field
 * of another type reads as null); fields this SDK does not name stay in [fields].
 */
open class Model(val fields: Map<String, Any?>) {
    /** The fields as JSON text. */
    fun toJson(): String = Json.write(fields)

    override fun toString(): String = "${javaClass.simpleName}${toJson()}"

    override fun equals(other: Any?): Boolean = other is Model && other.javaClass == javaClass && other.fields == fields

    override fun hashCode(): Int = fields.hashCode()

    protected fun string(name: String): String? =
        when (val v = fields[name]) {
            is String -> v
            is Number, is Boolean -> v.toString()
            else -> null
        }

    protected fun long(name: String): Long? =
        when (val v = fields[name]) {
            is Long -> v
            is Number -> v.toLong()
            is String -> v.trim().toLongOrNull()
            else -> null
        }

    protected fun double(name: String): Double? =
        when (val v = fields[name]) {
            is Number -> v.toDouble()
            is String -> v.trim().toDoubleOrNull()
            else -> null
        }

    protected fun boolean(name: String): Boolean? =
        when (val v = fields[name]) {
            is Boolean -> v
            is String -> v.lowercase().toBooleanStrictOrNull()
            is Number -> v.toLong() != 0L
            else -> null
        }

    /** An enumeration's value: the server's code (`1`) read as its name, an unknown name kept. */
    protected fun enumValue(name: String, codes: Map<String, String>, aliases: Map<String, String>): String? {
        val v = string(name) ?: return null
        return codes[v] ?: aliases[v] ?: v
    }

    protected fun strings(name: String): List<String>? =
        when (val v = fields[name]) {
            is List<*> -> v.mapNotNull { it?.toString() }
            is String -> listOf(v)
            else -> null
        }

    @Suppress("UNCHECKED_CAST")
    protected fun map(name: String): Map<String, Any?>? = fields[name] as? Map<String, Any?>

    protected fun list(name: String): List<Any?>? = fields[name] as? List<Any?>

    protected fun <T> model(name: String, make: (Map<String, Any?>) -> T): T? = map(name)?.let(make)

    @Suppress("UNCHECKED_CAST")
    protected fun <T> models(name: String, make: (Map<String, Any?>) -> T): List<T>? =
        list(name)?.mapNotNull { (it as? Map<String, Any?>)?.let(make) }
}

/**
 * The base of every typed client: one service's native client, made from the options
 * JSON every binding takes. Thread-safe. [close] frees it (its session is logged out in
 * the background); [shutdown] logs out now and refuses later calls (`CLIENT_CLOSED`).
 */
abstract class ServiceClient protected constructor(optionsJson: String, service: String) : AutoCloseable {
    /** The native client under this one (the generic entry with JSON text). */
    val native: uniffi.qem_jvm.QemClient = uniffi.qem_jvm.QemClient(forService(optionsJson, service))

    /** The generic entry: an operation or helper by name, its arguments, the answer as JSON text. */
    @JvmSynthetic
    suspend fun call(operation: String, args: Map<String, Any?> = emptyMap()): String =
        native.call(operation, Answers.arguments(args))

    /** The generic entry, blocking (Java's `call`). */
    @JvmName("call")
    @Throws(QemException::class)
    @JvmOverloads
    fun callBlocking(operation: String, args: Map<String, Any?> = emptyMap()): String =
        native.callBlocking(operation, Answers.arguments(args))

    /** The generic entry as a CompletableFuture. */
    @JvmOverloads
    fun callAsync(operation: String, args: Map<String, Any?> = emptyMap()): CompletableFuture<String> =
        future { call(operation, args) }

    /** Logs out now and refuses later calls; twice is fine. */
    @Throws(QemException::class)
    fun shutdown() = native.shutdown()

    /** True once [shutdown] was called. */
    val isClosed: Boolean get() = native.isClosed()

    /** Frees the native client; its session is logged out in the background. */
    override fun close() = native.close()

    /** A suspend block as a CompletableFuture, started on the calling thread. */
    protected fun <T> future(block: suspend () -> T): CompletableFuture<T> =
        scope.future(start = CoroutineStart.UNDISPATCHED) { block() }

    protected companion object {
        // The native core does the waiting; a future's coroutine resumes on a pool thread
        // (never on the native thread that woke it) only to complete the future.
        private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

        init {
            // A suspend call is woken by the core's runtime threads through a JNA callback.
            // JNA attaches such a thread to the JVM for each callback and detaches it after,
            // which costs more than the call itself; these threads live as long as the
            // process, so they stay attached (as daemons, never holding the JVM open).
            com.sun.jna.Native.setCallbackThreadInitializer(
                uniffi.qem_jvm.uniffiRustFutureContinuationCallbackImpl,
                com.sun.jna.CallbackThreadInitializer(true, false, "qem-core"),
            )
        }

        /**
         * The options with this client's `service` (a client of one service refuses
         * another's options). Text that is not a JSON object goes to the core unchanged,
         * which refuses it with its own error.
         */
        private fun forService(optionsJson: String, service: String): String {
            @Suppress("UNCHECKED_CAST")
            val options = (runCatching { Json.parse(optionsJson) }.getOrNull() as? Map<String, Any?>) ?: return optionsJson
            val given = options["service"] ?: return Json.write(options + ("service" to service))
            if (given != service) {
                throw QemException.Failed(
                    "INVALID_ARGUMENT",
                    "these options are for service `$given`; this client is for `$service`",
                    null,
                    null,
                    "invalid_argument",
                )
            }
            return optionsJson
        }
    }
}

/** How the generated clients turn an answer's JSON text into what a method returns. */
internal object Answers {
    /** Arguments as the core's JSON object; an absent (null) optional is left out. */
    fun arguments(args: Map<String, Any?>): String = Json.write(args.filterValues { it != null })

    fun text(answer: String): String = Json.parse(answer) as? String ?: answer

    @Suppress("UNCHECKED_CAST")
    fun obj(answer: String): Map<String, Any?> = Json.parse(answer) as? Map<String, Any?> ?: emptyMap()

    fun strings(answer: String): List<String> =
        (Json.parse(answer) as? List<*>)?.mapNotNull { it?.toString() } ?: emptyList()

    fun count(answer: String): Long = (obj(answer)["bytes"] as? Number)?.toLong() ?: 0L

    fun parse(answer: String): Any? = Json.parse(answer)
}
