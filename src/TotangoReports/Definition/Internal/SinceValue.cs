using System.Globalization;
using System.Text.RegularExpressions;

namespace TotangoReports.Definition.Internal;

/// <summary>The forms <c>since</c> may take: <c>7d</c>, <c>24h</c>, <c>2026-11-01</c>, unix seconds, <c>last-run</c>.</summary>
internal static partial class SinceValue
{
    public static void Check(YamlNode node, string text, DiagnosticBag bag)
    {
        if (text == "last-run" || Relative().IsMatch(text))
        {
            return;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return;
        }

        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 100_000_000)
            {
                var when = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                bag.Warning(node, $"since '{text}' is read as unix seconds ({when}); write '{text}d' for {text} days");
            }

            return;
        }

        bag.Error(node, $"since '{text}' is not understood: write a span like 7d or 24h, a date like 2026-11-01, unix seconds like 1356912000, or last-run");
    }

    [GeneratedRegex(@"^[1-9][0-9]{0,5}[dh]$")]
    private static partial Regex Relative();
}
