using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace TotangoReports.Rendering.Formatting;

/// <summary>
/// A column's Excel-style format (the one the XLSX output uses as is) applied as text, the same in PDF and HTML:
/// numbers through the common number formats (<c>0</c>, <c>#,##0.00</c>, <c>0%</c>), dates through Excel date tokens.
/// </summary>
internal static class ExcelFormats
{
    public const string DefaultNumberFormat = Data.Internal.DefaultFormats.Number;

    // Excel number formats as .NET custom formats, by format text: definitions hold a handful, cells use them 100,000 times.
    private static readonly ConcurrentDictionary<string, string?> NumberPatterns = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="format"/> is an Excel number format: digit placeholders (<c>0</c>, <c>#</c>) and no
    /// date tokens outside quotes; sections (<c>+0;-0;0</c>), percent, thousands, literals (<c>"users"</c>, <c>\x</c>)
    /// and colours (<c>[Red]</c>) included.
    /// </summary>
    public static bool IsNumberFormat(string? format) => !string.IsNullOrEmpty(format) && NumberPattern(format) is not null;

    /// <summary>
    /// A number as text with <paramref name="excelFormat"/> (or the default), as Excel shows it: sections for
    /// positive;negative;zero, percent, grouping, literals. Never "-0"; empty for NaN/∞.
    /// </summary>
    public static string FormatNumber(double value, string? excelFormat)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return string.Empty;
        }

        var pattern = (string.IsNullOrEmpty(excelFormat) ? null : NumberPattern(excelFormat)) ?? DefaultNumberFormat;
        var text = Section(pattern, value, out var magnitude) is { Length: > 0 } section
            ? magnitude.ToString(section, CultureInfo.InvariantCulture)
            : string.Empty;

        // "-0" after rounding reads as a mistake in a report.
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.,%") < 0 ? text[1..] : text;
    }

    /// <summary>
    /// Excel picks the section by the value itself (0.4 with <c>+0;-0;0</c> is "+0"; .NET would pick the zero section
    /// after rounding); a negative section prints the magnitude, its own text carrying any sign. Empty = hidden.
    /// </summary>
    private static string Section(string pattern, double value, out double magnitude)
    {
        magnitude = value;
        if (pattern.IndexOf(';', StringComparison.Ordinal) < 0)
        {
            return pattern;
        }

        var sections = SplitSections(pattern);
        if (value < 0 && sections.Count > 1)
        {
            magnitude = -value;
            return sections[1];
        }

        return value == 0 && sections.Count > 2 ? sections[2] : sections[0];
    }

    /// <summary>Splits at the <c>;</c> outside quotes and escapes.</summary>
    private static List<string> SplitSections(string pattern)
    {
        var sections = new List<string>(3);
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '"':
                    var end = pattern.IndexOf('"', i + 1);
                    i = end < 0 ? pattern.Length : end;
                    break;
                case '\\':
                    i++;
                    break;
                case ';':
                    sections.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        sections.Add(pattern[start..]);
        return sections;
    }

    private static string? NumberPattern(string excel) => NumberPatterns.GetOrAdd(excel, ToDotNetNumber);

    /// <summary>Excel number format → .NET custom numeric format; null when it is not a number format.</summary>
    private static string? ToDotNetNumber(string excel)
    {
        if (string.Equals(excel.Trim(), "General", StringComparison.OrdinalIgnoreCase))
        {
            return DefaultNumberFormat;
        }

        var builder = new StringBuilder(excel.Length + 4);
        var digits = false;
        for (var i = 0; i < excel.Length; i++)
        {
            var c = excel[i];
            switch (c)
            {
                case '"':
                    var end = excel.IndexOf('"', i + 1);
                    end = end < 0 ? excel.Length : end;
                    builder.Append('"').Append(excel, i + 1, end - i - 1).Append('"');
                    i = end;
                    break;
                case '\\' when i + 1 < excel.Length:
                    builder.Append('\\').Append(excel[++i]);
                    break;
                case '[':
                    // Colours and conditions: Excel paints or picks with them; as text they are nothing.
                    var close = excel.IndexOf(']', i + 1);
                    i = close < 0 ? excel.Length : close;
                    break;
                case '_' when i + 1 < excel.Length:
                    // "_)" leaves the width of ")" blank so positives line up with "(negatives)".
                    builder.Append(' ');
                    i++;
                    break;
                case '*' when i + 1 < excel.Length:
                    // A fill character repeats to the cell's width: nothing in running text.
                    i++;
                    break;
                case '0' or '#':
                    digits = true;
                    builder.Append(c);
                    break;
                case '?':
                    digits = true;
                    builder.Append('#');
                    break;
                case '.' or ',' or '%' or ';' or '+' or '-' or ' ' or '(' or ')' or '$' or '/' or ':' or 'E' or 'e':
                    builder.Append(c);
                    break;
                default:
                    if (char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's')
                    {
                        return null;
                    }

                    builder.Append('\\').Append(c);
                    break;
            }
        }

        return digits ? builder.ToString() : null;
    }

    /// <summary>
    /// A typed cell as text with its Excel-style format, as every format prints a group aggregate or KPI: numbers
    /// through <see cref="FormatNumber"/>, dates through date tokens (a date-time cell is already on the report zone's
    /// clock, see <c>CellKind</c>); empty for null and NaN/∞.
    /// </summary>
    public static string FormatCell(object? cell, string? excelFormat) => cell switch
    {
        double number => double.IsFinite(number) ? FormatNumber(number, excelFormat) : string.Empty,
        DateOnly date => date.ToString(DateToDotNet(DateFormatOr(excelFormat, Data.Internal.DefaultFormats.Date)), CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.DateTime.ToString(DateToDotNet(DateFormatOr(excelFormat, Data.Internal.DefaultFormats.DateTime)), CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // A number format (a KPI's default "#,##0.##") says nothing about a date: the date default applies.
    private static string DateFormatOr(string? excelFormat, string fallback) =>
        string.IsNullOrWhiteSpace(excelFormat) || IsNumberFormat(excelFormat) ? fallback : excelFormat;

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
