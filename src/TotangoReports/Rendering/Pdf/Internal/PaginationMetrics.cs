namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>The vertical sizes the table paginator works with, all in points.</summary>
/// <param name="LineHeight">Height of one text line in a row.</param>
/// <param name="RowPadding">Padding above plus below the text of a row.</param>
/// <param name="HeaderHeight">The repeated column header, drawn at the top of every table page.</param>
/// <param name="FirstPageHeight">Space for the table (header included) on its first page.</param>
/// <param name="PageHeight">Space for the table (header included) on every following page.</param>
internal readonly record struct PaginationMetrics(float LineHeight, float RowPadding, float HeaderHeight, float FirstPageHeight, float PageHeight)
{
    public float ItemHeight(int lines) => RowPadding + (lines * LineHeight);

    /// <summary>Height of a slice as drawn: a continuing piece has one more line for its marker.</summary>
    public float SliceHeight(TableSlice slice) => ItemHeight(slice.LineCount + (slice.Continues ? 1 : 0));
}
