using System.Text.Json;
using TotangoReports.Api;
using TotangoReports.Data.Internal;
using TotangoReports.Definition;

namespace TotangoReports.Data;

/// <summary>
/// Turns the accounts of one dataset into its table. The fetch pipeline streams records into <see cref="Add"/>, which
/// projects each at once (typed cells, pivot counts, the record parts expressions read) so memory holds rows, not JSON;
/// records of several return types are joined on <c>account_id</c>, in first-seen order. <see cref="Build"/> then
/// evaluates expressions, filters, sorts, limits and groups. Bad data never throws: the cell is empty and
/// <see cref="Warnings"/> says which column, how many accounts and the first one.
/// </summary>
internal sealed class DatasetBuilder : IAccountSink
{
    private readonly DatasetDefinition _dataset;
    private readonly ReportContext _context;
    private readonly DatasetBuilderOptions _options;
    private readonly ProblemLog _problems;
    private readonly List<string> _setupWarnings = [];
    private readonly List<PathColumn> _pathColumns = [];
    private readonly List<(int Column, CompiledExpression Expression, AutoColumn? Auto)> _exprColumns = [];
    private readonly List<int> _lookups = [];
    private readonly int[] _pathSlot;
    private readonly CompiledExpression? _filter;
    private readonly AccountChains _chains;
    private readonly ActivityIndex? _activities;
    private readonly IReadOnlyList<string> _windows = [];
    private readonly AccountProjector _projector;
    private readonly PathPresence _presence;
    private readonly Dictionary<string, ProjectedAccount> _byId = new(StringComparer.Ordinal);
    private readonly List<ProjectedAccount> _accounts = [];
    private ExpressionHost? _host;
    private IReadOnlyList<string>? _warnings;
    private bool _built;

    public DatasetBuilder(DatasetDefinition dataset, ReportContext context)
        : this(dataset, context, DatasetBuilderOptions.Default)
    {
    }

    public DatasetBuilder(DatasetDefinition dataset, ReportContext context, DatasetBuilderOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (_dataset, _context, _options) = (dataset, context, options);
        _problems = new ProblemLog(dataset.Name);

        _pathSlot = new int[dataset.Columns.Count];
        for (var i = 0; i < dataset.Columns.Count; i++)
        {
            var column = dataset.Columns[i];
            _pathSlot[i] = -1;
            _problems.Locate($"column '{column.Name}'", column.Location);
            if (column.Path is not null)
            {
                _pathSlot[i] = _pathColumns.Count;
                _pathColumns.Add(new PathColumn(column.Name, ParsePath(column), column.Type));
            }
            else if (column.Lookup is not null)
            {
                _lookups.Add(i);
            }
            else
            {
                var expression = CompiledExpression.Compile(column.Expr ?? string.Empty);
                Setup(expression.Error, $"column '{column.Name}'", "the column is empty");
                _exprColumns.Add((i, expression, column.Type == ColumnType.Auto ? new AutoColumn(numericStringsCount: false) : null));
            }
        }

        if (dataset.KeyLocations.TryGetValue("activities", out var activitiesLocation))
        {
            _problems.Locate("activities", activitiesLocation);
        }

        if (dataset.KeyLocations.TryGetValue("filter", out var filterLocation))
        {
            _problems.Locate("filter", filterLocation);
        }

        if (dataset.Group is { } grouping)
        {
            _problems.Locate($"group by '{grouping.By}'", grouping.Location);
            foreach (var (name, _) in grouping.Aggregates)
            {
                _problems.Locate($"aggregate '{name}'", grouping.Location);
            }
        }

        if (!string.IsNullOrWhiteSpace(dataset.Filter))
        {
            _filter = CompiledExpression.Compile(dataset.Filter);
            Setup(_filter.Error, "filter", "no rows were filtered out");
        }

        _chains = AccountChains.Collect(ExpressionHost.Syntax(AllExpressions()));

        ActivityReader? reader = null;
        if (dataset.Activities is { } activities)
        {
            _activities = new ActivityIndex(activities.Names);
            _windows = activities.Windows.Count > 0 ? activities.Windows : options.DefaultActivityWindows;
            reader = new ActivityReader(_activities, _windows);
        }

        _projector = new AccountProjector(_pathColumns, _chains, reader, context.TimeZone, _problems);
        _presence = new PathPresence(_pathColumns);
    }

    /// <summary>
    /// The declared <c>summary:</c> when this dataset is the one summarised; null = the default KPIs and charts.
    /// Either way the summary is computed from the rows the table shows.
    /// </summary>
    public SummaryDefinition? Summary { get; init; }

    /// <summary>What computing the summary took inside <see cref="Build"/>: wall time and bytes allocated (for the bench).</summary>
    internal (TimeSpan Elapsed, long Allocated) SummaryCost { get; private set; }

