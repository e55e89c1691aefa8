namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>What text looks like, as far as layout cares: size in points and weight.</summary>
internal readonly record struct TextStyle(float Size, bool Bold = false)
{
    /// <summary>Line pitch: generous enough for Hebrew points and CJK ideographs in the fallback face.</summary>
    public float LineHeight => Size * 1.3f;
}
