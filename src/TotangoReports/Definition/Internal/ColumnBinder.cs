namespace TotangoReports.Definition.Internal;

/// <summary>Binds a dataset's <c>columns</c> list; expressions are checked against column names later, once all are known.</summary>
internal static class ColumnBinder
{
    private static readonly string[] Keys = ["name", "path", "expr", "lookup", "aggregate", "change", "previous", "trend", "over", "type", "format"];

    private static readonly string[] ValueSources = ["path", "expr", "lookup"];

    private static readonly (string Key, HistoryColumnKind Kind)[] HistoryKeys =
        [("change", HistoryColumnKind.Change), ("previous", HistoryColumnKind.Previous), ("trend", HistoryColumnKind.Trend)];

    private static readonly (string, ColumnType)[] Types =
        [("text", ColumnType.Text), ("number", ColumnType.Number), ("date", ColumnType.Date), ("datetime", ColumnType.DateTime)];

    public static List<BoundColumn> BindAll(YamlNode? node, DiagnosticBag bag, string dataset)
    {
        var result = new List<BoundColumn>();
        if (node is null)
        {
            return result;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            bag.Error(node, $"columns of {dataset} must be a list of {{ name, path | expr }}, found {node.Describe()}");
            return result;
        }

        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in node.Items)
        {
            var column = Bind(item, bag, dataset);
            if (column is null)
            {
                continue;
            }

            if (seen.TryGetValue(column.Definition.Name, out var first))
            {
                bag.Error(column.NameNode, $"duplicate column name '{column.Definition.Name}' in {dataset} (first at line {first.Line})");
                continue;
            }

            seen.Add(column.Definition.Name, column.NameNode);
            result.Add(column);
        }

        return result;
    }

    private static BoundColumn? Bind(YamlNode item, DiagnosticBag bag, string dataset)
    {
        var map = MapReader.Read(item, bag, $"a column of {dataset}", Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var name = Values.RequiredText(map, "name", item, bag, "a column's name");
        var pathNode = map.Get("path");
        var exprNode = map.Get("expr");
        var pathText = Values.Text(pathNode, bag, "path");
        var exprText = Values.Text(exprNode, bag, "expr");
        var what = name is null ? "a column" : $"column '{name}'";
        var lookupNode = map.Get("lookup");
        var lookup = LookupBinder.Bind(lookupNode, map.Get("aggregate"), bag);
        var history = BindHistory(map, item, bag, what, out var historyKey);
        if (historyKey is not null)
        {
            // A history column reads the store, not the account: any other source beside it is a mistake.
            foreach (var other in ValueSources.Where(map.Has))
            {
                bag.Error(map.KeyNode(other)!, $"{what} has '{historyKey}' and '{other}'; keep one");
            }

            pathNode = exprNode = lookupNode = null;
            pathText = exprText = null;
            lookup = null;
        }
        else if (pathNode is null && exprNode is null && lookupNode is null)
        {
            bag.Error(item, $"{what} needs a 'path' (a field of the account) or an 'expr' (a Scriban expression)");
        }
        else if (pathNode is not null && exprNode is not null)
        {
            bag.Error(map.KeyNode("expr")!, $"{what} has both 'path' and 'expr'; keep one");
        }
        else if (lookupNode is not null && (pathNode ?? exprNode) is not null)
        {
            bag.Error(map.KeyNode("lookup")!, $"{what} has 'lookup' and '{(pathNode is not null ? "path" : "expr")}'; keep one");
        }

        RecordPath? path = null;
        if (pathText is not null && exprNode is null)
        {
            path = PathChecker.Check(pathNode!, pathText, bag);
        }

        if (exprText is not null && pathNode is null)
        {
            ExpressionChecker.CheckExpression(exprNode!, exprText, $"expr of {what}", bag);
        }

        var type = Values.OneOf(map.Get("type"), bag, "type", Types) ?? ColumnType.Auto;
        var format = Values.Text(map.Get("format"), bag, "format");
        if (name is null)
        {
            return null;
        }

        var definition = new ColumnDefinition
        {
            Name = name,
            Path = pathNode is null ? null : pathText,
            Expr = exprNode is null ? null : exprText,
            Lookup = pathNode is null && exprNode is null ? lookup : null,
            History = history,
            Type = type,
            Format = format,
            Location = bag.Location(item),
        };
        return new BoundColumn(definition, map.Get("name")!, path, exprNode) { HistoryNode = historyKey is null ? null : map.Get(historyKey) };
    }

    /// <summary><c>change</c>, <c>previous</c> or <c>trend: C</c> with <c>over: SPAN</c>; null when the column has none.</summary>
    private static HistoryReference? BindHistory(MapReader map, YamlNode item, DiagnosticBag bag, string what, out string? key)
    {
        var present = HistoryKeys.Where(k => map.Has(k.Key)).ToList();
        key = present.Count > 0 ? present[0].Key : null;
        var overNode = map.Get("over");
        if (present.Count == 0)
        {
            if (map.Has("over"))
            {
                bag.Error(map.KeyNode("over")!, $"over of {what} applies only to change, previous or trend columns (e.g. change: Score, over: 7d)");
            }

            return null;
        }

        foreach (var extra in present.Skip(1))
        {
            bag.Error(map.KeyNode(extra.Key)!, $"{what} has '{present[0].Key}' and '{extra.Key}'; keep one");
        }

        var source = Values.Text(map.Get(present[0].Key), bag, $"{present[0].Key} of {what}")?.Trim();
        if (map.Get(present[0].Key) is null)
        {
            bag.Error(map.KeyNode(present[0].Key)!, $"{present[0].Key} of {what} must name a column of this dataset, e.g. {present[0].Key}: Score");
        }

        TimeSpan? over = null;
        if (overNode is null)
        {
            bag.Error(map.KeyNode(present[0].Key) ?? item, $"{what} needs 'over: SPAN' (how far back, e.g. over: {(present[0].Kind == HistoryColumnKind.Trend ? "12w" : "7d")})");
        }
        else
        {
            over = HistoryWindow.Bind(overNode, bag, $"over of {what}");
        }

        return source is null || source.Length == 0 || over is null
            ? null
            : new HistoryReference(present[0].Kind, source, over.Value, overNode!.Value.Trim(), bag.Location(map.KeyNode(present[0].Key)!));
    }
}
