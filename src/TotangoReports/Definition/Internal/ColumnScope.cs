namespace TotangoReports.Definition.Internal;

/// <summary>The column names a dataset's sort, group, filter and expressions may refer to, pivot columns included.</summary>
/// <param name="known">
/// False when the columns could not be read (a misspelt <c>columns:</c> key): then every name is accepted, so one typo
/// gives one error instead of one per sort key, group and aggregate.
/// </param>
internal sealed class ColumnScope(IReadOnlyList<string> columns, ActivitiesDefinition? activities, bool known = true)
{
    private readonly HashSet<string> _names = new(columns.Concat(PivotNames(activities)), StringComparer.Ordinal);

    public IEnumerable<string> Names => _names;

    /// <summary>The declared types of the columns that have one (<c>type: date</c>); columns typed by their data are absent.</summary>
    public IReadOnlyDictionary<string, ColumnType> Types { get; init; } = new Dictionary<string, ColumnType>(StringComparer.Ordinal);

    public static Dictionary<string, ColumnType> TypesOf(IEnumerable<ColumnDefinition> columns) =>
        columns.Where(c => c.Type != ColumnType.Auto).GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);

    public static IEnumerable<string> PivotNames(ActivitiesDefinition? activities) =>
        activities is null ? [] : activities.Names.SelectMany(n => activities.Windows.Select(w => activities.ColumnName(n, w)));

    public bool Contains(string name)
    {
        if (!known || _names.Contains(name))
        {
            return true;
        }

        // Without activity names the pivot columns are only known from the data: accept any header the pattern makes.
        return activities is { Names.Count: 0 } && activities.MatchesColumn(name);
    }

    /// <summary>Reports a name that is not a column, with a hint.</summary>
    public bool Require(string name, int line, int column, DiagnosticBag bag, string dataset, string usage)
    {
        if (Contains(name))
        {
            return true;
        }

        bag.Error(line, column, $"{usage} '{name}' is not a column of {dataset}{Suggestions.Hint(name, _names)}");
        return false;
    }

    /// <summary>Checks every <c>row["Name"]</c> in an expression names a column.</summary>
    public void CheckRowReferences(YamlNode node, string expression, DiagnosticBag bag, string dataset, string usage)
    {
        foreach (var (name, offset) in ExpressionScan.RowReferences(expression))
        {
            if (!Contains(name))
            {
                var (line, column) = ExpressionChecker.MapOffset(node, expression, offset, bag);
                bag.Error(line, column, $"{usage} reads row[\"{name}\"], which is not a column of {dataset}{Suggestions.Hint(name, _names)}");
            }
        }
    }
}
