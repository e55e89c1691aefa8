using System.Globalization;
using System.Text;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>A tiny inline SVG line of a series of numbers, scaled to its own minimum and maximum.</summary>
internal static class Sparkline
{
    private const double Padding = 1;

    public static RawHtml Draw(IEnumerable<double?> values, int width, int height)
    {
        width = Math.Clamp(width, 10, 2000);
        height = Math.Clamp(height, 4, 500);
        var points = values.Select(v => v ?? 0).ToList();
        var builder = new StringBuilder(64 + (points.Count * 12));
        builder.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">");
        if (points.Count >= 2)
        {
            var min = points.Min();
            var max = points.Max();
            var range = max - min;
            var step = (width - (2 * Padding)) / (points.Count - 1);
            builder.Append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.5\" points=\"");
            for (var i = 0; i < points.Count; i++)
            {
                var x = Padding + (i * step);
                var y = range == 0 ? height / 2.0 : height - Padding - ((points[i] - min) / range * (height - (2 * Padding)));
                builder.Append(i == 0 ? string.Empty : " ")
                    .Append(Math.Round(x, 1).ToString(CultureInfo.InvariantCulture))
                    .Append(',')
                    .Append(Math.Round(y, 1).ToString(CultureInfo.InvariantCulture));
            }

            builder.Append("\"/>");
        }

        builder.Append("</svg>");
        return new RawHtml(builder.ToString());
    }

    /// <summary>A <c>trend:</c> cell: the SVG line in a saved page, the XLSX's block characters in a mail (clients drop SVG).</summary>
    public static RawHtml ForCell(object? cell, string? format, bool svg)
    {
        var points = Formatting.TrendText.Points(cell);
        var label = Formatting.TrendText.Summary(points, format);
        return svg
            ? Trend(points, label)
            : new RawHtml($"<span class=\"trend\" title=\"{HtmlEscaper.Escape(label)}\" style=\"color:#2563eb;letter-spacing:-1px;white-space:nowrap;\">{HtmlEscaper.Escape(Formatting.TrendText.Blocks(cell))}</span>");
    }

    /// <summary>
    /// A <c>trend:</c> cell's line: a week without a value breaks the line (never drawn as zero), the newest point is a
    /// dot; the label ("92 → 100") is the SVG's title, for screen readers and mail clients that hide SVG.
    /// </summary>
    public static RawHtml Trend(double?[] points, string label, int width = 80, int height = 18)
    {
        var builder = new StringBuilder(128 + (points.Length * 12));
        builder.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" role=\"img\" aria-label=\"{HtmlEscaper.Escape(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" style=\"vertical-align:middle\">");
        builder.Append("<title>").Append(HtmlEscaper.Escape(label)).Append("</title>");
        var layout = Formatting.TrendText.Layout(points, width, height, 2);
        var segment = new List<string>();
        void Flush()
        {
            if (segment.Count > 1)
            {
                builder.Append("<polyline fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.5\" stroke-linejoin=\"round\" points=\"").AppendJoin(' ', segment).Append("\"/>");
            }

            segment.Clear();
        }

        foreach (var point in layout)
        {
            if (point is { } p)
            {
                segment.Add(string.Create(CultureInfo.InvariantCulture, $"{Math.Round(p.X, 1)},{Math.Round(p.Y, 1)}"));
            }
            else
            {
                Flush();
            }
        }

        Flush();
        if (layout.Length > 0 && layout[^1] is { } last)
        {
            builder.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Math.Round(last.X, 1)}\" cy=\"{Math.Round(last.Y, 1)}\" r=\"2\" fill=\"#1e3a8a\"/>");
        }

        builder.Append("</svg>");
        return new RawHtml(builder.ToString());
    }
}
