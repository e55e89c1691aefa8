using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Html;
using TotangoReports.Rendering.Xlsx;
using TotangoReports.Tests.Rendering.Html;
using TotangoReports.Tests.Rendering.Pdf;

namespace TotangoReports.Tests.Rendering;

/// <summary>An output's <c>rows: N</c>: each table shows its first N rows and says how many more; KPIs and charts still count every row.</summary>
public sealed class OutputRowsRenderingTests
{
    private static bool IsAccountId(string text) => text.Length == 5 && text[0] == 'a' && text.Skip(1).All(char.IsAsciiDigit);

    [Fact]
    public async Task Pdf_WithRows_ShowsTheFirstNRowsThenHowManyMore_AndKpisCountEveryRow()
    {
        var report = TestReports.Accounts(120, withGroups: false);
        var output = new OutputDefinition { Format = OutputFormat.Pdf, File = "r.pdf", Rows = 25 };

        var pdf = await PdfTestSupport.RenderAsync(report, output);

        using var document = PdfTestSupport.Open(pdf);
        var tablePages = document.GetPages().Skip(1).ToList();
        var ids = tablePages.SelectMany(p => p.GetWords()).Where(w => w.BoundingBox.Left < 80).Select(w => w.Text).Where(IsAccountId).ToList();
        ids.ShouldBe(report.Datasets[0].Rows.Take(25).Select(r => r.AccountId));
        string.Concat(tablePages.Select(p => p.Text)).ShouldContain("… and 95 more rows");
        var overview = document.GetPage(1).Text;
        overview.ShouldContain("120");
    }

    [Fact]
    public async Task Pdf_WithRowsAtLeastTheRowCount_HasNoMoreRowsLine()
    {
        var report = TestReports.Accounts(20, withGroups: false);

        var pdf = await PdfTestSupport.RenderAsync(report, new OutputDefinition { Format = OutputFormat.Pdf, File = "r.pdf", Rows = 20 });

        using var document = PdfTestSupport.Open(pdf);
        string.Concat(document.GetPages().Select(p => p.Text)).ShouldNotContain("more row");
    }

    [Fact]
    public async Task Pdf_GroupedWithRows_ShowsOnlyNRowsAcrossTheGroups()
    {
        var report = TestReports.Accounts(80, withGroups: true);

        var pdf = await PdfTestSupport.RenderAsync(report, new OutputDefinition { Format = OutputFormat.Pdf, File = "r.pdf", Rows = 30 });

        using var document = PdfTestSupport.Open(pdf);
        var ids = document.GetPages().Skip(1).SelectMany(p => p.GetWords()).Where(w => w.BoundingBox.Left < 80).Select(w => w.Text).Where(IsAccountId).ToList();
        ids.Count.ShouldBe(30);
        ids.Distinct(StringComparer.Ordinal).Count().ShouldBe(30);
        string.Concat(document.GetPages().Skip(1).Select(p => p.Text)).ShouldContain("… and 50 more rows");
    }

    [Fact]
    public async Task Html_ExecSummaryWithRows_ShowsNRowsAndTheMoreLine_KpisCountEveryRow()
    {
        var report = TestReports.Accounts(40);

        var html = await RenderHtmlAsync(report, "exec-summary", rows: 15);

        var document = HtmlTestKit.Parse(html);
        document.QuerySelectorAll("table.rows tr").Skip(1).Count().ShouldBe(15);
        document.QuerySelector(".more-rows")!.TextContent.ShouldBe("… and 25 more rows");
        document.QuerySelector("[data-kpi=accounts]")!.TextContent.ShouldContain("40");
    }

    [Fact]
    public async Task Html_ExecSummaryWithoutRows_KeepsItsTenRowsAndNoMoreLine()
    {
        var html = await RenderHtmlAsync(TestReports.Accounts(40), "exec-summary", rows: null);

        var document = HtmlTestKit.Parse(html);
        document.QuerySelectorAll("table.rows tr").Skip(1).Count().ShouldBe(10);
        document.QuerySelector(".more-rows").ShouldBeNull();
    }

