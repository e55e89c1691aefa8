using TotangoReports.Data;

namespace TotangoReports.Runs;

/// <summary>The report every renderer takes, with the <c>since</c> each dataset was read from (for the manifest and state).</summary>
internal sealed record BuiltReport(Report Report, IReadOnlyDictionary<string, long?> Sinces);

/// <summary>Stage 2: the datasets' rows become tables, and the tables one <see cref="Report"/> with every warning.</summary>
internal static class BuildStage
{
    /// <param name="isSample">The data is the built-in sample: every output marks itself "SAMPLE DATA".</param>
    public static BuiltReport Run(PreparedRun run, IReadOnlyList<FetchedDataset<DatasetBuilder>> fetched, bool isSample)
    {
        var tables = fetched.Select(f => f.Sink.Build(f.Summary)).ToList();
        var warnings = fetched.SelectMany(f => f.Sink.Warnings).ToList();
        warnings.AddRange(fetched.Where(f => !f.Summary.Complete).Select(f => $"dataset {f.Dataset.Name} is incomplete: {string.Join("; ", f.Summary.Gaps)}"));
        var sinces = fetched.ToDictionary(f => f.Dataset.Name, f => f.Since, StringComparer.Ordinal);
        return new BuiltReport(ReportAssembler.Create(run.Definition, run.Context, tables, warnings, isSample), sinces);
    }
}
