using SpreadCheetah;
using SpreadCheetah.Tables;
using SpreadCheetah.Worksheets;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// Streams one table to its own sheet: header in row 1 exactly as defined, data from row 2, frozen header, filter
/// buttons (an Excel table when the headers allow one), typed and styled cells, and optionally a totals row.
/// </summary>
internal sealed class TableSheetWriter(Spreadsheet spreadsheet, XlsxStyles styles, ColumnPlanner planner, CellFactory cells)
{
    public async Task WriteAsync(SheetTable sheet, CancellationToken cancellationToken)
    {
        var columns = sheet.Columns;
        var plans = planner.Plan(columns, sheet.Rows);
        var asTable = columns.Count > 0 && CanBeExcelTable(columns);
        var dataRows = Math.Max(sheet.Rows.Count, 1);
        var worksheetOptions = new WorksheetOptions { FrozenRows = 1 };
        for (var c = 0; c < plans.Count; c++)
        {
            worksheetOptions.Column(c + 1).Width = plans[c].Width;
        }

        if (!asTable && columns.Count > 0)
        {
            worksheetOptions.AutoFilter = new AutoFilterOptions($"A1:{SpreadsheetUtility.GetColumnName(columns.Count)}{dataRows + 1}");
        }

        await spreadsheet.StartWorksheetAsync(sheet.SheetName, worksheetOptions, cancellationToken).ConfigureAwait(false);
        if (columns.Count == 0)
        {
            await spreadsheet.AddRowAsync([new Cell("This dataset has no columns.")], cancellationToken).ConfigureAwait(false);
            return;
        }

        var headers = columns.Select(c => c.Name).ToArray();
        if (asTable)
        {
            spreadsheet.StartTable(new Table(TableStyle.Medium2, sheet.TableName));
            await spreadsheet.AddHeaderRowAsync(headers, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await spreadsheet.AddHeaderRowAsync(headers, styles.Get(new CellStyleKey(Bold: true)), cancellationToken).ConfigureAwait(false);
        }

        var buffer = new Cell[columns.Count];
        foreach (var row in sheet.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = row.Values;
            for (var c = 0; c < buffer.Length; c++)
            {
                buffer[c] = cells.Create(c < values.Count ? values[c] : null, plans[c]);
            }

            await spreadsheet.AddRowAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (sheet.Rows.Count == 0)
        {
            // An Excel table needs at least one data row; an empty one keeps the file valid.
            Array.Clear(buffer);
            await spreadsheet.AddRowAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        if (asTable)
        {
            await spreadsheet.FinishTableAsync(cancellationToken).ConfigureAwait(false);
        }

        if (sheet.WithTotals)
        {
            await WriteTotalsAsync(sheet, plans, dataRows, cancellationToken).ConfigureAwait(false);
        }

        if (sheet.MoreRows > 0)
        {
            var more = Formatting.MoreRows.Text(sheet.MoreRows);
            await spreadsheet.AddRowAsync([new Cell(more, styles.Get(new CellStyleKey(Bold: true)))], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The ActivitiesExporter totals row: SUBTOTAL(109, …) over each numeric column, which sums only the rows the
    /// filter shows. Written below the table with plain A1 ranges so every reader understands it; the cached value
    /// is the unfiltered sum, what Excel shows before recalculating.
    /// </summary>
    private async Task WriteTotalsAsync(SheetTable sheet, IReadOnlyList<ColumnPlan> plans, int dataRows, CancellationToken cancellationToken)
    {
        var totals = new Cell[plans.Count];
        var labelled = false;
        for (var c = 0; c < plans.Count; c++)
        {
            if (plans[c].Column.Kind == CellKind.Number)
            {
                var letter = SpreadsheetUtility.GetColumnName(c + 1);
                var sum = 0d;
                foreach (var row in sheet.Rows)
                {
                    if (c < row.Values.Count && row.Values[c] is double value && double.IsFinite(value))
                    {
                        sum += value;
                    }
                }

                totals[c] = new Cell(new Formula($"SUBTOTAL(109,{letter}2:{letter}{dataRows + 1})"), sum, plans[c].Total);
            }
            else if (!labelled)
            {
                totals[c] = new Cell("Total", styles.Get(new CellStyleKey(Bold: true)));
                labelled = true;
            }
        }

        await spreadsheet.AddRowAsync(totals, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Excel tables need non-empty, unique (case-insensitive) headers without surrounding spaces.</summary>
    private static bool CanBeExcelTable(IReadOnlyList<TableColumn> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            var name = column.Name;
            if (string.IsNullOrEmpty(name) || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || !seen.Add(name))
            {
                return false;
            }
        }

        return true;
    }
}
