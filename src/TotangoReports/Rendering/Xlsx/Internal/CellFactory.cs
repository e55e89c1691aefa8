using System.Globalization;
using SpreadCheetah;

namespace TotangoReports.Rendering.Xlsx.Internal;

/// <summary>
/// Turns a typed value into a typed cell: numbers as numbers, dates as Excel serial dates, text as inline strings
/// (SpreadCheetah never interprets text, so "=1+1" stays the four characters), http(s) URLs as HYPERLINK formulas.
/// </summary>
internal sealed class CellFactory(TimeZoneInfo zone, XlsxRendererOptions options)
{
    // Excel's hard limit on the characters in one cell.
    private const int MaxCellText = 32767;

    // Excel's 1900 date system starts here; earlier dates can't be serial numbers.
    private static readonly DateTime FirstExcelDate = new(1900, 3, 1);

    public Cell Create(object? value, ColumnPlan plan) => value switch
    {
        null => default,
        string when plan.Column.Trend => new Cell(Formatting.TrendText.Blocks(value), plan.Plain),
        string text => Text(text, plan),
        double number => double.IsFinite(number) ? new Cell(number, plan.IsScore ? plan.ShadeStyle(ScoreShade(number)) : plan.Plain) : default,
        DateOnly date => Date(date.ToDateTime(TimeOnly.MinValue), plan),
        DateTimeOffset moment => Date(TimeZoneInfo.ConvertTime(moment, zone).DateTime, plan),
        DateTime moment => Date(moment, plan),
        bool flag => new Cell(flag, plan.Plain),
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture), plan),
        _ => Text(value.ToString() ?? string.Empty, plan),
    };

    public Shade ScoreShade(double score) =>
        score >= options.ScoreGoodFrom ? Shade.Good : score < options.ScorePoorBelow ? Shade.Poor : Shade.Average;

    public static Shade HealthShade(string value) => value.Trim().ToUpperInvariant() switch
    {
        "GOOD" => Shade.Good,
        "AVERAGE" => Shade.Average,
        "POOR" => Shade.Poor,
        _ => Shade.None,
    };

    private static Cell Date(DateTime clock, ColumnPlan plan) =>
        clock < FirstExcelDate
            ? new Cell(clock.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), plan.Plain)
            : new Cell(clock, plan.Plain);

    private static Cell Text(string text, ColumnPlan plan)
    {
        if (text.Length > MaxCellText)
        {
            text = text[..MaxCellText];
        }

        if (plan.IsHealth)
        {
            return new Cell(text, plan.ShadeStyle(HealthShade(text)));
        }

        if (LinkTarget(text) is { } uri)
        {
            // The URL goes into the formula as Uri.AbsoluteUri, which percent-escapes quotes, so the cell text can't
            // close the string literal and smuggle in formula code; the cached value is the text as received.
            return new Cell(Formula.Hyperlink(uri), text, plan.Link);
        }

        var wrap = text.Length > plan.WrapAfter || text.Contains('\n', StringComparison.Ordinal);
        return new Cell(text, wrap ? plan.Wrapped : plan.Plain);
    }

    public static Uri? LinkTarget(string text)
    {
        if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !uri.IsWellFormedOriginalString())
        {
            return null;
        }

        var target = uri.AbsoluteUri;
        return target.Length <= 255 && !target.Contains('"', StringComparison.Ordinal) ? uri : null;
    }
}
