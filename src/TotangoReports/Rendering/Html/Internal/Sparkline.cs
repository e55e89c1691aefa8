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
}
