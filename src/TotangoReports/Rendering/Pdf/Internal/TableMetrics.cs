namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>Type sizes and cell padding of a table, derived from the body font size.</summary>
internal readonly record struct TableMetrics(TextStyle Body, TextStyle Header, float PaddingX, float PaddingY)
{
    public static TableMetrics For(float bodySize) =>
        new(new TextStyle(bodySize), new TextStyle(bodySize, Bold: true), bodySize * 0.5f, bodySize * 0.3f);

    public float LineHeight => Body.LineHeight;

    public float RowPadding => 2 * PaddingY;
}
