using SkiaSharp;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>Something placed on a page during layout and drawn later, once the page count is known.</summary>
internal abstract class PageElement
{
    public abstract void Draw(SKCanvas canvas, DrawContext context);
}
