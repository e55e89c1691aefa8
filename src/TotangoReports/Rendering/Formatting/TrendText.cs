using System.Globalization;

namespace TotangoReports.Rendering.Formatting;

/// <summary>
/// A <c>trend:</c> cell (<c>a;b;c</c>: raw invariant numbers, oldest first, now last, empty for a week without one) as
/// the points every sparkline draws: PDF, HTML and XLSX read it through here, so they draw the same line.
/// </summary>
internal static class TrendText
{
    public static double?[] Points(object? cell)
    {
        if (cell is not string text || text.Length == 0)
        {
            return [];
        }

        return [.. text.Split(';').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : (double?)null)];
    }

    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// The XLSX sparkline: one block character per week, its height the value's place between the trend's own minimum
    /// and maximum (a space for a week without one). Chosen over an Excel sparkline, which needs the x14 extension list
    /// SpreadCheetah does not write, and over a PNG per cell, which would not sort, filter or scale to 100,000 rows:
    /// block characters show as a small bar chart in Excel, LibreOffice, Numbers and Google Sheets and stay with their row.
    /// </summary>
    public static string Blocks(object? cell)
    {
        var points = Points(cell);
        var known = points.Where(p => p is not null).Select(p => p!.Value).ToList();
        if (known.Count == 0)
        {
            return string.Empty;
        }

        var min = known.Min();
        var range = known.Max() - min;
        return string.Concat(points.Select(p => p is not { } v ? ' ' : Bars[range == 0 ? 3 : (int)Math.Round((v - min) / range * (Bars.Length - 1))]));
    }

    /// <summary>"92 → 100": first and last known values, for screen readers and the XLSX cell next to the line.</summary>
    public static string Summary(double?[] points, string? format)
    {
        var known = points.Where(p => p is not null).Select(p => p!.Value).ToList();
        return known.Count switch
        {
            0 => string.Empty,
            1 => ExcelFormats.FormatNumber(known[0], format),
            _ => $"{ExcelFormats.FormatNumber(known[0], format)} → {ExcelFormats.FormatNumber(known[^1], format)}",
        };
    }

    /// <summary>
    /// Each point's position in a box: x evenly spaced (a missing week keeps its place), y scaled to the known values'
    /// range (a flat line in the middle), null where the week has no value.
    /// </summary>
    public static (double X, double Y)?[] Layout(double?[] points, double width, double height, double padding)
    {
        var known = points.Where(p => p is not null).Select(p => p!.Value).ToList();
        var result = new (double, double)?[points.Length];
        if (known.Count == 0 || points.Length < 2)
        {
            return result;
        }

        var min = known.Min();
        var range = known.Max() - min;
        var step = (width - (2 * padding)) / (points.Length - 1);
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i] is { } value)
            {
                var y = range == 0 ? height / 2 : height - padding - ((value - min) / range * (height - (2 * padding)));
                result[i] = (padding + (i * step), y);
            }
        }

        return result;
    }
}
