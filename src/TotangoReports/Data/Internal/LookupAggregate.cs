using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// <c>lookup: touches, aggregate: max(Date)</c>: the aggregate computed over the other dataset's rows of each account
/// (one value per account id), with the same built-ins as <c>group</c> and KPIs. <c>min</c>/<c>max</c> of a column
/// keep its kind, so the last touch of an events dataset is a date-time, not a number.
/// </summary>
internal static class LookupAggregate
{
    public static bool IsCount(string aggregate) => aggregate.TrimStart().StartsWith("count", StringComparison.Ordinal);

    public static Dictionary<string, object?> PerAccount(LookupReference lookup, DatasetTable other, List<TableColumn> columns, int index, Func<IReadOnlyList<string>, ExpressionHost> hostFor, ProblemLog problems)
    {
        var byAccount = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var r = 0; r < other.Rows.Count; r++)
        {
            var id = other.Rows[r].AccountId;
            if (!byAccount.TryGetValue(id, out var list))
            {
                list = [];
                byAccount.Add(id, list);
            }

            list.Add(r);
        }

        var names = other.Columns.Select(c => c.Name).ToList();
        var spec = AggregateSpec.Parse(columns[index].Name, lookup.Aggregate!, other.ColumnIndex);
        var values = new Dictionary<string, object?>(byAccount.Count, StringComparer.Ordinal);
        if (spec.Kind is AggregateKind.Min or AggregateKind.Max && spec.Column >= 0)
        {
            var source = other.Columns[spec.Column];
            columns[index] = columns[index] with { Kind = source.Kind, Format = columns[index].Format ?? source.Format };
            foreach (var (id, rows) in byAccount)
            {
                values[id] = GroupBuilder.Extreme(rows.Select(r => other.Rows[r][spec.Column]), spec.Kind == AggregateKind.Max);
            }

            return values;
        }

        // Everything else is a number, computed by the group code over the account's rows.
        columns[index] = columns[index] with { Kind = CellKind.Number };
        var rowsValues = other.Rows.Select(r => r.Values.ToArray()).ToList();
        var stubs = other.Rows.Select(r => new ProjectedAccount(r.AccountId, 0)).ToList();
        ExpressionHost? host = null;
        var groups = new GroupBuilder(rowsValues, stubs, () => host ??= hostFor(names), problems);
        var aggregator = groups.Prepare(spec, other.ColumnIndex);
        foreach (var (id, rows) in byAccount)
        {
            values[id] = aggregator.Over(rows) is { } value ? Boxes.Of(value) : null;
        }

        return values;
    }
}
