using System.Globalization;
using System.Text.RegularExpressions;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Html;

namespace TotangoReports.Tests.Rendering.Html;

public sealed class ExecSummaryTemplateTests
{
    [Fact]
    public async Task ExecSummary_ShowsTitleKpisGroupsAndFirstRows()
    {
        var report = TestReports.Accounts(40);

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "exec-summary"));

        document.Title.ShouldBe("Weekly usage — all accounts");
        document.QuerySelector("h1")!.TextContent.ShouldBe("Weekly usage — all accounts");
        document.QuerySelector("p.description")!.TextContent.ShouldBe("Engagement and activity for the exec team");
        document.QuerySelector("[data-kpi=accounts]")!.TextContent.ShouldContain("40");
        // The tile's format is the PDF's ("0.0"): one formatter, one text in every format.
        var expectedAverage = report.Datasets[0].Accounts.Average(a => a.Score!.Value).ToString("0.0", CultureInfo.InvariantCulture);
        document.QuerySelector("[data-kpi=average-score]")!.TextContent.ShouldContain(expectedAverage);
        var groupLabels = document.QuerySelectorAll("table.groups tr").Skip(1).Select(r => r.Children[0].TextContent).ToList();
        groupLabels.ShouldBe(report.Datasets[0].Groups!.Rows.Select(g => g.Key.Length == 0 ? "(none)" : g.Key).ToList());
        var rows = document.QuerySelectorAll("table.rows tr").Skip(1).ToList();
        rows.Count.ShouldBe(10);
        rows[0].Children.Length.ShouldBe(4);
        rows[1].Children[1].TextContent.ShouldBe(TestReports.AwkwardNames[1]);
    }

    [Fact]
    public async Task ExecSummary_DrawsEveryChartAsInlineSvgInAKeyedWrapper()
    {
        var report = TestReports.Accounts(40);

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "exec-summary"));

        var wrappers = document.QuerySelectorAll("div.chart").ToList();
        wrappers.Select(w => w.GetAttribute("data-chart")).ShouldBe(ReportCharts.For(report).Select(c => c.Key).ToList());
        wrappers.ShouldAllBe(w => w.QuerySelector("svg") != null && w.QuerySelector("img") == null);
    }

    [Fact]
    public async Task ExecSummary_InCidMode_ReferencesEachChartByContentId()
    {
        var report = TestReports.Accounts(40);

        var document = HtmlTestKit.Parse(await HtmlTestKit.RenderAsync(report, "exec-summary", new HtmlRendererOptions { ChartMode = HtmlChartMode.CidImages }));

        var charts = ReportCharts.For(report);
        var images = document.QuerySelectorAll("div.chart img").ToList();
        images.Select(i => i.GetAttribute("src")).ShouldBe(charts.Select(c => "cid:" + HtmlRenderer.ChartContentId(c.Key)).ToList());
        images.Select(i => i.GetAttribute("alt")).ShouldBe(charts.Select(c => c.Title).ToList());
        document.QuerySelectorAll("svg").Length.ShouldBe(0);
    }

    [Fact]
    public async Task ExecSummary_IsEmailSafe_NoScriptNoStyleSheetAtMost640Wide()
    {
        var report = TestReports.Accounts(40);

        var html = await HtmlTestKit.RenderAsync(report, "exec-summary");
        var document = HtmlTestKit.Parse(html);

        document.QuerySelectorAll("script, style, link, iframe, object, embed").Length.ShouldBe(0);
        document.All.Where(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))).ShouldBeEmpty();
        var widths = document.All
            .Select(e => e.GetAttribute("width"))
            .Where(w => w != null && !w.EndsWith('%'))
            .Select(w => double.Parse(w!, CultureInfo.InvariantCulture))
            .ToList();
        widths.ShouldNotBeEmpty();
        widths.ShouldAllBe(w => w <= 640);
        var styleWidths = document.All
            .Select(e => e.GetAttribute("style") ?? string.Empty)
            .SelectMany(s => Regex.Matches(s, @"(?<![-\w])(?:max-)?width:\s*(\d+(?:\.\d+)?)px").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)))
            .ToList();
        styleWidths.ShouldAllBe(w => w <= 640);
        // Fluid up to 640 px; Outlook on Windows, which ignores max-width, reads a fixed 640 px table in its comment.
        document.QuerySelector("table.sheet")!.GetAttribute("width").ShouldBe("100%");
        document.QuerySelector("table.sheet")!.GetAttribute("style")!.ShouldContain("max-width:640px");
        html.ShouldContain("<!--[if mso]><table role=\"presentation\" width=\"640\"");
    }

    [Fact]
    public async Task ExecSummary_IsTheDefaultTemplate()
    {
        var report = TestReports.Accounts(12);

        var byDefault = await HtmlTestKit.RenderAsync(report, template: null);
        var named = await HtmlTestKit.RenderAsync(report, "exec-summary");

        byDefault.ShouldBe(named);
    }
}
