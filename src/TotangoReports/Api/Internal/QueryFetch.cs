using System.Buffers;
using System.Globalization;
using System.Text.Json;
using TotangoReports.Data;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Reads one query (one list, endpoint and return type) whole: the state of one <see cref="ActiveListFetcher"/> call.
/// Pages are fetched concurrently but handed to the sink in list order from the awaiting thread.
/// </summary>
internal sealed class QueryFetch
{
    private readonly IActiveListSource source;
    private readonly ActiveListQuery query;
    private readonly IAccountSink sink;
    private readonly TotangoOptions options;
    private readonly IProgress<FetchProgress>? progress;
    private readonly SemaphoreSlim concurrency;
    private readonly HashSet<string> delivered = new(StringComparer.Ordinal);
    private readonly List<string> gaps = [];
    private readonly IRequestStatistics? statistics;
    private readonly long requestsAtStart;
    private readonly long retriesAtStart;
    private OffsetMode mode;
    private int pagesDone;
    private int pagesKnown;
    private int calls;
    private bool leftOut;
    private string? emptyPage;
    private bool serverInconsistent;

    public QueryFetch(IActiveListSource source, ActiveListQuery query, IAccountSink sink, TotangoOptions options, SemaphoreSlim concurrency, IProgress<FetchProgress>? progress)
    {
        this.source = source;
        this.query = query;
        this.sink = sink;
        this.options = options;
        this.concurrency = concurrency;
        this.progress = progress;
        mode = options.OffsetMode;
        statistics = source as IRequestStatistics;
        requestsAtStart = statistics?.Requests ?? 0;
        retriesAtStart = statistics?.Retries ?? 0;
    }

    private long Retries => (statistics?.Retries ?? 0) - retriesAtStart;

    /// <summary>
    /// True when a page contradicted itself (an id twice within one page): the server, not a changing list, is at
    /// fault, so reading again cannot help.
    /// </summary>
    public bool ServerInconsistent => serverInconsistent;

    public async Task<FetchSummary> RunAsync(CancellationToken cancellationToken)
    {
        var pass = await ReadPassAsync(cancellationToken).ConfigureAwait(false);
        if (!pass.Agrees && !serverInconsistent)
        {
            // The list changed while it was read (or the server misbehaved): read it once more.
            pass = await ReadPassAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!pass.Agrees)
        {
            gaps.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{QueryText.Describe(query)}: read {pass.Unique} unique accounts but the API reports total_items {pass.Total}{(serverInconsistent ? string.Empty : ", twice")}{(emptyPage is null ? string.Empty : $" ({emptyPage} came back empty)")}"));
        }

        return new FetchSummary
        {
            TotalItems = pass.Total,
            Pages = pagesDone,
            Requests = statistics is null ? calls : (int)(statistics.Requests - requestsAtStart),
            Retries = (int)Retries,
            Complete = pass.Agrees && !leftOut,
            Gaps = [.. gaps],
        };
    }

