using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>The one place a <see cref="RunManifest"/> is made: for a run that finished, and for one whose list was incomplete.</summary>
internal static class ManifestFactory
{
    /// <param name="notes">What the run itself warned about (after the data's warnings), and a mail it skipped.</param>
    /// <param name="watermark">For definitions with <c>since: last-run</c>: whether the watermark moved; else null.</param>
    public static RunManifest Finished(BuiltReport built, string source, RenderedOutputs rendered, Delivered delivered, IReadOnlyList<BurstResult> bursts, RunNotes notes, ManifestWatermark? watermark, DateTimeOffset finishedAt)
    {
        var report = built.Report;
        var manifest = new RunManifest
        {
            Definition = RunManifest.RelativeDefinitionPath(report.Definition.SourcePath, rendered.Staged.OutputDirectory),
            Title = report.Title,
            Source = source,
            Status = report.Datasets.All(d => d.Fetch.Complete) ? RunManifest.StatusComplete : RunManifest.StatusPartial,
            Parameters = report.Parameters,
            StartedAt = report.GeneratedAt,
            FinishedAt = finishedAt,
            Datasets = report.Datasets.ToDictionary(
                d => d.Name,
                d => ManifestDataset.From(d.Rows.Count, d.Fetch, built.Sinces.GetValueOrDefault(d.Name)),
                StringComparer.Ordinal),
            Warnings = [.. report.Warnings, .. notes.Warnings],
            Email = delivered.Email ?? notes.SkippedMail(report.Definition),
            Deliveries = DeliverStage.Manifest(delivered.Outbox),
            Bursts = report.Definition.Burst is null ? null : bursts.Select(b => new ManifestBurst(b.Value, b.Folder, b.Rows)).ToList(),
            Watermark = watermark,
        };
        manifest.Outputs.AddRange(rendered.Staged.Files.Select(f => new ManifestOutput(f.Format, f.RelativePath, f.Bytes, f.Sha256)));
        return manifest;
    }

    public static RunManifest Incomplete(PreparedRun run, string source, string outputDirectory, FetchedData<DatasetBuilder> fetched, string warning, DateTimeOffset finishedAt) => new()
    {
        Definition = RunManifest.RelativeDefinitionPath(run.Definition.SourcePath, outputDirectory),
        Title = run.Definition.Title,
        Source = source,
        Status = RunManifest.StatusIncomplete,
        Parameters = run.Context.Parameters,
        StartedAt = run.Context.Now,
        FinishedAt = finishedAt,
        Datasets = fetched.Datasets.ToDictionary(
            f => f.Dataset.Name,
            f => ManifestDataset.From(f.Sink.AccountCount, f.Summary, f.Since),
            StringComparer.Ordinal),
        Warnings = [warning],
    };
}
