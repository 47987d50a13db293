// The first call, as the README shows it: read a task through chapter 3's AemRestClient.
//   QEM_URL=https://host/attunityenterprisemanager QEM_USER='DOMAIN\user' QEM_PASSWORD=... \
//     mono FirstCall.exe          (QEM_CA_FILE: a CA bundle for a self-signed server)
using System;
using System.Net;
using Qlik.EnterpriseManager.Client;

static class FirstCall
{
    static int Main()
    {
        string url = Environment.GetEnvironmentVariable("QEM_URL");
        string user = Environment.GetEnvironmentVariable("QEM_USER") ?? "QEM\\admin";
        string password = Environment.GetEnvironmentVariable("QEM_PASSWORD") ?? "admin-pass";
        int slash = user.IndexOf('\\');
        var credentials = slash < 0
            ? new NetworkCredential(user, password)
            : new NetworkCredential(user.Substring(slash + 1), password, user.Substring(0, slash));
        string options = AemRestClient.Options(credentials, url, true, Environment.GetEnvironmentVariable("QEM_CA_FILE"));
        using (var client = new AemRestClient(options))
        {
            var details = client.GetTaskDetails("Local Server", "SalesDBBackup").Task;
            Console.WriteLine("first call: " + details.Name + " " + details.State);
        }
        return 0;
    }
}
