using TotangoReports.Fixtures;
using System.Globalization;
using TotangoReports.Definition;
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

    private static readonly ChartType[] Types = [ChartType.Bar, ChartType.HBar, ChartType.StackedBar, ChartType.Line, ChartType.Donut];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Layout_LineAndDonutOfTheReportSeries_NoTwoTextBoxesIntersect(int width, int height)
    {
        foreach (var chart in ReportCharts.For(TestReports.Accounts(700)).Concat(ReportCharts.For(TestReports.Accounts(12))))
        {
            foreach (var type in new[] { ChartType.Line, ChartType.Donut })
            {
                var layout = ChartPlotter.Layout(chart with { Type = type }, width, height);

                AssertNoOverlap(layout, $"{chart.Key} as {type} at {width}×{height}");
                layout.TextBoxes.Count(b => b.Kind == "category").ShouldBeGreaterThan(0);
            }
        }
    }

    [Fact]
    public void Layout_Line_IsALineWithMarkersOverXInTheDataOrder()
    {
        var chart = new ReportChart("weeks", "Active users", ReportChartKind.HealthDistribution, ["W1", "W2", "W3", "W4"], [30, 10, 40, 20]) { Type = ChartType.Line };

        var layout = ChartPlotter.Layout(chart, 523, 240);

        var line = layout.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single();
        line.MarkerSize.ShouldBeGreaterThan(0);
        var points = line.Data.GetScatterPoints();
        points.Select(p => p.X).ShouldBe([0d, 1, 2, 3]);
        points.Select(p => p.Y).ShouldBe([30d, 10, 40, 20]);
        layout.TextBoxes.Where(b => b.Kind == "category").Select(b => b.Text).ShouldBe(["W1", "W2", "W3", "W4"]);
        var categories = layout.TextBoxes.Where(b => b.Kind == "category").Select(b => b.Left).ToList();
        categories.ShouldBe(categories.Order().ToList());
        // Each value sits above its own point: the highest point has the highest label.
        var values = layout.TextBoxes.Where(b => b.Kind == "value").ToList();
        values.Select(b => b.Text).ShouldBe(["30", "10", "40", "20"]);
        values.MinBy(b => b.Top).Text.ShouldBe("40");
    }

    [Fact]
    public void Layout_Donut_IsARingSlicePerPositiveValueWithALegendInOrder()
    {
        var chart = new ReportChart("health", "Accounts by health", ReportChartKind.HealthDistribution, ["Good", "Average", "Poor", "(none)"], [50, 30, 20, 0]) { Type = ChartType.Donut };

        var layout = ChartPlotter.Layout(chart, 255, 200);

        layout.Plot.GetPlottables().OfType<ScottPlot.Plottables.Polygon>().Count().ShouldBe(3);
        layout.Plot.GetPlottables().OfType<ScottPlot.Plottables.BarPlot>().ShouldBeEmpty();
        var legend = layout.TextBoxes.Where(b => b.Kind == "category").ToList();
        legend.Select(b => b.Text).ShouldBe(["Good", "Average", "Poor", "(none)"]);
        legend.Select(b => b.Left).Distinct().Count().ShouldBe(1, "a legend is a column");
        legend.Select(b => b.Top).ShouldBe(legend.Select(b => b.Top).Order().ToList());
        layout.TextBoxes.Where(b => b.Kind == "value").Select(b => b.Text).ShouldBe(["50", "30", "20"]);
        AssertNoOverlap(layout, "donut");
    }

    [Fact]
    public void Layout_DonutWithMoreSlicesThanLegendLines_EndsTheLegendWithHowManyMore()
    {
        var labels = Enumerable.Range(1, 40).Select(i => "Region " + i.ToString(CultureInfo.InvariantCulture)).ToList();
        var chart = new ReportChart("regions", "Regions", ReportChartKind.ActivityByWindow, labels, labels.Select((_, i) => (double)(i + 1)).ToList()) { Type = ChartType.Donut };

        var layout = ChartPlotter.Layout(chart, 255, 200);

        var legend = layout.TextBoxes.Where(b => b.Kind == "category").ToList();
        legend.Count.ShouldBeLessThan(40);
        legend[^1].Text.ShouldBe($"+{40 - (legend.Count - 1)} more");
        legend.Max(b => b.Bottom).ShouldBeLessThanOrEqualTo(200);
        AssertNoOverlap(layout, "many slices");
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
            var type = Types[random.Next(Types.Length)];
            var chart = new ReportChart("random", "Random series " + round.ToString(CultureInfo.InvariantCulture), kind, labels, values) { Type = type };
            var width = random.Next(220, 700);
            var height = random.Next(180, 400);

            // Act
            var layout = ChartPlotter.Layout(chart, width, height);

            // Assert
            AssertNoOverlap(layout, $"round {round}: {kind} {type}, {count} points at {width}×{height}");
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

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Layout_StackedBarOfRegionsByHealth_NoTwoTextBoxesIntersect_AndHasALegend(int width, int height)
    {
        var chart = Stacked("Accounts by region", ["NA", "EMEA", "LATAM", "APAC"], ["Good", "Average", "Poor"], [[120, 80, 40, 30], [90, 60, 30, 25], [60, 40, 20, 10]]);

        var layout = ChartPlotter.Layout(chart, width, height);

        AssertNoOverlap(layout, $"stacked at {width}×{height}");
        var legend = layout.TextBoxes.Where(b => b.Kind == "legend").Select(b => b.Text).ToList();
        legend.Count.ShouldBe(3);
        legend.Zip(chart.Series).ShouldAllBe(p => p.First == p.Second || (p.First.EndsWith('…') && p.Second.StartsWith(p.First.TrimEnd('…'), StringComparison.Ordinal)));
        if (width >= 500)
        {
            legend.ShouldBe(["Good", "Average", "Poor"]);
        }
        layout.TextBoxes.Count(b => b.Kind == "category").ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Layout_RandomStackedSeries_NoTwoTextBoxesIntersect()
    {
        var random = new Random(11);
        string[] words = ["Nordlicht", "Software", "AG", "株式会社テスト", "חברת אלפא", "Café Müller GmbH", "x", "Supercalifragilistic"];
        for (var round = 0; round < 60; round++)
        {
            // Arrange
            var count = random.Next(1, 31);
            string Name() => string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
            var labels = Enumerable.Range(0, count).Select(_ => Name()).ToList();
            var series = Enumerable.Range(0, random.Next(1, 25)).Select(i => Name() + " " + i.ToString(CultureInfo.InvariantCulture)).ToList();
            var scale = Math.Pow(10, random.Next(0, 8));
            var stacks = series.Select(_ => (IReadOnlyList<double>)labels.Select(_ => Math.Round(random.NextDouble() * scale)).ToList()).ToList();
            var chart = Stacked("Random stacked " + round.ToString(CultureInfo.InvariantCulture), labels, series, stacks);
            var width = random.Next(220, 700);
            var height = random.Next(180, 400);

            // Act
            var layout = ChartPlotter.Layout(chart, width, height);

            // Assert
            AssertNoOverlap(layout, $"round {round}: {count} bars, {series.Count} series at {width}×{height}");
            layout.TextBoxes.Count(b => b.Kind == "legend").ShouldBeGreaterThan(0);
        }
    }

    internal static ReportChart Stacked(string title, IReadOnlyList<string> labels, IReadOnlyList<string> series, IReadOnlyList<IReadOnlyList<double>> stacks) =>
        new("stacked", title, ReportChartKind.ActivityByWindow, labels, labels.Select((_, i) => stacks.Sum(s => s[i])).ToList())
        {
            Type = ChartType.StackedBar,
            Series = series,
            Stacks = stacks,
        };

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
