using System.Text.RegularExpressions;

namespace TotangoReports.Rendering.Html.Internal;

/// <summary>
/// Inline-ready chart SVG. ScottPlot numbers its clip-path ids from a process-wide counter; renaming them after
/// the chart key makes the page byte-for-byte reproducible and keeps ids unique among several charts. The root
/// gets a viewBox and a fluid style, so on a phone the chart shrinks with its ratio kept instead of widening the page.
/// </summary>
internal static partial class ChartSvg
{
    public static string Normalize(string svg, string chartKey)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefix = "chart-" + Regex.Replace(chartKey, "[^A-Za-z0-9_-]", "_");
        svg = RootSize().Replace(svg, m => string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{m.Value[..^1]} viewBox=\"0 0 {m.Groups["w"].Value} {m.Groups["h"].Value}\" style=\"display:block;width:100%;max-width:{m.Groups["w"].Value}px;height:auto\">"), 1);
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

    [GeneratedRegex(@"^<svg\b[^>]*?\swidth=""(?<w>\d+(?:\.\d+)?)""\s+height=""(?<h>\d+(?:\.\d+)?)""[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex RootSize();
}
