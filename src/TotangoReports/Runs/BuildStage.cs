using TotangoReports.Data;
using TotangoReports.Data.History;

namespace TotangoReports.Runs;

/// <summary>The report every renderer takes, with the <c>since</c> each dataset was read from (for the manifest and state).</summary>
internal sealed record BuiltReport(Report Report, IReadOnlyDictionary<string, long?> Sinces);

/// <summary>Stage 2: the datasets' rows become tables, and the tables one <see cref="Report"/> with every warning.</summary>
internal static class BuildStage
{
    /// <summary>
    /// Before the tables are built: loads the snapshots each dataset's history columns, KPI compares and over-charts
    /// read, once per distinct span (no reader: their cells and figures stay empty).
    /// </summary>
    public static async Task LoadHistoryAsync(PreparedRun run, IReadOnlyList<FetchedDataset<DatasetBuilder>> fetched, IHistoryReader? reader, CancellationToken cancellationToken)
    {
        foreach (var one in fetched)
        {
            one.Sink.History = reader is null
                ? null
                : await Data.Internal.HistoryInputs.LoadAsync(reader, one.Dataset, one.Sink.Summary, run.Context.Now, run.Context.TimeZone, cancellationToken, one.Sink.BurstBy).ConfigureAwait(false);
        }
    }

    /// <param name="isSample">The data is the built-in sample: every output marks itself "SAMPLE DATA".</param>
    public static BuiltReport Run(PreparedRun run, IReadOnlyList<FetchedDataset<DatasetBuilder>> fetched, bool isSample)
    {
        // A dataset is built after the datasets its lookup columns read; the report keeps the definition's order.
        var built = new Dictionary<string, DatasetTable>(StringComparer.Ordinal);
        var order = Definition.Internal.LookupBinder.Order([.. fetched.Select(f => f.Dataset)]) ?? [.. fetched.Select(f => f.Dataset)];
        foreach (var dataset in order)
        {
            var one = fetched.First(f => ReferenceEquals(f.Dataset, dataset));
            built[dataset.Name] = one.Sink.Build(one.Summary, built);
        }

        var tables = run.Definition.Datasets.Where(d => built.ContainsKey(d.Name)).Select(d => built[d.Name]).ToList();
        var warnings = fetched.SelectMany(f => f.Sink.Warnings).ToList();
        warnings.AddRange(fetched.Where(f => !f.Summary.Complete).Select(f => $"dataset {f.Dataset.Name} is incomplete: {string.Join("; ", f.Summary.Gaps)}"));
        var sinces = fetched.ToDictionary(f => f.Dataset.Name, f => f.Since, StringComparer.Ordinal);
        return new BuiltReport(ReportAssembler.Create(run.Definition, run.Context, tables, warnings, isSample), sinces);
    }
}
