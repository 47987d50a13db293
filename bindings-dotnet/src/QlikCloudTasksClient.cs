// QlikCloudTasksClient: the Qlik Cloud Tasks API of one tenant on the same core. Its
// methods (one per operation, with its asynchronous twin, and the typed helpers) are
// generated into QlikCloudTasksClient.g.cs (`cargo run -p qem-codegen`); this file holds
// the constructors.
using System;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of one Qlik Cloud tenant's Tasks API. Thread-safe; dispose it when done.</summary>
    public partial class QlikCloudTasksClient : QemClientBase
    {
        /// <summary>A client of the tenant at <paramref name="tenantUrl"/> (https://tenant.region.qlikcloud.com)
        /// with an API key. Nothing is sent until the first call.</summary>
        /// <param name="tenantUrl">The tenant (https://tenant.region.qlikcloud.com).</param>
        /// <param name="apiKey">An API key of a user with the reload permission.</param>
        /// <param name="verifyCertificate">Whether the server's certificate is verified (only turn it off for a test server).</param>
        /// <param name="caFile">A PEM file of extra trusted CA certificates, or null.</param>
        public QlikCloudTasksClient(string tenantUrl, string apiKey, bool verifyCertificate = true, string caFile = null)
            : base(Options(tenantUrl, verifyCertificate, caFile, "api_key", apiKey, null, null)) { }

        /// <summary>A client from the core's JSON settings: <c>url</c>, <c>api_key</c> or <c>client_id</c> and
        /// <c>client_secret</c>, <c>ca_file</c>, timeouts, <c>max_requests_per_minute</c>...
        /// (<c>"service": "qlik_cloud"</c> is implied).</summary>
        public QlikCloudTasksClient(string optionsJson) : base(WithService(optionsJson, "qlik_cloud")) { }

        /// <summary>A client authenticating as an OAuth machine-to-machine client: its token is fetched with
        /// the first call, shared by every call, and renewed before it expires.</summary>
        public static QlikCloudTasksClient WithOAuthClient(string tenantUrl, string clientId, string clientSecret, bool verifyCertificate = true, string caFile = null)
        {
            return new QlikCloudTasksClient(Options(tenantUrl, verifyCertificate, caFile, "client_id", clientId, "client_secret", clientSecret));
        }

        static string Options(string url, bool verify, string caFile, string k1, string v1, string k2, string v2)
        {
            if (url == null) throw new ArgumentNullException("tenantUrl");
            if (v1 == null) throw new ArgumentNullException(k1);
            var o = new JsonObject();
            o["service"] = "qlik_cloud";
            o["url"] = url;
            o["verify_certificate"] = verify;
            if (caFile != null) o["ca_file"] = caFile;
            o[k1] = v1;
            if (k2 != null) o[k2] = v2;
            return Json.Write(o);
        }
    }
}
