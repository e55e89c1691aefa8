using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>A filled and/or stroked rectangle (tiles, rules, bands).</summary>
internal sealed class BoxElement(SKRect rect, SKColor? fill, SKColor? stroke = null, float strokeWidth = 0.5f) : PageElement
{
    public override void Draw(SKCanvas canvas, DrawContext context)
    {
        if (fill is { } f)
        {
            using var paint = new SKPaint { Color = f, Style = SKPaintStyle.Fill };
            canvas.DrawRect(rect, paint);
        }

        if (stroke is { } s)
        {
            using var paint = new SKPaint { Color = s, Style = SKPaintStyle.Stroke, StrokeWidth = strokeWidth, IsAntialias = true };
            canvas.DrawRect(rect, paint);
        }
    }
}
