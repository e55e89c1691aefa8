namespace TotangoReports.Rendering.Charts.Internal;

/// <summary>Where a chart draws one piece of text (title, category label, value label), in pixels from the top-left.</summary>
internal readonly record struct ChartTextBox(string Kind, string Text, float Left, float Top, float Width, float Height)
{
    public float Right => Left + Width;

    public float Bottom => Top + Height;

    public bool Intersects(ChartTextBox other) =>
        Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}
