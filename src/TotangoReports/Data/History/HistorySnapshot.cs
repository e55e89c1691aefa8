namespace TotangoReports.Data.History;

/// <summary>
/// One dataset of one run as the history store keeps it (PRODUCT.md §8): every fetched account's typed cells, before
/// <c>filter</c> and <c>limit</c>, so "Health 7d ago" finds an account that was not shown then; <see cref="HistoryRow.Shown"/>
/// marks the rows that run's report showed, so a trend chart describes the rows each week's page described.
/// </summary>
/// <param name="Dataset">The dataset's name in the definition.</param>
/// <param name="TakenAt">The run's time (its <c>--as-of</c> when given), UTC.</param>
/// <param name="Columns">The recorded columns (value columns only: never <c>change</c>/<c>previous</c>/<c>trend</c>).</param>
/// <param name="Rows">One per account id, in no particular order.</param>
internal sealed record HistorySnapshot(string Dataset, DateTimeOffset TakenAt, IReadOnlyList<TableColumn> Columns, IReadOnlyList<HistoryRow> Rows)
{
    /// <summary>How many rows the run's report showed (after filter and limit).</summary>
    public int ShownCount => Rows.Count(r => r.Shown);
}

/// <summary>One account's recorded cells.</summary>
/// <param name="AccountId">The account's id: the key "then" is matched on.</param>
/// <param name="Cells">Aligned with <see cref="HistorySnapshot.Columns"/>: string, double, DateOnly, DateTimeOffset (UTC) or null.</param>
/// <param name="Shown">Whether that run's report showed this row (it passed filter and limit).</param>
internal sealed record HistoryRow(string AccountId, object?[] Cells, bool Shown);
