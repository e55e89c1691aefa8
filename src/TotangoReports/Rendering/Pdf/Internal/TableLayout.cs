namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// A dataset table ready to paginate and draw: its column bands (one, unless the table is too wide for a page even
/// at the smallest type), and per row or band its line count — the most any column band needs, so the same rows
/// go on the page of every band. The cells' shaped lines come from each band's cells when a page is drawn.
/// </summary>
internal sealed class TableLayout
{
    public required string Name { get; init; }

    public required TableMetrics Metrics { get; init; }

    public required IReadOnlyList<ColumnBand> Bands { get; init; }

    public required int ColumnCount { get; init; }

    public required IReadOnlyList<TableEntry> Entries { get; init; }

    public required bool Landscape { get; init; }

    public required TextLine ContinuedMarker { get; init; }

    public int HeaderLines => Bands.Count == 0 ? 1 : Bands.Max(b => b.HeaderLines);

    public float HeaderHeight => Metrics.RowPadding + (HeaderLines * Metrics.LineHeight);

    public IReadOnlyList<TableItem> Items() =>
        Entries.Select(e => new TableItem(e.Lines, e.Kind == TableEntryKind.GroupHeading)).ToList();
}
