using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

/// <summary>
/// A <c>trend:</c> column in the built-in templates: an inline SVG line in a saved page, block characters in a mail
/// (clients drop SVG; charts go as cid images), both read from the cell's a;b;c.
/// </summary>
[Trait("Category", "Slow")] // each builds the weekly sample with its 12 past weeks (2-4 s on the shared machine)
public sealed class TrendCellTests
{
    private static async Task<Report> WeeklySampleAsync()
    {
        var definition = ReportEngine.LoadDefinition(Definition.RepoFiles.PathOf("sample-config", "weekly-usage.yaml"));
        return await new ReportEngine().BuildAsync(definition, ReportSource.Sample(accounts: 200), cancellationToken: TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("exec-summary")]
    [InlineData("accounts")]
    public async Task SavedPage_DrawsEachTrendCellAsAnSvgLine(string template)
    {
        // Arrange
        var report = await WeeklySampleAsync();

        // Act
        var html = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, template));

        // Assert: one line per row shown, labelled with the first and last values of the cell.
        var table = report.Datasets[0];
        var trends = html.QuerySelectorAll("svg.trend");
        trends.Length.ShouldBe(template == "accounts" ? table.Rows.Count : Math.Min(10, table.Rows.Count), "exec-summary shows 10 rows unless the output says rows:");
        var first = (string)table.Rows[0][table.ColumnIndex("Score 12w")]!;
        trends[0].GetAttribute("aria-label").ShouldBe(TrendText.Summary(TrendText.Points(first), null));
        trends[0].QuerySelector("polyline").ShouldNotBeNull();
    }

    [Fact]
    public async Task Mail_WritesTrendCellsAsBlockCharacters_AndNoSvg()
    {
        var report = await WeeklySampleAsync();

        var text = await HtmlTestKit.RenderAsync(report, "exec-summary", new HtmlRendererOptions { ChartMode = HtmlChartMode.CidImages });

        text.ShouldNotContain("<svg");
        var spans = HtmlTestKit.Parse(text).QuerySelectorAll("span.trend");
        spans.Length.ShouldBe(10);
        var table = report.Datasets[0];
        spans[0].TextContent.ShouldBe(TrendText.Blocks(table.Rows[0][table.ColumnIndex("Score 12w")]));
        spans[0].TextContent.Length.ShouldBe(12);
    }
}
