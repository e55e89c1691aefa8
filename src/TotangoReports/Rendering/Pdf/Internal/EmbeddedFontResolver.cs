using ScottPlot;
using SkiaSharp;
using TotangoReports.Rendering.Charts.Internal;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Lets ScottPlot find our shipped fonts by family name, so charts drawn into the PDF use the embedded
/// DejaVu Sans instead of whatever the machine has installed.
/// </summary>
internal sealed class EmbeddedFontResolver(PdfFonts fonts) : IFontResolver
{
    private static int registered;

    public static void Register(PdfFonts fonts)
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        ScottPlot.Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(fonts));
    }

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
    {
        if (string.Equals(fontName, ChartFonts.Family, StringComparison.OrdinalIgnoreCase)
            || string.Equals(fontName, "DejaVu Sans", StringComparison.OrdinalIgnoreCase))
        {
            return fonts.Main(bold).Typeface;
        }

        return string.Equals(fontName, fonts.Fallback.Name, StringComparison.OrdinalIgnoreCase) ? fonts.Fallback.Typeface : null;
    }
}
