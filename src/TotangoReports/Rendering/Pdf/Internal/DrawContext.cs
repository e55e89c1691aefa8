using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// What drawing needs beyond the layout: the typefaces to draw with — per face a subset holding just the glyphs
/// the document uses (so the PDF embeds kilobytes, not the whole 4 MB CJK face) — and the names under which
/// ScottPlot finds those subsets for the charts.
/// </summary>
internal sealed class DrawContext : IDisposable
{
    private static int documents;

    private readonly Dictionary<FontFace, SKTypeface> subsets = [];
    private readonly Dictionary<(FontFace Face, float Size), SKFont> fonts = [];

    private DrawContext(string chartFamily)
    {
        ChartFamily = chartFamily;
    }

    /// <summary>The font family name charts are told to use; resolves to this document's subsets.</summary>
    public string ChartFamily { get; }

    public static DrawContext Create(PdfFonts shipped, FontUsage usage, bool subset)
    {
        var context = new DrawContext("TotangoReports PDF " + Interlocked.Increment(ref documents).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (subset)
        {
            foreach (var face in usage.Faces)
            {
                var data = FontSubsetter.Subset(face, usage.Glyphs(face), usage.Codepoints(face));
                var typeface = data is null ? null : SKTypeface.FromStream(new MemoryStream(data, writable: false));
                if (typeface is not null)
                {
                    context.subsets[face] = typeface;
                }
            }
        }

        EmbeddedFontResolver.RegisterFamily(context.ChartFamily, context.Typeface(shipped.Regular), context.Typeface(shipped.Bold));
        return context;
    }

    public SKTypeface Typeface(FontFace face) => subsets.TryGetValue(face, out var typeface) ? typeface : face.Typeface;

    public SKFont Font(FontFace face, float size)
    {
        if (!fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(Typeface(face), size)
            {
                Subpixel = true,
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Edging = SKFontEdging.Antialias,
            };
            fonts[(face, size)] = font;
        }

        return font;
    }

    public void Dispose()
    {
        EmbeddedFontResolver.UnregisterFamily(ChartFamily);
        foreach (var font in fonts.Values)
        {
            font.Dispose();
        }

        // The subset typefaces stay alive: ScottPlot caches typefaces by family name for the process lifetime,
        // and a disposed one there would be a dangling handle. They are small and their names never recur.
        fonts.Clear();
    }
}
