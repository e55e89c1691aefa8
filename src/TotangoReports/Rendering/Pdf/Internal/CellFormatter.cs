using System.Globalization;
using System.Text;
using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Cell values as text, culture-invariant: numbers through their Excel-style format (the common ones map
/// one-to-one onto .NET custom formats), dates as yyyy-MM-dd, date-times as yyyy-MM-dd HH:mm in the report zone.
/// </summary>
internal sealed class CellFormatter(TimeZoneInfo zone)
{
    public const string DefaultNumberFormat = ExcelFormats.DefaultNumberFormat;
    public const string DefaultDateFormat = "yyyy-MM-dd";
    public const string DefaultDateTimeFormat = "yyyy-MM-dd HH:mm";

    private readonly Dictionary<string, string> _converted = new(StringComparer.Ordinal);

    public static bool IsRightAligned(TableColumn column) => column.Kind == CellKind.Number;

    /// <summary>
    /// What a <c>trend:</c> cell holds in the text layer: figure spaces (which never break) that reserve the width its
    /// sparkline is drawn in (<see cref="TablePageElement"/>).
    /// </summary>
    public const string TrendRoom = "\u2007\u2007\u2007\u2007\u2007\u2007\u2007\u2007\u2007\u2007";

    public string Format(object? value, TableColumn column) => value switch
    {
        null => string.Empty,
        string when column.Trend => TrendRoom,
        double d => FormatNumber(d, column.Format),
        float f => FormatNumber(f, column.Format),
        int n => FormatNumber(n, column.Format),
        long n => FormatNumber(n, column.Format),
        decimal m => FormatNumber((double)m, column.Format),
        DateOnly date => date.ToString(DateFormat(column.Format, DefaultDateFormat), CultureInfo.InvariantCulture),
        DateTimeOffset time => TimeZoneInfo.ConvertTime(time, zone).ToString(DateFormat(column.Format, DefaultDateTimeFormat), CultureInfo.InvariantCulture),
        DateTime time => time.ToString(DateFormat(column.Format, DefaultDateTimeFormat), CultureInfo.InvariantCulture),
        string s => Clean(s),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Clean(value.ToString() ?? string.Empty),
    };

    public static string FormatNumber(double value, string? format) => ExcelFormats.FormatNumber(value, format);

    /// <summary>Excel date tokens to .NET: m is a month except next to h or s, where it is minutes.</summary>
    public string DateFormat(string? excel, string fallback)
    {
        if (string.IsNullOrWhiteSpace(excel) || ExcelFormats.IsNumberFormat(excel))
        {
            return fallback;
        }

        if (_converted.TryGetValue(excel, out var known))
        {
            return known;
        }

        var result = ExcelFormats.DateToDotNet(excel);
        _converted[excel] = result;
        return result;
    }

    private static string Clean(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\0', '\u001F') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\n' or '\r')
            {
                builder.Append(c);
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (c >= ' ')
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
