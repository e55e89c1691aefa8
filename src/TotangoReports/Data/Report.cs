using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>Everything a renderer needs: the definition, when, in which zone, with which parameters, and the tables.</summary>
public sealed class Report
{
    public required ReportDefinition Definition { get; init; }

    /// <summary>When the run started, in UTC; renderers convert with <see cref="TimeZone"/>.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>Effective parameter values (defaults overridden by <c>--param</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public required IReadOnlyList<DatasetTable> Datasets { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Made from the built-in sample data: every output says "SAMPLE DATA" where a reader sees it (PRODUCT.md §2),
    /// so made-up accounts are never mistaken for real ones.
    /// </summary>
    public bool IsSample { get; init; }

    /// <summary>The mark sample outputs carry.</summary>
    public const string SampleMark = "SAMPLE DATA";

    public string Title => Definition.Title;

    /// <summary><see cref="GeneratedAt"/> in the report's time zone.</summary>
    public DateTimeOffset GeneratedAtLocal => TimeZoneInfo.ConvertTime(GeneratedAt, TimeZone);

    public DatasetTable? FindDataset(string name) => Datasets.FirstOrDefault(d => d.Name == name);
}
