using TotangoReports.Data;
using TotangoReports.Definition;
using TotangoReports.Rendering.Charts;

namespace TotangoReports.Tests.Rendering;

public sealed class ReportChartsTests
{
    private static Report ReportWith(params AccountFacts[] accounts) => new()
    {
        Definition = new ReportDefinition { Title = "t", Datasets = [], SourcePath = "t.yaml" },
        GeneratedAt = DateTimeOffset.UnixEpoch,
        TimeZone = TimeZoneInfo.Utc,
        Datasets = [new DatasetTable { Name = "a", Columns = [], Rows = [], Accounts = accounts }],
    };

    private static AccountFacts Account(string id, double? score, string? health, double activity30d = 0) =>
        new(id, "Name " + id, score, health, new Dictionary<string, double> { ["past_30d"] = activity30d, ["past_1d"] = 1 });

    [Fact]
    public void For_CountsAccountsPerHealth_InGoodAveragePoorOrder()
    {
        var report = ReportWith(Account("1", 10, "Poor"), Account("2", 90, "Good"), Account("3", 50, "Poor"), Account("4", null, null));

        var health = ReportCharts.For(report).Single(c => c.Kind == ReportChartKind.HealthDistribution);

        health.Labels.ShouldBe(["Good", "Poor"]);
        health.Values.ShouldBe([1d, 2d]);
    }

    [Fact]
    public void For_SumsActivityPerWindow_ShortestWindowFirst()
    {
        var report = ReportWith(Account("1", 10, "Good", 5), Account("2", 20, "Good", 7));

        var activity = ReportCharts.For(report).Single(c => c.Kind == ReportChartKind.ActivityByWindow);

        activity.Labels.ShouldBe(["1d", "30d"]);
        activity.Values.ShouldBe([2d, 12d]);
    }

    [Fact]
    public void For_RanksTopAccountsByScore_BestFirst()
    {
        var report = ReportWith(Account("1", 10, "Good"), Account("2", 90, "Good"), Account("3", 50, "Good"));

        var top = ReportCharts.For(report).Single(c => c.Kind == ReportChartKind.TopAccounts);

        top.Labels.ShouldBe(["Name 2", "Name 3", "Name 1"]);
    }

    [Fact]
    public void Chart_RendersAsSvgAndPng()
    {
        var chart = ReportCharts.For(ReportWith(Account("1", 10, "Good"), Account("2", 90, "Poor")))[0];

        var svg = chart.ToSvg(400, 300);
        var png = chart.ToPng(400, 300);

        svg.ShouldStartWith("<svg");
        svg.ShouldContain("Accounts by health");
        png.Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }
}

public sealed class ChartLabelTests
{
    [Theory]
    [InlineData(0d, "0")]
    [InlineData(174d, "174")]
    [InlineData(9_999d, "9,999")]
    [InlineData(11_440d, "11k")]
    [InlineData(734_882d, "735k")]
    [InlineData(2_223_053d, "2.2M")]
    [InlineData(12_500_000d, "13M")]
    [InlineData(57.25d, "57.25")]
    public void Compact_KeepsBarLabelsShort(double value, string expected)
    {
        TotangoReports.Rendering.Charts.Internal.ChartPlotter.Compact(value).ShouldBe(expected);
    }
}
