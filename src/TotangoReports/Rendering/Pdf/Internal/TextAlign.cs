namespace TotangoReports.Rendering.Pdf.Internal;

internal enum TextAlign
{
    Left,
    Right,
    Center,
}
