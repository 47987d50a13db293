using System;

namespace Qlik.EnterpriseManager.Client
{
    /// <summary>
    /// A failed call (guide 3.4): the server's <see cref="ErrorCode"/> (AEM_TASK_ALREADY_RUNNING,
    /// INVALID_SESSION_ID, ...) or the SDK's own (INVALID_ARGUMENT, CONNECTION_ERROR, TIMEOUT,
    /// TLS_ERROR, CLIENT_CLOSED, ...), with the message and the HTTP status when there was one.
    /// </summary>
    public class AemClientException : Exception
    {
        /// <summary>The stable error code.</summary>
        public string ErrorCode { get; private set; }
        /// <summary>The HTTP status of the answer, or 0 when none came.</summary>
        public int HttpStatus { get; private set; }
        /// <summary>The REST name of the failed operation, when known.</summary>
        public string Operation { get; private set; }
        /// <summary>The server's trace id of the failed request (Qlik Cloud's traceId), or null.</summary>
        public string TraceId { get; internal set; }

        /// <summary>An error with its code and message.</summary>
        public AemClientException(string errorCode, string message, int httpStatus = 0, string operation = null)
            : base(message)
        {
            ErrorCode = errorCode;
            HttpStatus = httpStatus;
            Operation = operation;
        }

        /// <summary>Code, message and status.</summary>
        public override string ToString()
        {
            return ErrorCode + ": " + Message + (HttpStatus != 0 ? " (HTTP " + HttpStatus + ")" : "");
        }
    }
}
