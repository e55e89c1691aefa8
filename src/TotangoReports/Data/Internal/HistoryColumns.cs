using System.Globalization;
using System.Text;
using TotangoReports.Data.History;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// The <c>change</c>/<c>previous</c>/<c>trend</c> columns of one dataset, filled per row from the loaded snapshots by
/// account id. An account the snapshot does not have (or no snapshot at all) gets an empty cell, never a zero. A
/// column whose source is computed is filled right after that source (<see cref="FillAfter"/>), the others with the
/// record's cells (<see cref="FillFromRecord"/>), so filters and later expressions see them either way.
/// </summary>
internal sealed class HistoryColumns
{
    private readonly List<Entry> _entries = [];
    private readonly TimeZoneInfo _zone;

    private HistoryColumns(TimeZoneInfo zone)
    {
        _zone = zone;
    }

    public int Count => _entries.Count;

    /// <summary>Whether column <paramref name="index"/> is a history column (never recorded in the store).</summary>
    public bool IsHistory(int index) => _entries.Exists(e => e.Column == index);

    /// <param name="computed">Indexes of the computed (expression) columns.</param>
    public static HistoryColumns Prepare(DatasetDefinition dataset, IReadOnlyList<int> historyColumns, HistoryInputs? inputs, List<TableColumn> columns, IReadOnlySet<int> computed, TimeZoneInfo zone)
    {
        var result = new HistoryColumns(zone);
        foreach (var index in historyColumns)
        {
            var history = dataset.Columns[index].History!;
            var source = columns.FindIndex(c => string.Equals(c.Name, history.Source, StringComparison.Ordinal));
            var thens = history.Kind == HistoryColumnKind.Trend
                ? inputs?.Trend(history.Over).Select(s => Past.Of(s, history.Source)).ToArray() ?? []
                : [Past.Of(inputs?.Then(history.Over), history.Source)];
            columns[index] = history.Kind switch
            {
                HistoryColumnKind.Change => columns[index] with { Kind = CellKind.Number },
                HistoryColumnKind.Trend => columns[index] with { Kind = CellKind.Text, Trend = true },
                _ => columns[index],
            };
            result._entries.Add(new Entry(index, source, history.Kind, thens, computed.Contains(source) && history.Kind != HistoryColumnKind.Previous));
        }

        return result;
    }

    /// <summary>Fills the columns whose source comes from the record (paths, lookups, pivots).</summary>
    public void FillFromRecord(string accountId, object?[] values)
    {
        foreach (var entry in _entries)
        {
            if (!entry.SourceComputed)
            {
                values[entry.Column] = Cell(entry, accountId, values);
            }
        }
    }

    /// <summary>Fills the columns reading the computed column <paramref name="source"/>, just evaluated, and shows them to later expressions.</summary>
    public void FillAfter(int source, string accountId, object?[] values, ExpressionHost host)
    {
        foreach (var entry in _entries)
        {
            if (entry.SourceComputed && entry.Source == source)
            {
                values[entry.Column] = Cell(entry, accountId, values);
                host.SetCell(entry.Column, values[entry.Column]);
            }
        }
    }

    /// <summary>A <c>previous</c> column shows its source's kind: known only once auto kinds are decided.</summary>
    public void FinishKinds(List<TableColumn> columns, IEnumerable<object?[]> rows)
    {
        foreach (var entry in _entries.Where(e => e.Kind == HistoryColumnKind.Previous && e.Source >= 0))
        {
            var source = columns[entry.Source];
            columns[entry.Column] = columns[entry.Column] with { Kind = source.Kind, Format = columns[entry.Column].Format ?? source.Format };
            foreach (var row in rows)
            {
                row[entry.Column] = As(row[entry.Column], source.Kind);
            }
        }
    }

    private object? Cell(Entry entry, string accountId, object?[] values)
    {
        if (entry.Source < 0)
        {
            return null;
        }

        var now = values[entry.Source];
        switch (entry.Kind)
        {
            case HistoryColumnKind.Previous:
                return Local(entry.Thens[0]?.Cell(accountId));
            case HistoryColumnKind.Change:
                return Difference(now, entry.Thens[0]?.Cell(accountId));
            default:
                return Trend(entry, accountId, now);
        }
    }

    /// <summary>Now minus then: numbers subtract; dates give the difference in days; anything else is empty.</summary>
    private static object? Difference(object? now, object? then) => (now, then) switch
    {
        (double a, double b) => Boxes.Of(a - b),
        (string a, double b) when NumberText.TryParse(a, out var n) => Boxes.Of(n - b),
        (double a, string b) when NumberText.TryParse(b, out var n) => Boxes.Of(a - n),
        (DateOnly a, DateOnly b) => Boxes.Of(a.DayNumber - b.DayNumber),
        (DateTimeOffset a, DateTimeOffset b) => Boxes.Of(Math.Round((a - b).TotalDays, 4)),
        _ => null,
    };

    /// <summary><c>a;b;c</c>: raw invariant numbers, oldest first, now last, empty for a week without a number.</summary>
    private static string Trend(Entry entry, string accountId, object? now)
    {
        var text = new StringBuilder(entry.Thens.Length * 4);
        foreach (var then in entry.Thens)
        {
            Append(text, then?.Cell(accountId));
            text.Append(';');
        }

        Append(text, now);
        return text.ToString();
    }

    private static void Append(StringBuilder text, object? value)
    {
        var number = value switch
        {
            double d => d,
            string s when NumberText.TryParse(s, out var n) => n,
            _ => (double?)null,
        };
        if (number is { } x && double.IsFinite(x))
        {
            text.Append(x.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The recorded cell as this report shows it: instants in the report's zone.</summary>
    private object? Local(object? cell) => cell is DateTimeOffset instant ? TimeZoneInfo.ConvertTime(instant, _zone) : cell;

    /// <summary>A past cell as the kind the column has now (a column typed differently then stays empty rather than wrong).</summary>
    private static object? As(object? cell, CellKind kind) => (cell, kind) switch
    {
        (null, _) => null,
        (string s, CellKind.Number) => NumberText.TryParse(s, out var n) ? Boxes.Of(n) : null,
        (double d, CellKind.Text) => NumberText.Format(d),
        (string or double, CellKind.Text or CellKind.Number) => cell,
        (DateOnly, CellKind.Date) or (DateTimeOffset, CellKind.DateTime) => cell,
        (_, CellKind.Text) => CellOrder.Text(cell),
        _ => null,
    };

    /// <summary>One past snapshot's cells of one column, found by account id (the snapshot's own index; nothing copied).</summary>
    private sealed record Past(HistorySnapshot Snapshot, int Column)
    {
        public static Past? Of(HistorySnapshot? snapshot, string column) => snapshot is null ? null : new Past(snapshot, snapshot.ColumnOf(column));

        public object? Cell(string accountId) => Column >= 0 && Snapshot.RowOf(accountId) is var row and >= 0 ? Snapshot.Cell(row, Column) : null;
    }

    /// <param name="Thens">Per snapshot (one for change/previous, the slots of a trend); null = no snapshot.</param>
    private sealed record Entry(int Column, int Source, HistoryColumnKind Kind, Past?[] Thens, bool SourceComputed);
}
