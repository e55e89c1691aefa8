using System.Collections;
using System.Numerics;

namespace TotangoReports.Data.History;

/// <summary>
/// One dataset of one run as the history store keeps it (PRODUCT.md §8): every fetched account's typed cells, before
/// <c>filter</c> and <c>limit</c>, so "Health 7d ago" finds an account that was not shown then; <see cref="IsShown"/>
/// marks the rows that run's report showed, so a trend chart describes the rows each week's page described.
/// </summary>
/// <remarks>
/// Held by column, as the store keeps it: account ids shared between the snapshots of one read
/// (<see cref="HistoryKeys"/>), numbers as <c>double[]</c> (<see cref="HistoryVector"/>). Twelve weeks of 100,000
/// accounts then weigh a few megabytes a column rather than a row object with boxed cells per account per week.
/// </remarks>
internal sealed class HistorySnapshot
{
    private readonly HistoryKeys _keys;
    private readonly byte[] _shown;
    private readonly IReadOnlyList<HistoryVector> _cells;
    private int _shownCount = -1;

    /// <summary>A snapshot of <paramref name="rows"/>, each holding one cell per column.</summary>
    /// <param name="dataset">The dataset's name in the definition.</param>
    /// <param name="takenAt">The run's time (its <c>--as-of</c> when given), UTC.</param>
    /// <param name="columns">The recorded columns (value columns only: never <c>change</c>/<c>previous</c>/<c>trend</c>).</param>
    /// <param name="rows">One per account id, in no particular order.</param>
    public HistorySnapshot(string dataset, DateTimeOffset takenAt, IReadOnlyList<TableColumn> columns, IReadOnlyList<HistoryRow> rows)
        : this(dataset, takenAt, columns, HistoryKeys.Of(rows.Count, i => rows[i].AccountId), Flags(rows.Count, i => rows[i].Shown), Vectors(columns, rows))
    {
    }

    /// <summary>A snapshot of columns already held as vectors (a store read, a projection).</summary>
    /// <param name="shown">One bit per row, row i at bit (i mod 8) of byte i / 8: whether that run showed it.</param>
    public HistorySnapshot(string dataset, DateTimeOffset takenAt, IReadOnlyList<TableColumn> columns, HistoryKeys keys, byte[] shown, IReadOnlyList<HistoryVector> cells)
    {
        if (cells.Count != columns.Count || cells.Any(c => c.Count != keys.Count) || shown.Length < (keys.Count + 7) / 8)
        {
            throw new ArgumentException($"snapshot of '{dataset}': every column needs one cell per row");
        }

        Dataset = dataset;
        TakenAt = takenAt;
        Columns = columns;
        _keys = keys;
        _shown = shown;
        _cells = cells;
    }

    /// <summary>The dataset's name in the definition.</summary>
    public string Dataset { get; }

    /// <summary>The run's time, UTC.</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The recorded columns.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>How many rows (accounts).</summary>
    public int Count => _keys.Count;

    /// <summary>How many rows the run's report showed (after filter and limit).</summary>
    public int ShownCount => _shownCount >= 0 ? _shownCount : _shownCount = CountShown();

    /// <summary>The rows' account ids.</summary>
    public HistoryKeys Keys => _keys;

    /// <summary>The shown flags, one bit per row (as the store writes them).</summary>
    public ReadOnlySpan<byte> ShownFlags => _shown;

    /// <summary>
    /// The rows as row objects, made as each is read: for writers and tests. A report reads cells by column
    /// (<see cref="Cell"/>, <see cref="RowOf"/>), never through this.
    /// </summary>
    public IReadOnlyList<HistoryRow> Rows => new RowView(this);

    /// <summary>The account id of <paramref name="row"/>.</summary>
    public string AccountId(int row) => _keys[row];

    /// <summary>Whether that run's report showed <paramref name="row"/>.</summary>
    public bool IsShown(int row) => (_shown[row >> 3] & (1 << (row & 7))) != 0;

    /// <summary>The cell of <paramref name="row"/> in <paramref name="column"/>: string, double, DateOnly, DateTimeOffset (UTC) or null.</summary>
    public object? Cell(int row, int column) => _cells[column][row];

    /// <summary>The row of <paramref name="accountId"/>, or -1 when this snapshot lacks the account.</summary>
    public int RowOf(string accountId) => _keys.RowOf(accountId);

    /// <summary>The index of the column named <paramref name="name"/>, or -1.</summary>
    public int ColumnOf(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The same snapshot holding only the columns named in <paramref name="names"/> (nothing is copied).</summary>
    public HistorySnapshot Project(IReadOnlyCollection<string> names)
    {
        var keep = Enumerable.Range(0, Columns.Count).Where(i => names.Contains(Columns[i].Name)).ToArray();
        return new HistorySnapshot(Dataset, TakenAt, [.. keep.Select(i => Columns[i])], _keys, _shown, [.. keep.Select(i => _cells[i])]);
    }

    /// <summary>The same rows taken at <paramref name="takenAt"/> (nothing is copied).</summary>
    public HistorySnapshot At(DateTimeOffset takenAt) => new(Dataset, takenAt, Columns, _keys, _shown, _cells);

    /// <summary>One bit per row, as <see cref="ShownFlags"/> holds them.</summary>
    public static byte[] Flags(int count, Func<int, bool> flag)
    {
        var bits = new byte[(count + 7) / 8];
        for (var i = 0; i < count; i++)
        {
            if (flag(i))
            {
                bits[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return bits;
    }

    private static HistoryVector[] Vectors(IReadOnlyList<TableColumn> columns, IReadOnlyList<HistoryRow> rows)
    {
        if (rows.FirstOrDefault(r => r.Cells.Length != columns.Count) is { } ragged)
        {
            throw new ArgumentException($"history row '{ragged.AccountId}' has {ragged.Cells.Length} cells for {columns.Count} columns");
        }

        return [.. Enumerable.Range(0, columns.Count).Select(c => HistoryVector.From(rows.Count, i => rows[i].Cells[c]))];
    }

    private int CountShown()
    {
        var count = 0;
        for (var i = 0; i < _shown.Length; i++)
        {
            count += BitOperations.PopCount(_shown[i]);
        }

        return count;
    }

    private sealed class RowView(HistorySnapshot snapshot) : IReadOnlyList<HistoryRow>
    {
        public int Count => snapshot.Count;

        public HistoryRow this[int index] =>
            new(snapshot.AccountId(index), [.. Enumerable.Range(0, snapshot.Columns.Count).Select(c => snapshot.Cell(index, c))], snapshot.IsShown(index));

        public IEnumerator<HistoryRow> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>One account's recorded cells.</summary>
/// <param name="AccountId">The account's id: the key "then" is matched on.</param>
/// <param name="Cells">Aligned with <see cref="HistorySnapshot.Columns"/>: string, double, DateOnly, DateTimeOffset (UTC) or null.</param>
/// <param name="Shown">Whether that run's report showed this row (it passed filter and limit).</param>
internal sealed record HistoryRow(string AccountId, object?[] Cells, bool Shown);
