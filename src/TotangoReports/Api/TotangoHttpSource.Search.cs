using TotangoReports.Api.Internal;
using TotangoReports.Definition;
using RestSharp;

namespace TotangoReports.Api;

/// <summary>
/// The Search API through the same limiter, timeout and retries as the List API: the 100 calls/minute are per
/// token across every Totango API, so one instance per token paces both.
/// </summary>
internal sealed partial class TotangoHttpSource : ISearchSource
{
    public async Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queryJson);
        var what = "search/" + SearchQuery.Path(entity);
        using var page = await SendAsync(() => BuildSearchRequest(entity, queryJson), what, cancellationToken).ConfigureAwait(false);

        // status "failed" comes with HTTP 200: its message may echo what was sent, so it is redacted here.
        if (SearchPage.Failure(page.Memory.Span) is { } failure)
        {
            throw new TotangoApiException($"The Totango Search API refused {what}: {Redact(failure)}") { StatusCode = 200 };
        }

        return page.Memory.ToArray();
    }

    private RestRequest BuildSearchRequest(SearchEntity entity, string queryJson)
    {
        var request = new RestRequest(SearchQuery.Endpoint(entity), Method.Post);

        // The query travels as the form field 'query'; the token header differs from the List API's.
        request.AddParameter("query", queryJson, ParameterType.GetOrPost);
        request.AddHeader("app-token", _token);
        return request;
    }
}