    /// <summary>Accounts seen so far (unique <c>account_id</c>s over every return type).</summary>
    public int AccountCount => _accounts.Count;

    /// <summary>Problems with the data or the expressions, one line per column/subject; complete after <see cref="Build"/>.</summary>
    public IReadOnlyList<string> Warnings => _warnings ?? [.. _setupWarnings, .. _problems.ToWarnings()];

    /// <exception cref="InvalidOperationException"><see cref="Build"/> was already called.</exception>
    public void Add(ReturnType returnType, JsonElement account)
    {
        ThrowIfBuilt();
        var id = JsonNavigator.TryGet(account, "account_id", out var idElement) ? JsonNavigator.ReadText(idElement) : null;
        if (string.IsNullOrEmpty(id))
        {
            _problems.Add("records", "an account record has no account_id", "(none)", "such records are skipped");
            return;
        }

        if (!_byId.TryGetValue(id, out var projected))
        {
            projected = new ProjectedAccount(id, _pathColumns.Count);
            _byId.Add(id, projected);
            _accounts.Add(projected);
        }

        _projector.Project(account, projected);
        _presence.Observe(account);
    }

    /// <summary>The table. Call once: the projected accounts are released as the rows are made.</summary>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    /// <remarks><c>lookup:</c> columns read <paramref name="built"/>: the datasets they name, built first.</remarks>
    public DatasetTable Build(FetchSummary fetch, IReadOnlyDictionary<string, DatasetTable>? built = null)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ThrowIfBuilt();
        _built = true;
        var columns = Columns(out var pivot);
        var lookups = LookupColumns.Prepare(_dataset, _lookups, built ?? new Dictionary<string, DatasetTable>(), columns);
        var names = columns.Select(c => c.Name).ToList();
        var sortKeys = _dataset.Sort.Select(key => SortKey.Parse(key, IndexOf)).ToList();
        foreach (var key in sortKeys.Where(k => k.Column < 0))
        {
            if (key.Expression?.Error is { } error)
            {
                _setupWarnings.Add($"dataset '{_dataset.Name}': sort key '{key.Text}' names no column and {error}; it is ignored.");
            }
            else if (key.Expression?.Single is Scriban.Syntax.ScriptVariableGlobal)
            {
                // A bare name that is no column is almost certainly a misspelt column, not an expression.
                _setupWarnings.Add($"dataset '{_dataset.Name}': sort key '{key.Text}' names no column (columns: {string.Join(", ", names)}); it is ignored.");
            }
        }

        var needsHost = _exprColumns.Count > 0 || _filter?.Template is not null || sortKeys.Any(k => k.Expression?.Template is not null);
        var kept = new List<(ProjectedAccount Account, object?[] Values, object?[] Keys)>(_accounts.Count);
        foreach (var account in _accounts)
        {
            var values = new object?[columns.Count];
            FillDataCells(account, values, pivot);
            lookups.Fill(account.Id, values);
            if (needsHost && !Evaluate(account, values))
            {
                continue;
            }

            foreach (var (column, _, auto) in _exprColumns)
            {
                auto?.Observe(values[column]);
            }

            kept.Add((account, values, SortValues(sortKeys, values)));
        }

        foreach (var (column, _, auto) in _exprColumns.Where(e => e.Auto is not null))
        {
            columns[column] = columns[column] with { Kind = auto!.Kind };
            foreach (var row in kept)
            {
                row.Values[column] = auto.Finish(row.Values[column]);
            }
        }

        var order = Enumerable.Range(0, kept.Count).ToArray();
        Array.Sort(order, (a, b) => CompareRows(kept[a].Keys, kept[b].Keys, sortKeys, a, b));
        var take = _dataset.Limit is { } limit ? Math.Min(Math.Max(limit, 0), order.Length) : order.Length;
        var final = order.Take(take).Select(i => kept[i]).ToList();

