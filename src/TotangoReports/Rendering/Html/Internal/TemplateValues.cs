using System.Globalization;
using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// How report values enter the template model and how they print: numbers as doubles, dates and times as
/// <see cref="DateTime"/> on the report zone's clock (Scriban's own <c>date.*</c> functions understand them),
/// formatted culture-invariantly.
/// </summary>
internal static class TemplateValues
{
    public const string DefaultNumberFormat = ExcelFormats.DefaultNumberFormat;
    public const string DefaultDateFormat = "yyyy-MM-dd";
    public const string DefaultDateTimeFormat = "yyyy-MM-dd HH:mm";
    private const int MaxFormatLength = 64;

    /// <summary>A cell or fact value as the template sees it.</summary>
    public static object? ToModel(object? value, TimeZoneInfo timeZone) => value switch
    {
        DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified),
        DateTimeOffset offset => TimeZoneInfo.ConvertTime(offset, timeZone).DateTime,
        DateTime dateTime => ToZoneClock(dateTime, timeZone),
        float f => (double)f,
        int n => (double)n,
        long n => (double)n,
        decimal m => (double)m,
        _ => value,
    };

    /// <summary>A cell's display text; <paramref name="format"/> is the column's .NET format (see <see cref="ColumnModel"/>).</summary>
    public static string FormatCell(object? value, CellKind kind, string? format, TimeZoneInfo timeZone) => (value, kind) switch
    {
        (null, _) => string.Empty,
        (double number, CellKind.Number) => ExcelFormats.FormatNumber(number, format),
        (_, CellKind.Number) => FormatNumber(value, format),
        (_, CellKind.Date or CellKind.DateTime) => FormatDateTime(value, timeZone, format),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>An invariant key that orders like the value: numbers round-trip, dates ISO 8601, text as is.</summary>
    public static string SortKey(object? value, TimeZoneInfo timeZone) => ToModel(value, timeZone) switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    public static double? ToNumber(object? value) => value switch
    {
        null => null,
        double d => d,
        string s when double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string => null,
        bool => null,
        IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Formats with an Excel/.NET custom numeric format (<c>0</c>, <c>#,##0.00</c>, <c>0%</c>); text that is not a number prints as is.</summary>
    public static string FormatNumber(object? value, string? format)
    {
        var number = ToNumber(value);
        if (number is null)
        {
            return value is null ? string.Empty : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return number.Value.ToString(CheckFormat(format) ?? DefaultNumberFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>A fraction as a percentage: 0.256 → "26%" (or "25.6%" with one decimal).</summary>
    public static string FormatPercent(object? value, int decimals)
    {
        var number = ToNumber(value);
        if (number is null)
        {
            return string.Empty;
        }

        var places = Math.Clamp(decimals, 0, 10);
        return (number.Value * 100).ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>
    /// Formats a date/time on the report zone's clock with a .NET custom format. Without a format, a value at
    /// midnight prints as a date and any other as date and time.
    /// </summary>
    public static string FormatDateTime(object? value, TimeZoneInfo timeZone, string? format)
    {
        DateTime local;
        switch (value)
        {
            case null:
                return string.Empty;
            case DateTime dateTime:
                local = ToZoneClock(dateTime, timeZone);
                break;
            case DateTimeOffset offset:
                local = TimeZoneInfo.ConvertTime(offset, timeZone).DateTime;
                break;
            case DateOnly date:
                local = date.ToDateTime(TimeOnly.MinValue);
                break;
            case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                local = TimeZoneInfo.ConvertTime(parsed, timeZone).DateTime;
                break;
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        var effective = CheckFormat(format) ?? (local.TimeOfDay == TimeSpan.Zero ? DefaultDateFormat : DefaultDateTimeFormat);
        return local.ToString(effective, CultureInfo.InvariantCulture);
    }

    private static DateTime ToZoneClock(DateTime dateTime, TimeZoneInfo timeZone) => dateTime.Kind switch
    {
        // Unspecified = already on the report zone's clock (how the model hands out every time).
        DateTimeKind.Unspecified => dateTime,
        _ => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(dateTime, timeZone), DateTimeKind.Unspecified),
    };

    private static string? CheckFormat(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return null;
        }

        return format.Length <= MaxFormatLength
            ? format
            : throw new ArgumentException($"format '{format[..20]}…' is longer than {MaxFormatLength} characters");
    }
}
