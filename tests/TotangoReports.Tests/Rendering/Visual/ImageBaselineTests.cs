using SkiaSharp;

namespace TotangoReports.Tests.Rendering.Visual;

public sealed class ImageBaselineTests
{
    [Fact]
    public void Compare_TextShiftedByOnePixel_Matches_ButTextMovedByALineDoesNot()
    {
        // Arrange: a baseline with a line of text, the same text one pixel to the right, and the same text a line lower.
        var baseline = Path.Combine(Path.GetTempPath(), $"baseline-{Guid.NewGuid():N}.png");
        using (var original = Draw(x: 20, y: 40))
        using (var data = original.Encode(SKEncodedImageFormat.Png, 100)!)
        {
            File.WriteAllBytes(baseline, data.ToArray());
        }

        using var shifted = Draw(x: 21, y: 40);
        using var moved = Draw(x: 20, y: 70);

        // Act and assert
        Should.NotThrow(() => ImageBaseline.AssertMatches(shifted, baseline));
        Should.Throw<ShouldAssertException>(() => ImageBaseline.AssertMatches(moved, baseline));
        File.Delete(baseline);
    }

    private static SKBitmap Draw(float x, float y)
    {
        var bitmap = new SKBitmap(200, 100);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 18);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText("Account 2026-11-21 10:23", x, y, font, paint);
        return bitmap;
    }
}
