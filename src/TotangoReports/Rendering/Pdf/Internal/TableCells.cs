using TotangoReports.Data;
using TotangoReports.Rendering.Formatting;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Formats, shapes and wraps the cells of one table item, in the columns of one band, on demand. Pass one uses it to count an item's lines,
/// pass two to rebuild the lines of just the page being drawn; formatting and shaping are deterministic, so both
/// passes see the same lines and the PDF stays byte-identical to laying everything out up front.
/// </summary>
/// <param name="columns">The dataset columns shown, in drawing order; <paramref name="widths"/> by the same position.</param>
internal sealed class TableCells(TextShaper shaper, CellFormatter formatter, DatasetTable table, TableMetrics metrics, int[] columns, float[] widths)
{
    private readonly float _bandWidth = widths.Sum() - (2 * metrics.PaddingX);

    /// <summary>The text of the cell at <paramref name="position"/> in this band.</summary>
    public string Text(int row, int position) => Text(formatter, table, row, columns[position]);

    /// <summary>A cell's text; a row shorter than the columns has empty cells.</summary>
    public static string Text(CellFormatter formatter, DatasetTable table, int row, int column)
    {
        var values = table.Rows[row].Values;
        return formatter.Format(column < values.Count ? values[column] : null, table.Columns[column]);
    }

    /// <summary>The points of the sparkline at <paramref name="position"/> (a <c>trend:</c> column), or null for any other cell.</summary>
    public double?[]? TrendPoints(int row, int position)
    {
        var column = columns[position];
        var values = table.Rows[row].Values;
        return table.Columns[column].Trend && column < values.Count ? TrendText.Points(values[column]) : null;
    }

    public static bool IsMultiline(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal);

    public float Room(int position) => widths[position] - (2 * metrics.PaddingX);

    public IReadOnlyList<TextLine> Band(string text) => LineBreaker.Wrap(shaper, text, metrics.Header, _bandWidth);

    public IReadOnlyList<TextLine>[] Of(TableEntry entry) => entry.IsBand ? [Band(entry.Band!)] : Row(entry.Row);

    /// <summary>
    /// A row's cells: a cell whose one-line shape fits stays that one line; a longer one, or one with line breaks,
    /// is wrapped. Pass one counts the same way from the widths it measured (<see cref="TableBuilder"/>).
    /// </summary>
    public IReadOnlyList<TextLine>[] Row(int row)
    {
        var cells = new IReadOnlyList<TextLine>[columns.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var text = Text(row, c);
            if (!IsMultiline(text) && shaper.Shape(text, metrics.Body) is var line && line.Width <= Room(c))
            {
                cells[c] = [line];
            }
            else
            {
                cells[c] = Wrap(text, c);
            }
        }

        return cells;
    }

    public IReadOnlyList<TextLine> Wrap(string text, int position) => LineBreaker.Wrap(shaper, text, metrics.Body, Room(position));
}
