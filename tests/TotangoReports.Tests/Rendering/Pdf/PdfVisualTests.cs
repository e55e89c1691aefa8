using System.Runtime.CompilerServices;
using SkiaSharp;
using TotangoReports.Rendering.Pdf;
using TotangoReports.Rendering.Pdf.Internal;
using TotangoReports.Tests.Fixtures;
using TotangoReports.Tests.Rendering.Visual;

namespace TotangoReports.Tests.Rendering.Pdf;

/// <summary>
/// Visual regression: the same drawing code that writes PDF pages draws onto a raster canvas, compared with a
/// committed PNG (<see cref="ImageBaseline"/>). Set UPDATE_BASELINES=1 to (re)write the baselines, then look at them and commit them.
/// </summary>
public sealed class PdfVisualTests
{
    [Theory]
    [InlineData(0, "overview-page.png")]
    [InlineData(1, "table-page.png")]
    public void DrawPage_MatchesBaseline(int pageIndex, string baseline)
    {
        using var layout = PdfDocumentLayout.Create(TestReports.Accounts(40), PdfTestSupport.Output(), new PdfRendererOptions());

        using var actual = Rasterize(layout, pageIndex);

        ImageBaseline.Compare(actual, Path.Combine(BaselineFolder(), baseline));
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

    private static string BaselineFolder([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Baselines");
}
