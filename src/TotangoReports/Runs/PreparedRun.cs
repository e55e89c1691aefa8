using TotangoReports.Data;
using TotangoReports.Data.History;
using TotangoReports.Definition;
using TotangoReports.Store;

namespace TotangoReports.Runs;

/// <summary>What every stage starts from: the definition, its context (zone, parameters, now) and what the store holds for it.</summary>
/// <param name="SinceOverride">The caller's <c>since</c> for every recent/past dataset, or null.</param>
internal sealed record PreparedRun(ReportDefinition Definition, ReportContext Context, string? SinceOverride)
{
    /// <summary>The <c>since: last-run</c> watermark of each dataset the store has one for.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Watermarks { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

    /// <summary>The store this run reads and commits to; null when it needs none (a sample run, no last-run, no history).</summary>
    public IReportStore? Store { get; init; }

    /// <summary>
    /// The past the Build stage compares with (<c>change</c>, <c>previous</c>, <c>trend</c>, <c>compare</c>, <c>over:</c>):
    /// the store's history of this definition for live and own-source runs; null when there is none to read.
    /// </summary>
    public IHistoryReader? History { get; init; }

    /// <summary>The definition's key in the store (see <see cref="StoreFactory.KeyOf"/>).</summary>
    public string StoreKey => StoreFactory.KeyOf(Definition);

    /// <summary>Whether some dataset reads <c>since: last-run</c>, so the watermark matters.</summary>
    public bool UsesLastRun => Definition.Datasets.Any(UsesLastRunFor);

    /// <summary>The <c>since</c> a dataset asks for: none for current lists, else the override or its own.</summary>
    public string? EffectiveSince(DatasetDefinition dataset) =>
        dataset.Endpoint == ListEndpoint.Current ? null : SinceOverride ?? dataset.Since;

    public bool UsesLastRunFor(DatasetDefinition dataset) =>
        EffectiveSince(dataset) is { } since && string.Equals(since.Trim(), SinceResolver.LastRun, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The sink a dataset of this run is read into, for every run that builds the report from fetched accounts (a live
    /// or snapshot run, <c>history import</c>): one place, so what an import records is what a live run records —
    /// every fetched account with its shown flag when the definition has <c>history:</c>, and the burst slices.
    /// </summary>
    public DatasetBuilder BuilderFor(DatasetDefinition dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new DatasetBuilder(dataset, Context)
        {
            Summary = Definition.SummaryFor(dataset.Name),
            BurstBy = Definition.SummaryDataset == dataset.Name ? Definition.Burst?.By : null,
            Records = Definition.History is not null,
        };
    }
}
