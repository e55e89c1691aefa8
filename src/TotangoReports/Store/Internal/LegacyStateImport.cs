using Microsoft.Extensions.Logging;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Store.Internal;

/// <summary>
/// The state file of earlier versions (<c>.totango-reports-state.json</c> beside the definition) moves into the store
/// on first use: its watermarks are imported (never lowering a newer one), then the file is renamed
/// <c>.migrated</c> with an info line. A file that also holds other definitions' datasets stays for them; the store
/// records which definitions it was imported for, so each imports it once and never again.
/// </summary>
internal static class LegacyStateImport
{
    public const string MigratedSuffix = ".migrated";

    /// <param name="datasets">The datasets this definition reads with <c>since: last-run</c>.</param>
    public static async Task RunAsync(SqlReportStore store, ReportDefinition definition, string key, IReadOnlyCollection<string> datasets, ILogger log, CancellationToken cancellationToken)
    {
        var path = RunState.DefaultPath(definition.SourcePath);
        if (!File.Exists(path) || await store.LegacyStateImportedAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        RunState state;
        try
        {
            state = RunState.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new ReportInputException(ReportInputError.InvalidState, ex.Message, path, innerException: ex);
        }

        var mine = state.Datasets.Where(d => datasets.Contains(d.Key)).ToDictionary(d => d.Key, d => DateTimeOffset.FromUnixTimeSeconds(d.Value.LastRun), StringComparer.Ordinal);
        await store.ImportLegacyStateAsync(key, mine, path, cancellationToken).ConfigureAwait(false);
        var others = state.Datasets.Keys.Where(d => !datasets.Contains(d)).ToList();
        if (others.Count > 0)
        {
            log.LogInformation("imported the since: last-run watermarks of {Datasets} from {File} into the store {Store}; the file stays because it also holds {Others}, which other definitions in its folder read", string.Join(", ", mine.Keys), path, store.Description, string.Join(", ", others));
            return;
        }

        File.Move(path, path + MigratedSuffix, overwrite: true);
        log.LogInformation("moved the since: last-run watermarks from {File} into the store {Store}; the old file is now {Migrated} and is no longer read", path, store.Description, path + MigratedSuffix);
    }
}
