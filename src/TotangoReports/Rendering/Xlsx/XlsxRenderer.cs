using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Images;
using SpreadCheetah.Metadata;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Xlsx.Internal;

namespace TotangoReports.Rendering.Xlsx;

/// <summary>
/// The activity-summary workbook (PRODUCT.md §5), streamed with SpreadCheetah so memory stays flat however many rows:
/// a <c>Summary</c> sheet (with chart images), one sheet per dataset as an Excel table with frozen header and typed,
/// styled cells, an ActivitiesExporter totals row for activity pivots, and <c>Users</c> / <c>Lifecycle</c> sheets.
/// </summary>
internal sealed class XlsxRenderer : IReportRenderer
{
    // Excel's 1,048,576 rows less the header and the totals row.
    private const int MaxDataRows = 1_048_574;

    private readonly XlsxRendererOptions _options;

    public XlsxRenderer(XlsxRendererOptions? options = null)
    {
        _options = options ?? new XlsxRendererOptions();
        _options.Validate();
    }

    public OutputFormat Format => OutputFormat.Xlsx;

    public async Task RenderAsync(Report report, OutputDefinition output, Stream destination, CancellationToken cancellationToken)
    {
        foreach (var dataset in report.Datasets)
        {
            if (Math.Min(dataset.Rows.Count, output.Rows ?? int.MaxValue) > MaxDataRows)
            {
                throw new RenderException(
                    output.Location,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"xlsx output '{output.File}': dataset '{dataset.Name}' has {dataset.Rows.Count:N0} rows but an Excel sheet holds at most {MaxDataRows:N0}; add a 'limit:' or 'filter:' to the dataset, or write it as csv."));
            }
        }

        try
        {
            // SpreadCheetah streams the workbook to a scratch file (memory stays flat); the copy into the destination
            // adds what it cannot write: the data sheets' page setup.
            var scratch = Path.Combine(Path.GetTempPath(), "totango-xlsx-" + Guid.NewGuid().ToString("N") + ".tmp");
            var package = new FileStream(scratch, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await using var packageDisposal = package.ConfigureAwait(false);
            var dataSheets = await WriteAsync(report, output.Rows, package, cancellationToken).ConfigureAwait(false);
            package.Position = 0;
            var level = _options.OptimalCompression ? System.IO.Compression.CompressionLevel.Optimal : System.IO.Compression.CompressionLevel.Fastest;
            await PrintSetup.CopyAsync(package, destination, dataSheets, level, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SpreadCheetahException or ArgumentException)
        {
            // A bad number format in the definition, say: name the output, not a stack trace.
            throw new RenderException(output.Location, $"xlsx output '{output.File}' could not be written: {e.Message}");
        }
    }

    /// <returns>The names of the data sheets (every sheet but the Summary).</returns>
    private async Task<IReadOnlySet<string>> WriteAsync(Report report, int? rowLimit, Stream destination, CancellationToken cancellationToken)
    {
        var dataSheets = new HashSet<string>(StringComparer.Ordinal);
        var spreadsheetOptions = new SpreadCheetahOptions
        {
            CompressionLevel = _options.OptimalCompression ? SpreadCheetahCompressionLevel.Optimal : SpreadCheetahCompressionLevel.Fastest,
            DocumentProperties = new DocumentProperties { Title = report.Title, Author = "TotangoReports" },
        };

        var spreadsheet = await Spreadsheet.CreateNewAsync(destination, spreadsheetOptions, cancellationToken).ConfigureAwait(false);
        await using var spreadsheetDisposal = spreadsheet.ConfigureAwait(false);

        // SpreadCheetah accepts images only before the first worksheet starts.
        var charts = await EmbedChartsAsync(spreadsheet, report, cancellationToken).ConfigureAwait(false);
        var styles = new XlsxStyles(spreadsheet);
        var sheetNames = new SheetNameRegistry();
        var tableNames = new TableNameRegistry();
        sheetNames.Reserve(SummarySheetWriter.SheetName);
        await new SummarySheetWriter(spreadsheet, styles, _options).WriteAsync(report, charts, cancellationToken).ConfigureAwait(false);

        var writer = new TableSheetWriter(spreadsheet, styles, new ColumnPlanner(_options, styles), new CellFactory(report.TimeZone, _options));
        foreach (var dataset in report.Datasets)
        {
            var name = sheetNames.Reserve(dataset.Name);
            dataSheets.Add(name);
            var totals = dataset.Columns.Any(c => c.Activity is not null);
            // An output's rows: keeps the first N on the sheet and says how many more there are below the table.
            var rows = rowLimit is { } limit && limit < dataset.Rows.Count ? dataset.Rows.Take(limit).ToList() : dataset.Rows;
            var sheet = new SheetTable(name, tableNames.Reserve(name), dataset.Columns, rows, totals) { MoreRows = dataset.Rows.Count - rows.Count };
            await writer.WriteAsync(sheet, cancellationToken).ConfigureAwait(false);
        }

        var withUsers = report.Datasets.Where(d => d.Users is not null).ToList();
        foreach (var dataset in withUsers)
        {
            var name = sheetNames.Reserve(withUsers.Count == 1 ? "Users" : $"{dataset.Name} Users");
            dataSheets.Add(name);
            var rows = SideTables.UserRows(dataset.Users!);
            await writer.WriteAsync(new SheetTable(name, tableNames.Reserve(name), SideTables.UserColumns, rows, WithTotals: false), cancellationToken).ConfigureAwait(false);
        }

        var withLifecycle = report.Datasets.Where(d => d.Lifecycle is not null).ToList();
        foreach (var dataset in withLifecycle)
        {
            var name = sheetNames.Reserve(withLifecycle.Count == 1 ? "Lifecycle" : $"{dataset.Name} Lifecycle");
            dataSheets.Add(name);
            var rows = SideTables.LifecycleRows(dataset.Lifecycle!);
            await writer.WriteAsync(new SheetTable(name, tableNames.Reserve(name), SideTables.LifecycleColumns, rows, WithTotals: false), cancellationToken).ConfigureAwait(false);
        }

        await spreadsheet.FinishAsync(cancellationToken).ConfigureAwait(false);
        return dataSheets;
    }

    private async Task<IReadOnlyList<EmbeddedImage>> EmbedChartsAsync(Spreadsheet spreadsheet, Report report, CancellationToken cancellationToken)
    {
        if (!_options.IncludeCharts)
        {
            return [];
        }

        var images = new List<EmbeddedImage>();
        foreach (var chart in ReportCharts.For(report))
        {
            using var png = new MemoryStream(chart.ToPng(_options.ChartWidth, _options.ChartHeight));
            images.Add(await spreadsheet.EmbedImageAsync(png, cancellationToken).ConfigureAwait(false));
        }

        return images;
    }
}
