using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>Lines of text in a box of the given width, aligned left, right or centred.</summary>
internal sealed class TextElement(IReadOnlyList<TextLine> lines, TextStyle style, float x, float top, float width, SKColor color, TextAlign align = TextAlign.Left) : PageElement
{
    public float Height => lines.Count * style.LineHeight;

    public override void Draw(SKCanvas canvas, DrawContext context)
    {
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var face = PdfFonts.Shared.Main(style.Bold);
        var baseline = top + LayoutMath.BaselineOffset(face, style);
        foreach (var line in lines)
        {
            TextPainter.Draw(canvas, line, LayoutMath.AlignX(line, x, width, align), baseline, paint, context);
            baseline += style.LineHeight;
        }
    }
}
