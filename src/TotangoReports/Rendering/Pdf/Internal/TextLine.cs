namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>One line of shaped text: its runs in visual (left-to-right drawing) order.</summary>
internal sealed class TextLine(IReadOnlyList<GlyphRun> runs, float width, string text, bool rightToLeft = false)
{
    public static readonly TextLine Empty = new([], 0, string.Empty);

    public IReadOnlyList<GlyphRun> Runs { get; } = runs;

    public float Width { get; } = width;

    /// <summary>The paragraph direction is right to left (its first strong character is Hebrew or Arabic).</summary>
    public bool RightToLeft { get; } = rightToLeft;

    /// <summary>The logical text of the line (for tests and diagnostics).</summary>
    public string Text { get; } = text;
}
