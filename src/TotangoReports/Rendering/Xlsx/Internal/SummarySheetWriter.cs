using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Images;
using SpreadCheetah.Worksheets;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// The first sheet: title, description, generation time in the report zone, parameters, per-dataset row counts and
/// fetch facts, warnings, group aggregates; the chart images stand to the right of the text.
/// </summary>
internal sealed class SummarySheetWriter(Spreadsheet spreadsheet, XlsxStyles styles, XlsxRendererOptions options)
{
    public const string SheetName = "Summary";

    // Charts start in this column (0-based, "J"), right of the widest block (the 8-column dataset table).
    private const int ChartColumn = 9;

    // Excel's default row height is 15 pt = 20 px.
    private const int RowHeightPixels = 20;

    private static readonly string[] DatasetHeaders = ["Dataset", "Rows", "Total items", "Pages", "Requests", "Retries", "Complete", "Gaps"];

    private StyleIds _ids;

    public async Task WriteAsync(Report report, IReadOnlyList<EmbeddedImage> charts, CancellationToken cancellationToken)
    {
        _ids = new StyleIds(
            styles.Get(new CellStyleKey(Bold: true, FontSize: 16)),
            styles.Get(new CellStyleKey(Bold: true)),
            styles.Get(new CellStyleKey(XlsxStyles.DateTimeFormat)),
            styles.Get(new CellStyleKey(Rendering.Formatting.ExcelFormats.DefaultNumberFormat)));

        var worksheetOptions = new WorksheetOptions();
        worksheetOptions.Column(1).Width = 24;
        worksheetOptions.Column(2).Width = 28;
        for (var c = 3; c <= DatasetHeaders.Length; c++)
        {
            worksheetOptions.Column(c).Width = 12;
        }

        await spreadsheet.StartWorksheetAsync(SheetName, worksheetOptions, cancellationToken).ConfigureAwait(false);
        if (report.IsSample)
        {
            // Row 1, where the sheet opens: made-up accounts must not be read as real ones.
            await spreadsheet.AddRowAsync([new Cell(SampleBanner.Text, _ids.Title)], cancellationToken).ConfigureAwait(false);
        }

        await WriteHeadingAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteParametersAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteDatasetsAsync(report, cancellationToken).ConfigureAwait(false);
        await WriteWarningsAsync(report, cancellationToken).ConfigureAwait(false);
        foreach (var dataset in report.Datasets)
        {
            if (dataset.Groups is { } groups)
            {
                await WriteGroupsAsync(dataset, groups, cancellationToken).ConfigureAwait(false);
            }
        }

        var rowsPerChart = (options.ChartHeight / RowHeightPixels) + 2;
        for (var i = 0; i < charts.Count; i++)
        {
            var anchor = SpreadsheetUtility.GetColumnName(ChartColumn + 1) + (2 + (i * rowsPerChart)).ToString(CultureInfo.InvariantCulture);
            spreadsheet.AddImage(ImageCanvas.OriginalSize(anchor), charts[i]);
        }
    }

    private async Task WriteHeadingAsync(Report report, CancellationToken cancellationToken)
    {
        await spreadsheet.AddRowAsync([new Cell(report.Title, _ids.Title)], cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(report.Definition.Description))
        {
            // Unwrapped on purpose: it overflows across the empty cells to its right instead of making row 2 tall.
            await spreadsheet.AddRowAsync([new Cell(report.Definition.Description)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
        var local = report.GeneratedAtLocal;
        var zone = string.Create(CultureInfo.InvariantCulture, $"{report.TimeZone.Id} (UTC{local:zzz})");
        await spreadsheet.AddRowAsync([Label("Generated"), new Cell(local.DateTime, _ids.DateTime), new Cell(zone)], cancellationToken).ConfigureAwait(false);
        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteParametersAsync(Report report, CancellationToken cancellationToken)
    {
        await spreadsheet.AddRowAsync([Label("Parameter"), Label("Value")], cancellationToken).ConfigureAwait(false);
        if (report.Parameters.Count == 0)
        {
            await spreadsheet.AddRowAsync([new Cell("(none)")], cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, value) in report.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await spreadsheet.AddRowAsync([new Cell(name), new Cell(value)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteDatasetsAsync(Report report, CancellationToken cancellationToken)
    {
        await spreadsheet.AddRowAsync(DatasetHeaders.Select(Label).ToArray(), cancellationToken).ConfigureAwait(false);
        foreach (var dataset in report.Datasets)
        {
            var fetch = dataset.Fetch;
            await spreadsheet.AddRowAsync(
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

        await spreadsheet.AddRowAsync([Label("Warnings")], cancellationToken).ConfigureAwait(false);
        foreach (var warning in report.Warnings)
        {
            await spreadsheet.AddRowAsync([new Cell(warning)], cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteGroupsAsync(DatasetTable dataset, GroupTable groups, CancellationToken cancellationToken)
    {
        await spreadsheet.AddRowAsync([new Cell($"{dataset.Name} by {groups.By}", _ids.Label)], cancellationToken).ConfigureAwait(false);
        var header = new Cell[groups.Aggregates.Count + 1];
        header[0] = Label(groups.By);
        for (var a = 0; a < groups.Aggregates.Count; a++)
        {
            header[a + 1] = Label(groups.Aggregates[a]);
        }

        await spreadsheet.AddRowAsync(header, cancellationToken).ConfigureAwait(false);
        foreach (var group in groups.Rows)
        {
            var row = new Cell[groups.Aggregates.Count + 1];
            row[0] = new Cell(group.Key.Length == 0 ? "(none)" : group.Key);
            for (var a = 0; a < groups.Aggregates.Count && a < group.Values.Count; a++)
            {
                // An average reads as 56.94, not 56.942477876: the value stays exact, the format shortens it.
                row[a + 1] = group.Values[a] is { } value && double.IsFinite(value) ? new Cell(value, _ids.Number) : default;
            }

            await spreadsheet.AddRowAsync(row, cancellationToken).ConfigureAwait(false);
        }

        await Blank(cancellationToken).ConfigureAwait(false);
    }

    private Cell Label(string text) => new(text, _ids.Label);

    private ValueTask Blank(CancellationToken cancellationToken) => spreadsheet.AddRowAsync(Array.Empty<Cell>(), cancellationToken);

    private readonly record struct StyleIds(
        SpreadCheetah.Styling.StyleId? Title,
        SpreadCheetah.Styling.StyleId? Label,
        SpreadCheetah.Styling.StyleId? DateTime,
        SpreadCheetah.Styling.StyleId? Number);
}
