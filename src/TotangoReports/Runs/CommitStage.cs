using System.Globalization;
using Microsoft.Extensions.Logging;
using TotangoReports.Data;
using TotangoReports.Delivery;
using TotangoReports.Logging;

namespace TotangoReports.Runs;

/// <summary>What a finished run left: its manifest and the full paths of every file moved into place (outputs, then the manifest).</summary>
internal sealed record Committed(RunManifest Manifest, IReadOnlyList<string> Files);

/// <summary>
/// Stage 5: the manifest written beside the outputs, everything moved into place at once, then the state of
/// <c>since: last-run</c> advanced. Also the one write of an incomplete run: <c>run.incomplete.json</c> alone.
/// </summary>
internal sealed class CommitStage(TimeProvider time, SecretRedactor redactor, ILogger log)
{
    /// <param name="notes">What the run itself warned about (mail, watermark) and a mail it skipped.</param>
    /// <param name="watermarkStays">Why the <c>since: last-run</c> watermark stays (see <see cref="WatermarkPolicy"/>); null = it moves.</param>
    public async Task<Committed> RunAsync(PreparedRun run, BuiltReport built, string source, RenderedOutputs rendered, Delivered delivered, IReadOnlyList<BurstResult> bursts, RunNotes notes, string? watermarkStays, CancellationToken cancellationToken)
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

        if (run.UsesLastRun && watermarkStays is null)
        {
            var now = run.Context.Now;
            foreach (var dataset in run.Definition.Datasets.Where(run.UsesLastRunFor))
            {
                run.State.Datasets[dataset.Name] = new DatasetRunState { LastRun = now.ToUnixTimeSeconds(), LastRunIso = now.ToString("O", CultureInfo.InvariantCulture) };
            }

            run.State.Save(run.StatePath);
        }

        foreach (var warning in built.Report.Warnings)
        {
            log.LogWarning("{Warning}", warning);
        }

        return new Committed(manifest, staged.Files.Select(f => f.FinalPath).ToList());
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
