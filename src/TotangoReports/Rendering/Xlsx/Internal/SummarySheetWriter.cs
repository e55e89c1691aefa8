using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Images;
using SpreadCheetah.Worksheets;
using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// The first sheet: title, description, generation time in the report zone, parameters, per-dataset row counts and
/// fetch facts, warnings, the KPIs of <see cref="Report.Summary"/> (each with its format, so Excel shows the same text
/// as the PDF and HTML), group aggregates; the chart images sit below, two to a row, where a laptop screen shows them.
/// </summary>
internal sealed class SummarySheetWriter(Spreadsheet spreadsheet, XlsxStyles styles, XlsxRendererOptions options)
{
    public const string SheetName = "Summary";

    // Column widths in characters (A, B, then the dataset table's); Excel's default is 8.43.
    private static readonly double[] ColumnWidths = [24, 28, 12, 12, 12, 12, 12, 12];

    // Excel's default row height is 15 pt = 20 px.
    private const int RowHeightPixels = 20;

    private static readonly RowOptions TitleRow = new() { Height = 22 };

    private static readonly string[] DatasetHeaders = ["Dataset", "Rows", "Total items", "Pages", "Requests", "Retries", "Complete", "Gaps"];

    private StyleIds _ids;

    // Rows written so far: the charts go below them.
    private int _row;

    public async Task WriteAsync(Report report, IReadOnlyList<EmbeddedImage> charts, CancellationToken cancellationToken)
    {
        _ids = new StyleIds(
            styles.Get(new CellStyleKey(Bold: true, FontSize: 16)),
            styles.Get(new CellStyleKey(Bold: true)),
            styles.Get(new CellStyleKey(XlsxStyles.DateTimeFormat)),
            styles.Get(new CellStyleKey(Rendering.Formatting.ExcelFormats.DefaultNumberFormat)));

        var worksheetOptions = new WorksheetOptions();
        for (var c = 0; c < ColumnWidths.Length; c++)
        {
            worksheetOptions.Column(c + 1).Width = ColumnWidths[c];
        }

        await spreadsheet.StartWorksheetAsync(SheetName, worksheetOptions, cancellationToken).ConfigureAwait(false);
        if (report.IsSample)
        {
            // Row 1, where the sheet opens: made-up accounts must not be read as real ones.
            await AddRowAsync([new Cell(SampleBanner.Text, _ids.Title)], cancellationToken, TitleRow).ConfigureAwait(false);
        }

        await WriteHeadingAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteParametersAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteDatasetsAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteWarningsAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteKpisAsync(report.Summary, cancellationToken).ConfigureAwait(false);
        foreach (var dataset in report.Datasets)
        {
            if (dataset.Groups is { } groups)
            {
                await WriteGroupsAsync(dataset, groups, cancellationToken).ConfigureAwait(false);
            }
        }

        // Two charts to a row, below everything written so far: the first screen shows the text and the first charts.
        var rowsPerChart = (options.ChartHeight / RowHeightPixels) + 2;
        var secondColumn = ColumnAtPixel(options.ChartWidth + 16);
        for (var i = 0; i < charts.Count; i++)
        {
            var column = i % 2 == 0 ? 1 : secondColumn;
            var row = _row + 1 + ((i / 2) * rowsPerChart);
            var anchor = SpreadsheetUtility.GetColumnName(column) + row.ToString(CultureInfo.InvariantCulture);
            spreadsheet.AddImage(ImageCanvas.OriginalSize(anchor), charts[i]);
        }
    }

    /// <summary>The 1-based column whose left edge is at or right of <paramref name="pixels"/>.</summary>
    private static int ColumnAtPixel(int pixels)
    {
        var x = 0d;
        var column = 1;
        while (x < pixels)
        {
            var width = column <= ColumnWidths.Length ? ColumnWidths[column - 1] : 8.43;

            // Excel's column width in pixels at 100 %: 7 per character of the default font plus 5 of padding.
            x += Math.Truncate((width * 7) + 5);
            column++;
        }

        return column;
    }

