namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// The columns one table page shows: all of them, or — for a table too wide even at the smallest type — the key
/// columns followed by the next run of columns ("columns 9–16 of 16"), the way a spreadsheet prints across.
/// </summary>
internal sealed class ColumnBand
{
    public required int[] Columns { get; init; }

    public required float[] Widths { get; init; }

    public required bool[] RightAligned { get; init; }

    public required IReadOnlyList<TextLine>[] HeaderCells { get; init; }

    public required TableCells Cells { get; init; }

    /// <summary>1-based range of the table's columns this band adds (the repeated key columns aside).</summary>
    public required (int First, int Last) Range { get; init; }

    public float Width => Widths.Sum();

    public int HeaderLines => HeaderCells.Length == 0 ? 1 : Math.Max(1, HeaderCells.Max(h => h.Count));
}
