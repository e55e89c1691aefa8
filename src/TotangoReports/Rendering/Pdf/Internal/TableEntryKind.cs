namespace TotangoReports.Rendering.Pdf.Internal;

internal enum TableEntryKind
{
    Row,
    GroupHeading,
    Subtotal,
}
