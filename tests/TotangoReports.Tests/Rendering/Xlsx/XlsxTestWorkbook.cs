using ClosedXML.Excel;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Xlsx;

namespace TotangoReports.Tests.Rendering.Xlsx;

/// <summary>
/// Renders a report to a real temporary .xlsx file, checks it against the Open XML schema, then opens it with
/// ClosedXML, an independent reader.
/// </summary>
internal static class XlsxTestWorkbook
{
    public static readonly OutputDefinition Output = new() { Format = OutputFormat.Xlsx, File = "report.xlsx" };

    /// <summary>
    /// Charts are off unless the options say otherwise: ClosedXML 0.95.4 decodes pictures with System.Drawing, which
    /// needs libgdiplus; the chart images are checked at the package level by <see cref="RenderBytesAsync"/> instead.
    /// </summary>
    public static async Task<XLWorkbook> RenderAsync(Report report, XlsxRendererOptions? options = null)
    {
        var path = Path.Combine(Path.GetTempPath(), "xlsx-test-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                var renderer = new XlsxRenderer(options ?? new XlsxRendererOptions { IncludeCharts = false });
                await renderer.RenderAsync(report, Output, file, TestContext.Current.CancellationToken);
            }

            Fixtures.XlsxSchema.Validate(path);
            return new XLWorkbook(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static async Task<byte[]> RenderBytesAsync(Report report, XlsxRendererOptions? options = null)
    {
        using var stream = new MemoryStream();
        await new XlsxRenderer(options).RenderAsync(report, Output, stream, TestContext.Current.CancellationToken);
        Fixtures.XlsxSchema.Validate(stream);
        return stream.ToArray();
    }

    public static Report WithDatasets(params DatasetTable[] datasets)
    {
        var template = global::TotangoReports.Fixtures.TestReports.Accounts(rows: 1);
        return new Report
        {
            Definition = template.Definition,
            GeneratedAt = template.GeneratedAt,
            TimeZone = template.TimeZone,
            Datasets = datasets,
        };
    }

    public static DatasetTable Table(string name, IReadOnlyList<TableColumn> columns, params object?[][] rows) => new()
    {
        Name = name,
        Columns = columns,
        Rows = rows.Select((values, i) => new TableRow("a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values)).ToList(),
    };
}
