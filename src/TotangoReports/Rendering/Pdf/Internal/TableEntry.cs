namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// One item of a table as pagination needs it: a data row (by its index in the dataset) or a full-width band
/// (group heading, subtotal) with its text, and how many lines it takes. It deliberately holds no shaped text:
/// for a large table that would keep every page's glyphs alive until the end; <see cref="TableCells"/> shapes
/// an item again when its page is drawn.
/// </summary>
/// <param name="Row">The dataset row of a <see cref="TableEntryKind.Row"/>; -1 for a band.</param>
/// <param name="Band">The text of a band; null for a row.</param>
/// <param name="Lines">Lines of the tallest cell (at least one), as wrapped in pass one.</param>
internal readonly record struct TableEntry(TableEntryKind Kind, int Row, string? Band, bool Shaded, int Lines)
{
    public bool IsBand => Kind != TableEntryKind.Row;

    public static int LinesOf(IReadOnlyList<TextLine>[] cells)
    {
        var lines = 1;
        foreach (var cell in cells)
        {
            lines = Math.Max(lines, cell.Count);
        }

        return lines;
    }
}
