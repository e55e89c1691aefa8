using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Delivery;

namespace TotangoReports.Runs;

/// <summary>What every stage starts from: the definition, its context (zone, parameters, now) and the run state.</summary>
/// <param name="SinceOverride">The caller's <c>since</c> for every recent/past dataset, or null.</param>
/// <param name="StatePath">Where <c>since: last-run</c> state is read and, after a successful run, written.</param>
internal sealed record PreparedRun(ReportDefinition Definition, ReportContext Context, string? SinceOverride, RunState State, string StatePath)
{
    /// <summary>Whether some dataset reads <c>since: last-run</c>, so the state file matters.</summary>
    public bool UsesLastRun => Definition.Datasets.Any(UsesLastRunFor);

    /// <summary>The <c>since</c> a dataset asks for: none for current lists, else the override or its own.</summary>
    public string? EffectiveSince(DatasetDefinition dataset) =>
        dataset.Endpoint == ListEndpoint.Current ? null : SinceOverride ?? dataset.Since;

    public bool UsesLastRunFor(DatasetDefinition dataset) =>
        EffectiveSince(dataset) is { } since && string.Equals(since.Trim(), SinceResolver.LastRun, StringComparison.OrdinalIgnoreCase);
}
