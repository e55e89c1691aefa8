namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// One laid-out item of a table: a data row (its cells' wrapped lines) or a full-width band (group heading,
/// subtotal) whose lines are in the first and only cell.
/// </summary>
internal sealed class TableEntry(TableEntryKind kind, IReadOnlyList<TextLine>[] cells, bool shaded)
{
    public TableEntryKind Kind { get; } = kind;

    public IReadOnlyList<TextLine>[] Cells { get; } = cells;

    public bool Shaded { get; } = shaded;

    public int Lines { get; } = Math.Max(1, cells.Length == 0 ? 1 : cells.Max(c => c.Count));

    public bool IsBand => Kind != TableEntryKind.Row;
}
