namespace TotangoReports.Definition.Internal;

/// <summary>Binds one dataset: the list to read, what to fetch, and how accounts become rows.</summary>
internal static class DatasetBinder
{
    private static readonly string[] Keys = ["list", "endpoint", "since", "return", "columns", "activities", "filter", "sort", "limit", "group", .. SearchBinder.Keys];

    private static readonly (string, ListEndpoint)[] Endpoints =
        [("current", ListEndpoint.Current), ("recent", ListEndpoint.Recent), ("past", ListEndpoint.Past)];

    private static readonly (string, ReturnType)[] Returns =
        [("stats", ReturnType.Stats), ("users", ReturnType.Users), ("lifecycle", ReturnType.Lifecycle), ("all", ReturnType.All)];

    public static DatasetDefinition? Bind(string name, YamlNode nameNode, YamlNode node, DiagnosticBag bag, IReadOnlyCollection<string> parameters)
    {
        var what = $"dataset '{name}'";
        var map = MapReader.Read(node, bag, what, Keys);
        if (!map.IsValid)
        {
            return null;
        }

        var isSearch = SearchBinder.IsSearch(map, bag);
        var search = isSearch ? SearchBinder.Bind(map, nameNode, bag, what) : null;
        var list = isSearch ? (search is null ? null : string.Empty) : BindList(map, nameNode, bag, what);
        if (!isSearch)
        {
            SearchBinder.RejectOnList(map, bag);
        }

        var endpoint = Values.OneOf(map.Get("endpoint"), bag, "endpoint", Endpoints) ?? ListEndpoint.Current;
        var since = BindSince(map, endpoint, nameNode, bag, what);
        var written = BindReturn(map.Get("return"), bag);

        var columns = ColumnBinder.BindAll(map.Get("columns"), bag, what);
        HistoryUses.CheckSources(columns, bag, what);
        var activities = ActivitiesBinder.Bind(map.Get("activities"), bag, what);
        var columnsNode = map.Get("columns");
        if (columns.Count == 0 && activities is null && columnsNode is null or { Kind: YamlNodeKind.Sequence, Items.Count: 0 } &&
            (map.Has("columns") || (map.ReportMissing("columns") && map.ReportMissing("activities"))))
        {
            bag.Error(nameNode, $"{what} needs 'columns' (or an 'activities' pivot)");
        }

        var columnsMisspelt = !map.Has("columns") && !map.ReportMissing("columns");
        var types = ColumnScope.TypesOf(columns.Select(c => c.Definition));
        var scope = new ColumnScope([.. columns.Select(c => c.Definition.Name)], activities, known: !columnsMisspelt) { Types = types };
        CheckPivotClashes(columns, activities, bag, what);
        var needs = new HashSet<ReturnType>();
        foreach (var column in columns)
        {
            if (column.Path is not null)
            {
                needs.Add(RecordShape.RequiredReturnType(column.Path));
            }

            if (column.ExprNode is not null && column.Definition.Expr is { } expr)
            {
                needs.UnionWith(ExpressionScan.ReturnTypes(expr));
                scope.CheckRowReferences(column.ExprNode, expr, bag, what, $"expr of column '{column.Definition.Name}'");
                ExpressionNames.Check(column.ExprNode, expr, $"expr of column '{column.Definition.Name}'", bag, scope, parameters);
            }
        }

        if (activities is not null)
        {
            needs.Add(ReturnType.Stats);
        }

        var filter = BindFilter(map.Get("filter"), bag, what, scope, needs, parameters);
        if (filter is not null)
        {
            ExpressionTypes.Check(map.Get("filter")!, filter, "filter", bag, types);
        }

        foreach (var column in columns.Where(c => c.ExprNode is not null && c.Definition.Expr is not null))
        {
            ExpressionTypes.Check(column.ExprNode!, column.Definition.Expr!, $"expr of column '{column.Definition.Name}'", bag, types);
        }
        var sort = BindSort(map.Get("sort"), bag, what, scope);
        var limit = Values.PositiveInt(map.Get("limit"), bag, "limit");
        var group = GroupBinder.Bind(map.Get("group"), bag, what, scope, needs, parameters);

        needs.Remove(ReturnType.Summary);
        if (isSearch)
        {
            SearchBinder.RejectListData(needs, nameNode, bag, what);
            needs.Clear();
        }

        var returns = ResolveReturn(written, needs, map.Get("return"), bag);
        if (list is null)
        {
            return null;
        }

        return new DatasetDefinition
        {
            Name = name,
            List = list,
            Search = search,
            Endpoint = endpoint,
            Since = since,
            Return = returns,
            Columns = [.. columns.Select(c => c.Definition)],
            Activities = activities,
            Filter = filter,
            Sort = sort,
            Limit = limit,
            Group = group,
            Location = bag.Location(nameNode),
            KeyLocations = map.Entries.ToDictionary(e => e.Key.Value, e => bag.Location(e.Value), StringComparer.Ordinal),
        };
    }

