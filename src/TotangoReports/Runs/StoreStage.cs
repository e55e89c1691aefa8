using Microsoft.Extensions.Logging;
using TotangoReports.Configuration;
using TotangoReports.Logging;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Runs;

/// <summary>
/// Stage 0b: the store opened for a run that needs it (a live, snapshot or own-source run of a definition with
/// <c>since: last-run</c> or <c>history:</c>), the old state file migrated into it and the watermarks read. A sample
/// run never touches the store; a run that needs none creates no file.
/// </summary>
internal static class StoreStage
{
    public static bool Needs(PreparedRun run, SourceKind source) =>
        source != SourceKind.Sample && (run.UsesLastRun || run.Definition.History is not null);

    /// <param name="sqlitePath">The caller's SQLite file (<see cref="BuildOptions.StatePath"/>); null = <paramref name="options"/> decide.</param>
    public static async Task<PreparedRun> OpenAsync(PreparedRun run, SourceKind source, StoreOptions options, string? sqlitePath, SecretRedactor redactor, ILogger log, CancellationToken cancellationToken)
    {
        if (!Needs(run, source))
        {
            return run;
        }

        var store = StoreFactory.Open(options, run.Definition, sqlitePath, redactor);
        try
        {
            // Connected now, before anything is fetched: a refused login or a damaged file stops the run here, not
            // after the report went out (a SQLite store that does not exist yet is made by the run's commit).
            await store.OpenAsync(create: false, cancellationToken).ConfigureAwait(false);
            IReadOnlyDictionary<string, DateTimeOffset> watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            if (run.UsesLastRun)
            {
                var datasets = run.Definition.Datasets.Where(run.UsesLastRunFor).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
                await LegacyStateImport.RunAsync(store, run.Definition, run.StoreKey, datasets, log, cancellationToken).ConfigureAwait(false);
                watermarks = await store.ReadWatermarksAsync(run.StoreKey, cancellationToken).ConfigureAwait(false);
            }

            // A snapshot renders pages saved earlier: its history columns have no "now" the store's past belongs to.
            var history = run.Definition.History is not null && source != SourceKind.Snapshot ? store.History(run.StoreKey) : null;
            return run with { Store = store, Watermarks = watermarks, History = history };
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
