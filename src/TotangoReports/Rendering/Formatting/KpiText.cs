using System.Globalization;
using TotangoReports.Data;

namespace TotangoReports.Rendering.Formatting;

/// <summary>A KPI's figure as every format prints it (PDF tile, HTML tile, mail): its format through <see cref="ExcelFormats"/>.</summary>
internal static class KpiText
{
    /// <summary>Shown where a figure could not be computed (no scores, no rows).</summary>
    public const string Missing = "–";

    public static string Of(SummaryKpi kpi) => ExcelFormats.FormatCell(kpi.Cell, kpi.Format) is { Length: > 0 } text ? text : Missing;

    /// <summary>
    /// The tile's comparison line, the same in every format: "+12 vs 7 days ago" (the change in the KPI's own format,
    /// always signed), "no change vs 7 days ago", or "no data 7 days ago" when there was no snapshot then; null without
    /// <c>compare</c>.
    /// </summary>
    public static string? Compare(SummaryKpi kpi)
    {
        if (kpi.Compare is not { } compare)
        {
            return null;
        }

        var ago = Ago(compare.Span);
        if (compare.Delta is not { } delta || !double.IsFinite(delta))
        {
            return $"no data {ago}";
        }

        var magnitude = ExcelFormats.FormatNumber(Math.Abs(delta), kpi.Format);
        if (Direction(kpi) == 0)
        {
            return $"no change vs {ago}";
        }

        return $"{(delta > 0 ? "+" : "-")}{magnitude} vs {ago}";
    }

    /// <summary>
    /// Whether the change is good news: up is, except for a KPI toned Poor (a count of Poor accounts), where down is.
    /// 1 good, −1 bad, 0 unchanged; the colour of the comparison in every format.
    /// </summary>
    public static int Goodness(SummaryKpi kpi) => kpi.Tone == KpiTone.Poor ? -Direction(kpi) : Direction(kpi);

    /// <summary>1 up, −1 down, 0 unchanged (or unknown): the change as the reader sees it, after the KPI's rounding.</summary>
    public static int Direction(SummaryKpi kpi)
    {
        if (kpi.Compare?.Delta is not { } delta || !double.IsFinite(delta) || delta == 0)
        {
            return 0;
        }

        // A change too small to show in the KPI's format reads as no change, not as "+0".
        var shown = ExcelFormats.FormatNumber(Math.Abs(delta), kpi.Format);
        return shown.Any(c => c is >= '1' and <= '9') ? Math.Sign(delta) : 0;
    }

    /// <summary><c>7d</c> → "7 days ago", <c>1w</c> → "1 week ago", <c>24h</c> → "24 hours ago".</summary>
    public static string Ago(string span)
    {
        var text = span.Trim();
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return text + " ago";
        }

        var unit = text[^1] switch { 'h' => "hour", 'd' => "day", 'w' => "week", _ => text[^1].ToString() };
        return string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? string.Empty : "s")} ago");
    }
}
