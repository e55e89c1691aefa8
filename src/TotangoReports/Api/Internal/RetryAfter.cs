using System.Globalization;

namespace TotangoReports.Api.Internal;

/// <summary>
/// Reads a <c>Retry-After</c> header: delay seconds or an HTTP date (RFC 9110 §10.2.3). Whatever the server says,
/// the delay is at most <see cref="Longest"/> (the caller caps it further): <c>1e12</c> or <c>Infinity</c> must not
/// overflow a <see cref="TimeSpan"/>, and <c>NaN</c> is no delay at all.
/// </summary>
internal static class RetryAfter
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (double.IsNaN(seconds))
            {
                return null;
            }

            return seconds < 0 ? TimeSpan.Zero : seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var delay = date - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > Longest ? Longest : delay;
        }

        return null;
    }
}
