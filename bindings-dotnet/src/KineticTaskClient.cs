// KineticTaskClient: Kinetic Task's web application on the same core. Its methods are
// generated into KineticTaskClient.g.cs (`cargo run -p qem-codegen`); this file holds the
// constructors.
using System;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of a Kinetic Task web application. Thread-safe; dispose it when done.</summary>
    public partial class KineticTaskClient : QemClientBase
    {
        /// <summary>A client of the web application at <paramref name="url"/>
        /// (https://host[:port]/kinetic-task), with a user for HTTP Basic when its sources' API
        /// policy rules check the caller's identity (null: no credentials).</summary>
        /// <param name="url">The Task web application (https://host[:port]/kinetic-task).</param>
        /// <param name="username">The HTTP Basic user, or null for none.</param>
        /// <param name="password">Its password, or null.</param>
        /// <param name="verifyCertificate">Whether the server's certificate is verified (only turn it off for a test server).</param>
        /// <param name="caFile">A PEM file of extra trusted CA certificates, or null.</param>
        public KineticTaskClient(string url, string username, string password, bool verifyCertificate = true, string caFile = null)
            : base(Options(url, username, password, verifyCertificate, caFile)) { }

        /// <summary>A client from the core's JSON settings: <c>url</c>, <c>username</c> and <c>password</c>,
        /// <c>ca_file</c>, timeouts... (<c>"service": "kinetic"</c> is implied).</summary>
        public KineticTaskClient(string optionsJson) : base(WithService(optionsJson, "kinetic")) { }

        static string Options(string url, string username, string password, bool verify, string caFile)
        {
            if (url == null) throw new ArgumentNullException("url");
            var o = new JsonObject();
            o["service"] = "kinetic";
            o["url"] = url;
            o["verify_certificate"] = verify;
            if (caFile != null) o["ca_file"] = caFile;
            if (username != null) { o["username"] = username; o["password"] = password ?? ""; }
            return Json.Write(o);
        }
    }
}
