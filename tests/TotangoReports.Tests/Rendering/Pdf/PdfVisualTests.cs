using System.Runtime.CompilerServices;
using SkiaSharp;
using TotangoReports.Fixtures;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Pdf.Internal;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>
/// Visual regression: the same drawing code that writes PDF pages draws onto a raster canvas, compared with a
/// committed PNG. Set UPDATE_BASELINES=1 to (re)write the baselines, then look at them and commit them.
/// </summary>
public sealed class PdfVisualTests
{
    /// <summary>A pixel differs when any channel is off by more than this (anti-aliasing noise stays under it).</summary>
    private const int ChannelTolerance = 48;

    /// <summary>At most this share of pixels may differ.</summary>
    private const double PixelTolerance = 0.002;

    [Theory]
    [InlineData(0, "overview-page.png")]
    [InlineData(1, "table-page.png")]
    public void DrawPage_MatchesBaseline(int pageIndex, string baseline)
    {
        using var layout = PdfDocumentLayout.Create(TestReports.Accounts(40), PdfTestSupport.Output(), new PdfRendererOptions());

        using var actual = Rasterize(layout, pageIndex);

        CompareWithBaseline(actual, baseline);
    }

    private static SKBitmap Rasterize(PdfDocumentLayout layout, int pageIndex)
    {
        var geometry = layout.Pages[pageIndex].Geometry;
        var info = new SKImageInfo((int)Math.Ceiling(geometry.Width), (int)Math.Ceiling(geometry.Height), SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        using var canvas = new SKCanvas(bitmap);
        layout.DrawPage(pageIndex, canvas);
        canvas.Flush();
        return bitmap;
    }

    private static void CompareWithBaseline(SKBitmap actual, string name)
    {
        var path = Path.Combine(BaselineFolder(), name);
        if (Environment.GetEnvironmentVariable("UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var data = actual.Encode(SKEncodedImageFormat.Png, 100)!;
            File.WriteAllBytes(path, data.ToArray());
            return;
        }

        File.Exists(path).ShouldBeTrue($"Baseline {path} is missing: run the test once with UPDATE_BASELINES=1, check the PNG and commit it.");
        using var expected = SKBitmap.Decode(path);
        expected.Width.ShouldBe(actual.Width);
        expected.Height.ShouldBe(actual.Height);

        var different = 0;
        for (var y = 0; y < actual.Height; y++)
        {
            for (var x = 0; x < actual.Width; x++)
            {
                var a = actual.GetPixel(x, y);
                var e = expected.GetPixel(x, y);
                if (Math.Abs(a.Red - e.Red) > ChannelTolerance || Math.Abs(a.Green - e.Green) > ChannelTolerance || Math.Abs(a.Blue - e.Blue) > ChannelTolerance)
                {
                    different++;
                }
            }
        }

        var share = (double)different / (actual.Width * actual.Height);
        if (share > PixelTolerance)
        {
            var dump = Path.Combine(Path.GetTempPath(), "actual-" + name);
            using var data = actual.Encode(SKEncodedImageFormat.Png, 100)!;
            File.WriteAllBytes(dump, data.ToArray());
            share.ShouldBeLessThanOrEqualTo(PixelTolerance, $"{different} pixels differ from {path}; the rendering is at {dump}.");
        }
    }

    private static string BaselineFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Baselines");
}
