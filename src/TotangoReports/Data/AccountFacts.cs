namespace TotangoReports.Data;

/// <summary>
/// The few facts about each account every report shows whatever the columns (KPI tiles, charts):
/// kept by the projection so renderers never need the raw record.
/// </summary>
/// <param name="ActivityTotals">Window → total activity count (<c>stats.activities.&lt;window&gt;.all</c> or the sum of actions); empty without stats.</param>
public sealed record AccountFacts(string AccountId, string Name, double? Score, string? Health, IReadOnlyDictionary<string, double> ActivityTotals);
