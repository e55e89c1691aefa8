namespace TotangoReports.Data;

/// <summary>One row: values aligned with <see cref="DatasetTable.Columns"/>, typed as <see cref="CellKind"/> says.</summary>
public sealed class TableRow(string accountId, object?[] values)
{
    /// <summary>The account this row came from (rows are one per account before grouping).</summary>
    public string AccountId { get; } = accountId;

    /// <summary>Cell values in column order (string, double, DateOnly, DateTimeOffset or null).</summary>
    public IReadOnlyList<object?> Values { get; } = values;

    /// <summary>The value of column <paramref name="column"/>.</summary>
    public object? this[int column] => Values[column];
}
