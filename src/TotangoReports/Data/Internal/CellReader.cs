using System.Globalization;
using System.Text.Json;
using TotangoReports.Definition;

namespace TotangoReports.Data.Internal;

/// <summary>
/// Turns a value found at a path (or returned by an expression) into a typed cell. <c>failed</c> means the value was
/// there but can't be that type: the cell is empty and the caller counts a warning for the column.
/// For <see cref="ColumnType.Auto"/> numbers come back as <see cref="double"/> and everything else as text;
/// the caller decides the column's kind once every row is known (see <see cref="AutoColumn"/>).
/// </summary>
internal static class CellReader
{
    public static object? FromJson(JsonElement value, ColumnType type, TimeZoneInfo zone, out bool failed)
    {
        failed = false;
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        switch (type)
        {
            case ColumnType.Auto:
                return value.ValueKind == JsonValueKind.Number ? AutoNumber(value) : JsonNavigator.ReadText(value);
            case ColumnType.Text:
                return JsonNavigator.ReadText(value);
            case ColumnType.Number:
                var number = value.ValueKind is JsonValueKind.Number or JsonValueKind.String ? JsonNavigator.ReadCount(value) : null;
                failed = number is null;
                return number;
            case ColumnType.Date or ColumnType.DateTime:
                object? time = value.ValueKind switch
                {
                    JsonValueKind.Number => FromUnixMilliseconds(value.GetDouble(), type, zone),
                    JsonValueKind.String => FromText(value.GetString()!, type, zone),
                    _ => null,
                };
                failed = time is null;
                return time;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    public static object? FromScript(object? value, ColumnType type, TimeZoneInfo zone, out bool failed)
    {
        failed = false;
        if (value is null)
        {
            return null;
        }

        if (type is ColumnType.Auto or ColumnType.Text && NumberText.InexactIntegerText(value) is { } digits)
        {
            // An id above 2^53 (account.account_id): as a double it would become another id.
            return digits;
        }

        if (NumberText.IsClrNumber(value))
        {
            var number = NumberText.FromClr(value);
            if (number is not { } d)
            {
                // Division by zero and friends: an empty cell, never "Infinity".
                failed = true;
                return null;
            }

            return type switch
            {
                ColumnType.Auto or ColumnType.Number => d,
                ColumnType.Text => NumberText.Format(d),
                _ => Fail(FromUnixMilliseconds(d, type, zone), out failed),
            };
        }

        switch (value)
        {
            case string text:
                return type switch
                {
                    ColumnType.Auto or ColumnType.Text => text,
                    ColumnType.Number => Fail(NumberText.TryParse(text, out var n) ? n : null, out failed),
                    _ => Fail(FromText(text, type, zone), out failed),
                };
            case bool flag:
                return type is ColumnType.Auto or ColumnType.Text ? flag ? "true" : "false" : Fail(null, out failed);
            case DateTime clock:
                return type switch
                {
                    ColumnType.Date => DateOnly.FromDateTime(clock),
                    ColumnType.DateTime => InZone(clock, zone),
                    ColumnType.Number => Fail(null, out failed),
                    _ => clock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                };
            case DateTimeOffset instant:
                var local = TimeZoneInfo.ConvertTime(instant, zone);
                return type switch
                {
                    ColumnType.Date => DateOnly.FromDateTime(local.DateTime),
                    ColumnType.DateTime => local,
                    ColumnType.Number => Fail(null, out failed),
                    _ => local.ToString("yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture),
                };
            default:
                var shown = Convert.ToString(value, CultureInfo.InvariantCulture);
                return type is ColumnType.Auto or ColumnType.Text ? shown : Fail(null, out failed);
        }
    }

    /// <summary>A number in an auto column: a double, unless it is an integer a double can't hold exactly (an id), then its digits.</summary>
    private static object AutoNumber(JsonElement value)
    {
        var number = value.GetDouble();
        if (Math.Abs(number) >= NumberText.ExactIntegerLimit && value.GetRawText() is var raw && NumberText.IsInexactInteger(raw))
        {
            return raw;
        }

        return number;
    }

    public static DateTimeOffset FromUnixMilliseconds(long milliseconds, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), zone);

    private static object? FromUnixMilliseconds(double milliseconds, ColumnType type, TimeZoneInfo zone)
    {
        if (!double.IsFinite(milliseconds) || Math.Abs(milliseconds) > 253_402_300_799_999d)
        {
            return null;
        }

        var local = FromUnixMilliseconds((long)milliseconds, zone);
        return type == ColumnType.Date ? DateOnly.FromDateTime(local.DateTime) : local;
    }

    /// <summary>ISO dates stay the calendar day written; ISO times without an offset are read as UTC; digits are unix ms.</summary>
    private static object? FromText(string text, ColumnType type, TimeZoneInfo zone)
    {
        text = text.Trim();
        if (NumberText.TryParse(text, out var milliseconds))
        {
            return FromUnixMilliseconds(milliseconds, type, zone);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return type == ColumnType.Date ? day : InZone(day.ToDateTime(TimeOnly.MinValue), zone);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            return type == ColumnType.Date ? DateOnly.FromDateTime(local.DateTime) : local;
        }

        return null;
    }

    /// <summary>A wall-clock time in <paramref name="zone"/> (a time in a DST gap takes the standard offset).</summary>
    private static DateTimeOffset InZone(DateTime clock, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static object? Fail(object? value, out bool failed)
    {
        failed = value is null;
        return value;
    }
}
