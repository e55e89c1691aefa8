namespace TotangoReports.Definition;

/// <summary>
/// <c>history:</c> — record this report in the history store after each live run (PRODUCT.md §4b, §8), so its columns,
/// KPIs and charts can compare with the past.
/// </summary>
public sealed class HistoryDefinition
{
    /// <summary><c>keep: 104w</c>: snapshots older than this are pruned as the report runs; null = kept for ever.</summary>
    public TimeSpan? Keep { get; init; }

    /// <summary>Where <c>history:</c> was written.</summary>
    public required SourceLocation Location { get; init; }
}
