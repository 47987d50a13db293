// The Kotlin binding's tests: every shared conformance case (tests/conformance) through
// QemClient, then the binding's own (1,000 calls at once, CLIENT_CLOSED, the error's
// fields, bad options and arguments, collected clients logging out), then the typed
// clients' (TypedTests.kt). Prints "N passed, N failed" last.
import com.google.gson.JsonArray
import com.google.gson.JsonElement
import com.google.gson.JsonNull
import com.google.gson.JsonObject
import com.google.gson.JsonParser
import java.io.File
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.security.KeyStore
import java.security.cert.CertificateFactory
import javax.net.ssl.SSLContext
import javax.net.ssl.TrustManagerFactory
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import uniffi.qem_jvm.QemClient
import uniffi.qem_jvm.QemException
import uniffi.qem_jvm.describe
import uniffi.qem_jvm.version

lateinit var baseUrl: String
lateinit var origin: String
lateinit var caFile: String
lateinit var http: HttpClient
var passed = 0
var failed = 0

fun check(ok: Boolean, what: () -> String) {
    if (!ok) throw AssertionError(what())
}

fun control(method: String, path: String, body: JsonElement? = null): JsonElement {
    val b = HttpRequest.newBuilder(URI.create(origin + path))
    val pub = if (body == null) HttpRequest.BodyPublishers.noBody() else HttpRequest.BodyPublishers.ofString(body.toString())
    b.method(method, pub)
    if (body != null) b.header("Content-Type", "application/json")
    val text = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body()
    return if (text.isBlank()) JsonNull.INSTANCE else JsonParser.parseString(text)
}

/** `expect` is a subset of `actual`: objects by key, arrays element by element, "$any" anything present. */
fun subset(expect: JsonElement, actual: JsonElement?, at: String) {
    if (expect.isJsonPrimitive && expect.asJsonPrimitive.isString && expect.asString == "\$any") {
        check(actual != null && !actual.isJsonNull) { "$at is absent" }
        return
    }
    when {
        expect.isJsonObject -> {
            check(actual != null && actual.isJsonObject) { "$at: expected an object, got $actual" }
            for ((k, v) in expect.asJsonObject.entrySet()) subset(v, actual!!.asJsonObject.get(k), "$at.$k")
        }
        expect.isJsonArray -> {
            check(actual != null && actual.isJsonArray) { "$at: expected an array, got $actual" }
            val a = actual!!.asJsonArray
            check(a.size() == expect.asJsonArray.size()) { "$at has ${a.size()} elements, expected ${expect.asJsonArray.size()}: $a" }
            expect.asJsonArray.forEachIndexed { i, e -> subset(e, a.get(i), "$at[$i]") }
        }
        expect.isJsonNull -> check(actual == null || actual.isJsonNull) { "$at is $actual, expected null" }
        else -> check(actual != null && actual.isJsonPrimitive && sameValue(expect.asJsonPrimitive, actual.asJsonPrimitive)) { "$at is $actual, expected $expect" }
    }
}

fun sameValue(a: com.google.gson.JsonPrimitive, b: com.google.gson.JsonPrimitive): Boolean =
    if (a.isNumber && b.isNumber) a.asBigDecimal.compareTo(b.asBigDecimal) == 0 else a == b

fun options(case: JsonObject): String {
    val o = JsonObject()
    val service = case.get("service")?.asString
    if (service != null && service != "qem") {
        val root = mapOf("qlik_cloud" to "/qlik-cloud", "kinetic" to "/kinetic-task", "veeam" to "/veeam").getValue(service)
        o.addProperty("service", service)
        o.addProperty("url", origin + root)
        case.getAsJsonObject("credentials")?.entrySet()?.forEach { (k, v) -> o.add(k, v) }
    } else {
        o.addProperty("url", baseUrl)
        val login = case.getAsJsonObject("login")
        if (login == null) {
            o.addProperty("username", "QEM\\admin"); o.addProperty("password", "admin-pass")
        } else {
            for (k in listOf("username", "password", "api_token", "jwt", "saml")) login.get(k)?.let { o.add(k, it) }
            login.getAsJsonObject("options")?.entrySet()?.forEach { (k, v) -> o.add(k, v) }
        }
    }
    o.addProperty("ca_file", caFile)
    return o.toString()
}

