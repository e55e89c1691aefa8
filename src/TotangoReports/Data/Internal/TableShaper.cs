using System.Globalization;
using TotangoReports.Api;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The table side of a dataset, once every record is in: evaluate the computed columns, filter, decide auto kinds,
/// sort, limit, group, summarise and make the side tables, all from the <see cref="DatasetPlan"/>'s parsed
/// expressions. Bad data never throws: the cell is empty and the plan's <see cref="ProblemLog"/> counts it.
/// </summary>
internal sealed class TableShaper(DatasetPlan plan, ReportContext context, DatasetBuilderOptions options)
{
    private readonly DatasetDefinition _dataset = plan.Dataset;
    private readonly ProblemLog _problems = plan.Problems;
    private readonly List<string> _warnings = [];
    private ExpressionHost? _host;
    private List<string> _names = [];
    private IReadOnlyList<(int Activity, int Window)> _pivot = [];
    private ResolvedKeys? _keys;
    private HistoryColumns? _history;

    /// <summary>Warnings found while shaping, in the order they always came: sort keys, absent paths, activities, 0 rows.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>What computing the summary took: wall time and bytes allocated (for the bench).</summary>
    public (TimeSpan Elapsed, long Allocated) SummaryCost { get; private set; }

    /// <param name="built">The datasets built before this one, which its <c>lookup:</c> columns read.</param>
    /// <param name="past">The snapshots its history columns, KPI compares and over-charts read; null = none loaded.</param>
    /// <param name="record">Fill <see cref="DatasetTable.RecordedRows"/>: every account's value cells, for the history store.</param>
    public DatasetTable Shape(AccountAccumulator accumulator, SummaryDefinition? declared, string? burstBy, FetchSummary fetch, IReadOnlyDictionary<string, DatasetTable> built, HistoryInputs? past = null, bool record = false)
    {
        var accounts = accumulator.Accounts;
        var columns = plan.Columns(out _pivot);
        var lookups = LookupColumns.Prepare(_dataset, plan.Lookups, built, columns, names => new ExpressionHost(options, context.Parameters, names, AccountChains.Collect([]), (context.Now, context.TimeZone)), _problems);
        var history = _history = HistoryColumns.Prepare(_dataset, plan.HistoryColumns, past, columns, plan.ExpressionColumns.Select(e => e.Column).ToHashSet(), context.TimeZone);
        var recorded = record ? new List<(string Id, object?[] Values)>(accounts.Count) : null;
        _names = columns.Select(c => c.Name).ToList();
        var keys = _keys = plan.Resolve(_names);
        _warnings.AddRange(keys.SortWarnings);
        var autos = plan.ExpressionColumns.Select(e => _dataset.Columns[e.Column].Type == ColumnType.Auto ? new AutoColumn(numericStringsCount: false) : null).ToArray();
        var kept = new List<(ProjectedAccount Account, object?[] Values, object?[] Keys)>(accounts.Count);
        foreach (var account in accounts)
        {
            var values = new object?[columns.Count];
            FillDataCells(account, values);
            lookups.Fill(account.Id, values);
            history.FillFromRecord(account.Id, values);
            var passes = !keys.NeedsHost || Evaluate(account, values);
            recorded?.Add((account.Id, values));
            if (!passes)
            {
                continue;
            }

            for (var e = 0; e < autos.Length; e++)
            {
                autos[e]?.Observe(values[plan.ExpressionColumns[e].Column]);
            }

            kept.Add((account, values, SortValues(values)));
        }

        for (var e = 0; e < autos.Length; e++)
        {
            if (autos[e] is not { } auto)
            {
                continue;
            }

            var column = plan.ExpressionColumns[e].Column;
            columns[column] = columns[column] with { Kind = auto.Kind };
            foreach (var row in (IEnumerable<object?[]>?)recorded?.Select(r => r.Values) ?? kept.Select(k => k.Values))
            {
                row[column] = auto.Finish(row[column]);
            }
        }

        history.FinishKinds(columns, kept.Select(k => k.Values));

        var sortKeys = keys.SortKeys;
        var order = Enumerable.Range(0, kept.Count).ToArray();
        Array.Sort(order, (a, b) => CompareRows(kept[a].Keys, kept[b].Keys, sortKeys, a, b));
        var take = _dataset.Limit is { } limit ? Math.Min(Math.Max(limit, 0), order.Length) : order.Length;
        var final = order.Take(take).Select(i => kept[i]).ToList();

        var rows = final.Select(r => r.Values).ToList();
        var finalAccounts = final.Select(r => r.Account).ToList();
        var aggregates = new GroupBuilder(rows, finalAccounts, Host, _problems, columns);
        var groups = _dataset.Group is { } group ? aggregates.Build(group, keys.GroupBy, keys.Aggregates, IndexOf) : null;
        var summaryClock = System.Diagnostics.Stopwatch.StartNew();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var frames = new HistoryFrames(past ?? new HistoryInputs { Now = context.Now }, _names, context.TimeZone, names => new ExpressionHost(options, context.Parameters, names, plan.Chains, (context.Now, context.TimeZone)), _problems);
        var summary = new SummaryBuilder(_dataset.Name, rows, aggregates, IndexOf, _problems) { History = frames }.Build(declared, () => finalAccounts.Select(Facts).ToList());
        SummaryCost = (summaryClock.Elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        var bursts = burstBy is null ? null : Bursts(burstBy, rows, finalAccounts, declared, keys, frames, columns);
        foreach (var (column, problem) in accumulator.Presence.Missing(accounts.Count))
        {
            _warnings.Add($"{_problems.Prefix($"column '{column}'")}dataset '{_dataset.Name}': column '{column}': {problem}; the column is empty.");
        }

        AddActivityWarnings(accounts);
        _warnings.AddRange(lookups.Warnings(accounts.Count));
        if (rows.Count == 0)
        {
            _warnings.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{(_dataset.Location.Line > 0 ? _dataset.Location + ": " : string.Empty)}dataset '{_dataset.Name}' has 0 rows ({accounts.Count:#,##0} accounts fetched{(accounts.Count > 0 ? ", none left after filter/limit" : string.Empty)}); its figures are empty."));
        }

        var users = _dataset.Return.Contains(ReturnType.Users) || accounts.Any(a => a.Users is not null) ? SideTables.Users(finalAccounts, context) : null;
        var lifecycle = _dataset.Return.Contains(ReturnType.Lifecycle) || accounts.Any(a => a.Lifecycle is not null) ? SideTables.Lifecycle(finalAccounts, context) : null;
        _host = null;
        _warnings.AddRange(past?.Warnings ?? []);
        var recordedSnapshot = recorded is null ? null : Recorded(columns, recorded, final.Select(r => r.Account.Id));

        // The history cells are filled: let the past snapshots they read go before the outputs are rendered.
        _history = null;
        return new DatasetTable
        {
            Recorded = recordedSnapshot,
            Name = _dataset.Name,
            Columns = columns,
            Rows = final.Select(r => new TableRow(r.Account.Id, r.Values)).ToList(),
            Groups = groups,
            Summary = summary,
            Users = users,
            Lifecycle = lifecycle,
            Accounts = accounts.Select(Facts).ToList(),
            Fetch = fetch,
            Bursts = bursts,
        };
    }

    /// <summary>
    /// One slice per distinct non-empty value of the burst column: its rows, and its groups and summary computed by the
    /// same builders as the whole table's, over those rows only. Problems are logged once (by the whole table), so a
    /// scratch log keeps the slices from counting a bad cell twice.
    /// </summary>
    private List<BurstSlice> Bursts(string burstBy, List<object?[]> rows, List<ProjectedAccount> accounts, SummaryDefinition? declared, ResolvedKeys keys, HistoryFrames frames, IReadOnlyList<TableColumn> columns)
    {
        var column = IndexOf(burstBy);
        var members = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; column >= 0 && r < rows.Count; r++)
        {
            var value = BurstText(rows[r][column]);
            if (value.Length == 0)
            {
                continue;
            }

            if (!members.TryGetValue(value, out var list))
            {
                members.Add(value, list = []);
            }

            list.Add(r);
        }

        var scratch = new ProblemLog(_dataset.Name);
        var slices = new List<BurstSlice>(members.Count);
        var past = new PastPartition(burstBy, BurstText, context.TimeZone);
        foreach (var (value, indexes) in members)
        {
            var sliceRows = indexes.Select(i => rows[i]).ToList();
            var sliceAccounts = indexes.Select(i => accounts[i]).ToList();
            var aggregates = new GroupBuilder(sliceRows, sliceAccounts, Host, scratch, columns);
            var groups = _dataset.Group is { } group ? aggregates.Build(group, keys.GroupBy, keys.Aggregates, IndexOf) : null;
            var summary = new SummaryBuilder(_dataset.Name, sliceRows, aggregates, IndexOf, scratch) { History = frames.Slice(past, value) }.Build(declared, () => sliceAccounts.Select(Facts).ToList());
            slices.Add(new BurstSlice(value, indexes, groups, summary));
        }

        return slices;
    }

    /// <summary>A burst value as text: trimmed, culture-invariant; empty for no value.</summary>
    internal static string BurstText(object? cell) => cell switch
    {
        null => string.Empty,
        string text => text.Trim(),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
    };

    /// <summary>
    /// What the history store keeps of this run: every fetched account's value cells (history columns left out), UTC
    /// instants, and whether the table shows the row.
    /// </summary>
    private History.HistorySnapshot Recorded(List<TableColumn> columns, List<(string Id, object?[] Values)> rows, IEnumerable<string> shownIds)
    {
        var keep = Enumerable.Range(0, columns.Count).Where(i => !_history!.IsHistory(i)).ToArray();
        var shown = shownIds.ToHashSet(StringComparer.Ordinal);
        // Straight into columns (numbers as doubles): a row object per account would be a second copy of the table.
        var cells = keep.Select(k => History.HistoryVector.From(rows.Count, r => rows[r].Values[k] is DateTimeOffset instant ? instant.ToUniversalTime() : rows[r].Values[k])).ToList();
        return new History.HistorySnapshot(
            _dataset.Name,
            context.Now.ToUniversalTime(),
            [.. keep.Select(i => columns[i])],
            History.HistoryKeys.Of(rows.Count, r => rows[r].Id),
            History.HistorySnapshot.Flags(rows.Count, r => shown.Contains(rows[r].Id)),
            cells);
    }

    /// <summary>An activity or window of the pivot that no fetched account has: its columns are all 0 for no reason in the data.</summary>
    private void AddActivityWarnings(List<ProjectedAccount> accounts)
    {
        if (plan.Activities is not { } activities || accounts.Count == 0)
        {
            return;
        }

        var windows = plan.Windows;
        var known = ActivitiesDefinition.KnownWindows;
        var windowsSeen = Enumerable.Range(0, known.Count).Where(i => accounts.Exists(a => a.Totals is { } totals && i < totals.Length && !double.IsNaN(totals[i]))).Select(i => known[i]).ToList();
        foreach (var window in windows.Where(w => !windowsSeen.Contains(w)))
        {
            var has = windowsSeen.Count == 0 ? "no account has activity windows" : "the data has " + string.Join(", ", windowsSeen);
            _warnings.Add($"{_problems.Prefix("activities")}dataset '{_dataset.Name}': activity window '{window}' is in none of the {accounts.Count:#,##0} accounts fetched ({has}); its columns are 0.");
        }

        foreach (var id in activities.ColumnOrder().Where(id => !accounts.Exists(a => a.Activities is { } counts && Enumerable.Range(0, windows.Count).Any(w => counts.Get(id, w) != 0))))
        {
            _warnings.Add($"{_problems.Prefix("activities")}dataset '{_dataset.Name}': activity '{activities.NameOf(id)}' was performed by none of the {accounts.Count:#,##0} accounts fetched in any window; its columns are 0.");
        }
    }

    private void FillDataCells(ProjectedAccount account, object?[] values)
    {
        var slots = plan.PathSlot;
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i] >= 0)
            {
                var cell = account.Cells[slots[i]];
                values[i] = plan.PathColumns[slots[i]].Auto is { } auto ? auto.Finish(cell) : cell;
            }
        }

