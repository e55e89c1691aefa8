using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>Binds a dataset's <c>group</c>: <c>by</c> a column, and aggregates that are built-ins or Scriban expressions.</summary>
internal static partial class GroupBinder
{
    public static GroupDefinition? Bind(YamlNode? node, DiagnosticBag bag, string dataset, ColumnScope scope, ISet<ReturnType> needs, IReadOnlyCollection<string> parameters)
    {
        if (node is null)
        {
            return null;
        }

        var map = MapReader.Read(node, bag, $"group of {dataset}", ["by", "aggregates", "order", "total"]);
        if (!map.IsValid)
        {
            return null;
        }

        var by = Values.RequiredText(map, "by", node, bag, "group.by");
        if (by is not null)
        {
            var byNode = map.Get("by")!;
            scope.Require(by, byNode.Line, byNode.Column, bag, dataset, "group.by");
        }

        var aggregates = new List<KeyValuePair<string, string>>();
        var aggregatesNode = map.Get("aggregates");
        if (aggregatesNode is not null)
        {
            var aggregatesMap = MapReader.Read(aggregatesNode, bag, $"group.aggregates of {dataset}", null, "aggregate");
            foreach (var (key, value) in aggregatesMap.Entries)
            {
                var text = Values.Text(value, bag, $"aggregate '{key.Value}'");
                if (text is null || value.IsNull)
                {
                    if (value.IsNull)
                    {
                        bag.Error(value, $"aggregate '{key.Value}' needs an expression: count, count(Column or condition), sum(Column), avg(Column), min(Column), max(Column), median(Column), distinct(Column) or a Scriban expression");
                    }

                    continue;
                }

                CheckAggregate(value, text, $"aggregate '{key.Value}'", bag, dataset, scope, parameters);
                needs.UnionWith(ExpressionScan.ReturnTypes(text));
                aggregates.Add(new(key.Value, text));
            }
        }

        IReadOnlyList<string>? orderValues = null;
        string? orderBy = null;
        var orderNode = map.Get("order");
        if (orderNode is { Kind: YamlNodeKind.Sequence })
        {
            orderValues = [.. Values.TextOrList(orderNode, bag, "group.order").Select(v => v.Value)];
        }
        else if (Values.Text(orderNode, bag, "group.order") is { } order)
        {
            orderBy = order.Trim();
            var name = orderBy.TrimStart('-');
            if (!aggregates.Exists(a => a.Key == name))
            {
                bag.Error(orderNode!, $"group.order '{order}' must be a list of {by} values, or the name of one of the aggregates ('-' for descending){Suggestions.Hint(name, aggregates.Select(a => a.Key))}");
                orderBy = null;
            }
        }

        var total = false;
        if (map.Get("total") is { } totalNode)
        {
            if (totalNode is { Kind: YamlNodeKind.Scalar, IsQuoted: false, Value: "true" or "false" })
            {
                total = totalNode.Value == "true";
            }
            else
            {
                bag.Error(totalNode, $"group.total must be true or false, found {totalNode.Describe()}");
            }
        }

        return by is null ? null : new GroupDefinition
        {
            By = by,
            Aggregates = aggregates,
            OrderValues = orderValues,
            OrderBy = orderBy?.TrimStart('-'),
            OrderDescending = orderBy?.StartsWith('-') == true,
            Total = total,
            Location = bag.Location(node),
        };
    }

    /// <summary>Checks an aggregate (group, KPI, chart): a built-in over a column, or an expression over rows.</summary>
    /// <param name="plotted">A chart's y: its figure must be a number, so min/max/median of dates are errors too.</param>
    public static void CheckAggregate(YamlNode node, string text, string what, DiagnosticBag bag, string dataset, ColumnScope scope, IReadOnlyCollection<string> parameters, bool plotted = false)
    {
        var match = BuiltIn().Match(text);
        if (match.Success && match.Groups["f"].Success)
        {
            var argument = match.Groups["x"].Value.Trim();
            if (scope.Contains(argument))
            {
                CheckKind(node, text, match, argument, what, bag, scope, plotted);
                return;
            }

            if (PlainName().IsMatch(argument))
            {
                var (line, column) = ExpressionChecker.MapOffset(node, text, match.Groups["x"].Index, bag);
                bag.Error(line, column, $"{what} reads '{argument}', which is not a column of {dataset}{Suggestions.Hint(argument, scope.Names)}");
                return;
            }
        }
        else if (match.Success)
        {
            return;
        }

        // "avrage(Score)" would parse as a call and fail on every row: a near miss of a built-in is a typo.
        if (Call().Match(text) is { Success: true } call && Suggestions.Closest(call.Groups["f"].Value, Aggregates) is { } meant && meant != call.Groups["f"].Value)
        {
            var (line, column) = ExpressionChecker.MapOffset(node, text, call.Groups["f"].Index, bag);
            bag.Error(line, column, $"{what} uses '{call.Groups["f"].Value}', which is not an aggregate — did you mean '{meant}'?");
            return;
        }

        if (ExpressionChecker.CheckExpression(node, text, what, bag))
        {
            scope.CheckRowReferences(node, text, bag, dataset, what);

            // Aggregates run over groups of rows; what else they may read is up to the evaluator, so only params are checked.
            ExpressionNames.Check(node, text, what, bag, scope, parameters, warnUnknown: false);
        }
    }

    /// <summary>sum/avg of a date column, or sum/avg/min/max/median of a text one: no cell is a number, the figure would be empty.</summary>
    private static void CheckKind(YamlNode node, string text, Match match, string argument, string what, DiagnosticBag bag, ColumnScope scope, bool plotted)
    {
        var function = match.Groups["f"].Value;
        var advice = (scope.Types.GetValueOrDefault(argument, ColumnType.Auto), function) switch
        {
            (ColumnType.Date or ColumnType.DateTime, "min" or "max" or "median") when plotted => "holds dates, which a chart cannot plot; use count, or a number column",
            (ColumnType.Date or ColumnType.DateTime, "sum" or "avg") => "holds dates; use min or max",
            (ColumnType.Text, "sum" or "avg" or "min" or "max" or "median") => "holds text; use count or distinct",
            _ => null,
        };
        if (advice is not null)
        {
            var (line, column) = ExpressionChecker.MapOffset(node, text, match.Groups["f"].Index, bag);
            bag.Error(line, column, $"{what}: {function}({argument}) — {argument} {advice}");
        }
    }

    [GeneratedRegex(@"^\s*(?:count|(?<f>sum|avg|min|max|median|distinct|count)\s*\((?<x>[^()]*)\))\s*$")]
    private static partial Regex BuiltIn();

    private static readonly string[] Aggregates = ["count", "sum", "avg", "min", "max", "median", "distinct"];

    [GeneratedRegex(@"^\s*(?<f>[A-Za-z_]+)\s*\(")]
    private static partial Regex Call();

    // What a user writes for a column name, as opposed to an expression.
    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_ \-]*$")]
    private static partial Regex PlainName();
}
