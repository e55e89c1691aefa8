using System.Globalization;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Reads one search dataset whole: record-offset pages (0, count, 2·count, …) until a page is shorter than asked or
/// <c>total_hits</c> is reached, each hit to the sink once per account id. Never asks past the 10,000-record cap:
/// a query matching more is refused with <see cref="DataIncompleteException"/> (exit 5) saying how to narrow it.
/// </summary>
internal sealed class SearchFetch(ISearchSource source, SearchDefinition search, IAccountSink sink)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public async Task<FetchSummary> RunAsync(string datasetName, CancellationToken cancellationToken)
    {
        var offset = 0;
        var pages = 0;
        long total = 0;
        while (offset < SearchDefinition.RecordCap)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(search.Count, SearchDefinition.RecordCap - offset);
            var what = SearchQuery.Describe(search.Entity, offset);
            var body = await source.SearchAsync(search.Entity, SearchQuery.Build(search, offset, count), cancellationToken).ConfigureAwait(false);
            pages++;
            var (totalHits, hits) = SearchPage.Read(body.Span, search, what, Add);
            total = totalHits;
            if (totalHits > SearchDefinition.RecordCap)
            {
                throw OverCap(datasetName, totalHits, pages);
            }

            offset += hits;
            if (hits < count || offset >= totalHits)
            {
                break;
            }
        }

        return new FetchSummary { TotalItems = total, Pages = pages, Requests = pages };
    }

    private void Add(string accountId, System.Text.Json.JsonElement record)
    {
        // Records can shift between pages while the data changes: a repeat is the same account, kept once.
        if (_seen.Add(accountId))
        {
            sink.Add(ReturnType.Summary, record);
        }
    }

    private DataIncompleteException OverCap(string datasetName, long totalHits, int pages) => new(
        string.Create(CultureInfo.InvariantCulture, $"Dataset '{datasetName}': the search matched {totalHits:N0} {SearchQuery.Path(search.Entity)}, but the Search API returns at most {SearchDefinition.RecordCap:N0} per query. Narrow 'terms' (e.g. by status_group, owner or an attribute) so each query matches at most {SearchDefinition.RecordCap:N0}, or split it into several datasets."),
        new FetchSummary { TotalItems = totalHits, Pages = pages, Requests = pages, Complete = false, Gaps = [$"{totalHits - SearchDefinition.RecordCap} records past the Search API's cap"] });
}
