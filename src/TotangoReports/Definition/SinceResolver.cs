using System.Globalization;
using System.Text.RegularExpressions;

namespace TotangoReports.Definition;

/// <summary>
/// The one grammar of <c>since</c> (definitions and <c>--since</c> alike), and its resolution into the unix seconds the
/// API takes: <c>7d</c>, <c>24h</c>, <c>90m</c> count back from now; <c>2026-11-01</c> is midnight of that day in the
/// report's time zone; <c>2026-11-01T08:00:00Z</c> an instant; digits are unix seconds; <c>last-run</c> is when the
/// last successful run started.
/// </summary>
public static partial class SinceResolver
{
    public const string LastRun = "last-run";

    private const string Forms = "write a span like 7d or 24h, a date like 2026-11-01, an instant like 2026-11-01T08:00:00Z, unix seconds like 1356912000, or last-run";

    /// <summary>Why <paramref name="since"/> is not a valid value (null when it is), and a warning for a doubtful one.</summary>
    public static string? Problem(string since, out string? warning)
    {
        warning = null;
        var text = since.Trim();
        if (IsLastRun(text))
        {
            return null;
        }

        if (RelativePattern().Match(text) is { Success: true } relative)
        {
            return Span(relative) > LongestSpan
                ? $"since '{since}' reaches back more than {LongestSpan.TotalDays.ToString(CultureInfo.InvariantCulture)} days (about 54 years, before the API's data begins); write a shorter span or a date"
                : null;
        }

        var beforeEpoch = $"since '{since}' is before 1970-01-01, where the API's unix time begins; write a later date";
        if (TryDate(text, out var date))
        {
            return date < Epoch ? beforeEpoch : null;
        }

        if (TryInstant(text, out var instant))
        {
            return instant < DateTimeOffset.UnixEpoch ? beforeEpoch : null;
        }

        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 100_000_000_000)
            {
                return $"since '{since}' looks like unix milliseconds; the API takes seconds";
            }

            if (seconds < 100_000_000)
            {
                var when = DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                warning = $"since '{text}' is read as unix seconds ({when}); write '{text}d' for {text} days";
            }

            return null;
        }

        return $"since '{since}' is not understood: {Forms}";
    }

    /// <param name="lastRun">The state file's value for this dataset, or null on a first run.</param>
    /// <param name="firstRunWindow">How far a first <c>last-run</c> looks back.</param>
    /// <exception cref="FormatException">The value is none of the forms above (the message lists them).</exception>
    public static long Resolve(string since, DateTimeOffset now, TimeZoneInfo zone, long? lastRun, TimeSpan firstRunWindow)
    {
        if (Problem(since, out _) is { } problem)
        {
            throw new FormatException(problem);
        }

        var text = since.Trim();
        if (IsLastRun(text))
        {
            return lastRun ?? now.Add(-firstRunWindow).ToUnixTimeSeconds();
        }

        var relative = RelativePattern().Match(text);
        if (relative.Success)
        {
            // Never before the unix epoch, whatever now is (an --as-of in the past, a span near the limit).
            return Math.Max(0, now.Add(-Span(relative)).ToUnixTimeSeconds());
        }

        if (TryDate(text, out var date))
        {
            var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            return Math.Max(0, new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUnixTimeSeconds());
        }

        if (TryInstant(text, out var instant))
        {
            return instant.ToUnixTimeSeconds();
        }

        return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The longest relative span accepted: about 54 years, so that now minus it stays after 1970.</summary>
    private static readonly TimeSpan LongestSpan = TimeSpan.FromDays(20_000);

    private static readonly DateOnly Epoch = new(1970, 1, 1);

    private static TimeSpan Span(Match relative)
    {
        var amount = long.Parse(relative.Groups[1].Value, CultureInfo.InvariantCulture);
        return relative.Groups[2].Value switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromMinutes(amount),
        };
    }

    private static bool IsLastRun(string text) => string.Equals(text, LastRun, StringComparison.OrdinalIgnoreCase);

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    // An instant must say its offset (Z or ±hh:mm): a bare local time would depend on the machine.
    private static bool TryInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10);

    [GeneratedRegex("^([1-9][0-9]{0,5})([dhm])$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
