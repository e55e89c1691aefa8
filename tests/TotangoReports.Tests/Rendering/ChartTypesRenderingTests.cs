using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Xlsx;
using TotangoReports.Tests.Rendering.Html;
using TotangoReports.Tests.Rendering.Pdf;
using TotangoReports.Tests.Rendering.Xlsx;

namespace TotangoReports.Tests.Rendering;

/// <summary>Every format draws a chart as its summary declares it: a line as a line, a donut as a ring with a legend.</summary>
public sealed partial class ChartTypesRenderingTests
{
    private static readonly SummaryChart Donut = new("chart-1", "Accounts by health", ChartType.Donut, ["Good", "Average", "Poor"], [285, 241, 174]);
    private static readonly SummaryChart Line = new("chart-2", "Users by region", ChartType.Line, ["NA", "EMEA", "LATAM", "APAC"], [10300, 5677, 3415, 2836]);

    [Fact]
    public async Task Html_Line_IsOneStrokedPathThroughEveryPointLeftToRight()
    {
        var html = await HtmlTestKit.RenderAsync(WithCharts(Line), "exec-summary");

        var svg = HtmlTestKit.Parse(html).QuerySelector("div.chart[data-chart=chart-2] svg")!;
        var line = svg.QuerySelectorAll("path").Single(p => p.GetAttribute("fill") == "none" && p.GetAttribute("stroke") == "#1565C0" && p.GetAttribute("stroke-width") == "2");
        var points = Point().Matches(line.GetAttribute("d")!).Select(m => (X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture))).ToList();
        points.Count.ShouldBe(4);
        points.Select(p => p.X).ShouldBe(points.Select(p => p.X).Order().ToList());
        // Pixels grow downwards: the biggest value is the highest point.
        points.MinBy(p => p.Y).ShouldBe(points[0]);
    }

    [Fact]
    public async Task Html_Donut_HasALegendColumnNotABarAxis()
    {
        var html = await HtmlTestKit.RenderAsync(WithCharts(Donut), "exec-summary");

        var svg = HtmlTestKit.Parse(html).QuerySelector("div.chart[data-chart=chart-1] svg")!;
        var legend = svg.QuerySelectorAll("text")
            .Where(t => t.TextContent.Trim() is "Good" or "Average" or "Poor")
            .Select(t => Translate().Match(t.GetAttribute("transform")!))
            .Select(m => (X: double.Parse(m.Groups["x"].Value, CultureInfo.InvariantCulture), Y: double.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        legend.Count.ShouldBe(3);
        legend.Select(p => p.X).Distinct().Count().ShouldBe(1);
        legend.Select(p => p.Y).ShouldBe(legend.Select(p => p.Y).Order().ToList());
        svg.QuerySelectorAll("text").Select(t => t.TextContent.Trim()).ShouldContain("285");
    }

    private static readonly SummaryChart StackedByHealth = new("chart-3", "Accounts by region", ChartType.StackedBar, ["NA", "EMEA", "LATAM", "APAC"], [270, 180, 90, 65])
    {
        Series = ["Good", "Average", "Poor"],
        Stacks = [[120, 80, 40, 30], [90, 60, 30, 25], [60, 40, 20, 10]],
    };

    [Fact]
    public async Task Html_StackedBar_HasARectPerXAndSeriesInItsColour_AndALegend()
    {
        var html = await HtmlTestKit.RenderAsync(WithCharts(StackedByHealth), "exec-summary");

        var svg = HtmlTestKit.Parse(html).QuerySelector("div.chart[data-chart=chart-3] svg")!;
        var rects = svg.QuerySelectorAll("rect").Select(r => (r.GetAttribute("fill") ?? string.Empty).ToUpperInvariant()).ToList();
        foreach (var colour in new[] { "#2E7D32", "#F9A825", "#C62828" })
        {
            // A segment per x, and the legend's swatch.
            rects.Count(f => f == colour).ShouldBe(4 + 1, colour);
        }

        var texts = svg.QuerySelectorAll("text").Select(t => t.TextContent.Trim()).ToList();
        texts.ShouldContain("Good");
        texts.ShouldContain("Average");
        texts.ShouldContain("Poor");
        texts.ShouldContain("270");
    }

    [Fact]
    public async Task Pdf_StackedBar_ShowsItsLegendAndTotals()
    {
        var pdf = await PdfTestSupport.RenderAsync(WithCharts(StackedByHealth));

        using var document = PdfTestSupport.Open(pdf);
        var words = document.GetPage(1).GetWords().Select(w => w.Text).ToList();
        words.ShouldContain("Average");
        words.ShouldContain("270");
    }

    [Fact]
    public void StackedBar_IsNotDrawnAsPlainBars()
    {
        var chart = ReportCharts.For(WithCharts(StackedByHealth)).Single();

        chart.Series.ShouldBe(["Good", "Average", "Poor"]);
        chart.ToPng(600, 300).ShouldNotBe((chart with { Type = ChartType.Bar }).ToPng(600, 300));
    }

    [Fact]
    public async Task Pdf_Donut_LegendIsAColumnOnTheFirstPage()
    {
        var pdf = await PdfTestSupport.RenderAsync(WithCharts(Donut, Line));

        using var document = PdfTestSupport.Open(pdf);
        var words = document.GetPage(1).GetWords().ToList();
        var legend = new[] { "Good", "Average", "Poor" }.Select(l => words.Last(w => w.Text == l)).ToList();
        legend.Select(w => Math.Round(w.BoundingBox.Left, 1)).Distinct().Count().ShouldBe(1);
        legend.Select(w => w.BoundingBox.Bottom).ShouldBe(legend.Select(w => w.BoundingBox.Bottom).OrderDescending().ToList());
        var categories = new[] { "NA", "EMEA", "LATAM", "APAC" }.Select(l => words.Last(w => w.Text.StartsWith(l[..2], StringComparison.Ordinal))).ToList();
        categories.Select(w => w.BoundingBox.Left).ShouldBe(categories.Select(w => w.BoundingBox.Left).Order().ToList());
    }

    [Fact]
    public async Task Xlsx_SummaryImages_AreTheChartsDrawnAsDeclared()
    {
        var report = WithCharts(Donut, Line);
        var options = new XlsxRendererOptions();

        var bytes = await XlsxTestWorkbook.RenderBytesAsync(report, options);

        using var package = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var images = package.Entries.Where(e => e.FullName.StartsWith("xl/media/", StringComparison.Ordinal)).Select(Read).ToList();
        var charts = ReportCharts.For(report);
        charts.Select(c => c.Type).ShouldBe([ChartType.Donut, ChartType.Line]);
        foreach (var chart in charts)
        {
            var drawn = chart.ToPng(options.ChartWidth, options.ChartHeight);
            images.ShouldContain(i => i.SequenceEqual(drawn), $"{chart.Type} image");
            var asBars = (chart with { Type = ChartType.Bar }).ToPng(options.ChartWidth, options.ChartHeight);
            images.ShouldNotContain(i => i.SequenceEqual(asBars));
        }
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Report WithCharts(params SummaryChart[] charts)
    {
        var report = TestReports.Accounts(40);
        var table = report.Datasets[0];
        var summary = new ReportSummary { Dataset = table.Name, Rows = table.Rows.Count, Kpis = [], Charts = charts };
        var withSummary = new DatasetTable
        {
            Name = table.Name,
            Columns = table.Columns,
            Rows = table.Rows,
            Groups = table.Groups,
            Accounts = table.Accounts,
            Fetch = table.Fetch,
            Summary = summary,
        };
        return new Report
        {
            Definition = report.Definition,
            GeneratedAt = report.GeneratedAt,
            TimeZone = report.TimeZone,
            Parameters = report.Parameters,
            Datasets = [withSummary],
        };
    }

    [GeneratedRegex(@"[ML](?<x>-?[0-9.]+) (?<y>-?[0-9.]+)")]
    private static partial Regex Point();

    [GeneratedRegex(@"translate\((?<x>-?[0-9.]+) (?<y>-?[0-9.]+)\)")]
    private static partial Regex Translate();
}
