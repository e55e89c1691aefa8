using System.Buffers;
using System.Globalization;
using System.Text.Json;

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

    public async Task<FetchSummary> RunAsync(CancellationToken cancellationToken)
    {
        var pass = await ReadPassAsync(cancellationToken).ConfigureAwait(false);
        if (!pass.Agrees)
        {
            // The list changed while it was read (or the server misbehaved): read it once more.
            pass = await ReadPassAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!pass.Agrees)
        {
            gaps.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{QueryText.Describe(query)}: read {pass.Unique} unique accounts but the API reports total_items {pass.Total}, twice{(emptyPage is null ? string.Empty : $" ({emptyPage} came back empty)")}"));
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

        var pageIndex = (int)(coveredItems / n);
        var stopped = false;
        while (!stopped && coveredItems < result.Total)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Plan what the latest total says is left; the loop re-plans if the total grew meanwhile.
            var planned = new List<(int Offset, string Label)>();
            for (var covered = coveredItems; covered < result.Total; covered += n)
            {
                pageNumber++;
                var offset = mode == OffsetMode.Item ? (int)covered : pageIndex++;
                planned.Add((offset, string.Create(CultureInfo.InvariantCulture, $"page {pageNumber}")));
            }

            coveredItems += (long)planned.Count * n;
            pagesKnown = pagesDone + planned.Count;
            var window = Math.Max(2, options.MaxConcurrency * 2);
            var inFlight = new Queue<Task<ParsedPage>>();
            var next = 0;
            try
            {
                for (var i = 0; i < planned.Count && !stopped; i++)
                {
                    while (next < planned.Count && inFlight.Count < window)
                    {
                        var (offset, label) = planned[next++];
                        inFlight.Enqueue(FetchAsync(offset, length, label, stop.Token));
                    }

                    var page = await inFlight.Dequeue().ConfigureAwait(false);
                    using var current = page;
                    if (page.SameAccountsAs(previousIds))
                    {
                        gaps.Add($"{QueryText.Describe(query)}: {planned[i].Label} repeated the page before it; stopped paging");
                        stopped = true;
                        break;
                    }

                    Deliver(page, result, planned[i].Label);
                    previousIds = page.Ids;
                    lastCount = page.Count;
                    if (page.Count == 0)
                    {
                        // The list shrank under us: nothing more to read.
                        emptyPage = planned[i].Label;
                        stopped = true;
                    }
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await DrainAsync(inFlight).ConfigureAwait(false);
            }

            if (!stopped && lastCount < n)
            {
                break;
            }
        }

        return result;
    }

    private static async Task DrainAsync(Queue<Task<ParsedPage>> inFlight)
    {
        while (inFlight.Count > 0)
        {
            try
            {
                using var page = await inFlight.Dequeue().ConfigureAwait(false);
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

        progress?.Report(new FetchProgress(query, pagesDone, Math.Max(pagesKnown, pagesDone), delivered.Count, Retries));
    }
}
