using Scriban.Runtime;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>Groups the final rows by a column (or an expression) and computes each aggregate per group; keys in ordinal order.</summary>
internal sealed partial class GroupBuilder(
    IReadOnlyList<object?[]> rows,
    IReadOnlyList<ProjectedAccount> accounts,
    Func<ExpressionHost> host,
    ProblemLog problems,
    IReadOnlyList<TableColumn>? columns = null)
{
    /// <param name="by">The group key as the plan resolved it: a column, or the expression parsed once.</param>
    /// <param name="aggregates">The aggregates as the plan parsed them.</param>
    public GroupTable Build(GroupDefinition group, (int Column, CompiledExpression? Expression) by, IReadOnlyList<AggregateSpec> aggregates, Func<string, int> columnIndex)
    {
        var keys = GroupKeys(group.By, by.Column, by.Expression);
        var members = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < rows.Count; r++)
        {
            if (!members.TryGetValue(keys[r], out var list))
            {
                list = [];
                members.Add(keys[r], list);
            }

            list.Add(r);
        }

        var specs = aggregates.Select(a => Prepare(a, columnIndex, "group aggregate")).ToList();
        var result = new List<GroupRow>(members.Count + 1);
        foreach (var (key, indexes) in members)
        {
            result.Add(Row(key, specs, indexes, isTotal: false));
        }

        Order(result, group, specs.Select(s => s.Spec.Name).ToList());
        if (group.Total)
        {
            // Over every row, not a sum of the groups: an average of averages would be wrong.
            var all = Enumerable.Range(0, rows.Count).ToArray();
            result.Add(Row("Total", specs, all, isTotal: true));
        }

        return new GroupTable
        {
            By = group.By,
            Aggregates = specs.Select(s => s.Spec.Name).ToList(),
            AggregateColumns = specs.Select(s => s.Column).ToList(),
            Rows = result,
        };
    }

    // Values keeps the numbers (a date aggregate is null there); Cells has every aggregate as a typed cell.
    private static GroupRow Row(string key, List<Aggregator> specs, IReadOnlyList<int> indexes, bool isTotal)
    {
        var cells = specs.Select(s => s.CellOver(indexes)).ToArray();
        return new GroupRow(key, cells.Select(c => c as double?).ToArray(), indexes, isTotal) { Cells = cells };
    }

    private object? Cell(int row, int column) => rows[row][column];

    /// <summary><c>group.order</c>: listed keys first in their order, or by an aggregate's value; ties and the rest in key order.</summary>
    private static void Order(List<GroupRow> groups, GroupDefinition group, List<string> names)
    {
        if (group.OrderValues?.ToList() is { } values)
        {
            int Rank(GroupRow g) => values.IndexOf(g.Key) is var i and >= 0 ? i : values.Count;
            groups.Sort((a, b) => Rank(a) != Rank(b) ? Rank(a).CompareTo(Rank(b)) : string.CompareOrdinal(a.Key, b.Key));
        }
        else if (group.OrderBy is { } name && names.IndexOf(name) is var index and >= 0)
        {
            groups.Sort((a, b) =>
            {
                var result = CellOrder.Compare(a.Cells[index], b.Cells[index], group.OrderDescending);
                return result != 0 ? result : string.CompareOrdinal(a.Key, b.Key);
            });
        }
    }

    /// <summary>
    /// <c>count(Health == "Poor")</c> without Scriban for text cells (the common KPI, 100,000 evaluations saved);
    /// any other cell goes through the expression as before, so the result is the same.
    /// </summary>
    private object?[] CountWhere(TextTest test, AggregateSpec spec)
    {
        var values = new object?[rows.Count];
        var one = Boxes.Of(1d);
        ExpressionHost? evaluator = null;
        for (var r = 0; r < rows.Count; r++)
        {
            var cell = rows[r][test.Column];
            bool holds;
            if (cell is null or string)
            {
                holds = string.Equals(cell as string, test.Value, StringComparison.Ordinal) == test.Equal;
            }
            else
            {
                evaluator ??= host();
                evaluator.SetRow(rows[r], accounts[r].Leaves);
                if (!evaluator.TryEvaluate(spec.Expression!, out var result, out var error))
                {
                    problems.Add($"aggregate '{spec.Name}'", error ?? "failed", accounts[r].Id, "those values are empty");
                    continue;
                }

                holds = result is not null && evaluator.IsTrue(result);
            }

            values[r] = holds ? one : null;
        }

        return values;
    }

    /// <summary>Each row's key for grouping by a column, or by an expression over the row.</summary>
    public string[] GroupKeys(string by, Func<string, int> columnIndex)
    {
        var column = columnIndex(by);
        return GroupKeys(by, column, column >= 0 ? null : CompiledExpression.Compile(by));
    }

    /// <summary>Each row's key for grouping by <paramref name="column"/> (when &gt;= 0), else by the parsed expression.</summary>
    public string[] GroupKeys(string by, int column, CompiledExpression? expression)
    {
        if (column >= 0)
        {
            return rows.Select(r => CellOrder.Text(r[column])).ToArray();
        }

        expression ??= CompiledExpression.Compile(by);
        if (expression.Single is Scriban.Syntax.ScriptVariableGlobal)
        {
            problems.Add($"group by '{by}'", "names no column", accounts.Count > 0 ? accounts[0].Id : "-", "every row falls in one group with an empty key");
        }

        var values = EvaluatePerRow(expression, $"group by '{by}'");
        return values.Select(v => CellOrder.Text(CellOrder.Normalize(v))).ToArray();
    }

    /// <summary>An aggregate ready to compute over any subset of the rows: per-row arguments are evaluated once, here.</summary>
    /// <param name="what">How a warning about the aggregate's column names it ("group aggregate 'Next renewal'").</param>
    public Aggregator Prepare(AggregateSpec spec, Func<string, int> columnIndex, string what = "aggregate")
    {
        if (spec.Expression?.Error is not null)
        {
            problems.Add($"aggregate '{spec.Name}'", spec.Expression.Error, accounts.Count > 0 ? accounts[0].Id : "-", "its values are empty");
        }

        if (Misfit(spec) is { } misfit)
        {
            problems.Add($"{what} '{spec.Name}'", misfit, "no cell of that column counts towards it");
        }

        object?[]? perRow = null;
        if (spec.Kind == AggregateKind.Count && spec.Column < 0 && TextTest.Parse(spec.Expression?.Text, columnIndex) is { } test)
        {
            perRow = CountWhere(test, spec);
        }
        else if (spec.Kind != AggregateKind.Expression && spec.Column < 0 && spec.Expression is not null)
        {
            perRow = EvaluatePerRow(spec.Expression, $"aggregate '{spec.Name}'");
            for (var r = 0; r < perRow.Length; r++)
            {
                // count(Health == "Poor") counts the rows where the condition holds.
                perRow[r] = spec.Kind == AggregateKind.Count ? (perRow[r] is not null && host().IsTrue(perRow[r]) ? Boxes.Of(1d) : null) : CellOrder.Normalize(perRow[r]);
            }
        }

        return new Aggregator(this, spec, perRow);
    }

    private object?[] EvaluatePerRow(CompiledExpression expression, string subject)
    {
        var values = new object?[rows.Count];
        if (expression.Error is not null)
        {
            problems.Add(subject, expression.Error, accounts.Count > 0 ? accounts[0].Id : "-", "its values are empty");
            return values;
        }

        var evaluator = host();
        for (var r = 0; r < rows.Count; r++)
        {
            evaluator.SetRow(rows[r], accounts[r].Leaves);
            if (evaluator.TryEvaluate(expression, out var value, out var error))
            {
                values[r] = value;
            }
            else
            {
                problems.Add(subject, error ?? "failed", accounts[r].Id, "those values are empty");
            }
        }

        return values;
    }

    private double? OverRows(AggregateSpec spec, IReadOnlyList<int> indexes)
    {
        var evaluator = host();
        var array = new ScriptArray();
        foreach (var r in indexes)
        {
            array.Add(evaluator.RowObject(rows[r]));
        }

        evaluator.SetRows(array);
        try
        {
            if (!evaluator.TryEvaluate(spec.Expression!, out var value, out var error))
            {
                problems.Add($"aggregate '{spec.Name}'", error ?? "failed", accounts[indexes[0]].Id, "that group's value is empty");
                return null;
            }

            var number = NumberText.FromClr(value) ?? (value is string s && NumberText.TryParse(s, out var parsed) ? parsed : null);
            if (number is null && value is not null)
            {
                problems.Add($"aggregate '{spec.Name}'", $"the result {ProblemLog.Shorten(value.ToString())} is not a number", accounts[indexes[0]].Id, "that group's value is empty");
            }

            return number;
        }
        finally
        {
            evaluator.SetRows(null);
        }
    }

    /// <summary>One pass over the group's values, no intermediate lists: a KPI over 100,000 rows is a loop.</summary>
    private static double? Aggregate(AggregateKind kind, IReadOnlyList<int> indexes, Func<int, object?> value)
    {
        switch (kind)
        {
            case AggregateKind.Count:
                var count = 0;
                foreach (var r in indexes)
                {
                    count += value(r) is null or "" ? 0 : 1;
                }

                return count;
            case AggregateKind.Distinct:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var r in indexes)
                {
                    if (value(r) is { } v and not "")
                    {
                        seen.Add(v as string ?? CellOrder.Text(v));
                    }
                }

                return seen.Count;
            case AggregateKind.Median:
                var numbers = new List<double>(indexes.Count);
                foreach (var r in indexes)
                {
                    if (value(r) is double d)
                    {
                        numbers.Add(d);
                    }
                }

                return Median(numbers);
        }

        double sum = 0, min = double.MaxValue, max = double.MinValue;
        var n = 0;
        foreach (var r in indexes)
        {
            if (value(r) is double d)
            {
                sum += d;
                min = Math.Min(min, d);
                max = Math.Max(max, d);
                n++;
            }
        }

        return kind switch
        {
            AggregateKind.Sum => sum,
            AggregateKind.Avg => n == 0 ? null : sum / n,
            AggregateKind.Min => n == 0 ? null : min,
            AggregateKind.Max => n == 0 ? null : max,
            _ => null,
        };
    }

    private static double? Median(List<double> numbers)
    {
        if (numbers.Count == 0)
        {
            return null;
        }

        numbers.Sort();
        var middle = numbers.Count / 2;
        return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
    }

    /// <summary><c>Column == "text"</c> or <c>!=</c>, the column by name or <c>row["Name"]</c>.</summary>
    private sealed partial record TextTest(int Column, string Value, bool Equal)
    {
        public static TextTest? Parse(string? text, Func<string, int> columnIndex)
        {
            var match = text is null ? null : Pattern().Match(text);
            if (match is not { Success: true })
            {
                return null;
            }

            var column = columnIndex(match.Groups["c"].Value);
            return column < 0 ? null : new TextTest(column, match.Groups["v"].Value, match.Groups["op"].Value == "==");
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:row\[""(?<c>[^""]+)""\]|(?<c>[A-Za-z_][A-Za-z0-9_]*))\s*(?<op>==|!=)\s*""(?<v>[^""\\]*)""\s*$")]
        private static partial System.Text.RegularExpressions.Regex Pattern();
    }

    /// <summary>The kind of cell <paramref name="spec"/> gives (a date for min/max/median of a date column), without evaluating it.</summary>
    public CellKind KindOf(AggregateSpec spec) => ColumnOf(spec).Kind;

    /// <summary>
    /// <c>min</c>, <c>max</c> or <c>median</c> of a date or date-time column is that kind of cell, with the column's
    /// format (as lookup aggregates keep it); every other aggregate is a number.
    /// </summary>

    private TableColumn ColumnOf(AggregateSpec spec) =>
        spec is { Kind: AggregateKind.Min or AggregateKind.Max or AggregateKind.Median, Column: >= 0 } && columns?[spec.Column] is { Kind: CellKind.Date or CellKind.DateTime } source
            ? new TableColumn(spec.Name, source.Kind, source.Format)
            : new TableColumn(spec.Name, CellKind.Number);

    /// <summary>sum/avg of dates, or sum/avg/min/max/median of text: no cell is a number, so the figure would silently be empty.</summary>
    private string? Misfit(AggregateSpec spec)
    {
        if (spec.Column < 0 || columns?[spec.Column] is not { } source)
        {
            return null;
        }

        var call = $"{spec.Kind.ToString().ToLowerInvariant()}({source.Name})";
        return (source.Kind, spec.Kind) switch
        {
            (CellKind.Date or CellKind.DateTime, AggregateKind.Sum or AggregateKind.Avg) => $"{call} — {source.Name} holds dates; use min or max",
            (CellKind.Text, AggregateKind.Sum or AggregateKind.Avg or AggregateKind.Min or AggregateKind.Max or AggregateKind.Median) => $"{call} — {source.Name} holds text; use count or distinct",
            _ => null,
        };
    }

    /// <summary>The earliest or latest date: cells of one column share a kind, so they compare (text ordinally).</summary>
    public static object? Extreme(IEnumerable<object?> cells, bool max)
    {
        object? best = null;
        foreach (var cell in cells)
        {
            var order = cell is string text && best is string other ? string.CompareOrdinal(text, other) : (cell as IComparable)?.CompareTo(best) ?? 0;
            if (cell is IComparable && (best is null || order * (max ? 1 : -1) > 0))
            {
                best = cell;
            }
        }

        return best;
    }

    /// <summary>The middle date; of an even count the earlier of the two middle ones, a date that occurs rather than a midpoint.</summary>
    private static object? MiddleCell(IEnumerable<object?> cells)
    {
        var sorted = cells.OfType<IComparable>().ToList();
        sorted.Sort((a, b) => a.CompareTo(b));
        return sorted.Count == 0 ? null : sorted[(sorted.Count - 1) / 2];
    }

    /// <summary>One prepared aggregate; <see cref="Over"/> computes it for a set of row indexes.</summary>
    internal sealed class Aggregator(GroupBuilder owner, AggregateSpec spec, object?[]? perRow)
    {
        public AggregateSpec Spec => spec;

        /// <summary>The aggregate as a column: its kind (a date for min/max/median of dates) and format.</summary>
        public TableColumn Column { get; } = owner.ColumnOf(spec);

        /// <summary>The value as a typed cell: a boxed number, or the date itself when <see cref="Column"/> is a date.</summary>
        public object? CellOver(IReadOnlyList<int> indexes)
        {
            if (Column.Kind == CellKind.Number)
            {
                return Over(indexes) is { } number ? Boxes.Of(number) : null;
            }

            var cells = indexes.Select(r => owner.Cell(r, spec.Column));
            return spec.Kind == AggregateKind.Median ? MiddleCell(cells) : Extreme(cells, spec.Kind == AggregateKind.Max);
        }

        public double? Over(IReadOnlyList<int> indexes) => spec switch
        {
            { Kind: AggregateKind.Expression } => owner.OverRows(spec, indexes),
            { Kind: AggregateKind.Count, Column: < 0, Expression: null } => indexes.Count,
            { Column: >= 0 } => Aggregate(spec.Kind, indexes, r => owner.Cell(r, spec.Column)),
            _ => Aggregate(spec.Kind, indexes, r => perRow?[r]),
        };
    }
}
