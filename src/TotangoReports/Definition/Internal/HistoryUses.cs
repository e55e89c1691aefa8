namespace TotangoReports.Definition.Internal;

/// <summary>
/// The checks every history use shares: a <c>change</c>/<c>previous</c>/<c>trend</c> column reads a value column of
/// its own dataset, and no history column, KPI <c>compare</c> or chart <c>over</c> is written without <c>history:</c>.
/// </summary>
internal static class HistoryUses
{
    /// <summary>The fix every "without history:" error names.</summary>
    public const string Fix = "add `history: {}` (or `history: { keep: 104w }`) at the top level";

    /// <summary>Each history column's source must be a value column (not another history column) of the same dataset.</summary>
    public static void CheckSources(IReadOnlyList<BoundColumn> columns, DiagnosticBag bag, string dataset)
    {
        var values = columns.Where(c => c.Definition.History is null).ToDictionary(c => c.Definition.Name, c => c.Definition, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (column.Definition.History is not { } history || column.HistoryNode is not { } node)
            {
                continue;
            }

            var what = $"{history.Key} of column '{column.Definition.Name}'";
            if (!values.TryGetValue(history.Source, out var source))
            {
                var isHistory = columns.Any(c => c.Definition.Name == history.Source);
                var why = isHistory ? " (it is a history column itself; name the value column it reads)" : Suggestions.Hint(history.Source, values.Keys);
                bag.Error(node, $"{what} must name a value column of {dataset}, found '{history.Source}'{why}");
                continue;
            }

            // change is a difference and trend a line: both need numbers (a date's change is its difference in days).
            var needsNumber = history.Kind == HistoryColumnKind.Trend
                ? source.Type is ColumnType.Text or ColumnType.Date or ColumnType.DateTime
                : history.Kind == HistoryColumnKind.Change && source.Type == ColumnType.Text;
            if (needsNumber)
            {
                var allowed = history.Kind == HistoryColumnKind.Trend ? "a number column" : "a number or date column";
                bag.Error(node, $"{what} reads '{history.Source}', a {source.Type.ToString().ToLowerInvariant()} column; {history.Key} needs {allowed} (use previous: to show its value then)");
            }
        }
    }

    /// <summary>Every history column, KPI compare and chart over written without a top-level <c>history:</c> is an error with the fix.</summary>
    public static void RequireHistory(HistoryDefinition? history, IReadOnlyList<DatasetDefinition> datasets, SummaryDefinition? summary, DiagnosticBag bag)
    {
        if (history is not null)
        {
            return;
        }

        foreach (var dataset in datasets)
        {
            foreach (var column in dataset.Columns.Where(c => c.History is not null))
            {
                var at = column.History!.Location;
                bag.Error(at.Line, at.Column, $"column '{column.Name}' of dataset '{dataset.Name}' reads the history store ({column.History.Key}: {column.History.Source}, over: {column.History.OverText}), which this definition does not keep: {Fix}");
            }
        }

        foreach (var kpi in summary?.Kpis ?? [])
        {
            if (kpi.Compare is not null)
            {
                var at = kpi.CompareLocation ?? kpi.Location;
                bag.Error(at.Line, at.Column, $"compare of KPI '{kpi.Label}' reads the history store, which this definition does not keep: {Fix}");
            }
        }

        foreach (var chart in summary?.Charts ?? [])
        {
            if (chart.Over is not null)
            {
                var at = chart.OverLocation ?? chart.Location;
                bag.Error(at.Line, at.Column, $"over of chart '{chart.Title}' reads the history store, which this definition does not keep: {Fix}");
            }
        }
    }
}
