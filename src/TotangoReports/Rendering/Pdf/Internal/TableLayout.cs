namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A dataset table ready to paginate and draw: column widths, the wrapped header, and per row or band its line
/// count; the cells' shaped lines come from <see cref="Cells"/> when a page is drawn.
/// </summary>
internal sealed class TableLayout
{
    public required string Name { get; init; }

    public required TableMetrics Metrics { get; init; }

    public required float[] Widths { get; init; }

    public required bool[] RightAligned { get; init; }

    public required IReadOnlyList<TextLine>[] HeaderCells { get; init; }

    public required IReadOnlyList<TableEntry> Entries { get; init; }

    public required TableCells Cells { get; init; }

    public required bool Landscape { get; init; }

    public required TextLine ContinuedMarker { get; init; }

    public float Width => Widths.Sum();

    public int HeaderLines => Math.Max(1, HeaderCells.Length == 0 ? 1 : HeaderCells.Max(h => h.Count));

    public float HeaderHeight => Metrics.RowPadding + (HeaderLines * Metrics.LineHeight);

    public IReadOnlyList<TableItem> Items() =>
        Entries.Select(e => new TableItem(e.Lines, e.Kind == TableEntryKind.GroupHeading)).ToList();
}