    [Fact]
    public async Task Html_AccountsWithRows_ListsNRowsThenTheMoreLine()
    {
        var report = TestReports.Accounts(40);

        var html = await RenderHtmlAsync(report, "accounts", rows: 7);

        var document = HtmlTestKit.Parse(html);
        var ids = document.QuerySelectorAll("table.accounts tbody tr").Select(r => r.Children[0].TextContent).ToList();
        ids.ShouldBe(report.Datasets[0].Rows.Take(7).Select(r => r.AccountId));
        document.QuerySelector("p.more-rows")!.TextContent.ShouldBe("… and 33 more rows");
    }

    [Fact]
    public async Task Html_TemplateModel_LimitsRowsButNotRowCount()
    {
        var report = TestReports.Accounts(12);

        var html = await RenderHtmlAsync(report, null, rows: 5, text: "{{ dataset.rows | array.size }}/{{ dataset.row_count }}/{{ dataset.more_rows }}/{{ dataset.row_limit }}/{{ dataset.more_rows_text }}");

        html.ShouldBe("5/12/7/5/… and 7 more rows");
    }

    [Fact]
    public async Task Xlsx_WithRows_WritesNDataRowsThenTheMoreLine()
    {
        var report = TestReports.Accounts(40, withSideTables: false);

        using var workbook = await RenderXlsxAsync(report, rows: 12);

        var sheet = workbook.Worksheet("accounts");
        sheet.Tables.Single().RangeAddress.ToString().ShouldBe("A1:L13");
        sheet.Cell(13, 1).GetString().ShouldBe(report.Datasets[0].Rows[11].AccountId);
        sheet.Cell(14, 1).GetString().ShouldBe("Total"); // the activity totals row sums the rows shown
        sheet.Cell(15, 1).GetString().ShouldBe("… and 28 more rows");
        // The Summary still counts every row.
        workbook.Worksheet("Summary").CellsUsed().Any(c => c.GetString() == "40" || (c.DataType == ClosedXML.Excel.XLDataType.Number && c.GetDouble() == 40)).ShouldBeTrue();
    }

    [Fact]
    public async Task Xlsx_WithoutRows_KeepsEveryRowAndNoMoreLine()
    {
        var report = TestReports.Accounts(40, withSideTables: false);

        using var workbook = await RenderXlsxAsync(report, rows: null);

        var sheet = workbook.Worksheet("accounts");
        sheet.Tables.Single().RangeAddress.ToString().ShouldBe("A1:L41");
        sheet.Cell(42, 1).GetString().ShouldBe("Total");
        sheet.LastRowUsed()!.RowNumber().ShouldBe(42);
    }

    private static async Task<string> RenderHtmlAsync(TotangoReports.Data.Report report, string? template, int? rows, string? text = null)
    {
        if (text is not null)
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            new TotangoReports.Rendering.Html.Internal.HtmlTemplateEngine(new HtmlRendererOptions().Validate())
                .RenderText(report, report.Datasets[0], TotangoReports.Rendering.Html.Internal.EmbeddedTemplateStore.Instance, "snippet.sbn", text, writer, TestContext.Current.CancellationToken, rows);
            return writer.ToString();
        }

        var output = new OutputDefinition { Format = OutputFormat.Html, File = "report.html", Template = template, Rows = rows };
        using var stream = new MemoryStream();
        await new HtmlRenderer().RenderAsync(report, output, stream, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static async Task<ClosedXML.Excel.XLWorkbook> RenderXlsxAsync(TotangoReports.Data.Report report, int? rows)
    {
        var path = Path.Combine(Path.GetTempPath(), "xlsx-rows-" + Guid.NewGuid().ToString("N") + ".xlsx");
        try
        {
            await using (var file = File.Create(path))
            {
                var output = new OutputDefinition { Format = OutputFormat.Xlsx, File = "report.xlsx", Rows = rows };
                await new XlsxRenderer(new XlsxRendererOptions { IncludeCharts = false }).RenderAsync(report, output, file, TestContext.Current.CancellationToken);
            }

            Fixtures.XlsxSchema.Validate(path);
            return new ClosedXML.Excel.XLWorkbook(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
