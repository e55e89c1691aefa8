using TotangoReports.Definition;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>A page's size and the bands on it: running header, body, footer. Points, origin top-left.</summary>
internal readonly record struct PageGeometry(float Width, float Height, float Margin)
{
    public const float HeaderBand = 30f;
    public const float FooterBand = 22f;

    public float ContentLeft => Margin;

    public float ContentWidth => Width - (2 * Margin);

    public float BodyTop => Margin + HeaderBand;

    public float BodyBottom => Height - Margin - FooterBand;

    public float BodyHeight => BodyBottom - BodyTop;

    public bool Landscape => Width > Height;

    public static PageGeometry For(PageSize size, bool landscape, float margin)
    {
        // ISO 216 A4 is 210 × 297 mm; US Letter is 8.5 × 11 in.
        var (w, h) = size == PageSize.Letter ? (612f, 792f) : (595.28f, 841.89f);
        return landscape ? new PageGeometry(h, w, margin) : new PageGeometry(w, h, margin);
    }
}
