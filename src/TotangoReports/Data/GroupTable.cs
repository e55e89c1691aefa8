namespace TotangoReports.Data;

/// <summary>The result of a dataset's <c>group</c>: one row per key with its aggregates, in key order (or <c>group.order</c>), then the total row if asked for.</summary>
public sealed class GroupTable
{
    /// <summary>The column grouped by.</summary>
    public required string By { get; init; }

    /// <summary>Aggregate names in definition order (every value is a <see cref="double"/> or null).</summary>
    public required IReadOnlyList<string> Aggregates { get; init; }

    /// <summary>One row per group, in key order.</summary>
    public required IReadOnlyList<GroupRow> Rows { get; init; }
}

/// <param name="Key">The group's key as text (empty key shown as "(none)" by renderers).</param>
/// <param name="Values">Aggregate values, aligned with <see cref="GroupTable.Aggregates"/>.</param>
/// <param name="RowIndexes">Indexes into <see cref="DatasetTable.Rows"/> of the rows in this group, in row order.</param>
/// <param name="IsTotal">The grand-total row (<c>group.total: true</c>), last, keyed "Total", over every row.</param>
public sealed record GroupRow(string Key, IReadOnlyList<double?> Values, IReadOnlyList<int> RowIndexes, bool IsTotal = false);
