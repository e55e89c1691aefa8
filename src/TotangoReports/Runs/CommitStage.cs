using System.Data.Common;
using Microsoft.Extensions.Logging;
using TotangoReports.Data;
using TotangoReports.Delivery;
using TotangoReports.Logging;
using TotangoReports.Store;
using TotangoReports.Store.Internal;

namespace TotangoReports.Runs;

/// <summary>What a finished run left: its manifest and the full paths of every file moved into place (outputs, then the manifest).</summary>
internal sealed record Committed(RunManifest Manifest, IReadOnlyList<string> Files);

/// <summary>
/// Stage 5: the manifest written beside the outputs, everything moved into place at once, then the store written in
/// one transaction: the <c>since: last-run</c> watermarks advanced and the history recorded. Also the one write of an
/// incomplete run: <c>run.incomplete.json</c> alone.
/// </summary>
internal sealed class CommitStage(TimeProvider time, SecretRedactor redactor, ILogger log)
{
    /// <param name="notes">What the run itself warned about (mail, watermark) and a mail it skipped.</param>
    /// <param name="watermarkStays">Why the <c>since: last-run</c> watermark stays (see <see cref="WatermarkPolicy"/>); null = it moves.</param>
    /// <param name="deliveries">The scopes this run delivered (every recipient accepted), for <c>when: changed</c> and <c>previous_rows</c>.</param>
    /// <param name="record">Record one history snapshot per dataset (a definition with <c>history:</c>, a run that did its whole job).</param>
    public async Task<Committed> RunAsync(PreparedRun run, BuiltReport built, string source, RenderedOutputs rendered, Delivered delivered, IReadOnlyList<BurstResult> bursts, RunNotes notes, string? watermarkStays, bool record, IReadOnlyList<DeliveryRecord> deliveries, CancellationToken cancellationToken)
    {
        var staged = rendered.Staged;
        var manifest = ManifestFactory.Finished(built, source, rendered, delivered, bursts, notes, run.UsesLastRun ? new ManifestWatermark(watermarkStays is null, watermarkStays) : null, time.GetUtcNow());

        // Past the mail, the run finishes: a cancellation now would leave a sent mail without its files.
        await WriteAsync(staged, RunManifest.FileName, manifest, CancellationToken.None).ConfigureAwait(false);
        staged.Commit();
        File.Delete(Path.Combine(staged.OutputDirectory, RunManifest.IncompleteFileName));
        if (delivered.Outbox is { } outbox)
        {
            // The mail stays beside the files while someone has not accepted it (resend); a run that delivered
            // everything also retires a previous run's kept mail, which this run's has replaced.
            if (outbox.AnyPending)
            {
                outbox.Keep();
            }
            else
            {
                Outbox.DeleteKept(staged.OutputDirectory);
            }
        }

        await WriteStoreAsync(run, built, watermarkStays, record, deliveries).ConfigureAwait(false);

        foreach (var warning in built.Report.Warnings)
        {
            log.LogWarning("{Warning}", warning);
        }

        return new Committed(manifest, staged.Files.Select(f => f.FinalPath).ToList());
    }

    /// <summary>
    /// The watermarks and the history in one transaction, after the files: a run killed in the middle leaves the store
    /// as it was. Not cancellable: the files are already in place.
    /// </summary>
    private async Task WriteStoreAsync(PreparedRun run, BuiltReport built, string? watermarkStays, bool record, IReadOnlyList<DeliveryRecord> deliveries)
    {
        var now = run.Context.Now.ToUniversalTime();
        var commit = new StoreCommit(run.StoreKey, now)
        {
            Watermarks = run.UsesLastRun && watermarkStays is null
                ? run.Definition.Datasets.Where(run.UsesLastRunFor).ToDictionary(d => d.Name, _ => now, StringComparer.Ordinal)
                : new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal),
            Snapshots = record ? [.. built.Report.Datasets.Select(t => SnapshotRecorder.From(t, now))] : [],
            Keep = record ? run.Definition.History?.Keep : null,
            Deliveries = deliveries,
        };
        if (run.Store is not { } store || (commit.Watermarks.Count == 0 && commit.Snapshots.Count == 0 && commit.Deliveries.Count == 0))
        {
            return;
        }

        try
        {
            await store.CommitAsync(commit, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ReportStoreException or DbException or IOException or UnauthorizedAccessException)
        {
            throw new WatermarkSaveException(store is SqlReportStore sql ? sql.Description : "the store", ex);
        }

        foreach (var snapshot in commit.Snapshots)
        {
            log.LogInformation("history: recorded {Rows} rows of {Dataset} at {TakenAt:O}", snapshot.Count, snapshot.Dataset, snapshot.TakenAt);
        }
    }

    /// <summary>
    /// Exit 5 of the CLI: the report and its run.json stay as they were; run.incomplete.json says what could not be
    /// read. A failure to write it is logged, never hides the incomplete list.
    /// </summary>
    public async Task WriteIncompleteAsync(PreparedRun run, string source, string outputDirectory, FetchedData<DatasetBuilder> fetched, CancellationToken cancellationToken)
    {
        try
        {
            var manifest = ManifestFactory.Incomplete(run, source, outputDirectory, fetched, redactor.Redact(fetched.Incomplete!.Message), time.GetUtcNow());
            using var staged = new StagedOutputs(outputDirectory);
            await WriteAsync(staged, RunManifest.IncompleteFileName, manifest, cancellationToken).ConfigureAwait(false);
            staged.Commit();
            log.LogError("the list could not be read whole; what was missing is in {File}", Path.Combine(outputDirectory, RunManifest.IncompleteFileName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("could not write {File}: {Reason}", RunManifest.IncompleteFileName, ex.Message);
        }
    }

    private async Task WriteAsync(StagedOutputs staged, string name, RunManifest manifest, CancellationToken cancellationToken)
    {
        var stream = staged.Create(name, "manifest");
        await using var streamDisposal = stream.ConfigureAwait(false);
        var writer = new StreamWriter(stream);
        await using var writerDisposal = writer.ConfigureAwait(false);
        await writer.WriteAsync(redactor.Redact(manifest.ToJson()).AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
