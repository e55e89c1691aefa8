using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// A dataset definition compiled once, before the first record: which columns are read from a path (and into which
/// slot), every expression parsed once (computed columns, filter, sort keys, group key and aggregates; a cache keyed
/// by text) and reused by the streaming side (the record parts they read, <see cref="Chains"/>) and the shaping side
/// alike, and the warnings the definition alone already gives. Pivot columns can be learned from the data (no
/// <c>names:</c>), so names resolve to columns in <see cref="Resolve"/>, once the records are in.
/// </summary>
internal sealed class DatasetPlan
{
    private readonly List<string> _setupWarnings = [];
    private readonly List<PathColumn> _pathColumns = [];
    private readonly List<ExpressionColumn> _expressionColumns = [];
    private readonly List<int> _lookups = [];
    private readonly List<int> _history = [];
    private readonly Dictionary<string, CompiledExpression> _parsed = new(StringComparer.Ordinal);
    private readonly int[] _pathSlot;

    public DatasetPlan(DatasetDefinition dataset, DatasetBuilderOptions options, ProblemLog problems)
    {
        Dataset = dataset;
        Problems = problems;
        _pathSlot = new int[dataset.Columns.Count];
        for (var i = 0; i < dataset.Columns.Count; i++)
        {
            var column = dataset.Columns[i];
            _pathSlot[i] = -1;
            problems.Locate($"column '{column.Name}'", column.Location);
            if (column.Path is not null)
            {
                _pathSlot[i] = _pathColumns.Count;
                _pathColumns.Add(new PathColumn(column.Name, ParsePath(column), column.Type));
            }
            else if (column.Lookup is not null)
            {
                _lookups.Add(i);
            }
            else if (column.History is not null)
            {
                _history.Add(i);
            }
            else
            {
                var expression = Parse(column.Expr ?? string.Empty);
                Setup(expression.Error, $"column '{column.Name}'", "the column is empty");
                _expressionColumns.Add(new ExpressionColumn(i, expression));
            }
        }

        if (dataset.KeyLocations.TryGetValue("activities", out var activitiesLocation))
        {
            problems.Locate("activities", activitiesLocation);
        }

        if (dataset.KeyLocations.TryGetValue("filter", out var filterLocation))
        {
            problems.Locate("filter", filterLocation);
        }

        if (dataset.Group is { } grouping)
        {
            problems.Locate($"group by '{grouping.By}'", grouping.Location);
            foreach (var (name, _) in grouping.Aggregates)
            {
                problems.Locate($"aggregate '{name}'", grouping.Location);
            }
        }

        if (!string.IsNullOrWhiteSpace(dataset.Filter))
        {
            Filter = Parse(dataset.Filter);
            Setup(Filter.Error, "filter", "no rows were filtered out");
        }

        if (dataset.Activities is { } activities)
        {
            Activities = new ActivityIndex(activities.Names);
            Windows = activities.Windows.Count > 0 ? activities.Windows : options.DefaultActivityWindows;
        }

        Chains = AccountChains.Collect(ExpressionHost.Syntax(AllExpressions()));
    }

    public DatasetDefinition Dataset { get; }

    public ProblemLog Problems { get; }

    /// <summary>Columns read from the record, in their slot order (<see cref="ProjectedAccount.Cells"/>).</summary>
    public IReadOnlyList<PathColumn> PathColumns => _pathColumns;

    /// <summary>Per defined column: its slot in <see cref="PathColumns"/>, or -1 for a computed column.</summary>
    public IReadOnlyList<int> PathSlot => _pathSlot;

    /// <summary>Indexes of the <c>lookup:</c> columns, filled from another dataset's built table.</summary>
    public IReadOnlyList<int> Lookups => _lookups;

    /// <summary>Indexes of the <c>change</c>/<c>previous</c>/<c>trend</c> columns, filled from the history snapshots.</summary>
    public IReadOnlyList<int> HistoryColumns => _history;

    /// <summary>Computed columns in definition order (each sees the ones before it).</summary>
    public IReadOnlyList<ExpressionColumn> ExpressionColumns => _expressionColumns;

    public CompiledExpression? Filter { get; }

    public ActivityIndex? Activities { get; }

    public IReadOnlyList<string> Windows { get; } = [];

    public AccountChains Chains { get; }

    /// <summary>What the definition alone says is wrong (bad paths, unparsable expressions), known before any record.</summary>
    public IReadOnlyList<string> SetupWarnings => _setupWarnings;

