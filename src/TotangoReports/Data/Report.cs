using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>Everything a renderer needs: the definition, when, in which zone, with which parameters, and the tables.</summary>
public sealed class Report
{
    /// <summary>The definition the report was built from.</summary>
    public required ReportDefinition Definition { get; init; }

    /// <summary>When the run started, in UTC; renderers convert with <see cref="TimeZone"/>.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The zone dates and times are shown in.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Effective parameter values (defaults overridden by <c>--param</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The tables, in the definition's order.</summary>
    public required IReadOnlyList<DatasetTable> Datasets { get; init; }

    /// <summary>Every warning of the run (fetch, data, expressions).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Made from the built-in sample data: every output says "SAMPLE DATA" where a reader sees it (PRODUCT.md §2),
    /// so made-up accounts are never mistaken for real ones.
    /// </summary>
    public bool IsSample { get; init; }

    /// <summary>
    /// The <c>burst:</c> value this report is for (one owner's rows only, PRODUCT.md §4b); null for the whole report.
    /// Templates see it as <c>burst.value</c>.
    /// </summary>
    public string? BurstValue { get; init; }

    /// <summary>The mark sample outputs carry.</summary>
    internal const string SampleMark = "SAMPLE DATA";

    /// <summary>The definition's title; a burst report's names its value ("Renewals — Dana Levi"), so a reader sees whose it is.</summary>
    public string Title => BurstValue is null ? Definition.Title : $"{Definition.Title} — {BurstValue}";

    /// <summary>
    /// The headline every renderer draws (KPI tiles, charts): the summary dataset's (<c>summary.dataset</c>, or the
    /// first), computed in the Data stage from the rows shown.
    /// </summary>
    public ReportSummary Summary => field ??= SummaryOf();

    /// <summary><see cref="GeneratedAt"/> in the report's time zone.</summary>
    public DateTimeOffset GeneratedAtLocal => TimeZoneInfo.ConvertTime(GeneratedAt, TimeZone);

    /// <summary>The dataset named <paramref name="name"/>, or null.</summary>
    public DatasetTable? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);

    private ReportSummary SummaryOf()
    {
        var table = Definition.Summary?.Dataset is { } name ? FindDataset(name) : null;
        table ??= Datasets.Count > 0 ? Datasets[0] : null;
        if (table is null)
        {
            return ReportSummary.Empty;
        }

        // A table assembled by hand (tests, embedders) has no summary yet: its account facts are its rows.
        return table.Summary ?? new ReportSummary
        {
            Dataset = table.Name,
            Rows = table.Rows.Count,
            Kpis = Internal.DefaultSummary.Kpis(table.Accounts),
            Charts = Internal.DefaultSummary.Charts(table.Accounts),
        };
    }
}
