using System.Globalization;
using TotangoReports.Rendering.Charts;
using TotangoReports.Rendering.Charts.Internal;
using TotangoReports.Tests.Fixtures;

namespace TotangoReports.Tests.Rendering;

/// <summary>
/// Charts never collide: from the layout (where each title, category name and value label is placed), no two text
/// boxes intersect — for the report's charts at every size a format draws them, and for random series.
/// </summary>
public sealed class ChartLayoutTests
{
    /// <summary>PDF half-width and full-width, HTML, mail and XLSX sizes.</summary>
    public static readonly TheoryData<int, int> Sizes = new() { { 255, 200 }, { 523, 240 }, { 600, 300 }, { 600, 320 }, { 640, 360 } };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Layout_ReportCharts_NoTwoTextBoxesIntersect(int width, int height)
    {
        foreach (var chart in ReportCharts.For(TestReports.Accounts(700)).Concat(ReportCharts.For(TestReports.Accounts(12))))
        {
            var layout = ChartPlotter.Layout(chart, width, height);

            AssertNoOverlap(layout, $"{chart.Key} at {width}×{height}");
            layout.TextBoxes.Count(b => b.Kind == "category").ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Layout_RandomSeries_NoTwoTextBoxesIntersect()
    {
        var random = new Random(15);
        string[] words = ["Nordlicht", "Software", "AG", "株式会社テスト", "חברת אלפא", "Café Müller GmbH", "x", "Supercalifragilistic"];
        var kinds = Enum.GetValues<ReportChartKind>();
        for (var round = 0; round < 80; round++)
        {
            // Arrange
            var count = random.Next(1, 31);
            var labels = Enumerable.Range(0, count)
                .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)])))
                .ToList();
            var values = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * Math.Pow(10, random.Next(0, 9)))).ToList();
            var kind = kinds[random.Next(kinds.Length)];
            var chart = new ReportChart("random", "Random series " + round.ToString(CultureInfo.InvariantCulture), kind, labels, values);
            var width = random.Next(220, 700);
            var height = random.Next(180, 400);

            // Act
            var layout = ChartPlotter.Layout(chart, width, height);

            // Assert
            AssertNoOverlap(layout, $"round {round}: {kind}, {count} bars at {width}×{height}");
        }
    }

    [Fact]
    public void Layout_ActivityWindows_AreLabelledBarsNotATimeAxis()
    {
        var chart = new ReportChart("activity", "Activity by window", ReportChartKind.ActivityByWindow,
            ["today", "1d", "3d", "7d", "14d", "30d", "90d"], [11_000, 23_000, 71_000, 167_000, 340_000, 735_000, 2_223_053]);

        var layout = ChartPlotter.Layout(chart, 255, 200);

        // One row per window, each named for what it is, each with its own value.
        layout.TextBoxes.Where(b => b.Kind == "category").Select(b => b.Text)
            .ShouldBe(["Today", "Last day", "Last 3 days", "Last 7 days", "Last 14 days", "Last 30 days", "Last 90 days"]);
        layout.TextBoxes.Count(b => b.Kind == "value").ShouldBe(7);
        var rows = layout.TextBoxes.Where(b => b.Kind == "category").Select(b => b.Top).ToList();
        rows.ShouldBe(rows.Order().ToList());
        AssertNoOverlap(layout, "activity");
    }

    [Fact]
    public void Layout_LongCategoryNames_AreShortenedWithAnEllipsis()
    {
        var name = "Internationale Handelsgesellschaft für Unternehmenssoftware und Beratung mbH";
        var chart = new ReportChart("top-accounts", "Top accounts", ReportChartKind.TopAccounts, [name, "Short Ltd"], [99, 98]);

        var layout = ChartPlotter.Layout(chart, 300, 200);

        var categories = layout.TextBoxes.Where(b => b.Kind == "category").ToList();
        categories[0].Text.ShouldEndWith("…");
        name.ShouldStartWith(categories[0].Text.TrimEnd('…').TrimEnd());
        categories[0].Width.ShouldBeLessThanOrEqualTo(300 * 0.4f);
        categories[1].Text.ShouldBe("Short Ltd");
    }

    private static void AssertNoOverlap(ChartLayout layout, string context)
    {
        var boxes = layout.TextBoxes;
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                boxes[i].Intersects(boxes[j]).ShouldBeFalse($"{context}: {boxes[i]} overlaps {boxes[j]} (#{i}, #{j} of {string.Join(" | ", boxes.Select(b => b.Text + "@" + b.Left.ToString("0", CultureInfo.InvariantCulture)))})");
            }
        }
    }
}
