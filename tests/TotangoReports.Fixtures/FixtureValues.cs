namespace TotangoReports.Fixtures;

/// <summary>The values every hand-built report cycles through, so tests and benchmarks see the same data.</summary>
public static class FixtureValues
{
    public static IReadOnlyList<string> Regions { get; } = ["EMEA", "NA", "APAC", "LATAM"];

    public static IReadOnlyList<string> Healths { get; } = ["Good", "Average", "Poor"];

    /// <summary>The zone of hand-built reports: one with summer time, so conversions are visible.</summary>
    public static TimeZoneInfo Berlin { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>When hand-built reports were "generated": a Monday morning.</summary>
    public static DateTimeOffset GeneratedAt { get; } = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);
}