    private async Task WriteKpisAsync(ReportSummary summary, CancellationToken cancellationToken)
    {
        if (summary.Kpis.Count == 0)
        {
            return;
        }

        // Labels above values, like the tiles of the PDF and the mail; the value keeps the KPI's own format.
        await AddRowAsync(summary.Kpis.Select(k => Label(k.Label)).ToArray(), cancellationToken).ConfigureAwait(false);
        await AddRowAsync(
            summary.Kpis.Select(k => DateCell(k.Cell, k.Format, bold: true) ?? (k.Value is { } value && double.IsFinite(value) ? new Cell(value, styles.Get(new CellStyleKey(k.Format, Bold: true))) : new Cell(KpiText.Missing))).ToArray(),
            cancellationToken).ConfigureAwait(false);
        if (summary.Kpis.Any(k => k.Compare is not null))
        {
            // "+12 vs 7 days ago" under the value, green up, red down, grey unchanged: the tiles' words and colours.
            await AddRowAsync(
                summary.Kpis.Select(k => KpiText.Compare(k) is { } text ? new Cell(text, styles.Get(new CellStyleKey(Bold: true, FontColor: CompareColor(KpiText.Goodness(k))))) : default).ToArray(),
                cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private static System.Drawing.Color CompareColor(int direction) => direction switch
    {
        > 0 => System.Drawing.Color.FromArgb(0x2E, 0x7D, 0x32),
        < 0 => System.Drawing.Color.FromArgb(0xC6, 0x28, 0x28),
        _ => System.Drawing.Color.FromArgb(0x61, 0x61, 0x61),
    };

    private async Task WriteHeadingAsync(Report report, CancellationToken cancellationToken)
    {
        await AddRowAsync([new Cell(report.Title, _ids.Title)], cancellationToken, TitleRow).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(report.Definition.Description))
        {
            // Unwrapped on purpose: it overflows across the empty cells to its right instead of making row 2 tall.
            await AddRowAsync([new Cell(report.Definition.Description)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
        var local = report.GeneratedAtLocal;
        var zone = string.Create(CultureInfo.InvariantCulture, $"{report.TimeZone.Id} (UTC{local:zzz})");
        await AddRowAsync([Label("Generated"), new Cell(local.DateTime, _ids.DateTime), new Cell(zone)], cancellationToken).ConfigureAwait(false);
        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteParametersAsync(Report report, CancellationToken cancellationToken)
    {
        await AddRowAsync([Label("Parameter"), Label("Value")], cancellationToken).ConfigureAwait(false);
        if (report.Parameters.Count == 0)
        {
            await AddRowAsync([new Cell("(none)")], cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, value) in report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await AddRowAsync([new Cell(name), new Cell(value)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteDatasetsAsync(Report report, CancellationToken cancellationToken)
    {
        await AddRowAsync(DatasetHeaders.Select(Label).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var dataset in report.Datasets)
        {
            var fetch = dataset.Fetch;
            await AddRowAsync(
                [
                    new Cell(dataset.Name),
                    new Cell(dataset.Rows.Count),
                    new Cell(fetch.TotalItems),
                    new Cell(fetch.Pages),
                    new Cell(fetch.Requests),
                    new Cell(fetch.Retries),
                    new Cell(fetch.Complete ? "yes" : "no"),
                    new Cell(string.Join("; ", fetch.Gaps)),
                ],
                cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteWarningsAsync(Report report, CancellationToken cancellationToken)
    {
        if (report.Warnings.Count == 0)
        {
            return;
        }

        await AddRowAsync([Label("Warnings")], cancellationToken).ConfigureAwait(false);
        foreach (var warning in report.Warnings)
        {
            await AddRowAsync([new Cell(warning)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteGroupsAsync(DatasetTable dataset, GroupTable groups, CancellationToken cancellationToken)
    {
        await AddRowAsync([new Cell($"{dataset.Name} by {groups.By}", _ids.Label)], cancellationToken).ConfigureAwait(false);
        var header = new Cell[groups.Aggregates.Count + 1];
        header[0] = Label(groups.By);
        for (var a = 0; a < groups.Aggregates.Count; a++)
        {
            header[a + 1] = Label(groups.Aggregates[a]);
        }

        await AddRowAsync(header, cancellationToken).ConfigureAwait(false);
        foreach (var group in groups.Rows)
        {
            var row = new Cell[groups.Aggregates.Count + 1];
            row[0] = group.IsTotal ? Label(group.Key) : new Cell(group.Key.Length == 0 ? "(none)" : group.Key);
            var columns = groups.AggregateColumns;
            for (var a = 0; a < groups.Aggregates.Count && a < group.Values.Count; a++)
            {
                // An average reads as 56.94, not 56.942477876: the value stays exact, the format shortens it.
                row[a + 1] = DateCell(group.Cells[a], ColumnPlanner.FormatOf(columns[a]), bold: false)
                    ?? (group.Values[a] is { } value && double.IsFinite(value) ? new Cell(value, _ids.Number) : default);
            }

            await AddRowAsync(row, cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private Cell Label(string text) => new(text, _ids.Label);

    /// <summary>A date aggregate or KPI as a real Excel date with its date format; null for anything else.</summary>
    private Cell? DateCell(object? cell, string? format, bool bold) => cell switch
    {
        DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue), styles.Get(new CellStyleKey(format, Bold: bold))),

        // Date-time cells are already on the report zone's clock (CellKind.DateTime).
        DateTimeOffset moment => new Cell(moment.DateTime, styles.Get(new CellStyleKey(format, Bold: bold))),
        _ => null,
    };

    private ValueTask Blank(CancellationToken cancellationToken) => AddRowAsync(Array.Empty<Cell>(), cancellationToken);

    // Counted, so the charts anchor below the last row written; a 16 pt title needs its own height, which
    // LibreOffice does not fit by itself (the banner and the title overprinted each other there).
    private ValueTask AddRowAsync(IList<Cell> cells, CancellationToken cancellationToken, RowOptions? rowOptions = null)
    {
        _row++;
        return rowOptions is null ? spreadsheet.AddRowAsync(cells, cancellationToken) : spreadsheet.AddRowAsync(cells, rowOptions, cancellationToken);
    }

    private readonly record struct StyleIds(
        SpreadCheetah.Styling.StyleId? Title,
        SpreadCheetah.Styling.StyleId? Label,
        SpreadCheetah.Styling.StyleId? DateTime,
        SpreadCheetah.Styling.StyleId? Number);
}
