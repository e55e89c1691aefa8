using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Tests.Search;

/// <summary>Passes every Search API call through to a real source, keeping each form field <c>query</c> as sent.</summary>
internal sealed class RecordingSearchSource(ISearchSource inner) : ISearchSource
{
    public List<(SearchEntity Entity, string Query)> Queries { get; } = [];

    public Task<ReadOnlyMemory<byte>> SearchAsync(SearchEntity entity, string queryJson, CancellationToken cancellationToken)
    {
        Queries.Add((entity, queryJson));
        return inner.SearchAsync(entity, queryJson, cancellationToken);
    }
}
