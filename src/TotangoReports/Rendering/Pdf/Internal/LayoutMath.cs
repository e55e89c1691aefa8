namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>Small shared placement rules, so every element puts text on the same baselines.</summary>
internal static class LayoutMath
{
    /// <summary>From the top of a line box to its baseline: the ascent, centred in the line pitch.</summary>
    public static float BaselineOffset(FontFace face, TextStyle style)
    {
        var glyphHeight = (face.Ascent + face.Descent) * style.Size;
        return ((style.LineHeight - glyphHeight) / 2f) + (face.Ascent * style.Size);
    }

    public static float AlignX(TextLine line, float x, float width, TextAlign align) => align switch
    {
        TextAlign.Right => x + width - line.Width,
        TextAlign.Center => x + ((width - line.Width) / 2f),
        _ => x,
    };
}
