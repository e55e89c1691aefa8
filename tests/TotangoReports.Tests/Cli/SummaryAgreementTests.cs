using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ClosedXML.Excel;
using TotangoReports.Tests.Rendering.Html;
using TotangoReports.Tests.Rendering.Pdf;

namespace TotangoReports.Tests.Cli;

/// <summary>
/// The weekly report filtered to one region, read back by independent readers (ClosedXML, PdfPig, AngleSharp):
/// every tile, chart and table describes the same rows, and a figure reads the same in every format.
/// </summary>
public sealed class SummaryAgreementTests
{
    private static readonly string[] KpiLabels = ["Accounts", "Average score", "Health: Good", "Health: Average", "Health: Poor", "Activity, last 30 days"];

    [Fact]
    public async Task Run_OneRegion_TilesChartsAndTablesAgreeInEveryFormat()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--param", "region=EMEA", "--no-email", "--out", "out");

        // Assert
        result.ExitCode.ShouldBe(0, result.ToString());
        var files = Directory.GetFiles(cli.PathOf("out"));
        using var workbook = new XLWorkbook(WithoutPictures(files.Single(f => f.EndsWith(".xlsx", StringComparison.Ordinal))));
        var table = workbook.Worksheet("accounts").Tables.Single();
        var rows = table.DataRange.Rows().ToList();
        static string Text(IXLTableRow row, string column) => row.Field(column).GetString();
        rows.ShouldNotBeEmpty();
        rows.Select(r => Text(r, "Region")).Distinct().ShouldBe(["EMEA"]);
        var scores = rows.Where(r => !r.Field("Score").IsEmpty()).Select(r => r.Field("Score").GetDouble()).ToList();
        string[] expected =
        [
            rows.Count.ToString("#,##0", CultureInfo.InvariantCulture),
            scores.Average().ToString("0.0", CultureInfo.InvariantCulture),
            rows.Count(r => Text(r, "Health") == "Good").ToString("#,##0", CultureInfo.InvariantCulture),
            rows.Count(r => Text(r, "Health") == "Average").ToString("#,##0", CultureInfo.InvariantCulture),
            rows.Count(r => Text(r, "Health") == "Poor").ToString("#,##0", CultureInfo.InvariantCulture),
            rows.Sum(r => r.Field("Activities 30d").IsEmpty() ? 0 : r.Field("Activities 30d").GetDouble()).ToString("#,##0", CultureInfo.InvariantCulture),
        ];

        // The XLSX Summary: labels above values, each value displayed through its own number format.
        var summary = workbook.Worksheet("Summary");
        var kpiRow = summary.CellsUsed().Single(c => c.GetString() == "Average score").WorksheetRow();
        var xlsxTiles = KpiLabels.Select(label => kpiRow.CellsUsed().Single(c => c.GetString() == label).CellBelow()).Select(Displayed).ToList();
        xlsxTiles.ShouldBe(expected);

        // The HTML tiles.
        var html = HtmlTestKit.Parse(File.ReadAllText(files.Single(f => f.EndsWith(".html", StringComparison.Ordinal))));
        var htmlTiles = KpiLabels.Select(label => html.QuerySelectorAll(".kpi").Single(t => t.Children[0].TextContent == label).QuerySelector(".kpi-value")!.TextContent).ToList();
        htmlTiles.ShouldBe(expected);