    private static string? BindList(MapReader map, YamlNode nameNode, DiagnosticBag bag, string what)
    {
        var node = map.Get("list");
        if (node is null)
        {
            if (map.ReportMissing("list") || map.Has("list"))
            {
                bag.Error(map.KeyNode("list") ?? nameNode, $"{what} needs 'list': the active-list id, e.g. list: 1004");
            }

            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar || node.Value.Length == 0 || !node.Value.All(char.IsAsciiDigit))
        {
            bag.Error(node, $"list must be an active-list id (digits, e.g. 1004), found {node.Describe()}");
            return null;
        }

        return node.Value;
    }

    private static string? BindSince(MapReader map, ListEndpoint endpoint, YamlNode nameNode, DiagnosticBag bag, string what)
    {
        var node = map.Get("since");
        var since = Values.Text(node, bag, "since");
        if (endpoint == ListEndpoint.Current && node is not null)
        {
            // The contract's own example writes since with endpoint current: harmless, so said, not refused.
            bag.Warning(map.KeyNode("since")!, "since applies to endpoint recent or past only and is ignored here; remove it or set endpoint: recent");
            return null;
        }

        if (endpoint != ListEndpoint.Current && node is null)
        {
            var at = map.Get("endpoint") ?? nameNode;
            bag.Error(at, $"{what} reads the {endpoint.ToString().ToLowerInvariant()} endpoint, which needs 'since' (7d, 24h, 2026-11-01, unix seconds or last-run)");
            return null;
        }

        if (since is not null)
        {
            SinceValue.Check(node!, since, bag);
        }

        return since;
    }

    private static List<ReturnType>? BindReturn(YamlNode? node, DiagnosticBag bag)
    {
        if (node is null)
        {
            return null;
        }

        var result = new List<ReturnType>();
        var items = Values.TextOrList(node, bag, "return");
        foreach (var (_, item) in items)
        {
            if (Values.OneOf(item, bag, "return", Returns) is { } value && !result.Contains(value))
            {
                result.Add(value);
            }
        }

        if (node.Kind == YamlNodeKind.Sequence && node.Items.Count == 0)
        {
            bag.Error(node, "return must name at least one of stats, users, lifecycle, all (or be left out to infer it)");
        }

        return result;
    }

    private static List<ReturnType> ResolveReturn(List<ReturnType>? written, HashSet<ReturnType> needs, YamlNode? node, DiagnosticBag bag)
    {
        if (written is null)
        {
            var inferred = needs.Order().ToList();
            return inferred.Count == 0 ? [ReturnType.Summary] : inferred;
        }

        // 'all' brings every part (it is undocumented by the vendor, but the vendor's own script asks for it).
        foreach (var missing in needs.Except(written.Contains(ReturnType.All) ? [.. needs] : written).Order())
        {
            var name = missing.ToString().ToLowerInvariant();
            bag.Error(node!, $"the columns read '{name}' data, but return doesn't fetch it: add '{name}' to return, or leave return out to infer it");
        }

        return written.Count == 0 ? [ReturnType.Summary] : written;
    }

    private static void CheckPivotClashes(List<BoundColumn> columns, ActivitiesDefinition? activities, DiagnosticBag bag, string what)
    {
        if (activities is null)
        {
            return;
        }

        var pivots = ColumnScope.PivotNames(activities).ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => pivots.Contains(c.Definition.Name)))
        {
            bag.Error(column.NameNode, $"column '{column.Definition.Name}' clashes with an activities pivot column of {what}; rename it");
        }
    }

    private static string? BindFilter(YamlNode? node, DiagnosticBag bag, string what, ColumnScope scope, HashSet<ReturnType> needs, IReadOnlyCollection<string> parameters)
    {
        var filter = Values.Text(node, bag, "filter");
        if (filter is null || node is null)
        {
            return null;
        }

        if (ExpressionChecker.CheckExpression(node, filter, "filter", bag))
        {
            scope.CheckRowReferences(node, filter, bag, what, "filter");
            ExpressionNames.Check(node, filter, "filter", bag, scope, parameters);
        }

        needs.UnionWith(ExpressionScan.ReturnTypes(filter));
        return filter;
    }

    private static List<string> BindSort(YamlNode? node, DiagnosticBag bag, string what, ColumnScope scope)
    {
        var result = new List<string>();
        foreach (var (key, item) in Values.TextOrList(node, bag, "sort"))
        {
            var name = key.StartsWith('-') ? key[1..] : key;
            var column = item.Column + (item.IsQuoted ? 1 : 0) + (key.Length - name.Length);
            if (scope.Require(name, item.Line, column, bag, what, "sort key"))
            {
                result.Add(key);
            }
        }

        return result;
    }
}