    private async Task<PassResult> ReadPassAsync(CancellationToken cancellationToken)
    {
        var result = new PassResult();
        var length = options.PageSize;
        using var first = await FetchAsync(0, length, "page 1", cancellationToken).ConfigureAwait(false);
        Deliver(first, result, "page 1");
        var n = first.Count;
        if (n == 0 || n >= result.Total)
        {
            return result;
        }

        // Page by what the server answered: it may cap pages below what was asked.
        long coveredItems = n;
        var pageNumber = 1;
        var previousIds = first.Ids;
        var lastCount = n;
        if (mode == OffsetMode.Auto)
        {
            // Heuristic (documented on ActiveListFetcher): offset 1 means page 2 to a page-index server, but the
            // second account onwards to an item-index server, so the probe's first account tells them apart.
            var probe = await FetchAsync(1, length, "page 2 (offset probe)", cancellationToken).ConfigureAwait(false);
            using (probe)
            {
                if (probe.SameAccountsAs(first.Ids))
                {
                    gaps.Add($"{QueryText.Describe(query)}: the server answered offset 1 with the first page again (offset ignored); stopped paging");
                    pagesDone++;
                    return result;
                }

                mode = n > 1 && probe.Count > 0 && probe.Ids[0] == first.Ids[1] ? OffsetMode.Item : OffsetMode.Page;
                Deliver(probe, result, "page 2");
                coveredItems = mode == OffsetMode.Item ? 1 + probe.Count : n + probe.Count;
                pageNumber = 2;
                previousIds = probe.Ids;
                lastCount = probe.Count;
                if (probe.Count < n)
                {
                    return result;
                }
            }
        }

        // Plan lazily, at most a window of pages in flight: total_items is the server's word, and an absurd one
        // (10^12) must cost nothing until the pages it promises are actually answered.
        var pageIndex = coveredItems / n;
        var stride = n;
        var window = Math.Max(2, options.MaxConcurrency * 2);
        var stopped = false;
        while (!stopped && coveredItems < result.Total)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var inFlight = new Queue<(Task<ParsedPage> Page, string Label, long Covered)>();
            var restartAt = -1L;
            try
            {
                while (true)
                {
                    while (inFlight.Count < window && coveredItems < result.Total)
                    {
                        pageNumber++;
                        var label = string.Create(CultureInfo.InvariantCulture, $"page {pageNumber}");
                        CheckAddressable(result.Total, stride, label);
                        var offset = (int)(mode == OffsetMode.Item ? coveredItems : pageIndex);
                        pageIndex++;
                        inFlight.Enqueue((FetchAsync(offset, length, label, stop.Token), label, coveredItems));
                        coveredItems += stride;
                    }

                    pagesKnown = pagesDone + inFlight.Count + (int)Math.Min(int.MaxValue / 2, Math.Max(0, result.Total - coveredItems) / stride);
                    if (inFlight.Count == 0)
                    {
                        break;
                    }

                    var (task, pageLabel, startsAt) = inFlight.Dequeue();
                    using var page = await task.ConfigureAwait(false);
                    if (page.SameAccountsAs(previousIds))
                    {
                        gaps.Add($"{QueryText.Describe(query)}: {pageLabel} repeated the page before it; stopped paging");
                        stopped = true;
                        break;
                    }

                    Deliver(page, result, pageLabel);
                    previousIds = page.Ids;
                    lastCount = page.Count;
                    if (page.Count == 0)
                    {
                        // The list shrank under us: nothing more to read.
                        emptyPage = pageLabel;
                        stopped = true;
                        break;
                    }

                    if (mode == OffsetMode.Item && page.Count < stride && startsAt + page.Count < result.Total)
                    {
                        // An item-offset server answered fewer accounts than the pages before: the pages planned
                        // after it would skip accounts, so step by what it returned and plan again from there.
                        stride = page.Count;
                        restartAt = startsAt + page.Count;
                        break;
                    }
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await DrainAsync(inFlight.Select(p => p.Page)).ConfigureAwait(false);
            }

            if (restartAt >= 0)
            {
                pageNumber -= inFlight.Count;
                coveredItems = restartAt;
                continue;
            }

            if (!stopped && lastCount < stride)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>
    /// Fails clearly when the server's <c>total_items</c> promises more than the API's 32-bit <c>offset</c> can ever
    /// address: no amount of paging could deliver it, so the run ends now instead of paging for years.
    /// </summary>
    private void CheckAddressable(long total, int stride, string label)
    {
        var lastOffset = mode == OffsetMode.Item ? total - 1 : (total - 1) / stride;
        if (lastOffset > int.MaxValue)
        {
            throw new TotangoApiException(string.Create(
                CultureInfo.InvariantCulture,
                $"The Totango API reports total_items {total} for {QueryText.Describe(query)} (before {label}), more than its pages can deliver: the last page would need offset {lastOffset}, beyond the API's limit of {int.MaxValue}. The server's answer is wrong; check Totango:BaseUrl and try again."));
        }
    }

    private static async Task DrainAsync(IEnumerable<Task<ParsedPage>> inFlight)
    {
        foreach (var task in inFlight)
        {
            try
            {
                using var page = await task.ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Abandoned pages: a stop, a cancellation or an earlier failure already decides the outcome.
            catch (Exception)
            {
            }
#pragma warning restore CA1031
        }
    }

    private async Task<ParsedPage> FetchAsync(int offset, int length, string label, CancellationToken cancellationToken)
    {
        await concurrency.WaitAsync(cancellationToken).ConfigureAwait(false);
        IMemoryOwner<byte> body;
        try
        {
            Interlocked.Increment(ref calls);
            body = source is IPooledActiveListSource pooled
                ? await pooled.RentPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false)
                : PooledBuffer.Wrap(await source.GetPageAsync(query, offset, length, cancellationToken).ConfigureAwait(false));
        }
        catch (TotangoApiException ex) when (!ex.Message.Contains(label, StringComparison.Ordinal))
        {
            // The source knows the offset; the user counts pages.
            throw new TotangoApiException($"{label}: {ex.Message}", ex.InnerException) { StatusCode = ex.StatusCode };
        }
        finally
        {
            concurrency.Release();
        }

        // Parsed on the worker, so parsing overlaps with other pages' network time.
        try
        {
            return PageReader.Parse(body.Memory, query, offset, label, body);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    private void Deliver(ParsedPage page, PassResult result, string label)
    {
        pagesDone++;
        var withoutId = 0;
        var inPage = new HashSet<string>(StringComparer.Ordinal);
        string? repeated = null;
        if (page.TotalItems is { } total)
        {
            result.Total = total;
        }
        else if (result.Total < page.Count)
        {
            result.Total = page.Count;
        }

        for (var i = 0; i < page.Count; i++)
        {
            var id = page.Ids[i];
            if (id is null)
            {
                result.WithoutId++;
                withoutId++;
                continue;
            }

            if (!inPage.Add(id))
            {
                repeated ??= id;
            }

            result.Seen.Add(id);
            if (delivered.Add(id))
            {
                // One small document per account, alive only during the call (IAccountSink's contract).
                using var account = JsonDocument.Parse(page.Account(i), PageReader.DocumentOptions);
                sink.Add(query.Return, account.RootElement);
            }
        }

        if (withoutId > 0)
        {
            // They count towards total_items but can't be told apart, so they never reach the report: say so.
            leftOut = true;
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{QueryText.Describe(query)}: {label} (offset {page.OffsetAsked}) had {withoutId} account(s) without an account_id; they were left out"));
        }

        if (repeated is not null)
        {
            serverInconsistent = true;
            gaps.Add(string.Create(CultureInfo.InvariantCulture, $"{QueryText.Describe(query)}: {label} (offset {page.OffsetAsked}) lists account_id {repeated} more than once within the page"));
        }

        progress?.Report(new FetchProgress(query, pagesDone, Math.Max(pagesKnown, pagesDone), delivered.Count, Retries));
    }
}
