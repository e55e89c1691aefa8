using System.Globalization;
using System.Text.RegularExpressions;

namespace TotangoReports.Runs;

/// <summary>
/// Turns a <c>since</c> value into the unix seconds the API takes: <c>7d</c> and <c>24h</c> count back from now;
/// <c>2026-11-01</c> is midnight of that day in the report's time zone; <c>2026-11-01T08:00:00Z</c> an instant;
/// digits are unix seconds; <c>last-run</c> is when the last successful run started.
/// </summary>
public static partial class SinceResolver
{
    public const string LastRun = "last-run";

    /// <param name="lastRun">The state file's value for this dataset, or null on a first run.</param>
    /// <param name="firstRunWindow">How far a first <c>last-run</c> looks back.</param>
    /// <exception cref="FormatException">The value is none of the forms above (the message lists them).</exception>
    public static long Resolve(string since, DateTimeOffset now, TimeZoneInfo zone, long? lastRun, TimeSpan firstRunWindow)
    {
        var text = since.Trim();
        if (string.Equals(text, LastRun, StringComparison.OrdinalIgnoreCase))
        {
            return lastRun ?? now.Add(-firstRunWindow).ToUnixTimeSeconds();
        }

        var relative = RelativePattern().Match(text);
        if (relative.Success)
        {
            var amount = long.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
            var span = relative.Groups[2].Value switch
            {
                "d" => TimeSpan.FromDays(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromMinutes(amount),
            };
            return now.Add(-span).ToUnixTimeSeconds();
        }

        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            var seconds = long.Parse(text, CultureInfo.InvariantCulture);
            if (seconds > 100_000_000_000)
            {
                throw new FormatException($"since '{since}' looks like unix milliseconds; the API takes seconds ({seconds / 1000})");
            }

            return seconds;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds();
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant.ToUnixTimeSeconds();
        }

        throw new FormatException($"since '{since}' is not understood; write 7d, 24h, 2026-11-01, 2026-11-01T08:00:00Z, unix seconds or last-run");
    }

    [GeneratedRegex("^([0-9]{1,6})([dhm])$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
