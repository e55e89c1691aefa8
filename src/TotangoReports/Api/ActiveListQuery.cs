using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>One request family: a list, an endpoint, one return type and (recent/past) a since time in unix seconds.</summary>
public sealed record ActiveListQuery(string ListId, ListEndpoint Endpoint, ReturnType Return, long? SinceUnixSeconds = null);
