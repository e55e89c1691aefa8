using HarfBuzzSharp;
using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>One shipped font: the Skia typeface for drawing and the HarfBuzz font for shaping, over the same bytes.</summary>
internal sealed class FontFace : IDisposable
{
    /// <summary>HarfBuzz works in integer font units; a fixed scale keeps 1/512 em precision whatever the size.</summary>
    public const int ShapingScale = 512;

    // 0 = unknown, 1 = covered, 2 = missing. Benign races: every writer stores the same answer.
    private readonly byte[] _bmpCoverage = new byte[0x10000];
    private readonly Blob _blob;

    public FontFace(string name, byte[] data)
    {
        Name = name;
        Data = data;
        Typeface = SKTypeface.FromStream(new MemoryStream(data, writable: false))
            ?? throw new InvalidOperationException($"The shipped font {name} could not be loaded.");
        _blob = NativeBlob.Create(data);
        HarfBuzzFace = new Face(_blob, 0);
        HarfBuzzFont = new HarfBuzzSharp.Font(HarfBuzzFace);
        HarfBuzzFont.SetScale(ShapingScale, ShapingScale);
        HarfBuzzFont.SetFunctionsOpenType();
        using var probe = new SKFont(Typeface, 1f);
        var metrics = probe.Metrics;
        Ascent = -metrics.Ascent;
        Descent = metrics.Descent;
    }

    public string Name { get; }

    /// <summary>The font file, for subsetting.</summary>
    public byte[] Data { get; }

    public SKTypeface Typeface { get; }

    public Face HarfBuzzFace { get; }

    public HarfBuzzSharp.Font HarfBuzzFont { get; }

    /// <summary>Ascent per point of font size (positive).</summary>
    public float Ascent { get; }

    /// <summary>Descent per point of font size (positive).</summary>
    public float Descent { get; }

    public bool Covers(int codepoint)
    {
        if (codepoint < 0x10000)
        {
            var known = _bmpCoverage[codepoint];
            if (known != 0)
            {
                return known == 1;
            }

            var covered = HarfBuzzFont.TryGetGlyph(codepoint, out _);
            _bmpCoverage[codepoint] = covered ? (byte)1 : (byte)2;
            return covered;
        }

        return HarfBuzzFont.TryGetGlyph(codepoint, out _);
    }

    public void Dispose()
    {
        HarfBuzzFont.Dispose();
        HarfBuzzFace.Dispose();
        _blob.Dispose();
        Typeface.Dispose();
    }
}