fun runCase(file: File) {
    val case = JsonParser.parseString(file.readText()).asJsonObject
    control("PUT", "/mock/faults", JsonObject())
    if (case.has("state") && !case.get("state").isJsonNull) control("PUT", "/mock/state", case.get("state")) else control("POST", "/mock/reset")
    control("DELETE", "/mock/requests")
    val client = QemClient(options(case))
    // Logged out before the next case starts, so that no logout of this one reaches its log.
    try {
        val loginError = case.getAsJsonObject("login")?.get("expect_login_error")?.asString ?: case.get("expect_login_error")?.asString
        if (loginError != null) {
            try { client.callBlocking("login", "{}") } catch (e: QemException.Failed) {
                check(e.errorCode == loginError) { "login failed with ${e.errorCode}, expected $loginError" }; return
            }
            throw AssertionError("login succeeded, expected $loginError")
        }
        case.getAsJsonArray("steps")?.forEachIndexed { i, el ->
            val step = el.asJsonObject
            val where = "step $i (${step.get("method")?.asString ?: step.get("mock")?.asString})"
            try { runStep(client, step, i) } catch (e: AssertionError) { throw AssertionError("$where: ${e.message}") }
        }
    } finally {
        runCatching { client.shutdown() }
        client.close()
    }
}

fun runStep(client: QemClient, step: JsonObject, index: Int) {
    val mock = step.get("mock")?.asString
    if (mock != null) {
        when (mock) {
            "expire_sessions" -> control("POST", "/mock/expire-sessions", JsonObject())
            "faults" -> control("PUT", "/mock/faults", step.get("faults"))
            "sleep" -> Thread.sleep(step.get("ms").asLong)
            "clear_requests" -> control("DELETE", "/mock/requests")
            "expect_requests" -> {
                val op = step.get("operation")?.asString
                val log = JsonArray()
                control("GET", "/mock/requests").asJsonArray.forEach { r ->
                    if (op == null || r.asJsonObject.get("operation")?.takeIf { !it.isJsonNull }?.asString == op) log.add(r)
                }
                subset(step.get("expect"), log, "requests")
            }
            else -> throw AssertionError("unknown mock step $mock")
        }
        return
    }
    val method = step.get("method").asString
    val args = (step.get("args") ?: JsonObject()).toString()
    // Half the steps through the suspend function, half blocking.
    val answer: String = try {
        if (index % 2 == 0) client.callBlocking(method, args) else runBlocking { client.call(method, args) }
    } catch (e: QemException.Failed) {
        val want = step.get("expect_error")?.asString ?: throw AssertionError("failed: ${e.errorCode}: ${e.errorMessage}")
        check(e.errorCode == want) { "failed with ${e.errorCode} (${e.errorMessage}), expected $want" }
        step.get("expect_http_status")?.let { s -> check(e.httpStatus == s.asInt) { "HTTP status ${e.httpStatus}, expected $s" } }
        return
    }
    check(!step.has("expect_error")) { "succeeded with $answer; expected ${step.get("expect_error")}" }
    val expect = step.get("expect")
    if (expect != null && !expect.isJsonNull) subset(expect, JsonParser.parseString(answer), "$")
}

fun test(name: String, body: () -> Unit) {
    try {
        body(); passed++; println("ok     $name")
    } catch (e: Throwable) {
        failed++; println("FAILED $name: ${e.message ?: e}")
    }
}

fun admin() = QemClient("""{"url": "$baseUrl", "username": "QEM\\admin", "password": "admin-pass", "ca_file": "$caFile"}""")

