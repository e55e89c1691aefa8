namespace TotangoReports.Definition.Internal;

/// <summary>Binds <c>summary:</c>: the dataset summarised, its KPI tiles and its charts, each reference checked against that dataset's columns.</summary>
internal static class SummaryBinder
{
    private static readonly string[] Keys = ["dataset", "kpis", "charts"];
    private static readonly string[] KpiKeys = ["label", "value", "format", "compare"];
    private static readonly string[] ChartKeys = ["title", "type", "x", "y", "series", "sort", "limit", "over"];

    private static readonly (string, ChartType)[] Types =
        [("bar", ChartType.Bar), ("hbar", ChartType.HBar), ("stacked-bar", ChartType.StackedBar), ("line", ChartType.Line), ("donut", ChartType.Donut)];

    public static SummaryDefinition? Bind(YamlNode? node, DiagnosticBag bag, IReadOnlyList<DatasetDefinition> datasets, IReadOnlyCollection<string> parameters)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, "summary", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var datasetName = Values.Text(map.Get("dataset"), bag, "summary.dataset");
        var dataset = datasetName is null ? (datasets.Count > 0 ? datasets[0] : null) : datasets.FirstOrDefault(d => d.Name == datasetName);
        if (datasetName is not null && dataset is null && datasets.Count > 0)
        {
            bag.Error(map.Get("dataset")!, $"summary.dataset '{datasetName}' is not a dataset{Suggestions.Hint(datasetName, datasets.Select(d => d.Name))}");
        }

