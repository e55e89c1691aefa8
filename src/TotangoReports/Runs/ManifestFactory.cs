using TotangoReports.Api;
using TotangoReports.Data;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>The one place a <see cref="RunManifest"/> is made: for a run that finished, and for one whose list was incomplete.</summary>
internal static class ManifestFactory
{
    public static RunManifest Finished(BuiltReport built, string source, RenderedOutputs rendered, Delivered delivered, DateTimeOffset finishedAt)
    {
        var report = built.Report;
        var manifest = new RunManifest
        {
            Definition = report.Definition.SourcePath,
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
            Warnings = report.Warnings,
            Email = delivered.Email,
        };
        manifest.Outputs.AddRange(rendered.Staged.Files.Select(f => new ManifestOutput(f.Format, f.RelativePath, f.Bytes, f.Sha256)));
        return manifest;
    }

    public static RunManifest Incomplete(PreparedRun run, string source, FetchedData<DatasetBuilder> fetched, string warning, DateTimeOffset finishedAt) => new()
    {
        Definition = run.Definition.SourcePath,
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