    /// <summary>
    /// The table's columns and the pivot's cells (aligned with the columns after the defined ones). An auto path
    /// column's kind and the activities without <c>names:</c> come from the data, so call this once the records are in.
    /// </summary>
    public List<TableColumn> Columns(out IReadOnlyList<(int Activity, int Window)> pivot)
    {
        var columns = new List<TableColumn>(Dataset.Columns.Count);
        for (var i = 0; i < Dataset.Columns.Count; i++)
        {
            var definition = Dataset.Columns[i];
            var kind = _pathSlot[i] >= 0 && _pathColumns[_pathSlot[i]].Auto is { } auto ? auto.Kind : AutoColumn.KindOf(definition.Type);
            columns.Add(new TableColumn(definition.Name, kind, definition.Format));
        }

        var cells = new List<(int, int)>();
        if (Activities is not null)
        {
            foreach (var id in Activities.ColumnOrder())
            {
                for (var w = 0; w < Windows.Count; w++)
                {
                    var name = Activities.NameOf(id);
                    columns.Add(new TableColumn(ActivitiesDefinition.FormatHeader(Dataset.Activities?.Header ?? ActivitiesDefinition.DefaultHeader, name, Windows[w]), CellKind.Number, Activity: new ActivityColumn(name, Windows[w])));
                    cells.Add((id, w));
                }
            }
        }

        pivot = cells;
        return columns;
    }

    /// <summary>Sort keys, the group key and aggregates against the table's column names, from the expressions parsed once.</summary>
    public ResolvedKeys Resolve(List<string> names)
    {
        int IndexOf(string name) => names.IndexOf(name);
        var sortKeys = Dataset.Sort.Select(key => SortKey.Parse(key, IndexOf, Parse)).ToList();
        var warnings = new List<string>();
        foreach (var key in sortKeys.Where(k => k.Column < 0))
        {
            if (key.Expression?.Error is { } error)
            {
                warnings.Add($"dataset '{Dataset.Name}': sort key '{key.Text}' names no column and {error}; it is ignored.");
            }
            else if (key.Expression?.Single is Scriban.Syntax.ScriptVariableGlobal)
            {
                // A bare name that is no column is almost certainly a misspelt column, not an expression.
                warnings.Add($"dataset '{Dataset.Name}': sort key '{key.Text}' names no column (columns: {string.Join(", ", names)}); it is ignored.");
            }
        }

        (int, CompiledExpression?) groupBy = (-1, null);
        List<AggregateSpec> aggregates = [];
        if (Dataset.Group is { } group)
        {
            var byColumn = IndexOf(group.By);
            groupBy = (byColumn, byColumn >= 0 ? null : Parse(group.By));
            aggregates = group.Aggregates.Select(a => AggregateSpec.Parse(a.Key, a.Value, IndexOf, Parse)).ToList();
        }

        var needsHost = _expressionColumns.Count > 0 || Filter?.Template is not null || sortKeys.Any(k => k.Expression?.Template is not null);
        return new ResolvedKeys(sortKeys, groupBy, aggregates, warnings, needsHost);
    }

    /// <summary>Parses an expression the first time its text is seen; every later use of the same text gets the same parse.</summary>
    private CompiledExpression Parse(string text)
    {
        if (!_parsed.TryGetValue(text, out var expression))
        {
            expression = CompiledExpression.Compile(text);
            _parsed.Add(text, expression);
        }

        return expression;
    }

    /// <summary>
    /// Every expression the dataset may evaluate: the record parts they read decide what is kept per account. Sort
    /// keys, the group key and aggregates may turn out to name (pivot) columns; parsed here all the same, through the
    /// cache, so <see cref="Resolve"/> reuses these parses.
    /// </summary>
    private IEnumerable<CompiledExpression> AllExpressions()
    {
        foreach (var column in _expressionColumns)
        {
            yield return column.Expression;
        }

        if (Filter is not null)
        {
            yield return Filter;
        }

        foreach (var key in Dataset.Sort)
        {
            yield return Parse(SortKey.Split(key).Text);
        }

        if (Dataset.Group is { } group)
        {
            yield return Parse(group.By);
            var definedNames = Dataset.Columns.Select(c => c.Name).ToList();
            foreach (var (name, text) in group.Aggregates)
            {
                if (AggregateSpec.Parse(name, text, definedNames.IndexOf, Parse).Expression is { } expression)
                {
                    yield return expression;
                }
            }
        }
    }

    private RecordPath? ParsePath(ColumnDefinition column)
    {
        var path = RecordPath.TryParse(column.Path!, out var error, out var offset);
        if (path is null)
        {
            _setupWarnings.Add($"{column.Location}: dataset '{Dataset.Name}': column '{column.Name}': path '{column.Path}' is invalid at {offset}: {error}; the column is empty.");
        }

        return path;
    }

    private void Setup(string? error, string subject, string consequence)
    {
        if (error is not null)
        {
            _setupWarnings.Add($"{Problems.Prefix(subject)}dataset '{Dataset.Name}': {subject}: {error}; {consequence}.");
        }
    }
}

/// <summary>A computed column: its index in the table and its expression, parsed once.</summary>
internal sealed record ExpressionColumn(int Column, CompiledExpression Expression);

/// <summary>
/// The plan's names resolved against the table's columns: sort keys, the group key (a column &gt;= 0, or the
/// expression), aggregates, sort keys that name no column, and whether rows need the expression host at all.
/// </summary>
internal sealed record ResolvedKeys(
    IReadOnlyList<SortKey> SortKeys,
    (int Column, CompiledExpression? Expression) GroupBy,
    IReadOnlyList<AggregateSpec> Aggregates,
    IReadOnlyList<string> SortWarnings,
    bool NeedsHost);
