using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Tests.Rendering;

/// <summary>The one formatter every format prints a KPI's compare with: "+12 vs 7 days ago", coloured by whether it is good news.</summary>
public sealed class KpiCompareTextTests
{
    private static SummaryKpi Kpi(double? delta, string format = "#,##0", string span = "7d", KpiTone tone = KpiTone.Neutral) =>
        new("k", "K", 100, format, tone) { Compare = new KpiComparison(delta is null ? null : 100 - delta, delta, span) };

    [Theory]
    [InlineData(12d, "#,##0", "7d", "+12 vs 7 days ago")]
    [InlineData(-1234d, "#,##0", "7d", "-1,234 vs 7 days ago")]
    [InlineData(0.26, "0.0", "1w", "+0.3 vs 1 week ago")]
    [InlineData(0.02, "0.0", "12w", "no change vs 12 weeks ago")]
    [InlineData(0d, "#,##0", "24h", "no change vs 24 hours ago")]
    [InlineData(null, "#,##0", "7d", "no data 7 days ago")]
    public void Compare_SignsTheChangeInTheKpisFormat(double? delta, string format, string span, string expected)
    {
        KpiText.Compare(Kpi(delta, format, span)).ShouldBe(expected);
    }

    [Fact]
    public void Compare_WithoutCompare_IsNull()
    {
        KpiText.Compare(new SummaryKpi("k", "K", 1, "0")).ShouldBeNull();
    }

    [Theory]
    [InlineData(5d, KpiTone.Neutral, 1)]
    [InlineData(-5d, KpiTone.Neutral, -1)]
    [InlineData(5d, KpiTone.Poor, -1)]
    [InlineData(-5d, KpiTone.Poor, 1)]
    [InlineData(0.01, KpiTone.Neutral, 0)]
    public void Goodness_IsUpExceptForPoorCounts(double delta, KpiTone tone, int expected)
    {
        KpiText.Goodness(Kpi(delta, tone: tone)).ShouldBe(expected);
    }
}
