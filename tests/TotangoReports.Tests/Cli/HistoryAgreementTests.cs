using System.Globalization;
using ClosedXML.Excel;
using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;
using TotangoReports.Sample.Internal;
using TotangoReports.Tests.Rendering.Html;
using TotangoReports.Tests.Rendering.Pdf;

namespace TotangoReports.Tests.Cli;

/// <summary>
/// The weekly sample with its in-memory 12-week history (PRODUCT.md §8): the changes, previous values and trends
/// agree with the sample's own drift computed independently, and the KPI compare reads the same in every format.
/// </summary>
public sealed class HistoryAgreementTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task SampleRun_ShowsWeekOverWeekChangesAndTrends_TheSameInEveryFormat()
    {
        // Arrange
        using var cli = new CliHarness();
        var definition = cli.CopySampleConfig("weekly-usage.yaml");

        // Act
        var result = await cli.RunAsync("run", definition, "--sample", "--no-email", "--out", "out");

        // Assert: the CSV against the drift, computed here from the generator, not through the report.
        result.ExitCode.ShouldBe(0, result.ToString());
        var files = Directory.GetFiles(cli.PathOf("out"));
        var csv = File.ReadAllLines(files.Single(f => f.EndsWith(".csv", StringComparison.Ordinal))).Select(l => l.Split(',')).ToList();
        var header = csv[0].Select(h => h.TrimStart('\uFEFF')).ToList();
        int Col(string name) => header.IndexOf(name);
        var rows = csv.Skip(1).Where(r => r.Length == header.Count).ToList();
        rows.Count.ShouldBeGreaterThan(600);
        foreach (var row in rows.Take(150))
        {
            var index = int.Parse(row[Col("Account ID")][1..], CultureInfo.InvariantCulture) - 10000;
            var weekAgo = SampleDrift.Apply(SampleAccountFactory.Create(1, index), 1, -1);
            var score = double.Parse(row[Col("Score")], CultureInfo.InvariantCulture);
            var there = SampleDrift.Present(1, index, 700, -1);
            row[Col("Score change 7d")].ShouldBe(there ? (score - weekAgo.Score).ToString(CultureInfo.InvariantCulture) : string.Empty, $"account {row[0]}");
            row[Col("Health 7d ago")].ShouldBe(there ? weekAgo.Health : string.Empty, $"account {row[0]}");
            var trend = row[Col("Score 12w")].Split(';');
            trend.Length.ShouldBe(12);
            trend[^1].ShouldBe(row[Col("Score")]);
            trend[^2].ShouldBe(SampleDrift.Present(1, index, 700, -1) ? weekAgo.Score.ToString(CultureInfo.InvariantCulture) : string.Empty);
            trend[0].ShouldBe(SampleDrift.Present(1, index, 700, -11) ? SampleDrift.Apply(SampleAccountFactory.Create(1, index), 1, -11).Score.ToString(CultureInfo.InvariantCulture) : string.Empty);
        }

        // The average score then: every account on the list a week ago (some have left since), as that run showed it.
        var then = Enumerable.Range(0, 714).Where(i => SampleDrift.Present(1, i, 700, -1)).Select(i => SampleDrift.Apply(SampleAccountFactory.Create(1, i), 1, -1).Score).Average();
        var now = rows.Average(r => double.Parse(r[Col("Score")], CultureInfo.InvariantCulture));
        var kpi = new SummaryKpi("average-score", "Average score", now, "0.0") { Compare = new KpiComparison(then, now - then, "7d") };
        var expected = KpiText.Compare(kpi)!;
        expected.ShouldEndWith(" vs 7 days ago");

        // XLSX: the line under the value; the trend column as one block per week.
        using var workbook = new XLWorkbook(SummaryAgreementTests.WithoutPictures(files.Single(f => f.EndsWith(".xlsx", StringComparison.Ordinal))));
        var label = workbook.Worksheet("Summary").CellsUsed().Single(c => c.GetString() == "Average score");
        label.CellBelow().CellBelow().GetString().ShouldBe(expected);
        var table = workbook.Worksheet("accounts").Tables.Single();
        table.DataRange.Rows().Take(20).ShouldAllBe(r => r.Field("Score 12w").GetString().Length == 12 && r.Field("Score 12w").GetString().All(c => c == ' ' || (c >= '\u2581' && c <= '\u2588')));

        // HTML: the same line under the tile, and a sparkline per shown row.
        var html = HtmlTestKit.Parse(File.ReadAllText(files.Single(f => f.EndsWith(".html", StringComparison.Ordinal))));
        var tile = html.QuerySelectorAll(".kpi").Single(t => t.Children[0].TextContent == "Average score");
        tile.QuerySelector(".kpi-compare")!.TextContent.ShouldBe(expected);
        html.QuerySelectorAll("table.rows svg.trend").Length.ShouldBe(25);
        html.QuerySelectorAll("table.rows svg.trend polyline").Length.ShouldBeGreaterThanOrEqualTo(25);

        // PDF: the words of the line on page 1.
        using var pdf = PdfTestSupport.Open(File.ReadAllBytes(files.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))));
        var words = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
        words.ShouldContain(expected.Split(' ')[0]);
        words.ShouldContain("vs 7 days");
    }
}
