namespace TotangoReports.Data.Internal;

/// <summary>
/// The Excel-style formats a figure gets when its definition gives none: the summary's KPIs and every renderer read
/// these, so a number or date looks the same on the tile, in the sheet and in the PDF.
/// </summary>
internal static class DefaultFormats
{
    /// <summary>Grouped thousands, up to two decimals.</summary>
    public const string Number = "#,##0.##";

    public const string Date = "yyyy-mm-dd";

    public const string DateTime = "yyyy-mm-dd hh:mm";
}
