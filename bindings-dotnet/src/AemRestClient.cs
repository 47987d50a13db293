// AemRestClient: the guide's chapter 3 .NET client, same names and types, on the Rust
// core through the C ABI's one generic entry. Its methods (chapter 3's and the typed
// helpers) are generated into AemRestClient.g.cs (`cargo run -p qem-codegen`); this file
// holds the constructors and the glue they call. Every URL, verb, status and retry lives
// in the core.
using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>A client of one Qlik Enterprise Manager (guide chapter 3). Thread-safe; dispose it when done.</summary>
    public partial class AemRestClient : QemClientBase
    {

        /// <summary>A client for the Enterprise Manager at <paramref name="url"/>.</summary>
        /// <param name="credentials">A NetworkCredential: Domain/UserName/Password for Active Directory,
        /// UserName "api-token" with the token as Password, or UserName "jwt" with the JWT as Password.</param>
        /// <param name="url">https://host[:port]/attunityenterprisemanager</param>
        /// <param name="verifyCertificate">false skips the server certificate check.</param>
        public AemRestClient(ICredentials credentials, string url = "https://localhost/attunityenterprisemanager", bool verifyCertificate = true)
            : this(Options(credentials, url, verifyCertificate, null)) { }

        /// <summary>A client for https://host:port/urlSuffix.</summary>
        public AemRestClient(ICredentials credentials, string host, int port, string urlSuffix = "attunityenterprisemanager", bool verifyCertificate = true)
            : this(Options(credentials, "https://" + host + (port == 443 ? "" : ":" + port) + "/" + (urlSuffix ?? "").Trim('/'), verifyCertificate, null)) { }

        /// <summary>A client for https://host:port/attunityenterprisemanager (the guide's examples:
        /// <c>new AemRestClient(credentials, "localhost", 443, false)</c>).</summary>
        public AemRestClient(ICredentials credentials, string host, int port, bool verifyCertificate)
            : this(credentials, host, port, "attunityenterprisemanager", verifyCertificate) { }

        /// <summary>A client from the core's JSON settings (url, credentials, ca_file, ca_pem, timeouts, max_retries...).</summary>
        public AemRestClient(string optionsJson) : base(optionsJson) { }

        /// <summary>Client options that log in with a SAML message from the identity provider:
        /// posted as the login body with no Authorization header, as Qlik's Python client does
        /// with <c>AuthenticationMethod.SAML</c>, and posted again to renew an expired session.</summary>
        public static string SamlOptions(string samlMessage, string url, bool verifyCertificate, string caFile)
        {
            if (samlMessage == null) throw new ArgumentNullException("samlMessage");
            var o = new JsonObject();
            o["url"] = url;
            o["verify_certificate"] = verifyCertificate;
            if (caFile != null) o["ca_file"] = caFile;
            o["saml"] = samlMessage;
            return Json.Write(o);
        }

        /// <summary>The core's settings for a NetworkCredential, following the guide's 3.2 conventions.</summary>
        public static string Options(ICredentials credentials, string url, bool verifyCertificate, string caFile)
        {
            if (credentials == null) throw new ArgumentNullException("credentials");
            var o = new JsonObject();
            o["url"] = url;
            o["verify_certificate"] = verifyCertificate;
            if (caFile != null) o["ca_file"] = caFile;
            NetworkCredential c = credentials as NetworkCredential;
            if (c == null)
            {
                Uri uri;
                Uri.TryCreate(url, UriKind.Absolute, out uri);
                c = credentials.GetCredential(uri, "Basic");
            }
            if (c == null) throw new AemClientException("INVALID_ARGUMENT", "credentials give no user name and password for Basic");
            var user = c.UserName ?? "";
            if (string.Equals(user, "api-token", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(c.Domain))
                o["api_token"] = c.Password ?? "";
            else if (string.Equals(user, "jwt", StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(c.Domain))
                o["jwt"] = c.Password ?? "";
            else
            {
                o["username"] = user;
                if (!string.IsNullOrEmpty(c.Domain)) o["domain"] = c.Domain;
                o["password"] = c.Password ?? "";
            }
            return Json.Write(o);
        }

        /// <summary>Logs in now (calls log in by themselves when needed).</summary>
        public void Login() { Call("Login", "{}"); }
        /// <summary>Logs in now, asynchronously.</summary>
        public Task LoginAsync(CancellationToken cancellationToken = default(CancellationToken)) { return CallAsync("Login", "{}", cancellationToken); }
        /// <summary>Logs out; a later call logs in again.</summary>
        public void Logout() { Call("Logout", "{}"); }
        /// <summary>Logs out, asynchronously.</summary>
        public Task LogoutAsync(CancellationToken cancellationToken = default(CancellationToken)) { return CallAsync("Logout", "{}", cancellationToken); }

        // ---- glue: arguments by the guide's names, answers mapped to the guide's classes

        static object Flag(bool b) { return b ? (object)true : null; }

        // Documents come back as the server sent them (`raw`), comment lines and all.
        string Text(string op, JsonObject args) { args["raw"] = true; return (string)Json.Parse(Call(op, Json.Write(args))); }
        // An answer typed R, read as M (a subclass of R with the guide's other spelling).
        async Task<R> GetAsync<R, M>(string op, JsonObject args, CancellationToken ct) where M : R
        {
            return Json.Read<M>(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
        }
        async Task<string> TextAsync(string op, JsonObject args, CancellationToken ct)
        {
            args["raw"] = true;
            return (string)Json.Parse(await CallAsync(op, Json.Write(args), ct).ConfigureAwait(false));
        }

        static JsonObject RunArgs(AemRunTaskReq payload, string server, string task, AemRunTaskOptions option, int timeout)
        {
            var args = A("server", server, "task", task, "option", option.ToString(), "timeout", timeout);
            var position = payload == null ? null : payload.Cdcposition;
            if (position != null && position.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                // The guide's inline form: {"cdcposition":"..."} as the value.
                object inner;
                try
                {
                    var o = Json.Parse(position) as JsonObject;
                    if (o != null && o.TryGetValue("cdcposition", out inner) && inner is string) position = (string)inner;
                }
                catch (FormatException) { }
            }
            if (position != null) args["payload"] = A("cdcposition", position);
            return args;
        }

        static object ParsePayload(string json)
        {
            if (json == null) return null;
            try { return Json.Parse(json); }
            catch (FormatException e) { throw new AemClientException("INVALID_ARGUMENT", "payload is not JSON: " + e.Message); }
        }

    }
}
