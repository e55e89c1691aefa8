using Microsoft.Extensions.Logging;
using TotangoReports.Api;
using TotangoReports.Configuration;
using TotangoReports.Data.History;
using TotangoReports.Definition;
using TotangoReports.Logging;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Runs;

/// <summary>
/// <c>history import</c>: the report built from a <c>fetch --save</c> snapshot as of its fetch time (its index's
/// <c>created</c>), and its datasets recorded as that time's snapshots — a backfill. No file is written, no mail sent,
/// no watermark moved.
/// </summary>
internal static class HistoryImport
{
    public static async Task<IReadOnlyList<HistorySnapshot>> RunAsync(TotangoOptions totango, StoreOptions store, ILogger log, SecretRedactor redactor, ReportDefinition definition, string directory, string? sqlitePath, CancellationToken cancellationToken)
    {
        var source = new SnapshotSource(directory);
        var at = source.Created.ToUniversalTime();
        var prepared = PrepareStage.Run(definition, new Dictionary<string, string>(StringComparer.Ordinal), null, at);
        var run = await StoreStage.OpenAsync(prepared, SourceKind.Snapshot, store, sqlitePath, redactor, log, cancellationToken).ConfigureAwait(false);
        var scope = new StoreScope(run.Store);
        await using (scope.ConfigureAwait(false))
        {
            var fetched = await new FetchStage(totango, log, null)
                .RunAsync(run, source, run.BuilderFor, allowPartial: false, cancellationToken)
                .ConfigureAwait(false);
            if (fetched.Incomplete is { } incomplete)
            {
                throw incomplete;
            }

            var built = BuildStage.Run(run, fetched.Datasets, isSample: false);
            var snapshots = built.Report.Datasets.Select(t => SnapshotRecorder.From(t, at)).ToList();
            await run.Store!.CommitAsync(new StoreCommit(run.StoreKey, at) { Snapshots = snapshots }, cancellationToken).ConfigureAwait(false);
            return snapshots;
        }
    }
}
