using RestSharp;

namespace TotangoReports.Api.Internal;

/// <summary>One HTTP attempt: RestSharp's response (status, headers) and the body bytes, captured exactly once.</summary>
internal sealed record HttpAttempt(RestResponse Response, byte[] Body);
