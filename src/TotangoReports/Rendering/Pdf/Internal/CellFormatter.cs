using System.Globalization;
using System.Text;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Cell values as text, culture-invariant: numbers through their Excel-style format (the common ones map
/// one-to-one onto .NET custom formats), dates as yyyy-MM-dd, date-times as yyyy-MM-dd HH:mm in the report zone.
/// </summary>
internal sealed class CellFormatter(TimeZoneInfo zone)
{
    public const string DefaultNumberFormat = "#,##0.##";
    public const string DefaultDateFormat = "yyyy-MM-dd";
    public const string DefaultDateTimeFormat = "yyyy-MM-dd HH:mm";

    private readonly Dictionary<string, string> converted = new(StringComparer.Ordinal);

    public static bool IsRightAligned(TableColumn column) => column.Kind == CellKind.Number;

    public string Format(object? value, TableColumn column) => value switch
    {
        null => string.Empty,
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

    public static string FormatNumber(double value, string? format)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return string.Empty;
        }

        var pattern = IsNumberFormat(format) ? format! : DefaultNumberFormat;
        var text = value.ToString(pattern, CultureInfo.InvariantCulture);

        // "-0" after rounding reads as a mistake in a report.
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,%") < 0 ? text[1..] : text;
    }

    /// <summary>Excel number formats we pass to .NET unchanged: digits placeholders, grouping, decimals, percent.</summary>
    public static bool IsNumberFormat(string? format) =>
        !string.IsNullOrEmpty(format) && format.AsSpan().IndexOfAnyExcept("#0,.%") < 0 && format.Contains('0', StringComparison.Ordinal);

    /// <summary>Excel date tokens to .NET: m is a month except next to h or s, where it is minutes.</summary>
    public string DateFormat(string? excel, string fallback)
    {
        if (string.IsNullOrWhiteSpace(excel) || IsNumberFormat(excel))
        {
            return fallback;
        }

        if (converted.TryGetValue(excel, out var known))
        {
            return known;
        }

        var result = ConvertDateFormat(excel) ?? fallback;
        converted[excel] = result;
        return result;
    }

    internal static string? ConvertDateFormat(string excel)
    {
        var output = new StringBuilder();
        var lastWasHour = false;
        var i = 0;
        while (i < excel.Length)
        {
            var c = char.ToLowerInvariant(excel[i]);
            var run = 1;
            while (i + run < excel.Length && char.ToLowerInvariant(excel[i + run]) == c)
            {
                run++;
            }

            switch (c)
            {
                case 'y':
                    output.Append(run <= 2 ? "yy" : "yyyy");
                    break;
                case 'd':
                    output.Append('d', Math.Min(run, 4));
                    break;
                case 'h':
                    output.Append('H', Math.Min(run, 2));
                    lastWasHour = true;
                    break;
                case 's':
                    output.Append('s', Math.Min(run, 2));
                    break;
                case 'm':
                    var minutes = lastWasHour || NextLetterIsSecond(excel, i + run);
                    output.Append(minutes ? 'm' : 'M', Math.Min(run, minutes ? 2 : 4));
                    lastWasHour = false;
                    break;
                case '-' or '/' or ' ' or ':' or '.' or ',' or 't':
                    output.Append(c == '/' ? "'/'" : c == 't' ? "'T'" : c.ToString());
                    break;
                case '\\':
                    if (i + 1 < excel.Length)
                    {
                        output.Append('\'').Append(excel[i + 1]).Append('\'');
                    }

                    i += 2;
                    continue;
                default:
                    return null;
            }

            if (char.IsAsciiLetter(c) && c is not 'h' and not 'm')
            {
                lastWasHour = false;
            }

            i += run;
        }

        return output.ToString();
    }

    private static bool NextLetterIsSecond(string excel, int from)
    {
        for (var k = from; k < excel.Length; k++)
        {
            var c = char.ToLowerInvariant(excel[k]);
            if (char.IsAsciiLetter(c))
            {
                return c == 's';
            }
        }

        return false;
    }

    /// <summary>Control characters (other than line breaks and tabs) would draw as boxes; tabs become spaces.</summary>
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
