using System.Text.RegularExpressions;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Inline-ready chart SVG. ScottPlot numbers its clip-path ids from a process-wide counter; renaming them after
/// the chart key makes the page byte-for-byte reproducible and keeps ids unique among several charts.
/// </summary>
internal static partial class ChartSvg
{
    public static string Normalize(string svg, string chartKey)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefix = "chart-" + Regex.Replace(chartKey, "[^A-Za-z0-9_-]", "_");
        return ClipId().Replace(svg, m =>
        {
            if (!renamed.TryGetValue(m.Value, out var name))
            {
                name = prefix + "-clip" + renamed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                renamed[m.Value] = name;
            }

            return name;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9A-Za-z]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
