using ClosedXML.Excel;
using TotangoReports.Data;

namespace TotangoReports.Bench;

/// <summary>
/// The comparison: the same table written the ordinary ClosedXML 0.95.4 way — typed values, the column number
/// formats, an Excel table and a frozen header — with none of the renderer's extras (summary, charts, shading, widths).
/// </summary>
internal static class ClosedXmlPlainWriter
{
    public static void Write(DatasetTable table, TimeZoneInfo zone, Stream destination)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(table.Name);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            sheet.Cell(1, c + 1).SetValue(column.Name);
            var format = column.Format ?? column.Kind switch
            {
                CellKind.Date => "yyyy-mm-dd",
                CellKind.DateTime => "yyyy-mm-dd hh:mm",
                _ => null,
            };
            if (format is not null)
            {
                sheet.Column(c + 1).Style.NumberFormat.Format = format;
            }
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            var values = table.Rows[r].Values;
            for (var c = 0; c < values.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (values[c])
                {
                    case string text:
                        cell.SetValue(text);
                        break;
                    case double number:
                        cell.SetValue(number);
                        break;
                    case DateOnly date:
                        cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                        break;
                    case DateTimeOffset moment:
                        cell.SetValue(TimeZoneInfo.ConvertTime(moment, zone).DateTime);
                        break;
                }
            }
        }

        sheet.Range(1, 1, table.Rows.Count + 1, table.Columns.Count).CreateTable("tbl_" + table.Name);
        sheet.SheetView.FreezeRows(1);
        workbook.SaveAs(destination);
    }
}
