using System.Collections.Concurrent;
using ScottPlot;
using SkiaSharp;
using TotangoReports.Rendering.Charts.Internal;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Lets ScottPlot find our shipped fonts by family name — the charts' default family, and each PDF document's own
/// subset family — so charts drawn into the PDF use embedded fonts, never whatever the machine has installed.
/// </summary>
internal sealed class EmbeddedFontResolver(PdfFonts fonts) : IFontResolver
{
    private static readonly ConcurrentDictionary<string, (SKTypeface Regular, SKTypeface Bold)> Families = new(StringComparer.Ordinal);
    private static int _registered;

    public static void Register(PdfFonts fonts)
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        lock (ScottPlot.Fonts.FontResolvers)
        {
            ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(fonts));
        }
    }

    public static void RegisterFamily(string family, SKTypeface regular, SKTypeface bold) => Families[family] = (regular, bold);

    public static void UnregisterFamily(string family) => Families.TryRemove(family, out _);

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        if (Families.TryGetValue(fontName, out var family))
        {
            return bold ? family.Bold : family.Regular;
        }

        if (string.Equals(fontName, ChartFonts.Family, StringComparison.OrdinalIgnoreCase)
            || string.Equals(fontName, "DejaVu Sans", StringComparison.OrdinalIgnoreCase))
        {
            return fonts.Main(bold).Typeface;
        }

        return string.Equals(fontName, fonts.Fallback.Name, StringComparison.OrdinalIgnoreCase) ? fonts.Fallback.Typeface : null;
    }
}
