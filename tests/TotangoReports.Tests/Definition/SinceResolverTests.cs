using TotangoReports.Definition;

namespace TotangoReports.Tests.Definition;

public sealed class SinceResolverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Theory]
    [InlineData("7d", 7 * 86400)]
    [InlineData("24h", 86400)]
    [InlineData("90m", 5400)]
    public void Resolve_RelativeValues_CountBackFromNow(string since, long secondsBack)
    {
        SinceResolver.Resolve(since, Now, Berlin, null, TimeSpan.FromDays(7)).ShouldBe(Now.ToUnixTimeSeconds() - secondsBack);
    }

    [Fact]
    public void Resolve_Date_IsMidnightInTheReportZone()
    {
        var expected = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(1)).ToUnixTimeSeconds();

        SinceResolver.Resolve("2026-11-01", Now, Berlin, null, TimeSpan.FromDays(7)).ShouldBe(expected);
    }

    [Fact]
    public void Resolve_UnixSeconds_PassThrough_AndMillisecondsAreRefused()
    {
        SinceResolver.Resolve("1356912000", Now, Berlin, null, TimeSpan.FromDays(7)).ShouldBe(1356912000);
        Should.Throw<FormatException>(() => SinceResolver.Resolve("1356912000000", Now, Berlin, null, TimeSpan.FromDays(7)))
            .Message.ShouldContain("milliseconds");
    }

    [Fact]
    public void Resolve_LastRun_UsesState_OrTheFirstRunWindow()
    {
        SinceResolver.Resolve("last-run", Now, Berlin, 1_700_000_000, TimeSpan.FromDays(7)).ShouldBe(1_700_000_000);
        SinceResolver.Resolve("last-run", Now, Berlin, null, TimeSpan.FromDays(7)).ShouldBe(Now.AddDays(-7).ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("7w")]
    [InlineData("")]
    public void Resolve_Nonsense_ListsTheAcceptedForms(string since)
    {
        Should.Throw<FormatException>(() => SinceResolver.Resolve(since, Now, Berlin, null, TimeSpan.FromDays(7)))
            .Message.ShouldContain("last-run");
    }

    [Theory]
    [InlineData("30m")]
    [InlineData("Last-Run")]
    [InlineData("2026-11-01T08:00:00Z")]
    [InlineData("2026-11-01T08:00:00+01:00")]
    public void DefinitionAndResolver_AcceptTheSameForms(string since)
    {
        var diagnostics = DefinitionLoader.Parse($$"""
            title: t
            datasets:
              d:
                list: 1
                endpoint: recent
                since: "{{since}}"
                columns: [{ name: A, path: name }]
            outputs: [{ format: csv, file: a.csv }]
            """, "since.yaml").Diagnostics;

        diagnostics.ShouldNotContain(d => d.IsError);
        Should.NotThrow(() => SinceResolver.Resolve(since, Now, Berlin, null, TimeSpan.FromDays(7)));
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("2026-11-01T08:00:00")]
    [InlineData("soon")]
    public void DefinitionAndResolver_RefuseTheSameForms(string since)
    {
        var diagnostics = DefinitionLoader.Parse($$"""
            title: t
            datasets:
              d:
                list: 1
                endpoint: recent
                since: "{{since}}"
                columns: [{ name: A, path: name }]
            outputs: [{ format: csv, file: a.csv }]
            """, "since.yaml").Diagnostics;

        diagnostics.ShouldContain(d => d.IsError && d.Message.Contains("since", StringComparison.Ordinal));
        Should.Throw<FormatException>(() => SinceResolver.Resolve(since, Now, Berlin, null, TimeSpan.FromDays(7)));
    }
}
