// Java's view of the typed client: blocking methods under the guide's names, the overloads
// @JvmOverloads gives for optional arguments, CompletableFuture variants, and the error.
import java.util.concurrent.ExecutionException;
import qem.QemClient;
import qem.TableList;
import qem.TaskDetails;
import uniffi.qem_jvm.QemException;

public final class JavaUse {
    private JavaUse() {}

    /** Runs the checks against the mock; answers the task's name, throws on a failure. */
    public static String run(String baseUrl, String caFile) throws Exception {
        String options = "{\"url\": \"" + baseUrl + "\", \"username\": \"QEM\\\\admin\", "
            + "\"password\": \"admin-pass\", \"ca_file\": \"" + caFile + "\"}";
        try (QemClient client = new QemClient(options)) {
            TaskDetails details = client.getTaskDetails("Local Server", "SalesDBBackup");
            TableList tables = client.getTableList("Local Server", "SalesDBBackup");
            TableList queued = client.getTableList("Local Server", "SalesDBBackup", null, null, true);
            if (queued.getTablelist() != null && tables.getTablelist() != null
                && queued.getTablelist().size() > tables.getTablelist().size()) {
                throw new AssertionError("more queued tables than tables");
            }
            TaskDetails later = client.getTaskDetailsAsync("Local Server", "SalesDBBackup").get();
            if (!later.equals(details)) throw new AssertionError(later + " != " + details);
            try {
                client.getTaskDetailsAsync("Local Server", "Nope").get();
                throw new AssertionError("found Nope");
            } catch (ExecutionException e) {
                QemException.Failed f = (QemException.Failed) e.getCause();
                if (!f.getOperation().equals("GetTaskDetails")) throw new AssertionError(f.getOperation());
            }
            try {
                client.getTaskDetails("Local Server", "Nope");
                throw new AssertionError("found Nope");
            } catch (QemException.Failed f) {
                if (f.getHttpStatus() == null) throw new AssertionError("no HTTP status");
            }
            String raw = client.call("get_server_list");
            if (!raw.contains("Local Server")) throw new AssertionError(raw);
            return details.getName();
        }
    }
}