        // A dataset whose columns could not be read (a misspelt columns: key, already an error) accepts every name, so
        // one typo stays one error instead of one per KPI and chart.
        var scope = dataset is null ? null : new ColumnScope([.. dataset.Columns.Select(c => c.Name)], dataset.Activities, known: dataset.Columns.Count > 0 || dataset.Activities is not null) { Types = ColumnScope.TypesOf(dataset.Columns) };
        var what = dataset is null ? "the summary dataset" : $"dataset '{dataset.Name}'";
        var kpis = map.Has("kpis") ? Items(map.Get("kpis"), bag, "summary.kpis", item => BindKpi(item, bag, scope, what, parameters)) : null;
        var charts = map.Has("charts") ? Items(map.Get("charts"), bag, "summary.charts", item => BindChart(item, bag, scope, what, parameters)) : null;
        return new SummaryDefinition { Dataset = dataset?.Name ?? datasetName, Kpis = kpis, Charts = charts, Location = bag.Location(node) };
    }

    private static List<T> Items<T>(YamlNode? node, DiagnosticBag bag, string what, Func<YamlNode, T?> bind)
        where T : class
    {
        var result = new List<T>();
        if (node is null)
        {
            // "kpis:" with nothing after it: no tiles at all.
            return result;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"{what} must be a list, found {node.Describe()}");
            return result;
        }

        foreach (var item in node.Items)
        {
            if (bind(item) is { } bound)
            {
                result.Add(bound);
            }
        }

        return result;
    }

    private static KpiDefinition? BindKpi(YamlNode node, DiagnosticBag bag, ColumnScope? scope, string dataset, IReadOnlyCollection<string> parameters)
    {
        var map = MapReader.Read(node, bag, "a KPI", KpiKeys);
        if (!map.IsValid)
        {
            return null;
        }

        var label = Values.RequiredText(map, "label", node, bag, "a KPI's label");
        var value = Values.RequiredText(map, "value", node, bag, $"the value of KPI '{label}'");
        var format = Values.Text(map.Get("format"), bag, $"the format of KPI '{label}'");
        var compareNode = map.Get("compare");
        var compare = compareNode is null ? null : HistoryWindow.Bind(compareNode, bag, $"compare of KPI '{label}'") is null ? null : compareNode.Value.Trim();
        if (value is not null && scope is not null)
        {
            GroupBinder.CheckAggregate(map.Get("value")!, value, $"KPI '{label}'", bag, dataset, scope, parameters);
        }

        return label is null || value is null ? null : new KpiDefinition(label, value, format, compare, bag.Location(node)) { CompareLocation = compareNode is null ? null : bag.Location(compareNode) };
    }

    private static ChartDefinition? BindChart(YamlNode node, DiagnosticBag bag, ColumnScope? scope, string dataset, IReadOnlyCollection<string> parameters)
    {
        var map = MapReader.Read(node, bag, "a chart", ChartKeys);
        if (!map.IsValid)
        {
            return null;
        }

        var title = Values.RequiredText(map, "title", node, bag, "a chart's title");
        var what = $"chart '{title}'";
        var type = Values.OneOf(map.Get("type"), bag, $"the type of {what}", Types) ?? ChartType.Bar;
        var overNode = map.Get("over");
        var over = overNode is null ? null : HistoryWindow.Bind(overNode, bag, $"over of {what}");
        if (overNode is not null && type is not (ChartType.Line or ChartType.StackedBar))
        {
            bag.Error(map.KeyNode("over")!, $"over of {what} applies only to type: line or stacked-bar (x is then the snapshot week)");
            over = null;
        }

        if (overNode is not null && map.Get("x") is { } overX)
        {
            bag.Error(overX, $"{what} is drawn over: {overNode.Value.Trim()}, so x is the snapshot week; remove x");
        }

        // Over history, x is the week each snapshot was taken; the binder fills it so the chart's other rules hold.
        var x = overNode is not null ? OverX : Values.RequiredText(map, "x", node, bag, $"x of {what}");
        var y = Values.Text(map.Get("y"), bag, $"y of {what}") ?? "count";
        var sort = Values.Text(map.Get("sort"), bag, $"sort of {what}");
        var limit = Values.PositiveInt(map.Get("limit"), bag, $"limit of {what}");
        var series = Values.Text(map.Get("series"), bag, $"series of {what}")?.Trim();
        if (type == ChartType.StackedBar && series is null && map.Get("series") is null)
        {
            bag.Error(node, $"{what} is a stacked-bar: it needs 'series: COLUMN', the column whose values split each bar");
        }
        else if (type != ChartType.StackedBar && map.Get("series") is { } seriesNode)
        {
            bag.Error(seriesNode, $"series of {what} applies only to type: stacked-bar");
            series = null;
        }

        if (scope is not null)
        {
            if (x is not null && overNode is null)
            {
                var xNode = map.Get("x")!;
                scope.Require(x, xNode.Line, xNode.Column, bag, dataset, $"x of {what}");
            }

            if (series is not null && map.Get("series") is { } seriesNode)
            {
                scope.Require(series, seriesNode.Line, seriesNode.Column, bag, dataset, $"series of {what}");
            }

            if (map.Get("y") is { } yNode)
            {
                if (scope.Contains(y.Trim()))
                {
                    // A column: one bar per row, labelled by x; its cells must be numbers to have a height.
                    if (scope.Types.GetValueOrDefault(y.Trim(), ColumnType.Auto) is ColumnType.Date or ColumnType.DateTime)
                    {
                        bag.Error(yNode.Line, yNode.Column, $"y of {what}: {y.Trim()} holds dates, which a chart cannot plot; use count, or a number column");
                    }
                }
                else
                {
                    GroupBinder.CheckAggregate(yNode, y, $"y of {what}", bag, dataset, scope, parameters, plotted: true);
                }
            }
        }

        if (sort is not null && x is not null && !SortNames(x, y).Contains(sort.Trim().TrimStart('-'), StringComparer.Ordinal))
        {
            bag.Error(map.Get("sort")!, $"sort of {what} must be y, -y, x or -x (or the x or y column, '-' for descending), found '{sort}'{Suggestions.Hint(sort.TrimStart('-'), SortNames(x, y))}");
        }

        return title is null || x is null ? null : new ChartDefinition(title, type, x, y, sort?.Trim(), limit, bag.Location(node))
        {
            Series = series,
            Over = over,
            OverLocation = overNode is null ? null : bag.Location(map.KeyNode("over")!),
        };
    }

    /// <summary>The x of a chart drawn <c>over:</c> history: the snapshot's week.</summary>
    internal const string OverX = "week";

    private static string[] SortNames(string x, string y) => ["x", "y", x, y.Trim(), AggregateArgument(y)];

    /// <summary>The column inside <c>sum(Score)</c>, so <c>sort: -Score</c> reads as "by the y value".</summary>
    internal static string AggregateArgument(string y)
    {
        var open = y.IndexOf('(', StringComparison.Ordinal);
        var close = y.LastIndexOf(')');
        return open > 0 && close > open ? y[(open + 1)..close].Trim().Trim('"', '\'') : y.Trim();
    }
}
