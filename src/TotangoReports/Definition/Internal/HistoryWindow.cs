using System.Globalization;
using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>
/// A span of history as definitions write it: a whole number of hours, days or weeks (<c>12h</c>, <c>7d</c>,
/// <c>12w</c>). Months and years are not accepted: their length varies, and "then" must be one instant.
/// </summary>
internal static partial class HistoryWindow
{
    public const string Example = "7d, 12w or 24h";

    /// <summary>The span <paramref name="text"/> names, or null when it is not a span.</summary>
    public static TimeSpan? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true } || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "h" => TimeSpan.FromHours(count),
            "d" => TimeSpan.FromDays(count),
            _ => TimeSpan.FromDays(7L * count),
        };
    }

    /// <summary>Reads a span from <paramref name="node"/>; an error naming <paramref name="what"/> when it is not one.</summary>
    public static TimeSpan? Bind(YamlNode? node, DiagnosticBag bag, string what)
    {
        var text = Values.Text(node, bag, what);
        if (text is null)
        {
            return null;
        }

        var span = TryParse(text);
        if (span is null)
        {
            bag.Error(node!, $"{what} must be a span such as {Example}, found '{text}'");
        }

        return span;
    }

    [GeneratedRegex("^([0-9]{1,6})([hdw])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
