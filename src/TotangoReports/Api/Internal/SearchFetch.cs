using System.Globalization;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Reads one search dataset whole: record-offset pages (0, count, 2·count, …) until a page is shorter than asked or
/// <c>total_hits</c> is reached, each hit to the sink once per account id. Never asks past the 10,000-record cap.
/// A query matching more is refused with <see cref="DataIncompleteException"/> (exit 5) saying how to narrow it,
/// unless the dataset names a <c>split_by</c> field: then the lowest and highest values are read (sorted by it)
/// and the range is halved until every piece stays under the cap; pieces are de-duplicated by account id.
/// </summary>
internal sealed class SearchFetch(ISearchSource source, SearchDefinition search, IAccountSink sink)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    public async Task<FetchSummary> RunAsync(string datasetName, CancellationToken cancellationToken)
    {
        var total = await ReadAsync(search.TermsJson, cancellationToken).ConfigureAwait(false);
        if (total <= Cap)
        {
            return Summary(total, complete: true);
        }

        if (search.Entity == SearchEntity.Events)
        {
            throw Incomplete(total, string.Create(CultureInfo.InvariantCulture, $"Dataset '{datasetName}': the search matched {total:N0} events, but the Search API returns at most {Cap:N0} per query (10,000, in whole pages of {search.Count:N0}). Narrow 'terms', e.g. to recent events with {{ type: date, term: date, gte: <unix ms> }} or one event_type, so each query matches at most {Cap:N0}."));
        }

        if (search.SplitBy is null)
        {
            throw Incomplete(total, string.Create(CultureInfo.InvariantCulture, $"Dataset '{datasetName}': the search matched {total:N0} {SearchQuery.Path(search.Entity)}, but the Search API returns at most {SearchDefinition.RecordCap:N0} per query. Narrow 'terms' (e.g. by status_group, owner or an attribute) so each query matches at most {SearchDefinition.RecordCap:N0}, or add 'split_by: <a number or date field>' to read it in ranges."));
        }

        var range = SearchRange.For(search);
        var low = await BoundAsync(range, descending: false, cancellationToken).ConfigureAwait(false);
        var high = await BoundAsync(range, descending: true, cancellationToken).ConfigureAwait(false);
        if (low is not null && high is not null)
        {
            await SplitAsync(datasetName, range, low.Value, high.Value, lastRange: true, cancellationToken).ConfigureAwait(false);
        }

        if (_seen.Count < total)
        {
            throw Incomplete(total, string.Create(CultureInfo.InvariantCulture, $"Dataset '{datasetName}': split by '{search.SplitBy}', {_seen.Count:N0} of the {total:N0} matching {SearchQuery.Path(search.Entity)} were read; the others have no '{search.SplitBy}' value (or the data changed while it was read). Split by a field every record has, or narrow 'terms'."));
        }

        return Summary(total, complete: true);
    }

    /// <summary>
    /// The records one query can reach: 10,000; for events, whose offset is a page number and every page the same
    /// size, the whole pages within 10,000.
    /// </summary>
    private int Cap => search.Entity == SearchEntity.Events ? SearchDefinition.RecordCap / search.Count * search.Count : SearchDefinition.RecordCap;

    /// <summary>Reads one query whole when it is under the cap; returns its <c>total_hits</c> either way.</summary>
    private async Task<long> ReadAsync(string termsJson, CancellationToken cancellationToken)
    {
        var offset = 0;
        long total = 0;
        while (offset < Cap)
        {
            var count = Math.Min(search.Count, Cap - offset);
            var (totalHits, hits) = await PageAsync(SearchQuery.Build(search, termsJson, offset, count, search.SortBy, search.Descending), offset, Add, cancellationToken).ConfigureAwait(false);
            total = totalHits;

            // A page number moves by whole pages, whatever a short page held.
            offset += search.Entity == SearchEntity.Events ? count : hits;
            if (totalHits > Cap || hits < count || offset >= totalHits)
            {
                break;
            }
        }

        return total;
    }

    private async Task SplitAsync(string datasetName, SearchRange range, double low, double high, bool lastRange, CancellationToken cancellationToken)
    {
        var terms = range.Terms(search.TermsJson, low, high, lastRange);
        var total = await ReadAsync(terms, cancellationToken).ConfigureAwait(false);
        if (total <= SearchDefinition.RecordCap)
        {
            return;
        }

        var middle = low + ((high - low) / 2);
        if (middle <= low || middle >= high)
        {
            throw Incomplete(total, string.Create(CultureInfo.InvariantCulture, $"Dataset '{datasetName}': {total:N0} {SearchQuery.Path(search.Entity)} have '{search.SplitBy}' = {low}, more than the Search API's {SearchDefinition.RecordCap:N0} per query, so splitting by it cannot help. Narrow 'terms', or split by another field."));
        }

        await SplitAsync(datasetName, range, low, middle, lastRange: false, cancellationToken).ConfigureAwait(false);
        await SplitAsync(datasetName, range, middle, high, lastRange, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The lowest (or highest) value of the split field: one record sorted by it.</summary>
    private async Task<double?> BoundAsync(SearchRange range, bool descending, CancellationToken cancellationToken)
    {
        double? bound = null;
        await PageAsync(SearchQuery.Build(search, search.TermsJson, 0, 1, range.SortKey, descending), 0, (_, record) => bound = range.ValueOf(record), cancellationToken).ConfigureAwait(false);
        return bound;
    }

    private async Task<(long TotalHits, int Hits)> PageAsync(string query, int offset, Action<string, JsonElement> onRecord, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = await source.SearchAsync(search.Entity, query, cancellationToken).ConfigureAwait(false);
        _pages++;
        return SearchPage.Read(body.Span, search, SearchQuery.Describe(search.Entity, search.Entity == SearchEntity.Events ? offset / search.Count : offset), onRecord);
    }

    private void Add(string rowKey, JsonElement record)
    {
        // Records shift between pages while the data changes, and split ranges share their bounds: keep each once.
        if (_seen.Add(rowKey))
        {
            sink.Add(ReturnType.Summary, record);
        }
    }

    private FetchSummary Summary(long total, bool complete) => new()
    {
        TotalItems = total,
        Pages = _pages,
        Requests = _pages,
        Complete = complete,
        Gaps = complete ? [] : [string.Create(CultureInfo.InvariantCulture, $"{total - _seen.Count} of {total} records not read")],
    };

    private DataIncompleteException Incomplete(long total, string message) => new(message, Summary(total, complete: false));
}
