using System.Text;
using HarfBuzzSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Turns a string into a shaped line: splits it by font (main face, then the fallback face for characters the
/// main one lacks) and by bidi level, shapes each run with HarfBuzz, and orders the runs visually.
/// One instance per document: it caches short strings (table cells repeat a lot). Not thread-safe.
/// </summary>
internal sealed class TextShaper(PdfFonts fonts) : IDisposable
{
    private const int MaxCachedLength = 48;
    // Repeated cells (health, region, small numbers) hit early; unique ones (ids, names) only cost memory.
    private const int MaxCacheEntries = 10_000;

    // Ligatures off: a table is no place for them, and they make copied text differ from the source in some readers.
    private static readonly Feature[] Features = [Feature.Parse("liga=0"), Feature.Parse("clig=0")];

    private readonly Dictionary<(string Text, TextStyle Style), TextLine> _cache = [];
    private readonly HarfBuzzSharp.Buffer _buffer = new();

    public PdfFonts Fonts { get; } = fonts;

    /// <summary>Every glyph and character shaped so far, for font subsetting.</summary>
    public FontUsage Usage { get; } = new();

    public TextLine Shape(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return TextLine.Empty;
        }

        var cacheable = text.Length <= MaxCachedLength;
        if (cacheable && _cache.TryGetValue((text, style), out var cached))
        {
            return cached;
        }

        var line = ShapeUncached(text, style);
        if (cacheable)
        {
            if (_cache.Count >= MaxCacheEntries)
            {
                _cache.Clear();
            }

            _cache[(text, style)] = line;
        }

        return line;
    }

    public float Measure(string text, TextStyle style) => Shape(text, style).Width;

    public void Dispose() => _buffer.Dispose();

    private TextLine ShapeUncached(string text, TextStyle style)
    {
        var main = Fonts.Main(style.Bold);
        byte[]? levels = null;
        byte paragraphLevel = 0;
        if (Bidi.HasRightToLeft(text))
        {
            levels = Bidi.ResolveLevels(text, out paragraphLevel);
        }

        // Split into runs of one face and one level, never inside a surrogate pair or before a combining mark.
        var runs = new List<GlyphRun>(2);
        var runLevels = new List<byte>(2);
        var start = 0;
        FontFace? runFace = null;
        byte runLevel = 0;
        var i = 0;
        while (i < text.Length)
        {
            var codepoint = CodepointAt(text, i, out var units);
            var level = levels?[i] ?? 0;
            var isMark = Bidi.Classify(text[i]) == BidiClass.NonSpacingMark;
            var face = isMark && runFace is not null ? runFace : PickFace(main, codepoint);
            if (runFace is null)
            {
                runFace = face;
                runLevel = level;
            }
            else if (!isMark && (face != runFace || level != runLevel))
            {
                runs.Add(ShapeRun(text.AsSpan(start, i - start), runFace, style.Size, runLevel));
                runLevels.Add(runLevel);
                start = i;
                runFace = face;
                runLevel = level;
            }

            i += units;
        }

        runs.Add(ShapeRun(text.AsSpan(start), runFace!, style.Size, runLevel));
        runLevels.Add(runLevel);

        var width = 0f;
        foreach (var run in runs)
        {
            width += run.Width;
        }

        if (runs.Count > 1 && levels is not null)
        {
            var order = Bidi.VisualOrder(runLevels);
            runs = order.Select(k => runs[k]).ToList();
        }

        return new TextLine(runs, width, text, paragraphLevel == 1);
    }

    private static bool IsNominal(FontFace face, ushort[] glyphs, uint[] clusters, byte[] utf8)
    {
        var increasing = clusters.Length < 2 || clusters[1] > clusters[0];
        for (var g = 0; g < glyphs.Length; g++)
        {
            if (g > 0 && (increasing ? clusters[g] <= clusters[g - 1] : clusters[g] >= clusters[g - 1]))
            {
                return false;
            }

            if (System.Text.Rune.DecodeFromUtf8(utf8.AsSpan((int)clusters[g]), out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || !face.HarfBuzzFont.TryGetGlyph(rune.Value, out var nominal) || nominal != glyphs[g])
            {
                return false;
            }

            // The glyph must stand for the whole cluster: the next cluster starts right after this character.
            var next = increasing
                ? (g + 1 < clusters.Length ? clusters[g + 1] : (uint)utf8.Length)
                : (g > 0 ? clusters[g - 1] : (uint)utf8.Length);
            if (clusters[g] + consumed != next)
            {
                return false;
            }
        }

        return true;
    }

    private static int CodepointAt(string text, int index, out int units)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            units = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        units = 1;
        return char.IsSurrogate(c) ? 0xFFFD : c;
    }

    private FontFace PickFace(FontFace main, int codepoint)
    {
        if (codepoint < 0x250 || main.Covers(codepoint) || !Fonts.Fallback.Covers(codepoint))
        {
            return main;
        }

        return Fonts.Fallback;
    }

    private GlyphRun ShapeRun(ReadOnlySpan<char> text, FontFace face, float size, byte level)
    {
        var utf8 = new byte[Encoding.UTF8.GetByteCount(text)];
        Encoding.UTF8.GetBytes(text, utf8);
        _buffer.ClearContents();
        _buffer.AddUtf8(utf8);
        _buffer.GuessSegmentProperties();
        _buffer.Direction = (level & 1) == 1 ? Direction.RightToLeft : Direction.LeftToRight;
        face.HarfBuzzFont.Shape(_buffer, Features);

        var infos = _buffer.GetGlyphInfoSpan();
        var positions = _buffer.GetGlyphPositionSpan();
        var scale = size / FontFace.ShapingScale;
        var glyphs = new ushort[infos.Length];
        var xs = new float[infos.Length];
        var ys = new float[infos.Length];
        var clusters = new uint[infos.Length];
        var pen = 0f;
        for (var g = 0; g < infos.Length; g++)
        {
            glyphs[g] = (ushort)infos[g].Codepoint;
            clusters[g] = infos[g].Cluster;
            xs[g] = pen + (positions[g].XOffset * scale);
            ys[g] = -positions[g].YOffset * scale;
            pen += positions[g].XAdvance * scale;
        }

        Usage.AddGlyphs(face, glyphs);
        Usage.AddText(face, text.ToString());
        return new GlyphRun(face, size, glyphs, xs, ys, pen, utf8, clusters, IsNominal(face, glyphs, clusters, utf8));
    }
}
