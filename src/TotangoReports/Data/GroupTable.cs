namespace TotangoReports.Data;

/// <summary>The result of a dataset's <c>group</c>: one row per key with its aggregates, in key order (or <c>group.order</c>), then the total row if asked for.</summary>
public sealed class GroupTable
{
    private readonly IReadOnlyList<TableColumn>? _aggregateColumns;

    /// <summary>The column grouped by.</summary>
    public required string By { get; init; }

    /// <summary>Aggregate names in definition order (every value is a <see cref="double"/> or null).</summary>
    public required IReadOnlyList<string> Aggregates { get; init; }

    /// <summary>One row per group, in key order.</summary>
    public required IReadOnlyList<GroupRow> Rows { get; init; }

    /// <summary>
    /// Each aggregate as a column, aligned with <see cref="Aggregates"/>: <c>min</c>, <c>max</c> or <c>median</c> of a
    /// date or date-time column keep that column's kind and format (their values are in <see cref="GroupRow.Cells"/>);
    /// every other aggregate is a <see cref="CellKind.Number"/> without a format. Unset, every aggregate is a number.
    /// </summary>
    public IReadOnlyList<TableColumn> AggregateColumns
    {
        get => _aggregateColumns ?? Aggregates.Select(name => new TableColumn(name, CellKind.Number)).ToList();
        init => _aggregateColumns = value;
    }
}

/// <param name="Key">The group's key as text (empty key shown as "(none)" by renderers).</param>
/// <param name="Values">Numeric aggregate values, aligned with <see cref="GroupTable.Aggregates"/>; null for an aggregate whose kind is a date (see <see cref="Cells"/>).</param>
/// <param name="RowIndexes">Indexes into <see cref="DatasetTable.Rows"/> of the rows in this group, in row order.</param>
/// <param name="IsTotal">The grand-total row (<c>group.total: true</c>), last, keyed "Total", over every row.</param>
public sealed record GroupRow(string Key, IReadOnlyList<double?> Values, IReadOnlyList<int> RowIndexes, bool IsTotal = false)
{
    private readonly IReadOnlyList<object?>? _cells;

    /// <summary>
    /// Aggregate values as typed cells, aligned with <see cref="GroupTable.AggregateColumns"/>: a <see cref="double"/>,
    /// a <see cref="DateOnly"/> or a <see cref="DateTimeOffset"/> (in the report's zone) as the column's kind says, or null.
    /// Unset, the numbers of <see cref="Values"/>.
    /// </summary>
    public IReadOnlyList<object?> Cells
    {
        get => _cells ?? Values.Select(v => (object?)v).ToList();
        init => _cells = value;
    }
}
