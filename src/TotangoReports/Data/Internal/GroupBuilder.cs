using Scriban.Runtime;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>Groups the final rows by a column (or an expression) and computes each aggregate per group; keys in ordinal order.</summary>
internal sealed class GroupBuilder(
    IReadOnlyList<object?[]> rows,
    IReadOnlyList<ProjectedAccount> accounts,
    Func<ExpressionHost> host,
    ProblemLog problems)
{
    public GroupTable Build(GroupDefinition group, Func<string, int> columnIndex)
    {
        var keys = GroupKeys(group.By, columnIndex);
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

        var specs = group.Aggregates.Select(a => Prepare(AggregateSpec.Parse(a.Key, a.Value, columnIndex))).ToList();
        var result = new List<GroupRow>(members.Count);
        foreach (var (key, indexes) in members)
        {
            var values = new double?[specs.Count];
            for (var a = 0; a < specs.Count; a++)
            {
                values[a] = specs[a].Over(indexes);
            }

            result.Add(new GroupRow(key, values, indexes));
        }

        return new GroupTable { By = group.By, Aggregates = specs.Select(s => s.Spec.Name).ToList(), Rows = result };
    }

    private object? Cell(int row, int column) => rows[row][column];

    /// <summary>Each row's key for grouping by a column, or by an expression over the row.</summary>
    public string[] GroupKeys(string by, Func<string, int> columnIndex)
    {
        var column = columnIndex(by);
        if (column >= 0)
        {
            return rows.Select(r => CellOrder.Text(r[column])).ToArray();
        }

        var expression = CompiledExpression.Compile(by);
        if (expression.Single is Scriban.Syntax.ScriptVariableGlobal)
        {
            problems.Add($"group by '{by}'", "names no column", accounts.Count > 0 ? accounts[0].Id : "-", "every row falls in one group with an empty key");
        }

        var values = EvaluatePerRow(expression, $"group by '{by}'");
        return values.Select(v => CellOrder.Text(CellOrder.Normalize(v))).ToArray();
    }

    /// <summary>An aggregate ready to compute over any subset of the rows: per-row arguments are evaluated once, here.</summary>
    public Aggregator Prepare(AggregateSpec spec)
    {
        if (spec.Expression?.Error is not null)
        {
            problems.Add($"aggregate '{spec.Name}'", spec.Expression.Error, accounts.Count > 0 ? accounts[0].Id : "-", "its values are empty");
        }

        object?[]? perRow = null;
        if (spec.Kind != AggregateKind.Expression && spec.Column < 0 && spec.Expression is not null)
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

    private static double? Aggregate(AggregateKind kind, List<object?> values)
    {
        switch (kind)
        {
            case AggregateKind.Count:
                return values.Count(v => v is not null && v is not "");
            case AggregateKind.Distinct:
                return values.Where(v => v is not null && v is not "").Select(CellOrder.Text).Distinct(StringComparer.Ordinal).Count();
        }

        var numbers = values.OfType<double>().ToList();
        return kind switch
        {
            AggregateKind.Sum => numbers.Sum(),
            AggregateKind.Avg => numbers.Count == 0 ? null : numbers.Average(),
            AggregateKind.Min => numbers.Count == 0 ? null : numbers.Min(),
            AggregateKind.Max => numbers.Count == 0 ? null : numbers.Max(),
            AggregateKind.Median => Median(numbers),
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

    /// <summary>One prepared aggregate; <see cref="Over"/> computes it for a set of row indexes.</summary>
    internal sealed class Aggregator(GroupBuilder owner, AggregateSpec spec, object?[]? perRow)
    {
        public AggregateSpec Spec => spec;

        public double? Over(IReadOnlyList<int> indexes) => spec switch
        {
            { Kind: AggregateKind.Expression } => owner.OverRows(spec, indexes),
            { Kind: AggregateKind.Count, Column: < 0, Expression: null } => indexes.Count,
            _ => Aggregate(spec.Kind, indexes.Select(r => spec.Column >= 0 ? owner.Cell(r, spec.Column) : perRow?[r]).ToList()),
        };
    }
}