        // The PDF's first page: each tile is its value above its label.
        using var pdf = PdfTestSupport.Open(File.ReadAllBytes(files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))));
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        foreach (var value in expected)
        {
            words.ShouldContain(value);
        }

        words.ShouldContain("226");
        words.ShouldNotContain("700", "the whole list is not what this report shows");

        // The charts describe the same rows: the top-10 bars are EMEA accounts, the health bars the health counts.
        var names = rows.Select(r => Text(r, "Account")).ToHashSet(StringComparer.Ordinal);
        var topLabels = ChartTexts(html, "chart-5").Where(t => !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList();
        topLabels.Count.ShouldBeGreaterThanOrEqualTo(10);
        topLabels.Where(t => t != "Top 10 accounts by score").Where(t => !names.Any(n => n.StartsWith(t.TrimEnd('…'), StringComparison.Ordinal))).ShouldBeEmpty();
        var healthTexts = ChartTexts(html, "chart-1");
        healthTexts.ShouldContain(expected[2]);
        healthTexts.ShouldContain(expected[4]);
    }

    [Fact]
    public async Task Run_ZeroRows_WarnsInStderrAndManifest_AndStrictHoldsWithExit7KeepingThePreviousFiles()
    {
        // Arrange: last week's report, for one region.
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");
        var first = await cli.RunAsync("run", definition, "--sample", "--param", "region=EMEA", "--no-email", "--out", "out");
        first.ExitCode.ShouldBe(0, first.ToString());
        var before = Directory.GetFiles(cli.PathOf("out")).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

        // Act: a region nobody is in, strict.
        var held = await cli.RunAsync("run", definition, "--sample", "--param", "region=emea", "--no-email", "--strict", "--out", "out");

        // Assert: held, nothing changed.
        held.ExitCode.ShouldBe(7, held.ToString());
        held.Error.ShouldContain("dataset 'accounts' has 0 rows");
        held.Error.ShouldContain("held under --strict");
        held.Out.ShouldBeEmpty();
        var after = Directory.GetFiles(cli.PathOf("out")).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        after.ShouldBe(before);

        // Without --strict the same run is delivered, and says why its figures are empty.
        var loose = await cli.RunAsync("run", definition, "--sample", "--param", "region=emea", "--no-email", "--out", "out");
        loose.ExitCode.ShouldBe(0, loose.ToString());
        loose.Error.ShouldContain("dataset 'accounts' has 0 rows");
        using var manifest = JsonDocument.Parse(File.ReadAllText(cli.PathOf("out", "run.json")));
        manifest.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldContain(w => w!.Contains("has 0 rows", StringComparison.Ordinal));
    }

    /// <summary>
    /// What Excel shows for a cell: its number format applied by ExcelNumberFormat (the formatter ClosedXML ships
    /// with; ClosedXML 0.95's GetFormattedString ignores custom formats).
    /// </summary>
    private static string Displayed(IXLCell cell) =>
        cell.DataType == XLDataType.Number
            ? new ExcelNumberFormat.NumberFormat(cell.Style.NumberFormat.Format).Format(cell.GetDouble(), CultureInfo.InvariantCulture)
            : cell.GetString();

    /// <summary>
    /// The workbook with its chart pictures unhooked: ClosedXML decodes pictures with System.Drawing, which needs
    /// libgdiplus (see XlsxTestWorkbook); the cells are untouched.
    /// </summary>
    internal static MemoryStream WithoutPictures(string path)
    {
        var copy = new MemoryStream();
        using (var source = File.OpenRead(path))
        {
            source.CopyTo(copy);
        }

        using (var zip = new System.IO.Compression.ZipArchive(copy, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).ToList())
            {
                string text;
                using (var reader = new StreamReader(entry.Open()))
                {
                    text = reader.ReadToEnd();
                }

                var stripped = System.Text.RegularExpressions.Regex.Replace(text, "<drawing [^>]*/>|<Relationship [^>]*/drawing\"[^>]*/>", string.Empty);
                if (stripped != text)
                {
                    using var writer = new StreamWriter(entry.Open());
                    writer.BaseStream.SetLength(0);
                    writer.Write(stripped);
                }
            }
        }

        copy.Position = 0;
        return copy;
    }

    private static List<string> ChartTexts(AngleSharp.Html.Dom.IHtmlDocument html, string key) =>
        html.QuerySelector($"[data-chart='{key}']")!.QuerySelectorAll("text").Select(t => t.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
