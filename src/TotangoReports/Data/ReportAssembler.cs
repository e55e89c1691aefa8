using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>Puts the built tables of one run together into the <see cref="Report"/> every renderer takes.</summary>
public static class ReportAssembler
{
    /// <param name="datasets">The tables, in any order: the report lists them in the definition's order.</param>
    /// <param name="warnings">Every warning of the run (fetch, data, expressions), shown in the manifest and summary.</param>
    /// <param name="isSample">The data is the built-in sample: every output marks itself "SAMPLE DATA".</param>
    public static Report Create(ReportDefinition definition, ReportContext context, IReadOnlyList<DatasetTable> datasets, IReadOnlyList<string> warnings, bool isSample = false)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(warnings);

        var order = definition.Datasets.Select(d => d.Name).ToList();
        var ordered = datasets
            .Select((table, index) => (table, index, rank: order.IndexOf(table.Name) is var r and >= 0 ? r : int.MaxValue))
            .OrderBy(x => x.rank)
            .ThenBy(x => x.index)
            .Select(x => x.table)
            .ToList();

        return new Report
        {
            Definition = definition,
            GeneratedAt = context.Now.ToUniversalTime(),
            TimeZone = context.TimeZone,
            Parameters = new Dictionary<string, string>(context.Parameters, StringComparer.Ordinal),
            Datasets = ordered,
            Warnings = [.. warnings],
            IsSample = isSample,
        };
    }
}
