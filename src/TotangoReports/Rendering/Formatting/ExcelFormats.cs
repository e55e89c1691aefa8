using System.Globalization;
using System.Text;

namespace TotangoReports.Rendering.Formatting;

/// <summary>
/// A column's Excel-style format (the one the XLSX output uses as is) applied as text, the same in PDF and HTML:
/// numbers through the common number formats (<c>0</c>, <c>#,##0.00</c>, <c>0%</c>), dates through Excel date tokens.
/// </summary>
internal static class ExcelFormats
{
    public const string DefaultNumberFormat = "#,##0.##";

    /// <summary>Excel number formats that mean the same to .NET: digit placeholders, grouping, decimals, percent.</summary>
    public static bool IsNumberFormat(string? format) =>
        !string.IsNullOrEmpty(format) && format.AsSpan().IndexOfAnyExcept("#0,.%") < 0 && format.Contains('0', StringComparison.Ordinal);

    /// <summary>A number as text with <paramref name="excelFormat"/> (or the default), never "-0", empty for NaN/∞.</summary>
    public static string FormatNumber(double value, string? excelFormat)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return string.Empty;
        }

        var pattern = IsNumberFormat(excelFormat) ? excelFormat! : DefaultNumberFormat;
        var text = value.ToString(pattern, CultureInfo.InvariantCulture);

        // "-0" after rounding reads as a mistake in a report.
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,%") < 0 ? text[1..] : text;
    }

    /// <summary>Excel date tokens to a .NET custom format: <c>m</c> is minutes after an hour or before seconds, else months.</summary>
    public static string DateToDotNet(string excel)
    {
        var twelveHour = excel.Contains("AM/PM", StringComparison.OrdinalIgnoreCase);
        var tokens = Tokenize(excel.Replace("AM/PM", "\u0001", StringComparison.OrdinalIgnoreCase));
        var builder = new StringBuilder(excel.Length + 8);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (kind, text) = tokens[i];
            switch (kind)
            {
                case 'y':
                    builder.Append(text.Length <= 2 ? "yy" : "yyyy");
                    break;
                case 'd':
                    builder.Append('d', Math.Min(text.Length, 4));
                    break;
                case 'h':
                    builder.Append(twelveHour ? 'h' : 'H', Math.Min(text.Length, 2));
                    break;
                case 's':
                    builder.Append('s', Math.Min(text.Length, 2));
                    break;
                case 'm':
                    builder.Append(IsMinutes(tokens, i) ? 'm' : 'M', IsMinutes(tokens, i) ? Math.Min(text.Length, 2) : Math.Min(text.Length, 4));
                    break;
                case '\u0001':
                    builder.Append("tt");
                    break;
                default:
                    AppendLiteral(builder, text);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool IsMinutes(List<(char Kind, string Text)> tokens, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            if (tokens[i].Kind is 'y' or 'd' or 'm' or 's')
            {
                break;
            }

            if (tokens[i].Kind == 'h')
            {
                return true;
            }
        }

        for (var i = index + 1; i < tokens.Count; i++)
        {
            if (tokens[i].Kind is 'y' or 'd' or 'm' or 'h')
            {
                break;
            }

            if (tokens[i].Kind == 's')
            {
                return true;
            }
        }

        return false;
    }

    private static List<(char Kind, string Text)> Tokenize(string format)
    {
        var tokens = new List<(char, string)>();
        var i = 0;
        while (i < format.Length)
        {
            var c = char.ToLowerInvariant(format[i]);
            if (c is 'y' or 'm' or 'd' or 'h' or 's')
            {
                var start = i;
                while (i < format.Length && char.ToLowerInvariant(format[i]) == c)
                {
                    i++;
                }

                tokens.Add((c, format[start..i]));
            }
            else if (format[i] == '"')
            {
                var end = format.IndexOf('"', i + 1);
                end = end < 0 ? format.Length : end;
                tokens.Add(('"', format[(i + 1)..end]));
                i = end + 1;
            }
            else if (format[i] == '\\' && i + 1 < format.Length)
            {
                tokens.Add(('"', format[i + 1].ToString()));
                i += 2;
            }
            else
            {
                tokens.Add((format[i] == '\u0001' ? '\u0001' : '"', format[i].ToString()));
                i++;
            }
        }

        return tokens;
    }

    private static void AppendLiteral(StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            // Separators print as themselves under the invariant culture; anything else is quoted so .NET never reads it as a specifier.
            if (c is '-' or '/' or ':' or ' ' or '.' or ',')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\\').Append(c);
            }
        }
    }
}
