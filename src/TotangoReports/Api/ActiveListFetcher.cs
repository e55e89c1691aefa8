using TotangoReports.Api.Internal;
using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Api;

/// <summary>
/// The fetch pipeline: reads whole active lists from any <see cref="IActiveListSource"/> into an
/// <see cref="IAccountSink"/>, one query per return type.
/// </summary>
/// <remarks>
/// <para>Per query: the first page gives <c>total_items</c> and the server's real page size (it may answer fewer
/// accounts than asked); the remaining pages are requested up to <see cref="TotangoOptions.MaxConcurrency"/> at a time
/// and handed to the sink in list order, from one thread, once per <c>account_id</c>.</para>
/// <para><see cref="OffsetMode.Auto"/>: the second request asks <c>offset=1</c>. A page-index server answers the
/// second page; an item-index server answers the first page shifted by one account, so when the probe's first
/// account is the first page's second account the server counts items, otherwise pages. The probe's accounts are
/// used either way, so auto costs at most one extra request per query (none on page-index servers).</para>
/// <para>Integrity: if the unique accounts read disagree with <c>total_items</c> the query is read once more; if it
/// still disagrees the result is incomplete (<see cref="DataIncompleteException"/> unless partial data is allowed).
/// A page that repeats the page before it stops paging (a server ignoring <c>offset</c> would loop forever).</para>
/// </remarks>
public sealed class ActiveListFetcher
{
    private readonly IActiveListSource source;
    private readonly TotangoOptions options;

    public ActiveListFetcher(IActiveListSource source, TotangoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        this.source = source;
        this.options = (options ?? new TotangoOptions()).Clone();
        this.options.Validate();
    }

    /// <summary>
    /// Reads every query (typically one per return type of a dataset) and returns one summary for them all.
    /// Throws <see cref="DataIncompleteException"/> when a list could not be read whole and
    /// <paramref name="allowPartial"/> is false; <see cref="TotangoAuthException"/> / <see cref="TotangoApiException"/>
    /// for API failures; <see cref="OperationCanceledException"/> when cancelled.
    /// </summary>
    public async Task<FetchSummary> FetchAsync(
        IReadOnlyList<ActiveListQuery> queries,
        IAccountSink sink,
        bool allowPartial = false,
        IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(sink);
        var total = new FetchSummary();
        using var concurrency = new SemaphoreSlim(options.MaxConcurrency);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetch = new QueryFetch(source, query, sink, options, concurrency, progress);
            var one = await fetch.RunAsync(cancellationToken).ConfigureAwait(false);
            total = new FetchSummary
            {
                TotalItems = Math.Max(total.TotalItems, one.TotalItems),
                Pages = total.Pages + one.Pages,
                Requests = total.Requests + one.Requests,
                Retries = total.Retries + one.Retries,
                Complete = total.Complete && one.Complete,
                Gaps = [.. total.Gaps, .. one.Gaps],
            };
            if (!one.Complete && !allowPartial)
            {
                var advice = fetch.ServerInconsistent
                    ? "The server's pages contradict themselves, so a rerun will not help; pass --allow-partial to accept what was read, or report it to Totango."
                    : "The list probably changed while it was read; run again, or pass --allow-partial to accept it.";
                throw new DataIncompleteException($"The active list could not be read whole: {string.Join("; ", one.Gaps)}. {advice}", total);
            }
        }

        return total;
    }

    /// <summary>
    /// The queries for one dataset: one per distinct return type (none given = the summary only), each for the
    /// dataset's list and endpoint, with <paramref name="sinceUnixSeconds"/> for recent/past (resolved by the caller
    /// from <c>since</c>, e.g. <c>7d</c> or <c>last-run</c>).
    /// </summary>
    public static IReadOnlyList<ActiveListQuery> QueriesFor(DatasetDefinition dataset, IEnumerable<ReturnType> returnTypes, long? sinceUnixSeconds)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(returnTypes);
        var since = dataset.Endpoint == ListEndpoint.Current ? null : sinceUnixSeconds;
        var types = returnTypes.Distinct().ToList();
        if (types.Count > 1)
        {
            // Every return type carries the summary fields, so a separate summary query adds nothing.
            types.Remove(ReturnType.Summary);
        }

        if (types.Count == 0)
        {
            types.Add(ReturnType.Summary);
        }

        return [.. types.Select(t => new ActiveListQuery(dataset.List, dataset.Endpoint, t, since))];
    }

    /// <summary>One query; see <see cref="FetchAsync(IReadOnlyList{ActiveListQuery}, IAccountSink, bool, IProgress{FetchProgress}?, CancellationToken)"/>.</summary>
    public Task<FetchSummary> FetchAsync(
        ActiveListQuery query,
        IAccountSink sink,
        bool allowPartial = false,
        IProgress<FetchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        FetchAsync([query], sink, allowPartial, progress, cancellationToken);
}
