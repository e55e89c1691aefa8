using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>One worksheet holding one Excel table: a dataset, or a Users / Lifecycle side table.</summary>
/// <param name="WithTotals">Add the ActivitiesExporter totals row (SUBTOTAL over each numeric column) below the table.</param>
internal sealed record SheetTable(string SheetName, string TableName, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows, bool WithTotals)
{
    /// <summary>Rows an output's <c>rows:</c> left off the sheet: a "… and M more rows" line goes below the table.</summary>
    public int MoreRows { get; init; }
}