fun main(args: Array<String>) {
    baseUrl = args[0]; caFile = args[1]
    origin = URI.create(baseUrl).let { "${it.scheme}://${it.authority}" }
    val cert = CertificateFactory.getInstance("X.509").generateCertificate(File(caFile).inputStream())
    val ks = KeyStore.getInstance(KeyStore.getDefaultType()).apply { load(null); setCertificateEntry("mock", cert) }
    val tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm()).apply { init(ks) }
    http = HttpClient.newBuilder().sslContext(SSLContext.getInstance("TLS").apply { init(null, tmf.trustManagers, null) }).build()

    val root = File(args[2])
    for (dir in listOf("cases", "cloud", "kinetic", "veeam")) {
        File(root, dir).listFiles { f -> f.name.endsWith(".json") }!!.sortedBy { it.name }.forEach { f ->
            test("conformance ${f.nameWithoutExtension}") { runCase(f) }
        }
    }

    test("1,000 suspend calls at once") {
        control("POST", "/mock/reset")
        admin().use { c ->
            val answers = runBlocking {
                (1..1000).map { async { c.call("get_task_details", """{"server": "Local Server", "task": "SalesDBBackup"}""") } }.awaitAll()
            }
            check(answers.all { JsonParser.parseString(it).asJsonObject.get("name").asString == "SalesDBBackup" }) { "an answer differs" }
        }
    }
    test("CLIENT_CLOSED after close, closing twice is fine") {
        val c = admin()
        c.callBlocking("get_server_list", "{}")
        c.shutdown(); c.shutdown()
        check(c.isClosed()) { "not closed" }
        try { c.callBlocking("get_server_list", "{}"); throw AssertionError("a closed client called") }
        catch (e: QemException.Failed) { check(e.errorCode == "CLIENT_CLOSED") { e.errorCode } }
    }
    test("the error carries code, message, HTTP status, operation and kind") {
        admin().use { c ->
            try { c.callBlocking("get_task_details", """{"server": "Local Server", "task": "Nope"}"""); throw AssertionError("found") }
            catch (e: QemException.Failed) {
                check(e.errorCode.startsWith("AEM_") && e.errorMessage.isNotEmpty() && e.httpStatus != null && e.operation == "GetTaskDetails" && e.kind == "not_found") { "$e" }
            }
        }
    }
    test("bad options and arguments are exceptions, not crashes") {
        for (bad in listOf("not json", "{}", "[1]", """{"url": "ftp://x", "username": "u", "password": "p"}""")) {
            try { QemClient(bad).shutdown(); throw AssertionError("accepted $bad") }
            catch (e: QemException.Failed) { check(e.errorCode == "INVALID_ARGUMENT") { "$bad: ${e.errorCode}" } }
        }
        admin().use { c ->
            for (badArgs in listOf("not json", "[1]", """{"server": "\uD800"}""")) {
                try { c.callBlocking("get_task_list", badArgs); throw AssertionError("sent $badArgs") }
                catch (e: QemException.Failed) { check(e.errorCode == "INVALID_ARGUMENT") { "$badArgs: ${e.errorCode}" } }
            }
            try { c.callBlocking("no_such_operation", "{}"); throw AssertionError("called") }
            catch (e: QemException.Failed) { check(e.errorCode == "INVALID_ARGUMENT") { e.errorCode } }
        }
    }
    test("describe and version") {
        val d = JsonParser.parseString(describe()).asJsonObject
        val names = d.getAsJsonArray("services").map { it.asJsonObject.get("name").asString }
        check(names == listOf("qem", "qlik_cloud", "kinetic", "veeam")) { "$names" }
        check(version() == d.get("version").asString) { version() }
    }
    test("a client collected without close() logs its session out") {
        control("DELETE", "/mock/requests")
        fun use() { admin().callBlocking("get_server_list", "{}") }
        use()
        var logouts = 0
        for (i in 0 until 100) {
            System.gc(); System.runFinalization(); Thread.sleep(50)
            logouts = control("GET", "/mock/requests").asJsonArray.count { it.asJsonObject.get("path").asString.endsWith("/logout") }
            if (logouts > 0) break
        }
        check(logouts == 1) { "logouts: $logouts" }
    }
    typedTests()
    println("$passed passed, $failed failed")
    kotlin.system.exitProcess(if (failed == 0) 0 else 1)
}
