using TotangoReports.Definition;
using TotangoReports.Delivery;
using TotangoReports.Fixtures;
using TotangoReports.Rendering;

namespace TotangoReports.Tests.Delivery;

public sealed class OutputNamesTests
{
    private static OutputDefinition Output(string file) => new() { Format = OutputFormat.Xlsx, File = file, Location = new SourceLocation("weekly.yaml", 30, 5) };

    [Fact]
    public void Expand_Date_IsTheRunDateInTheReportZone()
    {
        // 2026-11-23 07:30 UTC is 08:30 in Berlin: same day. Shift the run to 23:30 UTC and Berlin is already the 24th.
        var report = TestReports.Accounts(3);

        OutputNames.Expand(Output("weekly-usage-{{ date }}.xlsx"), report).ShouldBe("weekly-usage-2026-11-23.xlsx");
    }

    [Fact]
    public void Expand_LateUtcRun_UsesTheLocalDate()
    {
        var source = TestReports.Accounts(3);
        var report = new TotangoReports.Data.Report
        {
            Definition = source.Definition,
            GeneratedAt = new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero),
            TimeZone = TestReports.Berlin,
            Datasets = source.Datasets,
        };

        OutputNames.Expand(Output("r-{{ date }}-{{ time }}.csv"), report).ShouldBe("r-2026-11-24-0030.csv");
    }

    [Theory]
    [InlineData("{{ 1 + }}.csv")]
    [InlineData("{{ '' }}")]
    public void Expand_BadTemplate_ReportsTheOutputsLocation(string file)
    {
        var error = Should.Throw<RenderException>(() => OutputNames.Expand(Output(file), TestReports.Accounts(3)));

        error.Message.ShouldStartWith("weekly.yaml:30:5: ");
    }
}
