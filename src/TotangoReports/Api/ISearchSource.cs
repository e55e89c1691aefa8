using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>
/// Where Search API answers come from (the live API, or the sample data): the response body for one query, exactly
/// as the API sends it. A source that also reads active lists must pace both through one rate limiter: the
/// limit is per token, across every Totango API.
/// </summary>
internal interface ISearchSource
{
    /// <summary>One call of <c>/api/v1/search/{accounts|users}</c> or <c>/api/v2/events/search</c>; <paramref name="queryJson"/> is the form field <c>query</c>.</summary>
    Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken);
}
