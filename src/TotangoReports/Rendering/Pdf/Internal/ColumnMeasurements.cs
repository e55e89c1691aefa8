using TotangoReports.Data;

namespace TotangoReports.Rendering.Pdf.Internal;

/// <summary>
/// Every column's widths from its content at one type size, padding included: <see cref="Hard"/> is the widest
/// thing that must not break (a number, date or id cell whole; the longest word of text and of the header),
/// <see cref="Soft"/> what a short column keeps (its widest cell up to the short-column width), and
/// <see cref="Natural"/> its widest cell on one line (capped). Also each cell's one-line width, so counting lines
/// needs no second shaping (NaN for text with line breaks, which is always wrapped).
/// Only the rows the page shows are measured: a PDF of the first 25 rows of 100,000 is sized by those 25 (measuring
/// the rest shaped two million cells for nothing).
/// </summary>
internal sealed class ColumnMeasurements
{
    private readonly Dictionary<int, int> _slots;

    private ColumnMeasurements(TableMetrics metrics, Dictionary<int, int> slots, float[] cellWidths, float[] natural, float[] soft, float[] hard)
    {
        Metrics = metrics;
        _slots = slots;
        CellWidths = cellWidths;
        Natural = natural;
        Soft = soft;
        Hard = hard;
    }

    public TableMetrics Metrics { get; }

    /// <summary>Row-major over the measured rows: cell (row, c) at <see cref="Slot"/>(row) × columns + c.</summary>
    public float[] CellWidths { get; }

    /// <summary>Where the measured row <paramref name="row"/> (a table row index) sits in <see cref="CellWidths"/>.</summary>
    public int Slot(int row) => _slots[row];

    public float[] Natural { get; }

    public float[] Soft { get; }

    public float[] Hard { get; }

    /// <param name="unbreakableCap">No single token may claim more than this (a pathological id still has to fit a page).</param>
    /// <param name="shownRows">The table rows the page shows (their indexes); only these are measured.</param>
    public static ColumnMeasurements Measure(TextShaper shaper, CellFormatter formatter, DatasetTable table, IReadOnlyList<int> shownRows, float fontSize, PdfRendererOptions options, float unbreakableCap)
    {
        var metrics = TableMetrics.For(fontSize);
        var columns = table.Columns;
        var count = columns.Count;
        var rows = shownRows.Count;
        var slots = new Dictionary<int, int>(rows);
        // A hair over the padding, so rounding in the width sharing can never leave a token a fraction too wide.
        var pad = (2 * metrics.PaddingX) + 0.25f;
        var unbreakable = columns.Select(ColumnRoles.IsUnbreakable).ToArray();
        var cellWidths = new float[rows * count];
        var natural = new float[count];
        var soft = new float[count];
        var hard = new float[count];
        var cellNatural = new float[count];
        for (var c = 0; c < count; c++)
        {
            // Headers wrap only between words: the longest word is a hard minimum.
            var words = columns[c].Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var longestWord = words.Length == 0 ? 0 : words.Max(w => shaper.Measure(w, metrics.Header));
            hard[c] = Math.Min(longestWord + pad, options.MaxColumnWidth);
            natural[c] = Math.Min(shaper.Measure(columns[c].Name, metrics.Header) + pad, options.MaxColumnWidth);
        }

        for (var r = 0; r < rows; r++)
        {
            slots[shownRows[r]] = r;
            for (var c = 0; c < count; c++)
            {
                var text = TableCells.Text(formatter, table, shownRows[r], c);
                var multiline = TableCells.IsMultiline(text);
                var width = multiline ? WidestLine(shaper, text, metrics.Body) : shaper.Measure(text, metrics.Body);
                cellWidths[(r * count) + c] = multiline ? float.NaN : width;
                cellNatural[c] = Math.Max(cellNatural[c], Math.Min(width + pad, options.MaxColumnWidth));
                if (unbreakable[c])
                {
                    hard[c] = Math.Max(hard[c], Math.Min(width + pad, unbreakableCap));
                }
                else if (width + pad > hard[c])
                {
                    // Only a cell wider than the column's minimum so far can raise it; its words are measured then.
                    hard[c] = Math.Max(hard[c], Math.Min(LongestToken(shaper, text, metrics.Body) + pad, options.MaxColumnWidth));
                }
            }
        }

        for (var c = 0; c < count; c++)
        {
            natural[c] = Math.Max(Math.Max(natural[c], cellNatural[c]), Math.Max(hard[c], options.MinColumnWidth));
            soft[c] = Math.Clamp(Math.Min(Math.Max(cellNatural[c], options.MinColumnWidth), options.ShortColumnWidth), hard[c], natural[c]);
        }

        return new ColumnMeasurements(metrics, slots, cellWidths, natural, soft, hard);
    }

    /// <summary>The widest piece <see cref="LineBreaker"/> keeps together.</summary>
    private static float LongestToken(TextShaper shaper, string text, TextStyle style)
    {
        var longest = 0f;
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            foreach (var segment in LineBreaker.Segments(paragraph))
            {
                longest = Math.Max(longest, shaper.Measure(segment.TrimEnd(), style));
            }
        }

        return longest;
    }

    private static float WidestLine(TextShaper shaper, string text, TextStyle style) =>
        text.ReplaceLineEndings("\n").Split('\n').Max(l => shaper.Measure(l, style));
}
