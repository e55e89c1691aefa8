namespace TotangoReports.Data;

/// <summary>
/// One <c>burst:</c> owner of the summary dataset: which of the table's rows carry its value, and its group table and
/// summary computed from those rows alone by the same <c>GroupBuilder</c>/<c>SummaryBuilder</c> the whole table uses.
/// </summary>
/// <param name="Value">The burst column's value, as text (never empty: rows without a value go to the roll-up only).</param>
/// <param name="RowIndexes">Indexes into <see cref="DatasetTable.Rows"/>, in the table's order.</param>
internal sealed record BurstSlice(string Value, IReadOnlyList<int> RowIndexes, GroupTable? Groups, ReportSummary Summary);
