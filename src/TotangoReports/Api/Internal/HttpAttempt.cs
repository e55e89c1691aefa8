using RestSharp;

namespace TotangoReports.Api.Internal;

/// <summary>One HTTP attempt: RestSharp's response (status, headers) and the body in a pooled buffer the receiver disposes.</summary>
internal sealed record HttpAttempt(RestResponse Response, PooledBuffer Body);
