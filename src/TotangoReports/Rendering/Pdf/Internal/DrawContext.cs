using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// What drawing needs beyond the layout: the typefaces to draw with — per face a subset holding just the glyphs
/// the document uses (so the PDF embeds kilobytes, not the whole 4 MB CJK face) — and the names under which
/// ScottPlot finds those subsets for the charts.
/// </summary>
internal sealed class DrawContext : IDisposable
{
    private static int _documents;

    private readonly Dictionary<FontFace, SKTypeface> _subsets = [];
    private readonly Dictionary<(FontFace Face, float Size), SKFont> _fonts = [];
    private readonly Dictionary<FontFace, HashSet<ushort>> _ambiguous = [];

    private DrawContext(string chartFamily)
    {
        ChartFamily = chartFamily;
    }

    /// <summary>The font family name charts are told to use; resolves to this document's subsets.</summary>
    public string ChartFamily { get; }

    public static DrawContext Create(PdfFonts shipped, FontUsage usage, bool subset)
    {
        var context = new DrawContext("TotangoReports PDF " + Interlocked.Increment(ref _documents).ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var face in usage.Faces)
        {
            context._ambiguous[face] = AmbiguousGlyphs(face, usage.Codepoints(face));
        }

        if (subset)
        {
            foreach (var face in usage.Faces)
            {
                var data = FontSubsetter.Subset(face, usage.Glyphs(face), usage.Codepoints(face));
                var typeface = data is null ? null : SKTypeface.FromStream(new MemoryStream(data, writable: false));
                if (typeface is not null)
                {
                    context._subsets[face] = typeface;
                }
            }
        }

        EmbeddedFontResolver.RegisterFamily(context.ChartFamily, context.Typeface(shipped.Regular), context.Typeface(shipped.Bold));
        return context;
    }

    /// <summary>
    /// True when a glyph of the run is the font's glyph for two characters the document uses (say a space and a
    /// no-break space): the character map cannot tell a reader which, so the run must carry its text.
    /// </summary>
    public bool HasAmbiguousGlyph(GlyphRun run)
    {
        if (!_ambiguous.TryGetValue(run.Face, out var glyphs) || glyphs.Count == 0)
        {
            return false;
        }

        foreach (var glyph in run.Glyphs)
        {
            if (glyphs.Contains(glyph))
            {
                return true;
            }
        }

        return false;
    }

    public SKTypeface Typeface(FontFace face) => _subsets.TryGetValue(face, out var typeface) ? typeface : face.Typeface;

    private static HashSet<ushort> AmbiguousGlyphs(FontFace face, IReadOnlyCollection<int> codepoints)
    {
        var owners = new Dictionary<uint, int>();
        var result = new HashSet<ushort>();
        foreach (var codepoint in codepoints)
        {
            if (face.HarfBuzzFont.TryGetGlyph(codepoint, out var glyph) && !owners.TryAdd(glyph, codepoint) && owners[glyph] != codepoint)
            {
                result.Add((ushort)glyph);
            }
        }

        return result;
    }

    public SKFont Font(FontFace face, float size)
    {
        if (!_fonts.TryGetValue((face, size), out var font))
        {
            font = new SKFont(Typeface(face), size)
            {
                Subpixel = true,
                Hinting = SKFontHinting.None,
                LinearMetrics = true,
                Edging = SKFontEdging.Antialias,
            };
            _fonts[(face, size)] = font;
        }

        return font;
    }

    public void Dispose()
    {
        EmbeddedFontResolver.UnregisterFamily(ChartFamily);
        foreach (var font in _fonts.Values)
        {
            font.Dispose();
        }

        // The subset typefaces stay alive: ScottPlot caches typefaces by family name for the process lifetime,
        // and a disposed one there would be a dangling handle. They are small and their names never recur.
        _fonts.Clear();
    }
}
