using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>A raster image (the logo) scaled into a box, keeping its aspect ratio, right-aligned.</summary>
internal sealed class ImageElement(SKImage image, SKRect box) : PageElement
{
    public override void Draw(SKCanvas canvas, DrawContext context)
    {
        var scale = Math.Min(box.Width / image.Width, box.Height / image.Height);
        var w = image.Width * scale;
        var h = image.Height * scale;
        var dest = SKRect.Create(box.Right - w, box.Top + ((box.Height - h) / 2f), w, h);
        using var paint = new SKPaint { IsAntialias = true };
        canvas.DrawImage(image, dest, new SKSamplingOptions(SKCubicResampler.Mitchell), paint);
    }
}
