using System.Buffers;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Preview.Internal;

/// <summary>
/// Reads the workbook that was rendered (not the report model) so the page shows what Excel would: each sheet's
/// first rows with their number and date formats applied, bold fonts and solid fills. A forward-only reader over
/// the sheet XML: only the rows shown are loaded (a full workbook model of 700 rows took most of a re-render).
/// </summary>
internal static class XlsxTables
{
    public static IReadOnlyList<ShownTable> Read(byte[] workbookBytes, int maxRows)
    {
        using var stream = new MemoryStream(workbookBytes, writable: false);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var styles = new CellStyles(workbook.WorkbookStylesPart?.Stylesheet);
        var tables = new List<ShownTable>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part)
            {
                tables.Add(ReadSheet(sheet.Name?.Value ?? "Sheet", part, strings, styles, maxRows));
            }
        }

        return tables;
    }

    private static ShownTable ReadSheet(string name, WorksheetPart part, List<string> strings, CellStyles styles, int maxRows)
    {
        var rows = new List<IReadOnlyList<ShownCell>>();
        var lastRow = 0;
        using var reader = OpenXmlReader.Create(part);
        var more = reader.Read();
        while (more)
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                more = reader.Read();
                continue;
            }

            lastRow = RowIndexOf(reader) ?? lastRow + 1;
            if (rows.Count > maxRows)
            {
                // Past the rows shown: only their numbers are read.
                reader.Skip();
            }
            else
            {
                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<ShownCell>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnOf(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(new ShownCell(string.Empty));
                    }

                    cells.Add(Show(cell, strings, styles));
                }

                rows.Add(cells);
            }

            // Skip and LoadCurrentElement leave the reader on the node after the row: look at it before reading on.
            more = !reader.EOF;
        }

        // Every row as wide as the widest: the page's table stays rectangular.
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var padded = rows.Select(r => r.Count == width ? r : r.Concat(Enumerable.Repeat(new ShownCell(string.Empty), width - r.Count)).ToList()).ToList();
        return new ShownTable(name, padded, lastRow);
    }

    private static ShownCell Show(Cell cell, List<string> strings, CellStyles styles)
    {
        var style = styles.Of(cell.StyleIndex?.Value ?? 0);
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            var text = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : raw;
            return new ShownCell(text, style.Bold, style.Fill);
        }

        if (type == CellValues.Boolean)
        {
            return new ShownCell(raw == "1" ? "TRUE" : "FALSE", style.Bold, style.Fill);
        }

        if ((type is null || type == CellValues.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new ShownCell(style.Format(number), style.Bold, style.Fill, Numeric: true);
        }

        // A formula without a cached value (the totals row's SUBTOTAL): as Excel's formula bar shows it.
        if (raw.Length == 0 && cell.CellFormula?.Text is { Length: > 0 } formula)
        {
            return new ShownCell("=" + formula, style.Bold, style.Fill);
        }

        return new ShownCell(raw, style.Bold, style.Fill);
    }

    private static int? RowIndexOf(OpenXmlReader reader) =>
        reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is { } r && int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) ? index : null;

    /// <summary>"C12" → 2.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column - 1;
    }

    /// <summary>What a cell format (<c>xf</c>) means to a reader: the number format, bold, the solid fill colour.</summary>
    private sealed class CellStyles
    {
        private static readonly Dictionary<uint, string> BuiltIn = new()
        {
            [1] = "0", [2] = "0.00", [3] = "#,##0", [4] = "#,##0.00", [9] = "0%", [10] = "0.00%",
            [14] = "yyyy-mm-dd", [20] = "h:mm", [21] = "h:mm:ss", [22] = "yyyy-mm-dd h:mm",
        };

        private readonly List<CellStyle> _styles = [];

        public CellStyles(Stylesheet? sheet)
        {
            var custom = sheet?.NumberingFormats?.Elements<NumberingFormat>()
                .Where(f => f.NumberFormatId?.Value is not null && f.FormatCode?.Value is not null)
                .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
            var fonts = sheet?.Fonts?.Elements<Font>().Select(f => f.Bold is not null && (f.Bold.Val?.Value ?? true)).ToList() ?? [];
            var fills = sheet?.Fills?.Elements<Fill>().Select(f => f.PatternFill is { PatternType.Value: var p } fill && p == PatternValues.Solid ? Colour(fill.ForegroundColor?.Rgb?.Value) : null).ToList() ?? [];
            foreach (var xf in sheet?.CellFormats?.Elements<CellFormat>() ?? [])
            {
                var formatId = xf.NumberFormatId?.Value ?? 0;
                var code = custom.TryGetValue(formatId, out var c) ? c : BuiltIn.GetValueOrDefault(formatId);
                var fontId = (int)(xf.FontId?.Value ?? 0);
                var fillId = (int)(xf.FillId?.Value ?? 0);
                _styles.Add(new CellStyle(code, fontId < fonts.Count && fonts[fontId], fillId < fills.Count ? fills[fillId] : null));
            }
        }

        public CellStyle Of(uint index) => index < _styles.Count ? _styles[(int)index] : CellStyle.General;

        /// <summary>"FFC6EFCE" (ARGB) → "#c6efce"; anything else (theme colours) is not shown.</summary>
        private static string? Colour(string? argb) =>
            argb is { Length: 8 } && argb.All(char.IsAsciiHexDigit) ? "#" + argb[2..].ToLowerInvariant() : null;
    }

    private sealed record CellStyle(string? Code, bool Bold, string? Fill)
    {
        public static readonly CellStyle General = new(null, false, null);

        private static readonly SearchValues<char> DateTokens = SearchValues.Create("ymdhs");

        public string Format(double value)
        {
            if (Code is null || string.Equals(Code, "General", StringComparison.OrdinalIgnoreCase))
            {
                return value.ToString("0.##########", CultureInfo.InvariantCulture);
            }

            if (ExcelFormats.IsNumberFormat(Code))
            {
                return ExcelFormats.FormatNumber(value, Code);
            }

            if (Code.AsSpan().IndexOfAny(DateTokens) >= 0 && value is > -657435 and < 2958466)
            {
                return DateTime.FromOADate(value).ToString(ExcelFormats.DateToDotNet(Code), CultureInfo.InvariantCulture);
            }

            return value.ToString("0.##########", CultureInfo.InvariantCulture);
        }
    }
}