        var rows = final.Select(r => r.Values).ToList();
        var finalAccounts = final.Select(r => r.Account).ToList();
        var aggregates = new GroupBuilder(rows, finalAccounts, Host, _problems);
        var groups = _dataset.Group is { } group ? aggregates.Build(group, IndexOf) : null;
        var summaryClock = System.Diagnostics.Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var summary = new SummaryBuilder(_dataset.Name, rows, aggregates, IndexOf, _problems).Build(Summary, () => finalAccounts.Select(Facts).ToList());
        SummaryCost = (summaryClock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        foreach (var (column, problem) in _presence.Missing(_accounts.Count))
        {
            _setupWarnings.Add($"{_problems.Prefix($"column '{column}'")}dataset '{_dataset.Name}': column '{column}': {problem}; the column is empty.");
        }

        AddActivityWarnings();
        if (rows.Count == 0)
        {
            _setupWarnings.Add(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{(_dataset.Location.Line > 0 ? _dataset.Location + ": " : string.Empty)}dataset '{_dataset.Name}' has 0 rows ({_accounts.Count:#,##0} accounts fetched{(_accounts.Count > 0 ? ", none left after filter/limit" : string.Empty)}); its figures are empty."));
        }

        var users = _dataset.Return.Contains(ReturnType.Users) || _accounts.Any(a => a.Users is not null) ? SideTables.Users(finalAccounts, _context) : null;
        var lifecycle = _dataset.Return.Contains(ReturnType.Lifecycle) || _accounts.Any(a => a.Lifecycle is not null) ? SideTables.Lifecycle(finalAccounts, _context) : null;
        _setupWarnings.AddRange(lookups.Warnings(_accounts.Count));
        _warnings = [.. _setupWarnings, .. _problems.ToWarnings()];
        var table = new DatasetTable
        {
            Name = _dataset.Name,
            Columns = columns,
            Rows = final.Select(r => new TableRow(r.Account.Id, r.Values)).ToList(),
            Groups = groups,
            Summary = summary,
            Users = users,
            Lifecycle = lifecycle,
            Accounts = _accounts.Select(Facts).ToList(),
            Fetch = fetch,
        };

        // The table holds what is needed now; the projections would only double the memory of a big list.
        _accounts.Clear();
        _accounts.TrimExcess();
        _byId.Clear();
        _byId.TrimExcess();
        _host = null;
        return table;

        int IndexOf(string name) => names.IndexOf(name);
    }

    /// <summary>An activity or window of the pivot that no fetched account has: its columns are all 0 for no reason in the data.</summary>
    private void AddActivityWarnings()
    {
        if (_activities is null || _accounts.Count == 0)
        {
            return;
        }

        var known = ActivitiesDefinition.KnownWindows;
        var windowsSeen = Enumerable.Range(0, known.Count).Where(i => _accounts.Exists(a => a.Totals is { } totals && i < totals.Length && !double.IsNaN(totals[i]))).Select(i => known[i]).ToList();
        foreach (var window in _windows.Where(w => !windowsSeen.Contains(w)))
        {
            var has = windowsSeen.Count == 0 ? "no account has activity windows" : "the data has " + string.Join(", ", windowsSeen);
            _setupWarnings.Add($"{_problems.Prefix("activities")}dataset '{_dataset.Name}': activity window '{window}' is in none of the {_accounts.Count:#,##0} accounts fetched ({has}); its columns are 0.");
        }

        foreach (var id in _activities.ColumnOrder().Where(id => !_accounts.Exists(a => a.Activities is { } counts && Enumerable.Range(0, _windows.Count).Any(w => counts.Get(id, w) != 0))))
        {
            _setupWarnings.Add($"{_problems.Prefix("activities")}dataset '{_dataset.Name}': activity '{_activities.NameOf(id)}' was performed by none of the {_accounts.Count:#,##0} accounts fetched in any window; its columns are 0.");
        }
    }

    private void ThrowIfBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException($"dataset '{_dataset.Name}': the table was already built; use a new DatasetBuilder per run.");
        }
    }

    private List<TableColumn> Columns(out IReadOnlyList<(int Activity, int Window)> pivot)
    {
        var columns = new List<TableColumn>(_dataset.Columns.Count);
        for (var i = 0; i < _dataset.Columns.Count; i++)
        {
            var definition = _dataset.Columns[i];
            var kind = _pathSlot[i] >= 0 && _pathColumns[_pathSlot[i]].Auto is { } auto ? auto.Kind : AutoColumn.KindOf(definition.Type);
            columns.Add(new TableColumn(definition.Name, kind, definition.Format));
        }

        var cells = new List<(int, int)>();
        if (_activities is not null)
        {
            foreach (var id in _activities.ColumnOrder())
            {
                for (var w = 0; w < _windows.Count; w++)
                {
                    var name = _activities.NameOf(id);
                    columns.Add(new TableColumn(ActivitiesDefinition.FormatHeader(_dataset.Activities?.Header ?? ActivitiesDefinition.DefaultHeader, name, _windows[w]), CellKind.Number, Activity: new ActivityColumn(name, _windows[w])));
                    cells.Add((id, w));
                }
            }
        }

        pivot = cells;
        return columns;
    }

    private void FillDataCells(ProjectedAccount account, object?[] values, IReadOnlyList<(int Activity, int Window)> pivot)
    {
        for (var i = 0; i < _pathSlot.Length; i++)
        {
            if (_pathSlot[i] >= 0)
            {
                var cell = account.Cells[_pathSlot[i]];
                values[i] = _pathColumns[_pathSlot[i]].Auto is { } auto ? auto.Finish(cell) : cell;
            }
        }

        for (var p = 0; p < pivot.Count; p++)
        {
            values[_pathSlot.Length + p] = Boxes.Of(account.Activities?.Get(pivot[p].Activity, pivot[p].Window) ?? 0d);
        }
    }

    /// <summary>Computed columns in definition order (each sees the ones before it), then the filter; false = filtered out.</summary>
    private bool Evaluate(ProjectedAccount account, object?[] values)
    {
        var host = Host();
        host.SetRow(values, account.Leaves);
        foreach (var (column, expression, _) in _exprColumns)
        {
            var definition = _dataset.Columns[column];
            if (!host.TryEvaluate(expression, out var result, out var error))
            {
                if (expression.Template is not null)
                {
                    _problems.Add($"column '{definition.Name}'", $"'{expression.Text}' failed: {error}", account.Id, "those cells are empty");
                }

                continue;
            }

            var cell = CellReader.FromScript(result, definition.Type, _context.TimeZone, out var failed);
            values[column] = cell is double d ? Boxes.Of(d) : cell;
            if (failed)
            {
                var problem = NumberText.IsClrNumber(result) && NumberText.FromClr(result) is null
                    ? "the result is not a finite number (division by zero?)"
                    : $"the result {ProblemLog.Shorten(Convert.ToString(result, System.Globalization.CultureInfo.InvariantCulture))} is not a {definition.Type.ToString().ToLowerInvariant()}";
                _problems.Add($"column '{definition.Name}'", problem, account.Id, "those cells are empty");
            }

            host.SetCell(column, values[column]);
        }

        if (_filter?.Template is null)
        {
            return true;
        }

        if (!host.TryEvaluate(_filter, out var keep, out var filterError))
        {
            _problems.Add("filter", $"'{_filter.Text}' failed: {filterError}", account.Id, "those rows are left out");
            return false;
        }

        return host.IsTrue(keep);
    }

    private object?[] SortValues(List<SortKey> keys, object?[] values)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var result = new object?[keys.Count];
        for (var k = 0; k < keys.Count; k++)
        {
            if (keys[k].Column >= 0)
            {
                result[k] = values[keys[k].Column];
            }
            else if (keys[k].Expression?.Template is not null)
            {
                // The host still holds this row: sort expressions run right after the filter.
                result[k] = Host().TryEvaluate(keys[k].Expression!, out var value, out _) ? CellOrder.Normalize(value) : null;
            }
        }

        return result;
    }

