namespace TotangoReports.Definition;

/// <summary>The ActivitiesExporter pivot: one column per activity × window, headed <c>&lt;activity&gt; &lt;window label&gt;</c>.</summary>
public sealed class ActivitiesDefinition
{
    /// <summary>Activity names (matched case-insensitively); empty = every activity seen in the data.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>API window names, e.g. <c>past_30d</c>.</summary>
    public IReadOnlyList<string> Windows { get; init; } = [];

    /// <summary>Where it was written.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>The API's window names, in the order of their length.</summary>
    public static IReadOnlyList<string> KnownWindows { get; } =
        ["realtime_today", "past_1d", "past_3d", "past_7d", "past_14d", "past_30d", "past_90d"];

    /// <summary>The label used in pivot headers: <c>past_30d</c> → <c>30d</c>, <c>realtime_today</c> → <c>today</c>.</summary>
    public static string WindowLabel(string window) =>
        window == "realtime_today" ? "today" : window.StartsWith("past_", StringComparison.Ordinal) ? window[5..] : window;
}
