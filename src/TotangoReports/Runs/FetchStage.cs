using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>One dataset as read: its sink holds what was read, the summary says how.</summary>
internal sealed record FetchedDataset<TSink>(DatasetDefinition Dataset, TSink Sink, FetchSummary Summary, long? Since)
    where TSink : IAccountSink;

/// <summary>
/// The datasets read, those a lookup reads first, otherwise in definition order. <see cref="Incomplete"/> is set when a list could not be read whole:
/// the datasets then end with the incomplete one, and what was read before it.
/// </summary>
internal sealed record FetchedData<TSink>(IReadOnlyList<FetchedDataset<TSink>> Datasets, DataIncompleteException? Incomplete)
    where TSink : IAccountSink;

/// <summary>Stage 1: every dataset of the definition read from one source into its own sink.</summary>
internal sealed class FetchStage(TotangoOptions options, ILogger log, IProgress<FetchProgress>? progress)
{
    public async Task<FetchedData<TSink>> RunAsync<TSink>(PreparedRun run, IActiveListSource source, Func<DatasetDefinition, TSink> sinkFor, bool allowPartial, CancellationToken cancellationToken)
        where TSink : IAccountSink
    {
        var fetcher = new ActiveListFetcher(source, options);
        var fetched = new List<FetchedDataset<TSink>>(run.Definition.Datasets.Count);
        // Datasets a lookup reads come first; BuildStage restores the definition's order for the report.
        foreach (var dataset in Definition.Internal.LookupBinder.Order(run.Definition.Datasets) ?? [.. run.Definition.Datasets])
        {
            var since = ResolveSince(run, dataset);

            // A definition built in code may leave return empty: the summary record is what every list answers.
            var returns = dataset.Return.Count == 0 ? [ReturnType.Summary] : dataset.Return;
            var queries = returns.Select(r => new ActiveListQuery(dataset.List, dataset.Endpoint, r, since)).ToList();
            var sink = sinkFor(dataset);
            if (dataset.Search is { } s)
            {
                log.LogInformation("fetching {Dataset}: search/{Entity}", dataset.Name, Api.Internal.SearchQuery.Path(s.Entity));
            }
            else
            {
                log.LogInformation("fetching {Dataset}: list {List} {Endpoint} ({Returns})", dataset.Name, dataset.List, dataset.Endpoint.ToString().ToLowerInvariant(), string.Join(", ", returns).ToLowerInvariant());
            }

            try
            {
                var summary = dataset.Search is { } search
                    ? await SearchAsync(dataset, search, source, sink, cancellationToken).ConfigureAwait(false)
                    : await fetcher.FetchAsync(queries, sink, allowPartial, progress, cancellationToken).ConfigureAwait(false);
                fetched.Add(new FetchedDataset<TSink>(dataset, sink, summary, since));
            }
            catch (DataIncompleteException ex)
            {
                fetched.Add(new FetchedDataset<TSink>(dataset, sink, ex.Summary, since));
                return new FetchedData<TSink>(fetched, ex);
            }
        }

        return new FetchedData<TSink>(fetched, null);
    }

    private static Task<FetchSummary> SearchAsync(DatasetDefinition dataset, SearchDefinition search, IActiveListSource source, IAccountSink sink, CancellationToken cancellationToken) =>
        source is ISearchSource searcher
            ? new Api.Internal.SearchFetch(searcher, search, sink).RunAsync(dataset.Name, cancellationToken)
            : throw new TotangoConfigurationException($"Dataset '{dataset.Name}' reads the Search API (source: search), which this source (a source of your own) does not answer: run it live, or with --sample.");

    private static long? ResolveSince(PreparedRun run, DatasetDefinition dataset)
    {
        var since = run.EffectiveSince(dataset);
        if (since is null)
        {
            return null;
        }

        try
        {
            var lastRun = run.Watermarks.TryGetValue(dataset.Name, out var at) ? at.ToUnixTimeSeconds() : (long?)null;
            return SinceResolver.Resolve(since, run.Context.Now, run.Context.TimeZone, lastRun, RunState.FirstRunWindow);
        }
        catch (FormatException ex)
        {
            if (run.SinceOverride is not null)
            {
                throw new ReportInputException(ReportInputError.InvalidSince, $"since override '{since}': {ex.Message}", null, ex.Message, ex);
            }

            var where = dataset.KeyLocations.TryGetValue("since", out var at) ? at.ToString() : dataset.Location.ToString();
            throw new ReportInputException(ReportInputError.InvalidSince, $"{where}: {ex.Message}", where, ex.Message, ex);
        }
    }
}
