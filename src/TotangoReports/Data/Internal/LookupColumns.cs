using System.Globalization;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The <c>lookup:</c> columns of one dataset: each reads another, already built dataset's column from its row with
/// the same account id. An account with no row there gets an empty cell, counted for one warning per column.
/// </summary>
internal sealed class LookupColumns
{
    private readonly List<(int Column, LookupReference Lookup, Dictionary<string, object?>? Values)> _columns = [];
    private readonly int[] _missing;

    private LookupColumns(int count)
    {
        _missing = new int[count];
    }

    /// <param name="hostFor">An expression host over the given column names, for aggregates that evaluate per row.</param>
    /// <param name="problems">Where a failing aggregate expression is counted.</param>
    public static LookupColumns Prepare(DatasetDefinition dataset, IReadOnlyList<int> lookupColumns, IReadOnlyDictionary<string, DatasetTable> built, List<TableColumn> columns, Func<IReadOnlyList<string>, ExpressionHost> hostFor, ProblemLog problems)
    {
        var result = new LookupColumns(lookupColumns.Count);
        foreach (var index in lookupColumns)
        {
            var lookup = dataset.Columns[index].Lookup!;
            Dictionary<string, object?>? values = null;
            if (lookup.Aggregate is not null && built.TryGetValue(lookup.Dataset, out var grouped))
            {
                values = LookupAggregate.PerAccount(lookup, grouped, columns, index, hostFor, problems);
            }
            else if (built.TryGetValue(lookup.Dataset, out var other) && other.ColumnIndex(lookup.Column) is var at and >= 0)
            {
                values = new Dictionary<string, object?>(other.Rows.Count, StringComparer.Ordinal);
                foreach (var row in other.Rows)
                {
                    values.TryAdd(row.AccountId, row[at]);
                }

                // The cells are the other column's, so they keep its kind (and its format unless this one sets one).
                var source = other.Columns[at];
                columns[index] = columns[index] with { Kind = source.Kind, Format = columns[index].Format ?? source.Format };
            }

            result._columns.Add((index, lookup, values));
        }

        return result;
    }

    public void Fill(string accountId, object?[] values)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var (column, _, lookup) = _columns[i];
            if (lookup is not null && lookup.TryGetValue(accountId, out var value))
            {
                values[column] = value;
            }
            else
            {
                // An account with no rows there: count is 0 (no touches), any other aggregate stays empty.
                values[column] = _columns[i].Lookup.Aggregate is { } aggregate && LookupAggregate.IsCount(aggregate) ? Boxes.Of(0d) : null;
                _missing[i]++;
            }
        }
    }

    public IEnumerable<string> Warnings(int accounts)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            var (_, lookup, values) = _columns[i];
            if (values is null)
            {
                yield return $"lookup {lookup}: dataset '{lookup.Dataset}' was not built before this one, so the column is empty.";
            }
            else if (_missing[i] > 0)
            {
                var cells = lookup.Aggregate is { } aggregate && LookupAggregate.IsCount(aggregate) ? "their count is 0" : "their cells are empty";
                yield return string.Create(CultureInfo.InvariantCulture, $"lookup {lookup}: {_missing[i]:N0} of {accounts:N0} accounts have no row in dataset '{lookup.Dataset}'; {cells}.");
            }
        }
    }
}
