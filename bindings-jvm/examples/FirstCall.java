// The first call, as the README shows it: list a server's tasks, read one, from Java.
//   QEM_URL=https://host/attunityenterprisemanager QEM_USER=user@domain QEM_PASSWORD=... \
//     java -cp qem-jvm-VERSION.jar:jna.jar:kotlin-stdlib.jar:kotlinx-coroutines-core-jvm.jar:. FirstCall
//   (QEM_CA_FILE: a CA bundle for a self-signed server)
import java.util.LinkedHashMap;
import java.util.Map;
import qem.Json;
import qem.QemClient;
import qem.TaskDetails;
import qem.TaskInfo;

public final class FirstCall {
    private FirstCall() {}

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null ? otherwise : v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("url", System.getenv("QEM_URL"));
        options.put("username", env("QEM_USER", "QEM\\admin"));
        options.put("password", env("QEM_PASSWORD", "admin-pass"));
        if (System.getenv("QEM_CA_FILE") != null) options.put("ca_file", System.getenv("QEM_CA_FILE"));
        try (QemClient client = new QemClient(Json.write(options))) {
            for (TaskInfo task : client.getTaskList("Local Server").getTaskList()) {
                System.out.println(task.getName() + " " + task.getState());
            }
            TaskDetails details = client.getTaskDetails("Local Server", "SalesDBBackup");
            System.out.println("first call: " + details.getName() + " " + details.getState());
        }
    }
}
