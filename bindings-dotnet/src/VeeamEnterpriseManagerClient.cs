// VeeamEnterpriseManagerClient: Veeam Backup Enterprise Manager on the same core. Its
// methods are generated into VeeamEnterpriseManagerClient.g.cs (`cargo run -p qem-codegen`);
// this file holds the constructors.
using System;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of a Veeam Backup Enterprise Manager: one logon session (renewed once when
    /// it expires), logged off on Close or Dispose. Thread-safe; dispose it when done.</summary>
    public partial class VeeamEnterpriseManagerClient : QemClientBase
    {
        /// <summary>A client of the Enterprise Manager at <paramref name="url"/> (https://host:9398)
        /// for a Portal Administrator, Portal User or Restore Operator.</summary>
        /// <param name="url">The Enterprise Manager (https://host:9398, or http://host:9399).</param>
        /// <param name="username">The user (DOMAIN\user or user@domain).</param>
        /// <param name="password">Its password.</param>
        /// <param name="verifyCertificate">Whether the server's certificate is verified (only turn it off for a test server).</param>
        /// <param name="caFile">A PEM file of extra trusted CA certificates, or null.</param>
        public VeeamEnterpriseManagerClient(string url, string username, string password, bool verifyCertificate = true, string caFile = null)
            : base(Options(url, username, password, verifyCertificate, caFile)) { }

        /// <summary>A client from the core's JSON settings: <c>url</c>, <c>username</c>, <c>password</c>,
        /// <c>api_version</c>, <c>ca_file</c>, timeouts... (<c>"service": "veeam"</c> is implied).</summary>
        public VeeamEnterpriseManagerClient(string optionsJson) : base(WithService(optionsJson, "veeam")) { }

        static string Options(string url, string username, string password, bool verify, string caFile)
        {
            if (url == null) throw new ArgumentNullException("url");
            if (username == null) throw new ArgumentNullException("username");
            if (password == null) throw new ArgumentNullException("password");
            var o = new JsonObject();
            o["service"] = "veeam";
            o["url"] = url;
            o["username"] = username;
            o["password"] = password;
            o["verify_certificate"] = verify;
            if (caFile != null) o["ca_file"] = caFile;
            return Json.Write(o);
        }
    }
}
