using System.Text.RegularExpressions;

namespace TotangoReports.Definition;

/// <summary>
/// The ActivitiesExporter pivot: one column per activity × window, headed by <see cref="Header"/>
/// (<c>create-task 7d</c> by default, <c>create-task_7d</c> with <c>header: "{activity}_{window}"</c> as the vendor's
/// accountsRecentActivity.php heads them).
/// </summary>
public sealed partial class ActivitiesDefinition
{
    /// <summary>The header pattern used when a definition gives none: <c>create-task 30d</c>.</summary>
    public const string DefaultHeader = "{activity} {window}";

    /// <summary>Activity names (matched case-insensitively); empty = every activity seen in the data.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>API window names, e.g. <c>past_30d</c>.</summary>
    public IReadOnlyList<string> Windows { get; init; } = [];

    /// <summary>
    /// Pattern of a pivot column's header: <c>{activity}</c> is the activity name, <c>{window}</c> the window label
    /// (<c>7d</c>), <c>{window_name}</c> the API window (<c>past_7d</c>). Default <see cref="DefaultHeader"/>.
    /// </summary>
    public string Header { get; init; } = DefaultHeader;

    public SourceLocation Location { get; init; }

    /// <summary>The windows the vendor page lists plus <c>past_7d</c>, which the scripts read, in order of length.</summary>
    public static IReadOnlyList<string> KnownWindows { get; } =
        ["realtime_today", "past_1d", "past_3d", "past_7d", "past_14d", "past_30d", "past_90d"];

    /// <summary>
    /// Whether <paramref name="window"/> can be a window: a known one, or any <c>past_&lt;N&gt;d</c> — a server may send
    /// windows no page lists, and the pivot takes whatever the server sends.
    /// </summary>
    public static bool IsWindowName(string window) => KnownWindows.Contains(window, StringComparer.Ordinal) || PastDays().IsMatch(window);

    /// <summary>The label used in pivot headers: <c>past_30d</c> → <c>30d</c>, <c>realtime_today</c> → <c>today</c>.</summary>
    public static string WindowLabel(string window) =>
        window == "realtime_today" ? "today" : window.StartsWith("past_", StringComparison.Ordinal) ? window[5..] : window;

    /// <summary>The header of the pivot column for <paramref name="activity"/> in <paramref name="window"/>.</summary>
    public string ColumnName(string activity, string window) => FormatHeader(Header, activity, window);

    /// <summary>Whether <paramref name="name"/> is a pivot header of some activity in one of <see cref="Windows"/>.</summary>
    public bool MatchesColumn(string name) =>
        Windows.Any(w => Regex.IsMatch(
            name,
            "^" + Regex.Escape(FormatHeader(Header, "\u0001", w)).Replace("\u0001", ".+", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1)));

    internal static string FormatHeader(string pattern, string activity, string window) =>
        pattern.Replace("{window_name}", window, StringComparison.Ordinal)
            .Replace("{window}", WindowLabel(window), StringComparison.Ordinal)
            .Replace("{activity}", activity, StringComparison.Ordinal);

    [GeneratedRegex("^past_[0-9]{1,4}d$", RegexOptions.CultureInvariant)]
    private static partial Regex PastDays();
}
