// Tests of the typed clients generated from the API description (package qem): each
// method three ways, models read tolerantly, documents to and from files, the JSON
// runtime, a client of one service refusing another's options, and Java's view of them
// (JavaUse.java).
import java.io.File
import kotlinx.coroutines.runBlocking
import qem.Json
import qem.QemClient
import qem.QlikCloudClient
import qem.TaskDetails
import qem.TaskState
import uniffi.qem_jvm.QemException

fun typed(): QemClient = QemClient("""{"url": "$baseUrl", "username": "QEM\\admin", "password": "admin-pass", "ca_file": "$caFile"}""")

fun typedTests() {
    val server = "Local Server"
    val task = "SalesDBBackup"
    test("typed: a method as suspend, blocking and CompletableFuture answers the model") {
        control("POST", "/mock/reset")
        typed().use { c ->
            val viaSuspend = runBlocking { c.getTaskDetails(server, task) }
            val viaBlocking = c.getTaskDetailsBlocking(server, task)
            val viaFuture = c.getTaskDetailsAsync(server, task).get()
            for (d in listOf(viaSuspend, viaBlocking, viaFuture)) {
                check(d.name == task) { "name ${d.name}" }
                check(d.state in listOf(TaskState.RUNNING, TaskState.STOPPED)) { "state ${d.state}" }
                check(d.fields["name"] == task) { "fields ${d.fields}" }
            }
            check(viaSuspend == viaBlocking) { "$viaSuspend != $viaBlocking" }
            val list = c.getServerListBlocking()
            check(list.serverList.orEmpty().any { it.name == server }) { "$list" }
        }
    }
    test("typed: optional arguments, lists and a helper") {
        control("POST", "/mock/reset")
        typed().use { c ->
            val all = c.getTableListBlocking(server, task)
            val queued = c.getTableListBlocking(server, task, includequeued = true, includeloading = false,
                includecompleted = false, includechangeprocessing = false, includeerror = false)
            check(queued.tablelist.orEmpty().size <= all.tablelist.orEmpty().size) { "$queued vs $all" }
            val names = runBlocking { c.selectTasks(server, all = true) }
            check(task in names) { "$names" }
            val running = c.runTaskAndWaitBlocking(server, task, timeoutMs = 30_000L, pollMs = 20L)
            check(running.state == TaskState.RUNNING) { "${running.state}" }
            val stopped = c.stopTaskAndWaitBlocking(server, task, timeoutMs = 30_000L, pollMs = 20L)
            check(stopped.state == TaskState.STOPPED) { "${stopped.state}" }
        }
    }
    test("typed: export to a file and import from it") {
        control("POST", "/mock/reset")
        typed().use { c ->
            val doc = c.exportTaskBlocking(server, task)
            check(doc.isNotEmpty()) { "empty export" }
            val file = File.createTempFile("qem-export", ".json")
            try {
                val bytes = c.exportTaskToFileBlocking(server, task, file.path)
                check(bytes == file.length() && bytes > 0) { "$bytes bytes, file ${file.length()}" }
                runBlocking { c.importTaskFromFile(server, "SalesDBCopy", file.path) }
                val names = c.getTaskListBlocking(server).taskList.orEmpty().map { it.name }
                check("SalesDBCopy" in names) { "$names" }
            } finally {
                file.delete()
            }
        }
    }
    test("typed: errors carry the operation, and a closed client refuses") {
        val c = typed()
        try { c.getTaskDetailsBlocking(server, "Nope"); throw AssertionError("found") }
        catch (e: QemException.Failed) { check(e.operation == "GetTaskDetails" && e.httpStatus != null) { "$e" } }
        try { c.getTaskDetailsAsync(server, "Nope").get(); throw AssertionError("found") }
        catch (e: java.util.concurrent.ExecutionException) {
            val cause = e.cause
            check(cause is QemException.Failed && cause.operation == "GetTaskDetails") { "$cause" }
        }
        c.shutdown()
        check(c.isClosed) { "not closed" }
        try { c.getServerListBlocking(); throw AssertionError("a closed client called") }
        catch (e: QemException.Failed) { check(e.errorCode == "CLIENT_CLOSED") { e.errorCode } }
        c.close()
    }
    test("typed: a client of one service refuses another's options, and adds its own") {
        val qemOptions = """{"service": "qem", "url": "$baseUrl", "username": "u", "password": "p"}"""
        try { QlikCloudClient(qemOptions).close(); throw AssertionError("accepted") }
        catch (e: QemException.Failed) { check(e.errorCode == "INVALID_ARGUMENT") { e.errorCode } }
        QlikCloudClient("""{"url": "$origin/qlik-cloud", "api_key": "key-dev", "ca_file": "$caFile"}""").use { c ->
            val page = c.getTasksBlocking(resourceId = "app-8")
            check(page.fields.containsKey("data")) { "$page" }
        }
    }
    test("typed: every operation and helper of the description is a method of its client") {
        val d = Json.parse(uniffi.qem_jvm.describe()) as Map<*, *>
        val classes = mapOf("qem" to "QemClient", "qlik_cloud" to "QlikCloudClient", "kinetic" to "KineticClient", "veeam" to "VeeamClient")
        for (s in d["services"] as List<*>) {
            s as Map<*, *>
            val cls = Class.forName("qem." + classes.getValue(s["name"] as String))
            val have = cls.methods.map { it.name }.toSet()
            val wanted = (s["operations"] as List<*>).map { (it as Map<*, *>)["method"] as String } +
                (s["helpers"] as List<*>).map { (it as Map<*, *>)["name"] as String }
            for (w in wanted) {
                val camel = w.split('_').mapIndexed { i, p -> if (i == 0) p else p.replaceFirstChar(Char::uppercase) }.joinToString("")
                check(camel in have && "${camel}Async" in have) { "${cls.simpleName} lacks $camel" }
            }
        }
    }
    test("typed: models read tolerantly and keep unknown fields") {
        val d = TaskDetails(mapOf("name" to "T", "state" to "RECOVERING", "task_stop_reason" to 2L, "future_field" to listOf(1L)))
        check(d.name == "T" && d.state == TaskState.RECOVERY) { "${d.state}" }
        check(d.fields["future_field"] == listOf(1L)) { "${d.fields}" }
        val same = TaskDetails(Json.parse(d.toJson()) as Map<String, Any?>)
        check(same == d) { "$same != $d" }
    }
    test("typed: the JSON runtime reads and writes what servers send") {
        val text = """{"a": [1, -2.5e3, true, null, "x\"\\\n\u00e9\ud83d\ude00"], "b": {}, "c": 12345678901234}"""
        val v = Json.parse(text) as Map<*, *>
        check(v["c"] == 12345678901234L) { "${v["c"]}" }
        check((v["a"] as List<*>)[4] == "x\"\\\n\u00e9\ud83d\ude00") { "${v["a"]}" }
        check(Json.parse(Json.write(v)) == v) { Json.write(v) }
        check(Json.write(mapOf("k" to "\u0001")) == """{"k":"\u0001"}""") { Json.write(mapOf("k" to "\u0001")) }
        for (bad in listOf("", "{", "[1,]", "{\"a\" 1}", "tru", "1 2")) {
            try { Json.parse(bad); throw AssertionError("parsed $bad") } catch (e: IllegalArgumentException) { }
        }
    }
    test("typed: Java sees blocking methods, overloads and CompletableFuture") {
        control("POST", "/mock/reset")
        check(JavaUse.run(baseUrl, caFile) == "SalesDBBackup") { "Java's answer" }
    }
}
