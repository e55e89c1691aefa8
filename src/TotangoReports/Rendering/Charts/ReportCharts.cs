using TotangoReports.Data;
using TotangoReports.Definition;

namespace TotangoReports.Rendering.Charts;

/// <summary>The charts of a report, as drawable data: <see cref="Report.Summary"/>'s series, nothing computed here.</summary>
internal static class ReportCharts
{
    public const int TopAccountCount = 10;

    public static IReadOnlyList<ReportChart> For(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Summary.Charts.Select(ToChart).ToList();
    }

    private static ReportChart ToChart(SummaryChart chart) =>
        new(chart.Key, chart.Title, KindOf(chart), chart.Labels, chart.Values) { Type = chart.Type, Series = chart.Series, Stacks = chart.Stacks, Dated = chart.Dated };

    // The look: health colours, vertical bars (a line, a donut, stacked bars by Type), horizontal bars.
    private static ReportChartKind KindOf(SummaryChart chart) => chart switch
    {
        { Type: ChartType.HBar } => ReportChartKind.TopAccounts,
        { Labels.Count: > 0 } when chart.Labels.All(IsHealth) => ReportChartKind.HealthDistribution,
        _ => ReportChartKind.ActivityByWindow,
    };

    private static bool IsHealth(string label) => label is "Good" or "Average" or "Poor";
}