    private static int CompareRows(object?[] a, object?[] b, List<SortKey> keys, int indexA, int indexB)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            var result = CellOrder.Compare(a[k], b[k], keys[k].Descending);
            if (result != 0)
            {
                return result;
            }
        }

        // Stable: equal rows keep the order the list gave them.
        return indexA.CompareTo(indexB);
    }

    private AccountFacts Facts(ProjectedAccount account) =>
        new(account.Id, account.Name ?? string.Empty, account.Score, account.Health, account.Totals is null ? WindowTotals.Empty : new WindowTotals(account.Totals));

    private ExpressionHost Host() => _host ??= new ExpressionHost(_options, _context.Parameters, AllColumnNames(), _chains);

    private List<string> AllColumnNames() => Columns(out _).Select(c => c.Name).ToList();

    private IEnumerable<CompiledExpression> AllExpressions()
    {
        foreach (var (_, expression, _) in _exprColumns)
        {
            yield return expression;
        }

        if (_filter is not null)
        {
            yield return _filter;
        }

        // Sort keys, group keys and aggregates may be expressions too; compiled here only to see which parts of the record they read.
        var definedNames = _dataset.Columns.Select(c => c.Name).ToList();
        foreach (var key in _dataset.Sort)
        {
            yield return CompiledExpression.Compile(key.TrimStart('-'));
        }

        if (_dataset.Group is { } group)
        {
            yield return CompiledExpression.Compile(group.By);
            foreach (var (name, text) in group.Aggregates)
            {
                if (AggregateSpec.Parse(name, text, definedNames.IndexOf).Expression is { } expression)
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
            _setupWarnings.Add($"{column.Location}: dataset '{_dataset.Name}': column '{column.Name}': path '{column.Path}' is invalid at {offset}: {error}; the column is empty.");
        }

        return path;
    }

    private void Setup(string? error, string subject, string consequence)
    {
        if (error is not null)
        {
            _setupWarnings.Add($"{_problems.Prefix(subject)}dataset '{_dataset.Name}': {subject}: {error}; {consequence}.");
        }
    }
}
