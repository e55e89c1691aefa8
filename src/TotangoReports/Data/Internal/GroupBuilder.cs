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

        var specs = group.Aggregates.Select(a => AggregateSpec.Parse(a.Key, a.Value, columnIndex)).ToList();
        foreach (var spec in specs.Where(s => s.Expression?.Error is not null))
        {
            problems.Add($"aggregate '{spec.Name}'", spec.Expression!.Error!, accounts.Count > 0 ? accounts[0].Id : "-", "its values are empty");
        }

        var perRow = specs.Select(s => s.Kind != AggregateKind.Expression && s.Column < 0 && s.Expression is not null ? RowValues(s) : null).ToList();
        var result = new List<GroupRow>(members.Count);
        foreach (var (key, indexes) in members)
        {
            var values = new double?[specs.Count];
            for (var a = 0; a < specs.Count; a++)
            {
                values[a] = specs[a] switch
                {
                    { Kind: AggregateKind.Expression } => OverRows(specs[a], indexes),
                    { Kind: AggregateKind.Count, Column: < 0, Expression: null } => indexes.Count,
                    _ => Aggregate(specs[a].Kind, indexes.Select(r => specs[a].Column >= 0 ? rows[r][specs[a].Column] : perRow[a]?[r]).ToList()),
                };
            }

            result.Add(new GroupRow(key, values, indexes));
        }

        return new GroupTable { By = group.By, Aggregates = specs.Select(s => s.Name).ToList(), Rows = result };
    }

    private string[] GroupKeys(string by, Func<string, int> columnIndex)
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

    private object?[] RowValues(AggregateSpec spec) => EvaluatePerRow(spec.Expression!, $"aggregate '{spec.Name}'")
        .Select(CellOrder.Normalize).ToArray();

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

    private double? OverRows(AggregateSpec spec, List<int> indexes)
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
        if (kind == AggregateKind.Count)
        {
            return values.Count(v => v is not null);
        }

        var numbers = values.OfType<double>().ToList();
        return kind switch
        {
            AggregateKind.Sum => numbers.Sum(),
            AggregateKind.Avg => numbers.Count == 0 ? null : numbers.Average(),
            AggregateKind.Min => numbers.Count == 0 ? null : numbers.Min(),
            AggregateKind.Max => numbers.Count == 0 ? null : numbers.Max(),
            _ => null,
        };
    }
}