        var pivot = _pivot;
        for (var p = 0; p < pivot.Count; p++)
        {
            values[slots.Count + p] = Boxes.Of(account.Activities?.Get(pivot[p].Activity, pivot[p].Window) ?? 0d);
        }
    }

    /// <summary>Computed columns in definition order (each sees the ones before it), then the filter; false = filtered out.</summary>
    private bool Evaluate(ProjectedAccount account, object?[] values)
    {
        var host = Host();
        host.SetRow(values, account.Leaves);
        foreach (var (column, expression) in plan.ExpressionColumns)
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

            var cell = CellReader.FromScript(result, definition.Type, context.TimeZone, out var failed);
            values[column] = cell is double d ? Boxes.Of(d) : cell;
            if (failed)
            {
                var problem = NumberText.IsClrNumber(result) && NumberText.FromClr(result) is null
                    ? "the result is not a finite number (division by zero?)"
                    : $"the result {ProblemLog.Shorten(Convert.ToString(result, CultureInfo.InvariantCulture))} is not a {definition.Type.ToString().ToLowerInvariant()}";
                _problems.Add($"column '{definition.Name}'", problem, account.Id, "those cells are empty");
            }

            host.SetCell(column, values[column]);
            _history?.FillAfter(column, account.Id, values, host);
        }

        if (plan.Filter is not { Template: not null } filter)
        {
            return true;
        }

        if (!host.TryEvaluate(filter, out var keep, out var filterError))
        {
            _problems.Add("filter", $"'{filter.Text}' failed: {filterError}", account.Id, "those rows are left out");
            return false;
        }

        return host.IsTrue(keep);
    }

    private object?[] SortValues(object?[] values)
    {
        var keys = _keys!.SortKeys;
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
            else if (keys[k].Expression is { Template: not null } expression)
            {
                // The host still holds this row: sort expressions run right after the filter.
                result[k] = Host().TryEvaluate(expression, out var value, out _) ? CellOrder.Normalize(value) : null;
            }
        }

        return result;
    }

    private static int CompareRows(object?[] a, object?[] b, IReadOnlyList<SortKey> keys, int indexA, int indexB)
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

    private static AccountFacts Facts(ProjectedAccount account) =>
        new(account.Id, account.Name ?? string.Empty, account.Score, account.Health, account.Totals is null ? WindowTotals.Empty : new WindowTotals(account.Totals));

    private int IndexOf(string name) => _names.IndexOf(name);

    private ExpressionHost Host() => _host ??= new ExpressionHost(options, context.Parameters, _names, plan.Chains, (context.Now, context.TimeZone));
}
