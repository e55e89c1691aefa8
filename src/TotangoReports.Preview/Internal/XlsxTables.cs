using System.Globalization;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Reads the workbook that was rendered (not the report model) so the page shows what Excel would: each sheet's
/// cells with their number formats applied, bold headers and fills.
/// </summary>
internal static class XlsxTables
{
    public static IReadOnlyList<ShownTable> Read(byte[] workbookBytes, int maxRows)
    {
        using var stream = WithoutPictures(workbookBytes);
        using var workbook = new XLWorkbook(stream);
        var tables = new List<ShownTable>();
        foreach (var sheet in workbook.Worksheets)
        {
            var used = sheet.RangeUsed();
            if (used is null)
            {
                tables.Add(new ShownTable(sheet.Name, [], 0));
                continue;
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            var lastRow = used.LastRow().RowNumber();
            var rows = new List<IReadOnlyList<ShownCell>>();
            for (var r = 1; r <= Math.Min(lastRow, maxRows + 1); r++)
            {
                var row = new List<ShownCell>(lastColumn);
                for (var c = 1; c <= lastColumn; c++)
                {
                    row.Add(Show(sheet.Cell(r, c)));
                }

                rows.Add(row);
            }

            tables.Add(new ShownTable(sheet.Name, rows, lastRow));
        }

        return tables;
    }

    /// <summary>
    /// A copy of the workbook without its drawings: ClosedXML 0.95.4 (the one served) decodes pictures with
    /// System.Drawing, which needs libgdiplus. The charts those pictures hold are shown in the page's summary.
    /// </summary>
    private static MemoryStream WithoutPictures(byte[] workbookBytes)
    {
        var copy = new MemoryStream();
        copy.Write(workbookBytes);
        using (var document = SpreadsheetDocument.Open(copy, isEditable: true))
        {
            foreach (var sheet in document.WorkbookPart?.WorksheetParts ?? [])
            {
                foreach (var drawing in sheet.Worksheet.Elements<Drawing>().ToList())
                {
                    drawing.Remove();
                }

                if (sheet.DrawingsPart is { } part)
                {
                    sheet.DeletePart(part);
                }

                sheet.Worksheet.Save();
            }
        }

        copy.Position = 0;
        return copy;
    }

    private static ShownCell Show(IXLCell cell)
    {
        string text;
        try
        {
            text = cell.HasFormula && !cell.NeedsRecalculation ? cell.CachedValue?.ToString() ?? string.Empty : cell.GetFormattedString();
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or ArgumentException or NotImplementedException)
        {
            // A formula ClosedXML cannot evaluate (SUBTOTAL over a table): show it as Excel's formula bar would.
            text = cell.HasFormula ? "=" + cell.FormulaA1 : cell.Value?.ToString() ?? string.Empty;
        }

        var fill = cell.Style.Fill;
        string? background = null;
        if (fill.PatternType == XLFillPatternValues.Solid && fill.BackgroundColor.ColorType == XLColorType.Color)
        {
            var color = fill.BackgroundColor.Color;
            background = string.Create(CultureInfo.InvariantCulture, $"#{color.R:x2}{color.G:x2}{color.B:x2}");
        }

        return new ShownCell(text, cell.Style.Font.Bold, background, cell.DataType == XLDataType.Number);
    }
}
