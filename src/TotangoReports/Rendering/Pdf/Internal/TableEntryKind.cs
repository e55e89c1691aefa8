namespace TotangoReports.Rendering.Pdf.Internal;

internal enum TableEntryKind
{
    Row,
    GroupHeading,
    Subtotal,

    /// <summary>"… and M more rows": the rows an output's <c>rows:</c> left out.</summary>
    MoreRows,
}
